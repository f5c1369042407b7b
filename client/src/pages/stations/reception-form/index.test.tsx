import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@/test/page';
import ReceptionFormPage, { defaultVenue, fromVenueValue, keepValid, venueValue } from '.';

afterEach(() => vi.unstubAllGlobals());

const candidate = (deputyId: string, name: string, stationIds: string[]) => ({ deputyId, name, summary: '区第十七届人大代表', stationIds });
const event = {
  id: 'e-1',
  title: '第四季度集中接待选民活动',
  theme: null,
  date: '2099-12-16',
  startTime: '09:00:00',
  endTime: '11:30:00',
  status: 'Planned',
  onlineChannel: '代表微信群',
  venues: [
    { stationId: 's-1', stationName: '锦绣社区联络站' },
    { stationId: 's-2', stationName: '和平社区联络站' },
  ],
  participants: [
    { id: 'p-1', deputyId: 'd-li', deputyName: '李秀英', venueKind: 'Station', stationId: 's-1', venueName: '锦绣社区联络站', attendance: 'Pending', leaveReason: null, votersReceived: null, opinionsGathered: null },
    { id: 'p-2', deputyId: 'd-wang', deputyName: '王建国', venueKind: 'Online', stationId: null, venueName: null, attendance: 'Pending', leaveReason: null, votersReceived: null, opinionsGathered: null },
  ],
  attendedCount: 0,
  onlineAttendedCount: 0,
  leaveCount: 0,
  votersReceived: 0,
  opinionsGathered: 0,
  closedByName: null,
  closedAtUtc: null,
  version: 'v-1',
};

describe('reception form rules', () => {
  it('puts a deputy at their own station when it is a venue, else dispersed', () => {
    expect(defaultVenue(candidate('d', '甲', ['s-2', 's-1']), ['s-1'])).toEqual({ venueKind: 'Station', stationId: 's-1' });
    expect(defaultVenue(candidate('d', '甲', ['s-9']), ['s-1'])).toEqual({ venueKind: 'Dispersed', stationId: null });
  });

  it('sends a participant whose venue was removed to dispersed', () => {
    const planned = [
      { deputyId: 'a', name: '甲', venueKind: 'Station' as const, stationId: 's-1' },
      { deputyId: 'b', name: '乙', venueKind: 'Online' as const, stationId: null },
      { deputyId: 'c', name: '丙', venueKind: 'Station' as const, stationId: 's-2' },
    ];
    expect(keepValid(planned, ['s-2'], false).map((p) => p.venueKind)).toEqual(['Dispersed', 'Dispersed', 'Station']);
    expect(venueValue(planned[0])).toBe('station:s-1');
    expect(fromVenueValue('online')).toEqual({ venueKind: 'Online', stationId: null });
    expect(fromVenueValue('station:s-7')).toEqual({ venueKind: 'Station', stationId: 's-7' });
  });
});

describe('reception form', () => {
  it('edits an event: adds every serving deputy at once and saves with the version read', async () => {
    const seen = mockApi({
      'GET /api/stations/reception-events/e-1': event,
      'GET /api/stations/stations': [
        { id: 's-1', name: '锦绣社区联络站', isActive: true },
        { id: 's-2', name: '和平社区联络站', isActive: true },
      ],
      'GET /api/stations/reception-events/deputy-candidates': [
        candidate('d-li', '李秀英', ['s-1']),
        candidate('d-wang', '王建国', []),
        candidate('d-zhao', '赵明', ['s-2']),
        candidate('d-sun', '孙丽', []),
      ],
      'PUT /api/stations/reception-events/e-1': event,
    });
    renderPage(<ReceptionFormPage />, {
      permissions: ['stations.receptions.read', 'stations.receptions.manage'],
      path: '/stations/receptions/e-1/edit',
      route: '/stations/receptions/:id/edit',
    });
    const table = await screen.findByTestId('reception-participants');
    expect(await within(table).findByText('李秀英')).toBeTruthy();
    await waitFor(() => expect((screen.getByTestId('reception-add-all') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('reception-add-all'));
    expect(await within(table).findByText('赵明')).toBeTruthy();
    expect(within(table).getByText('孙丽')).toBeTruthy();

    fireEvent.click(screen.getByTestId('reception-save'));
    await waitFor(() => expect(seen.some((s) => s.method === 'PUT')).toBe(true));
    const body = seen.find((s) => s.method === 'PUT')?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      title: '第四季度集中接待选民活动',
      date: '2099-12-16',
      startTime: '09:00:00',
      endTime: '11:30:00',
      stationIds: ['s-1', 's-2'],
      onlineChannel: '代表微信群',
      version: 'v-1',
    });
    expect(body.participants).toEqual([
      { deputyId: 'd-li', venueKind: 'Station', stationId: 's-1' },
      { deputyId: 'd-wang', venueKind: 'Online', stationId: null },
      { deputyId: 'd-zhao', venueKind: 'Station', stationId: 's-2' },
      { deputyId: 'd-sun', venueKind: 'Dispersed', stationId: null },
    ]);
    expect(await screen.findByTestId('location')).toHaveTextContent('/stations/receptions/e-1');
  }, 60_000);

  it('requires the title, the date and the time before sending anything', async () => {
    const seen = mockApi({
      'GET /api/stations/stations': [{ id: 's-1', name: '锦绣社区联络站', isActive: true }],
      'GET /api/stations/reception-events/deputy-candidates': [],
    });
    renderPage(<ReceptionFormPage />, { permissions: ['stations.receptions.manage'], path: '/stations/receptions/new', route: '/stations/receptions/new' });
    fireEvent.click(await screen.findByTestId('reception-save'));
    expect(await screen.findAllByText('必填')).toHaveLength(3);
    expect(seen.some((s) => s.method === 'POST')).toBe(false);
  });
});
