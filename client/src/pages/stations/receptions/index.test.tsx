import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@/test/page';
import ReceptionsPage from '.';

const summary = (over: Record<string, unknown>) => ({
  id: 'e-1',
  title: '第四季度集中接待选民活动',
  date: '2099-12-16',
  startTime: '09:00:00',
  endTime: '11:30:00',
  status: 'Planned',
  stationCount: 2,
  online: true,
  participantCount: 12,
  attendedCount: 0,
  leaveCount: 0,
  ...over,
});

afterEach(() => vi.unstubAllGlobals());

describe('reception events', () => {
  it('lists the events with their venues and attendance, and lets staff create one', async () => {
    mockApi({
      'GET /api/stations/reception-events': [
        summary({}),
        summary({ id: 'e-2', title: '第三季度集中接待选民活动', date: '2026-11-02', status: 'Closed', stationCount: 3, attendedCount: 11, leaveCount: 1 }),
      ],
    });
    renderPage(<ReceptionsPage />, { permissions: ['stations.receptions.read', 'stations.receptions.manage'] });
    const table = await screen.findByTestId('receptions-table');
    expect(await within(table).findByText('第四季度集中接待选民活动')).toHaveAttribute('href', '/stations/receptions/e-1');
    expect(within(table).getByText('2099-12-16 09:00–11:30')).toBeTruthy();
    expect(within(table).getByText('2个联络站')).toBeTruthy();
    expect(within(table).getAllByText('线上接待')).toHaveLength(2);
    expect(within(table).getByText('出席11人,请假1人')).toBeTruthy();
    expect(within(table).getByText('已结束')).toBeTruthy();
    expect(screen.getByTestId('receptions-create')).toBeTruthy();
  });

  it('hides the create button from a reader', async () => {
    mockApi({ 'GET /api/stations/reception-events': [] });
    renderPage(<ReceptionsPage />, { permissions: ['stations.receptions.read'] });
    expect(await within(await screen.findByTestId('receptions-table')).findByText('暂无集中接待活动')).toBeTruthy();
    expect(screen.queryByTestId('receptions-create')).toBeNull();
  });
});
