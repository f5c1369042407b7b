import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@/test/page';
import ReceptionDetailPage, { applyEdits, canClose } from '.';

afterEach(() => vi.unstubAllGlobals());

const participant = (over: Record<string, unknown>) => ({
  id: 'p-1',
  deputyId: 'd-li',
  deputyName: '李秀英',
  venueKind: 'Station',
  stationId: 's-1',
  venueName: '锦绣社区联络站',
  attendance: 'Pending',
  leaveReason: null,
  votersReceived: null,
  opinionsGathered: null,
  ...over,
});
const event = (over: Record<string, unknown>) => ({
  id: 'e-1',
  title: '第三季度集中接待选民活动',
  theme: '老旧小区加装电梯',
  date: '2026-11-02',
  startTime: '09:00:00',
  endTime: '11:30:00',
  status: 'Planned',
  onlineChannel: '代表微信群',
  venues: [{ stationId: 's-1', stationName: '锦绣社区联络站' }],
  participants: [
    participant({ attendance: 'Attended', votersReceived: 8, opinionsGathered: 3 }),
    participant({ id: 'p-2', deputyId: 'd-wang', deputyName: '王建国', venueKind: 'Online', stationId: null, venueName: null }),
  ],
  attendedCount: 1,
  onlineAttendedCount: 0,
  leaveCount: 0,
  votersReceived: 8,
  opinionsGathered: 3,
  closedByName: null,
  closedAtUtc: null,
  version: 'v-1',
  ...over,
});
const manager = ['stations.receptions.read', 'stations.receptions.manage'];
const at = { path: '/stations/receptions/e-1', route: '/stations/receptions/:id' };

describe('reception sheet rules', () => {
  it('closes only a held, planned event with every row marked and nothing unsaved', () => {
    const marked = { status: 'Planned' as const, date: '2026-11-02', participants: [participant({ attendance: 'Absent' })] as never };
    expect(canClose(marked, 0, '2026-11-02')).toBe(true);
    expect(canClose(marked, 1, '2026-11-02')).toBe(false);
    expect(canClose(marked, 0, '2026-11-01')).toBe(false);
    expect(canClose({ ...marked, participants: [participant({})] as never }, 0, '2026-11-02')).toBe(false);
    expect(canClose({ ...marked, status: 'Closed' }, 0, '2026-11-02')).toBe(false);
  });

  it('applies the unsaved marks to the rows', () => {
    const rows = applyEdits([participant({}) as never], { 'p-1': { participantId: 'p-1', attendance: 'Leave', leaveReason: '外出学习' } as never });
    expect(rows[0]).toMatchObject({ attendance: 'Leave', leaveReason: '外出学习' });
  });
});

describe('reception detail', () => {
  it('marks a deputy on leave with a reason, saves the sheet and then closes the event', async () => {
    const complete = event({
      participants: [event({}).participants[0], participant({ id: 'p-2', deputyId: 'd-wang', deputyName: '王建国', venueKind: 'Online', stationId: null, venueName: null, attendance: 'Leave', leaveReason: '外出学习' })],
      leaveCount: 1,
    });
    // The API's state: the sheet as last saved (the page reads it again after each change).
    let current: unknown = event({});
    const seen = mockApi({
      'GET /api/stations/reception-events/e-1': () => ({ body: current }),
      'PUT /api/stations/reception-events/e-1/attendance': () => ({ body: (current = complete) }),
      'POST /api/stations/reception-events/e-1/close': () => ({
        body: (current = { ...complete, status: 'Closed', closedByName: '东柳街道人大工作室', closedAtUtc: '2026-11-02T06:00:00Z' }),
      }),
    });
    renderPage(<ReceptionDetailPage />, { permissions: manager, ...at });
    const sheet = await screen.findByTestId('reception-sheet');
    expect(within(sheet).getByText('锦绣社区联络站')).toBeTruthy();
    expect(within(sheet).getByText('线上')).toBeTruthy();
    expect(screen.getByTestId('reception-totals')).toHaveTextContent('接待选民8人次,收集意见建议3条');
    expect(screen.getByText('还有1位代表未登记出勤,全部登记后才能结束活动。')).toBeTruthy();
    expect((screen.getByTestId('reception-close') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(screen.getByTestId('attendance-d-wang')).getByText('请假'));
    fireEvent.change(await screen.findByTestId('reason-d-wang'), { target: { value: '外出学习' } });
    fireEvent.click(screen.getByTestId('reception-save-sheet'));
    await waitFor(() => expect(seen.some((s) => s.method === 'PUT')).toBe(true));
    expect(seen.find((s) => s.method === 'PUT')?.body).toEqual({
      entries: [{ participantId: 'p-2', attendance: 'Leave', leaveReason: '外出学习', votersReceived: null, opinionsGathered: null }],
    });

    await waitFor(() => expect((screen.getByTestId('reception-close') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('reception-close'));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(seen.some((s) => s.method === 'POST' && s.path.endsWith('/close'))).toBe(true));
    expect(await screen.findByText('已结束')).toBeTruthy();
    expect(screen.queryByTestId('reception-save-sheet')).toBeNull();
  }, 60_000);

  it('shows a reader the sheet without the tools', async () => {
    mockApi({ 'GET /api/stations/reception-events/e-1': event({}) });
    renderPage(<ReceptionDetailPage />, { permissions: ['stations.receptions.read'], ...at });
    const sheet = await screen.findByTestId('reception-sheet');
    expect(within(sheet).getByText('出席')).toBeTruthy();
    expect(within(sheet).getByText('未登记')).toBeTruthy();
    expect(screen.queryByTestId('reception-close')).toBeNull();
    expect(screen.queryByText('编 辑')).toBeNull();
  });
});
