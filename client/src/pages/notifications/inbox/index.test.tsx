import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@/test/page';
import InboxPage from '.';

const items = [
  { id: 'a', category: 'exports.completed', title: '导出完成:代表名册', body: '可在导出列表下载。', link: '/system/exports', createdAtUtc: '2026-12-01T02:00:00Z', readAtUtc: null },
  { id: 'b', category: 'identity.membership-changed', title: '您的角色已变更', body: '', link: null, createdAtUtc: '2026-11-30T02:00:00Z', readAtUtc: '2026-11-30T03:00:00Z' },
];

afterEach(() => vi.unstubAllGlobals());

describe('inbox page', () => {
  it('lists notifications, filters unread, marks one read and opens a link', async () => {
    let read = false;
    const seen = mockApi({
      'GET /api/notifications/inbox-items/unread-count': () => ({ body: { count: read ? 0 : 1 } }),
      'GET /api/notifications/inbox-items': (request) => {
        const unreadOnly = new URL(request.url).searchParams.get('unreadOnly') === 'true';
        const list = items.map((i) => (i.id === 'a' && read ? { ...i, readAtUtc: '2026-12-01T04:00:00Z' } : i));
        const shown = unreadOnly ? list.filter((i) => !i.readAtUtc) : list;
        return { body: { items: shown, total: shown.length, page: 1, pageSize: 20 } };
      },
      'POST /api/notifications/inbox-items/a/read': () => {
        read = true;
        return { body: { ...items[0], readAtUtc: '2026-12-01T04:00:00Z' } };
      },
    });
    renderPage(<InboxPage />, { path: '/notifications', route: '/notifications' });
    const first = await screen.findByTestId('inbox-item-a');
    expect(within(first).getByText('导出完成:代表名册')).toBeInTheDocument();
    expect(first).toHaveAttribute('data-read', 'false');
    expect(screen.getByTestId('inbox-item-b')).toHaveAttribute('data-read', 'true');
    expect(screen.getByText('消息中心')).toBeInTheDocument();

    fireEvent.click(screen.getByText('未读(1)'));
    await waitFor(() => expect(screen.queryByTestId('inbox-item-b')).not.toBeInTheDocument());
    expect(seen.some((r) => r.search.get('unreadOnly') === 'true')).toBe(true);

    fireEvent.click(await screen.findByTestId('mark-read-a'));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST' && r.path === '/api/notifications/inbox-items/a/read')).toBe(true));
    await screen.findByText('未读(0)');
  });

  it('opens the link of an item after marking it read', async () => {
    mockApi({
      'GET /api/notifications/inbox-items/unread-count': { count: 1 },
      'GET /api/notifications/inbox-items': { items, total: 2, page: 1, pageSize: 20 },
      'POST /api/notifications/inbox-items/a/read': { ...items[0], readAtUtc: '2026-12-01T04:00:00Z' },
    });
    renderPage(<InboxPage />, { path: '/notifications', route: '/notifications' });
    fireEvent.click(within(await screen.findByTestId('inbox-item-a')).getByText('查看'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/system/exports'));
  });
});
