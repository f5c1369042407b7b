// What the reception pages share: the query keys, the statuses' colours and a time range in words.
import type { Schemas } from '@/api/client';

export type ReceptionEvent = Schemas['ReceptionEventDto'];
export type ReceptionSummary = Schemas['ReceptionEventSummaryDto'];
export type ReceptionStatus = Schemas['ReceptionEventStatus'];
export type Attendance = Schemas['ReceptionAttendance'];
export type VenueKind = Schemas['ReceptionVenueKind'];

export const receptionsKey = ['stations', 'reception-events'] as const;
export const receptionKey = (id: string) => ['stations', 'reception-events', id] as const;
export const myReceptionsKey = ['stations', 'my-receptions'] as const;

export const STATUS_COLOR: Record<ReceptionStatus, string> = { Planned: 'blue', Closed: 'green', Cancelled: 'default' };
export const ATTENDANCE_COLOR: Record<Attendance, string> = { Pending: 'default', Attended: 'green', Leave: 'orange', Absent: 'red' };

/** "09:00:00" → "09:00". */
export const hhmm = (time: string) => time.slice(0, 5);

/** "2026-12-16 09:00–11:30". */
export const when = (e: { date: string; startTime: string; endTime: string }) => `${e.date} ${hhmm(e.startTime)}–${hhmm(e.endTime)}`;
