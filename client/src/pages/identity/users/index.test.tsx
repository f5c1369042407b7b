import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '@/i18n';
import UsersPage from '.';
import { adminMe, formItem, json, makeUser, mockApi, renderPage } from './test-helpers';

afterEach(async () => {
  vi.unstubAllGlobals();
  await setLanguage('zh-CN');
});

const page = (items = [makeUser(), makeUser({ id: 'u-zhao', userName: 'zhao.ll', displayName: '赵磊', phoneNumber: null, status: 'Disabled', isLockedOut: true, memberships: [{ tenantId: 't-xinchang', tenantName: '新昌镇人大主席团', roles: ['staff', 'leader'] }] })]) => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
});

function show(me = adminMe(), path = '/system/users') {
  return renderPage(<UsersPage />, { me, path, route: '/system/users' });
}

async function openCreate() {
  fireEvent.click(await screen.findByTestId('user-create'));
  return screen.findByTestId('user-form');
}

const type = (label: string, value: string) =>
  fireEvent.change(within(formItem(label)).getByRole('textbox'), { target: { value } });

// antd forms in jsdom are slow; a busy machine must not fail them on time.
describe('用户管理 list', { timeout: 60_000 }, () => {
  it('lists the users with status, roles in the active tenant and the lock', async () => {
    const seen = mockApi({ 'GET /api/identity/users': () => json(200, page()) });
    show();
    const table = await screen.findByTestId('users-table');
    expect(await within(table).findByText('陈晓梅')).toBeInTheDocument();
    const chen = within(table).getByText('陈晓梅').closest('tr')!;
    expect(chen).toHaveTextContent('chen.xm');
    expect(chen).toHaveTextContent('138****1234');
    expect(chen).toHaveTextContent('正常');
    expect(chen).toHaveTextContent('人大代表');
    expect(within(chen).getByRole('link', { name: '陈晓梅' })).toHaveAttribute('href', '/system/users/u-chen');
    const zhao = within(table).getByText('赵磊').closest('tr')!;
    expect(zhao).toHaveTextContent('已停用');
    expect(zhao).toHaveTextContent('工作人员');
    expect(zhao).toHaveTextContent('领导');
    expect(zhao).toHaveTextContent('已锁定');
    expect(screen.getByText('共 2 人')).toBeInTheDocument();
    expect(seen[0]!.url.searchParams.get('page')).toBe('1');
    expect(seen[0]!.url.searchParams.get('pageSize')).toBe('20');
    expect(screen.getByTestId('user-create')).toBeInTheDocument();
  });

  it('searches through the API with the query, from page 1, and keeps it in the address', async () => {
    const seen = mockApi({
      'GET /api/identity/users': ({ url }) =>
        json(200, url.searchParams.get('search') === '赵' ? page([makeUser({ id: 'u-zhao', displayName: '赵磊' })]) : page()),
    });
    show(adminMe(), '/system/users?page=2');
    await screen.findByText('陈晓梅');
    const search = within(screen.getByTestId('users-search')).getByRole('searchbox');
    fireEvent.change(search, { target: { value: ' 赵 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(screen.queryByText('陈晓梅')).not.toBeInTheDocument());
    expect(screen.getByText('赵磊')).toBeInTheDocument();
    const last = seen[seen.length - 1]!.url.searchParams;
    expect(last.get('search')).toBe('赵');
    expect(last.get('page')).toBe('1');
    expect(screen.getByTestId('location')).toHaveTextContent('/system/users?q=%E8%B5%B5');
  });

  it('speaks English when the UI does', async () => {
    await setLanguage('en-US');
    mockApi({ 'GET /api/identity/users': () => json(200, page()) });
    show();
    const table = await screen.findByTestId('users-table');
    expect(await within(table).findByText('陈晓梅')).toBeInTheDocument();
    expect(within(table).getAllByText('Roles here').length).toBeGreaterThan(0);
    expect(within(table).getAllByText('Deputy').length).toBeGreaterThan(0);
    expect(within(table).getByText('Disabled')).toBeInTheDocument();
    expect(screen.getByTestId('user-create')).toHaveTextContent('New user');
  });

  it('hides creating users from a reader without canManageUsers', async () => {
    mockApi({ 'GET /api/identity/users': () => json(200, page()) });
    show(adminMe({ roles: ['leader'], permissions: ['identity.profile.read', 'identity.users.read'] }));
    await screen.findByText('陈晓梅');
    expect(screen.queryByTestId('user-create')).not.toBeInTheDocument();
  });

  it('blocks bad input with the API’s rules in Chinese, before calling it', async () => {
    const seen = mockApi({ 'GET /api/identity/users': () => json(200, page()) });
    show();
    await openCreate();
    type('用户名', '王 建国');
    type('手机号', '12345');
    type('电子邮箱', 'wang-at-example');
    fireEvent.click(screen.getByTestId('user-save'));
    expect(await screen.findByText('请填写姓名')).toBeInTheDocument();
    expect(await screen.findByText('用户名只能使用英文字母、数字和 . _ -')).toBeInTheDocument();
    expect(screen.getByText('手机号应为 11 位数字,以 1 开头')).toBeInTheDocument();
    expect(screen.getByText('电子邮箱格式不正确')).toBeInTheDocument();
    expect(screen.getByText('至少选择一个角色')).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('puts the API’s field errors (400) on the fields', async () => {
    mockApi({
      'GET /api/identity/users': () => json(200, page()),
      'POST /api/identity/users': () =>
        json(400, {
          title: '请求有误',
          status: 400,
          detail: '提交的内容有误,请检查后重试。',
          code: 'validation',
          errors: { userName: ['用户名“wang.jg”已被使用。'], phoneNumber: ['该手机号已被其他账号使用。'] },
        }),
    });
    show();
    await openCreate();
    type('姓名', '王建国');
    type('用户名', 'wang.jg');
    type('手机号', '13900001111');
    fireEvent.click(within(screen.getByTestId('user-form')).getByRole('checkbox', { name: '工作人员' }));
    fireEvent.click(screen.getByTestId('user-save'));
    await waitFor(() => expect(within(formItem('用户名')).getByText('用户名“wang.jg”已被使用。')).toBeInTheDocument());
    expect(within(formItem('手机号')).getByText('该手机号已被其他账号使用。')).toBeInTheDocument();
    expect(screen.queryByTestId('temporary-password')).not.toBeInTheDocument();
  });

  it('creates the user with roles in the active tenant and shows the temporary password once', async () => {
    const created = makeUser({ id: 'u-wang', userName: 'wang.jg', displayName: '王建国', mustChangePassword: true });
    const seen = mockApi({
      'GET /api/identity/users': () => json(200, page()),
      'POST /api/identity/users': () => json(201, { user: created, temporaryPassword: 'Tq7!mZ2#pLx9Kd' }),
    });
    show();
    await openCreate();
    type('姓名', ' 王建国 ');
    type('用户名', 'wang.jg');
    type('手机号', '13900001111');
    fireEvent.click(within(screen.getByTestId('user-form')).getByRole('checkbox', { name: '人大代表' }));
    // 系统管理员 is the security administrator's to grant: a tenant administrator cannot tick it.
    expect(within(screen.getByTestId('user-form')).getByRole('checkbox', { name: '系统管理员' })).toBeDisabled();
    expect(await screen.findByText('任期届满日')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('user-save'));
    const password = await screen.findByTestId('temporary-password');
    expect(password).toHaveTextContent('Tq7!mZ2#pLx9Kd');
    expect(screen.getByText('王建国 的账号已创建。')).toBeInTheDocument();
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.body).toEqual({
      userName: 'wang.jg',
      displayName: '王建国',
      phoneNumber: '13900001111',
      email: null,
      termEndsOn: null,
      tenantId: null,
      roles: ['deputy'],
    });
    fireEvent.click(screen.getByTestId('temporary-password-done'));
    await waitFor(() => expect(screen.queryByTestId('temporary-password')).not.toBeInTheDocument());
  });
});
