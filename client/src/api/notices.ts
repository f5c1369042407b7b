// 月度公示 (the monthly public notice): the types the staff pages and the public station page share.
import type { Schemas } from './client';

export type StationNoticeListItem = Schemas['StationNoticeListItemDto'];
export type StationNotice = Schemas['StationNoticeDto'];
export type StationNoticeItem = Schemas['StationNoticeItemDto'];
export type StationNoticeStatus = StationNotice['status'];
export type PublicStationNotice = Schemas['PublicStationNoticeDto'];

export const noticesKey = ['stations', 'notices'] as const;

export const NOTICE_STATUSES: StationNoticeStatus[] = ['Draft', 'Published', 'Withdrawn'];

export const NOTICE_STATUS_COLOR: Record<StationNoticeStatus, string | undefined> = {
  Draft: 'warning',
  Published: 'success',
  Withdrawn: 'default',
};

/** The latest 20th on or before `today` (YYYY-MM-DD): the cut-off a run "now" compiles, as the API computes it. */
export function latestCutOff(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  if (d >= 20) return `${y}-${String(m).padStart(2, '0')}-20`;
  const month = m === 1 ? 12 : m - 1;
  const year = m === 1 ? y - 1 : y;
  return `${year}-${String(month).padStart(2, '0')}-20`;
}
