import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@/test/page';
import NotificationBell from './NotificationBell';

const item = (id: string, title: string, read = false) => ({
  id,
  category: 'identity.membership-changed',
  title,
  body: '现有角色:领导、工作人员',
  link: '/profile',
  createdAtUtc: '2026-12-01T02:00:00Z',
  readAtUtc: read ? '2026-12-01T03:00:00Z' : null,
});

afterEach(() => vi.unstubAllGlobals());

describe('notification bell', () => {
  it('shows the unread count and lists the latest; opening one marks it read and follows its link', async () => {
    let unread = 2;
    const seen = mockApi({
      'GET /api/notifications/inbox-items/unread-count': () => ({ body: { count: unread } }),
      'GET /api/notifications/inbox-items': { items: [item('a', '您在「东柳街道」的角色已变更'), item('b', '导出完成', true)], total: 2, page: 1, pageSize: 5 },
      'POST /api/notifications/inbox-items/a/read': () => {
        unread = 1;
        return { body: item('a', '您在「东柳街道」的角色已变更', true) };
      },
    });
    renderPage(<NotificationBell />, { path: '/', route: '*' });
    const bell = await screen.findByRole('button', { name: '消息通知,2 条未读' });
    expect(screen.getByTestId('bell-count')).toHaveTextContent('2');
    fireEvent.click(bell);
    expect(await screen.findByText('您在「东柳街道」的角色已变更')).toBeInTheDocument();
    expect(screen.getByText('最新通知')).toBeInTheDocument();
    expect(seen.find((r) => r.path === '/api/notifications/inbox-items')?.search.get('pageSize')).toBe('5');
    fireEvent.click(screen.getByTestId('bell-item-a'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/profile'));
    expect(seen.some((r) => r.method === 'POST' && r.path === '/api/notifications/inbox-items/a/read')).toBe(true);
    await screen.findByRole('button', { name: '消息通知,1 条未读' });
  });

  it('marks all read (全部已读) and the badge clears', async () => {
    let unread = 3;
    const seen = mockApi({
      'GET /api/notifications/inbox-items/unread-count': () => ({ body: { count: unread } }),
      'GET /api/notifications/inbox-items': { items: [item('a', '第一条')], total: 1, page: 1, pageSize: 5 },
      'POST /api/notifications/inbox-items/read-all': () => {
        unread = 0;
        return { body: { count: 0 } };
      },
    });
    renderPage(<NotificationBell />);
    fireEvent.click(await screen.findByRole('button', { name: '消息通知,3 条未读' }));
    fireEvent.click(await screen.findByTestId('bell-mark-all'));
    await screen.findByRole('button', { name: '消息通知' });
    expect(seen.filter((r) => r.path === '/api/notifications/inbox-items/read-all')).toHaveLength(1);
    expect(screen.getByTestId('bell-mark-all')).toBeDisabled();
  });
});
