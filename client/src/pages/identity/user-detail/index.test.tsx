import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '@/access';
import { adminMe, confirmPopconfirm, formItem, json, makeUser, mockApi, renderPage } from '../users/test-helpers';
import type { User } from '../users/shared';
import UserDetailPage from '.';

afterEach(() => vi.unstubAllGlobals());

function show(me: Me = adminMe(), id = 'u-chen') {
  return renderPage(<UserDetailPage />, { me, path: `/system/users/${id}`, route: '/system/users/:id' });
}

/** A fake API holding one user; PUT/POST change it as the server would. */
function api(initial: User = makeUser(), extra: Parameters<typeof mockApi>[0] = {}) {
  let user = initial;
  const seen = mockApi({
    'GET /api/identity/users/{id}': () => json(200, user),
    'GET /api/identity/tenants': () =>
      json(200, [
        { id: 't-xinchang', code: 'xinchang', name: '新昌镇人大主席团', kind: 'Township', parentId: null, path: '/xinchang/', depth: 0, isActive: true, version: 'v' },
      ]),
    'PUT /api/identity/users/{id}/memberships/{tenantId}': ({ body }, { tenantId }) => {
      const roles = (body as { roles: string[] }).roles;
      const others = user.memberships.filter((m) => m.tenantId !== tenantId);
      user = { ...user, memberships: [...others, { tenantId: tenantId!, tenantName: '新昌镇人大主席团', roles }] };
      return json(200, user);
    },
    'POST /api/identity/users/{id}/disable': () => json(200, (user = { ...user, status: 'Disabled' })),
    'POST /api/identity/users/{id}/reset-password': () => json(200, { temporaryPassword: 'Zx8@kW3!nQ5pLm' }),
    // As the API: no phone keeps the one on file, an empty one removes it.
    'PUT /api/identity/users/{id}': ({ body }) => {
      const b = body as Partial<User> & { phoneNumber?: string | null };
      const phoneNumber = b.phoneNumber == null ? user.phoneNumber : b.phoneNumber || null;
      return json(200, (user = { ...user, ...b, phoneNumber, version: `v${Number(user.version.slice(1)) + 1}` }));
    },
    ...extra,
  });
  return seen;
}

describe('用户详情', { timeout: 60_000 }, () => {
  it('shows the profile, status and seats', async () => {
    api(makeUser({ isLockedOut: true, mustChangePassword: true }));
    show();
    const profile = await screen.findByTestId('user-profile');
    expect(profile).toHaveTextContent('chen.xm');
    expect(profile).toHaveTextContent('138****1234');
    expect(profile).toHaveTextContent('下次登录须设置新密码');
    const seats = screen.getByTestId('memberships-table');
    expect(seats).toHaveTextContent('新昌镇人大主席团');
    expect(seats).toHaveTextContent('人大代表');
    expect(screen.getByTestId('action-unlock')).toBeEnabled();
  });

  it('resets the password after a confirmation and shows the temporary password', async () => {
    const seen = api();
    show();
    fireEvent.click(await screen.findByTestId('action-reset-password'));
    expect(seen.some((r) => r.url.pathname.endsWith('/reset-password'))).toBe(false);
    await confirmPopconfirm();
    expect(await screen.findByTestId('temporary-password')).toHaveTextContent('Zx8@kW3!nQ5pLm');
    expect(screen.getByText('陈晓梅 的密码已重置,其所有登录会话已结束。')).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'POST').map((r) => r.url.pathname)).toEqual(['/api/identity/users/u-chen/reset-password']);
  });

  it('disables the account with a success message', async () => {
    api();
    show();
    fireEvent.click(await screen.findByTestId('action-disable'));
    await confirmPopconfirm();
    expect(await screen.findByText('账号已停用')).toBeInTheDocument();
    expect(await screen.findByTestId('action-enable')).toBeInTheDocument();
    expect(screen.getByTestId('action-unlock')).toBeDisabled();
  });

  it('shows the API’s message when it refuses', async () => {
    api(makeUser(), {
      'POST /api/identity/users/{id}/end-sessions': () =>
        json(403, { status: 403, title: '无权操作', detail: '该账号持有管理员或上级督导角色,只能由安全管理员管理。', code: 'user.privileged_account' }),
    });
    show();
    fireEvent.click(await screen.findByTestId('action-end-sessions'));
    await confirmPopconfirm();
    expect(await screen.findByText('该账号持有管理员或上级督导角色,只能由安全管理员管理。')).toBeInTheDocument();
  });

  it('hides every action from a reader without canManageUsers', async () => {
    api();
    show(adminMe({ roles: ['leader'], permissions: ['identity.profile.read', 'identity.users.read'] }));
    expect(await screen.findByTestId('user-profile')).toBeInTheDocument();
    expect(screen.queryByTestId('user-actions')).not.toBeInTheDocument();
    expect(screen.queryByTestId('user-edit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('membership-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('membership-edit-t-xinchang')).not.toBeInTheDocument();
    expect(screen.queryByText('重置密码')).not.toBeInTheDocument();
  });

  it('sends the roles chosen for a seat, and shows them', async () => {
    const seen = api();
    show();
    fireEvent.click(await screen.findByTestId('membership-edit-t-xinchang'));
    const form = await screen.findByTestId('membership-form');
    expect(within(form).getByRole('checkbox', { name: '人大代表' })).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: '单位管理员' })).toBeDisabled();
    fireEvent.click(within(form).getByRole('checkbox', { name: '工作人员' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: '联络站站长' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: '人大代表' }));
    fireEvent.click(screen.getByTestId('membership-save'));
    await screen.findByText('角色已保存');
    const put = seen.find((r) => r.method === 'PUT')!;
    expect(put.url.pathname).toBe('/api/identity/users/u-chen/memberships/t-xinchang');
    expect((put.body as { roles: string[] }).roles.slice().sort()).toEqual(['staff', 'station-keeper']);
    const seats = screen.getByTestId('memberships-table');
    await waitFor(() => expect(seats).toHaveTextContent('工作人员'));
    expect(seats).toHaveTextContent('联络站站长');
    expect(seats).not.toHaveTextContent('人大代表');
  });

  it('will not save an empty role list', async () => {
    const seen = api();
    show();
    fireEvent.click(await screen.findByTestId('membership-edit-t-xinchang'));
    const form = await screen.findByTestId('membership-form');
    fireEvent.click(within(form).getByRole('checkbox', { name: '人大代表' }));
    fireEvent.click(screen.getByTestId('membership-save'));
    expect(await screen.findByText('至少选择一个角色')).toBeInTheDocument();
    expect(seen.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('edits the profile: an empty phone keeps the masked number, the check box removes it', async () => {
    const seen = api();
    show();
    fireEvent.click(await screen.findByTestId('user-edit'));
    await screen.findByTestId('profile-form');
    fireEvent.change(within(formItem('姓名')).getByRole('textbox'), { target: { value: '陈晓梅' } });
    fireEvent.click(screen.getByTestId('profile-save'));
    await screen.findByText('资料已保存');
    expect(seen.find((r) => r.method === 'PUT')!.body).toEqual({
      displayName: '陈晓梅',
      phoneNumber: null,
      email: 'chen@xinchang.gov.cn',
      termEndsOn: null,
      version: 'v1',
    });

    fireEvent.click(await screen.findByTestId('user-edit'));
    await screen.findByTestId('profile-form');
    fireEvent.click(screen.getByRole('checkbox', { name: '清除手机号' }));
    fireEvent.click(screen.getByTestId('profile-save'));
    await waitFor(() => expect(seen.filter((r) => r.method === 'PUT')).toHaveLength(2));
    expect(seen.filter((r) => r.method === 'PUT')[1]!.body).toMatchObject({ phoneNumber: '' });
  });

  it('shows the API’s 404 as a result with the way back', async () => {
    mockApi({ 'GET /api/identity/users/{id}': () => json(404, { status: 404, title: '未找到', detail: '用户不存在。' }) });
    show(adminMe(), 'u-gone');
    expect(await screen.findByText('用户不存在。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /返回用户列表/ })).toHaveAttribute('href', '/system/users');
  });
});
