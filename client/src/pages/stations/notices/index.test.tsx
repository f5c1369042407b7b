import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestCutOff } from '@/api/notices';
import { mockApi, renderPage } from '@/test/page';
import StationNoticesPage from '.';

const row = (over: Record<string, unknown>) => ({
  id: 'n-1',
  stationId: 's-1',
  stationName: '锦绣社区联络站',
  periodStart: '2026-10-21',
  periodEnd: '2026-11-20',
  status: 'Draft',
  itemCount: 5,
  excludedCount: 1,
  confidentialCount: 1,
  publishedAtUtc: null,
  updatedAtUtc: '2026-11-20T00:00:00Z',
  ...over,
});
const routes = {
  'GET /api/stations/notices': { items: [row({}), row({ id: 'n-2', stationName: '和平社区联络站', status: 'Published', excludedCount: 0, publishedAtUtc: '2026-11-21T02:00:00Z' })], total: 2, page: 1, pageSize: 20 },
  'GET /api/stations/stations': [{ id: 's-1', name: '锦绣社区联络站' }],
};

afterEach(() => vi.unstubAllGlobals());

describe('monthly notices', () => {
  it('computes the latest 20th as the API does', () => {
    expect(latestCutOff('2026-12-01')).toBe('2026-11-20');
    expect(latestCutOff('2026-12-20')).toBe('2026-12-20');
    expect(latestCutOff('2027-01-05')).toBe('2026-12-20');
  });

  it('lists notices with status and counts, and staff compile a cut-off now', async () => {
    const seen = mockApi({
      ...routes,
      'POST /api/stations/notices/runs': { cutOff: '2026-11-20', created: 3, refreshed: 0, published: 0, unchanged: 1 },
    });
    renderPage(<StationNoticesPage />, { permissions: ['stations.notices.read', 'stations.notices.manage'] });
    expect(await screen.findByTestId('notice-status-n-1')).toHaveTextContent('待审核');
    expect(screen.getByTestId('notice-status-n-2')).toHaveTextContent('已公示');
    expect(screen.getByText('不予公示 1 条')).toBeInTheDocument();
    expect(screen.getByTestId('notice-open-n-1')).toHaveTextContent('审核');
    expect(screen.getByTestId('notice-open-n-1')).toHaveAttribute('href', '/stations/notices/n-1');

    fireEvent.click(screen.getByTestId('notice-run'));
    fireEvent.click(await screen.findByTestId('notice-run-ok'));
    await waitFor(() => expect(seen.some((s) => s.method === 'POST' && s.path === '/api/stations/notices/runs')).toBe(true));
    const run = seen.find((s) => s.method === 'POST')!;
    expect(run.body).toMatchObject({ publish: false });
    expect((run.body as { cutOff: string }).cutOff).toMatch(/^\d{4}-\d{2}-20$/);
    expect(await screen.findByText(/新建 3 份/)).toBeInTheDocument();
  });

  it('offers a reader no compile button and only "view"', async () => {
    mockApi(routes);
    renderPage(<StationNoticesPage />, { permissions: ['stations.notices.read'] });
    expect(await screen.findByTestId('notice-open-n-1')).toHaveTextContent('查看');
    expect(screen.queryByTestId('notice-run')).toBeNull();
  });
});
