import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@/test/page';
import NoticeReviewPage from '.';

const item = (over: Record<string, unknown>) => ({
  id: 'i-1',
  opinionId: 'o-1',
  trackingCode: 'ABCDEFGHJK',
  category: '物业小区',
  receivedOn: '2026-10-27',
  answeredOn: null,
  raisedInPeriod: true,
  answeredInPeriod: false,
  opinionStatus: 'Received',
  summary: '电梯经常停运,请打我电话＊＊＊。',
  answer: null,
  summaryEdited: false,
  excluded: false,
  excludedReason: null,
  ...over,
});
const notice = (over: Record<string, unknown> = {}) => ({
  id: 'n-1',
  stationId: 's-1',
  stationName: '锦绣社区联络站',
  periodStart: '2026-10-21',
  periodEnd: '2026-11-20',
  status: 'Draft',
  confidentialCount: 1,
  updatedAtUtc: '2026-11-20T00:00:00Z',
  publishedAtUtc: null,
  publishedByName: null,
  withdrawnAtUtc: null,
  withdrawnReason: null,
  items: [item({}), item({ id: 'i-2', opinionId: 'o-2', summary: '邻里纠纷', answeredInPeriod: true, answer: '已调解' })],
  ...over,
});
const manager = ['stations.notices.read', 'stations.notices.manage'];
const render = (permissions = manager) => renderPage(<NoticeReviewPage />, { permissions, path: '/stations/notices/n-1', route: '/stations/notices/:id' });

afterEach(() => vi.unstubAllGlobals());

describe('notice review', () => {
  it('leaves an item out only with a reason, then publishes', async () => {
    const seen = mockApi({
      'GET /api/stations/notices/n-1': notice(),
      'PUT /api/stations/notices/n-1/items/i-2/excluded': notice({ items: [item({}), item({ id: 'i-2', excluded: true, excludedReason: '涉及个人隐私' })] }),
      'POST /api/stations/notices/n-1/publish': notice({ status: 'Published', publishedAtUtc: '2026-11-21T02:00:00Z', publishedByName: '赵干事' }),
    });
    render();
    expect(await screen.findByTestId('notice-confidential')).toHaveTextContent('另有 1 条涉密事项不予公示');
    expect(screen.getByTestId('notice-status')).toHaveTextContent('待审核');

    fireEvent.click(screen.getByTestId('notice-item-exclude-i-2'));
    fireEvent.click(await screen.findByTestId('notice-dialog-ok'));
    await waitFor(() => expect(screen.getAllByText('原因').length).toBeGreaterThan(1));
    expect(seen.some((s) => s.method === 'PUT')).toBe(false);
    fireEvent.change(screen.getByTestId('notice-dialog-text'), { target: { value: '涉及个人隐私' } });
    fireEvent.click(screen.getByTestId('notice-dialog-ok'));
    await waitFor(() => expect(seen.some((s) => s.method === 'PUT')).toBe(true));
    expect(seen.find((s) => s.method === 'PUT')!.body).toEqual({ excluded: true, reason: '涉及个人隐私' });
    expect(await screen.findByText('不予公示:涉及个人隐私')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('notice-publish'));
    fireEvent.click(await screen.findByTestId('notice-publish-ok'));
    await waitFor(() => expect(screen.getByTestId('notice-status')).toHaveTextContent('已公示'));
    expect(seen.some((s) => s.method === 'POST' && s.path === '/api/stations/notices/n-1/publish')).toBe(true);
    expect(screen.queryByTestId('notice-item-exclude-i-1')).toBeNull();
    expect(screen.getByTestId('notice-withdraw')).toBeInTheDocument();
  });

  it('shows a reader the items without the review actions', async () => {
    mockApi({ 'GET /api/stations/notices/n-1': notice() });
    render(['stations.notices.read']);
    expect(await screen.findByTestId('notice-item-summary-i-1')).toHaveTextContent('＊＊＊');
    expect(screen.queryByTestId('notice-item-edit-i-1')).toBeNull();
    expect(screen.queryByTestId('notice-publish')).toBeNull();
  });
});
