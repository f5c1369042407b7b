import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@/test/page';
import StationRotaPage, { canConfirm } from '.';

const station = 's-1';
const week = (over: Record<string, unknown>) => ({
  id: 'w-1',
  stationId: station,
  weekStart: '2026-12-07',
  weekEnd: '2026-12-13',
  deputyId: 'd-li',
  deputyName: '李秀英',
  status: 'Published',
  isManual: false,
  reminded: false,
  confirmedByName: null,
  confirmedAtUtc: null,
  note: null,
  version: 'v',
  ...over,
});
const rota = {
  stationId: station,
  stationName: '东柳社区联络站',
  from: '2026-11-30',
  to: '2027-02-21',
  deputies: [
    { deputyId: 'd-li', name: '李秀英', assignedOn: '2025-01-01', endedOn: null },
    { deputyId: 'd-zhou', name: '周值班', assignedOn: '2025-01-01', endedOn: null },
  ],
  weeks: [week({}), week({ id: 'w-2', weekStart: '2026-12-14', weekEnd: '2026-12-20', deputyId: 'd-zhou', deputyName: '周值班', status: 'Draft' })],
  swaps: [
    {
      id: 'sw-1',
      stationId: station,
      requesterWeekId: 'w-1',
      requesterDeputyId: 'd-li',
      requesterName: '李秀英',
      requesterWeekStart: '2026-12-07',
      targetWeekId: 'w-2',
      targetDeputyId: 'd-zhou',
      targetName: '周值班',
      targetWeekStart: '2026-12-14',
      reason: '外出开会',
      status: 'Pending',
      decidedByName: null,
      decidedAtUtc: null,
      decisionNote: null,
      createdAtUtc: '2026-12-01T02:00:00Z',
    },
  ],
  leaves: [],
};

afterEach(() => vi.unstubAllGlobals());

describe('station rota', () => {
  it('lets a week be confirmed once it is over and while it is open', () => {
    expect(canConfirm({ status: 'Published', weekEnd: '2026-12-06' }, '2026-12-06')).toBe(true);
    expect(canConfirm({ status: 'Published', weekEnd: '2026-12-13' }, '2026-12-06')).toBe(false);
    expect(canConfirm({ status: 'Served', weekEnd: '2026-12-06' }, '2026-12-10')).toBe(false);
  });

  it('shows the weeks, generates for the period and approves a pending swap', async () => {
    const seen = mockApi({
      'GET /api/stations/stations': [{ id: station, name: '东柳社区联络站' }],
      [`GET /api/stations/rotas/${station}`]: rota,
      [`POST /api/stations/rotas/${station}/generate`]: { created: 12, kept: 0, unfilled: [], weeks: [] },
      'POST /api/stations/rota-swaps/sw-1/approve': { ...rota.swaps[0], status: 'Approved' },
    });
    renderPage(<StationRotaPage />, {
      permissions: ['stations.rota.read', 'stations.rota.manage', 'stations.stations.read'],
      path: `/stations/rota/${station}`,
      route: '/stations/rota/:id',
    });
    const table = await screen.findByTestId('rota-weeks');
    expect(await within(table).findByText('李秀英')).toBeTruthy();
    expect(within(table).getByText('12月7日 至 12月13日')).toBeTruthy();
    expect(within(table).getByText('草稿')).toBeTruthy();

    fireEvent.click(screen.getByTestId('rota-generate'));
    expect(await screen.findByText('已排 12 周,保留 0 周')).toBeTruthy();
    const generate = seen.find((s) => s.method === 'POST' && s.path.endsWith('/generate'));
    expect(generate?.body).toMatchObject({ publish: false });
    expect((generate?.body as { from: string }).from).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const swaps = screen.getByTestId('rota-swaps');
    expect(within(swaps).getByText('待审批')).toBeTruthy();
    fireEvent.click(within(swaps).getByRole('button', { name: /批\s*准/ }));
    await waitFor(() => expect(seen.some((s) => s.method === 'POST' && s.path === '/api/stations/rota-swaps/sw-1/approve')).toBe(true));
  }, 60_000);

  it('hides the planning tools from a reader', async () => {
    mockApi({ 'GET /api/stations/stations': [{ id: station, name: '东柳社区联络站' }], [`GET /api/stations/rotas/${station}`]: rota });
    renderPage(<StationRotaPage />, { permissions: ['stations.rota.read'], path: `/stations/rota/${station}`, route: '/stations/rota/:id' });
    await screen.findByTestId('rota-weeks');
    expect(screen.queryByTestId('rota-generate')).toBeNull();
    expect(within(screen.getByTestId('rota-swaps')).queryByRole('button')).toBeNull();
  });
});
