import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeMe } from '@/test/fixtures';
import { mockApi, renderPage, validationProblem } from '@/test/page';
import TenantsPage, { TENANT_CODE, toTree } from '.';

const tenant = (code: string, name: string, parent: string | null, kind: 'District' | 'Street' | 'Township', isActive = true) => ({
  id: `t-${code}`,
  code,
  name,
  kind,
  parentId: parent ? `t-${parent}` : null,
  path: parent ? `/${parent}/${code}/` : `/${code}/`,
  depth: parent ? 1 : 0,
  isActive,
  version: `v-${code}`,
});
const tenants = [
  tenant('liucheng', '柳城区人大常委会', null, 'District'),
  tenant('dongliu', '东柳街道人大工委', 'liucheng', 'Street'),
  tenant('xinchang', '新昌镇人大主席团', 'liucheng', 'Township'),
  tenant('closed', '已撤销街道人大工委', 'liucheng', 'Street', false),
];
const admin = makeMe({
  tenant: { id: 't-liucheng', code: 'liucheng', name: '柳城区人大常委会', kind: 'District', supervised: false },
  roles: ['tenant-admin', 'supervisor'],
  permissions: ['identity.tenants.read', 'identity.tenants.create', 'identity.tenants.update'],
});

const row = (id: string) => document.querySelector<HTMLElement>(`[data-testid="tenants-tree"] tr[data-row-key="${id}"]`)!;
const field = (label: string) => screen.getByLabelText(label);
const itemOf = (label: string) => field(label).closest<HTMLElement>('.ant-form-item')!;

afterEach(() => vi.unstubAllGlobals());

describe('tenants page', () => {
  it('shows the tenants as a tree, the current one marked', async () => {
    mockApi({ 'GET /api/identity/tenants': tenants });
    renderPage(<TenantsPage />, { me: admin });
    expect(await screen.findByText('东柳街道人大工委')).toBeInTheDocument();
    expect(within(row('t-liucheng')).getByText('当前单位')).toBeInTheDocument();
    expect(row('t-dongliu')).toHaveClass('ant-table-row-level-1');
    expect(within(row('t-closed')).getByText('停用')).toBeInTheDocument();
    expect(within(row('t-liucheng')).getByTestId('tenant-edit')).toBeInTheDocument();
    expect(toTree(tenants).map((n) => n.children?.length)).toEqual([3]);
  });

  it('refuses a child without a name and with a malformed code, in Chinese, before calling the API', async () => {
    const seen = mockApi({ 'GET /api/identity/tenants': tenants });
    renderPage(<TenantsPage />, { me: admin });
    await screen.findByText('东柳街道人大工委');
    fireEvent.click(screen.getByTestId('tenant-create'));
    const form = await screen.findByTestId('tenant-form');
    fireEvent.change(field('编码'), { target: { value: 'Dong Liu' } });
    fireEvent.click(within(form).getByTestId('tenant-save'));
    expect(await within(itemOf('单位名称')).findByText('请输入单位名称')).toBeInTheDocument();
    expect(await within(itemOf('编码')).findByText('编码须以小写字母开头,只含小写字母、数字和连字符,长 2–32 位。')).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(TENANT_CODE.test('dongliu-2')).toBe(true);
    expect(TENANT_CODE.test('2dong')).toBe(false);
  });

  it('creates a street under the district and puts the API field errors and a taken code on the fields', async () => {
    let attempt = 0;
    const seen = mockApi({
      'GET /api/identity/tenants': tenants,
      'POST /api/identity/tenants': () => {
        attempt += 1;
        if (attempt === 1) return validationProblem({ name: ['名称不能包含特殊字符。'] });
        if (attempt === 2) return { status: 409, body: { status: 409, code: 'tenant.code_taken', detail: '编码“xiliu”已被使用。' } };
        return { status: 201, body: tenant('xiliu2', '西柳街道人大工委', 'liucheng', 'Street') };
      },
    });
    renderPage(<TenantsPage />, { me: admin });
    await screen.findByText('东柳街道人大工委');
    fireEvent.click(screen.getByTestId('tenant-create'));
    await screen.findByTestId('tenant-form');
    fireEvent.change(field('单位名称'), { target: { value: '西柳街道人大工委' } });
    fireEvent.change(field('编码'), { target: { value: 'xiliu' } });
    fireEvent.click(screen.getByTestId('tenant-save'));
    expect(await within(itemOf('单位名称')).findByText('名称不能包含特殊字符。')).toBeInTheDocument();
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ parentId: 't-liucheng', kind: 'Street', name: '西柳街道人大工委', code: 'xiliu' });

    fireEvent.click(screen.getByTestId('tenant-save'));
    expect(await within(itemOf('编码')).findByText('编码“xiliu”已被使用。')).toBeInTheDocument();

    fireEvent.change(field('编码'), { target: { value: 'xiliu2' } });
    fireEvent.click(screen.getByTestId('tenant-save'));
    expect(await screen.findByText('已新增“西柳街道人大工委”')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('tenant-form')).not.toBeInTheDocument());
  });

  it('renames a tenant with the version it read', async () => {
    const seen = mockApi({
      'GET /api/identity/tenants': tenants,
      'PUT /api/identity/tenants/t-dongliu': (_request, body) => ({ body: { ...tenants[1], ...(body as object), version: 'v2' } }),
    });
    renderPage(<TenantsPage />, { me: admin });
    await screen.findByText('东柳街道人大工委');
    fireEvent.click(within(row('t-dongliu')).getByTestId('tenant-edit'));
    await screen.findByTestId('tenant-form');
    expect(field('单位名称')).toHaveValue('东柳街道人大工委');
    fireEvent.change(field('单位名称'), { target: { value: '  ' } });
    fireEvent.click(screen.getByTestId('tenant-save'));
    expect(await screen.findByText('请输入单位名称')).toBeInTheDocument();
    fireEvent.change(field('单位名称'), { target: { value: '东柳街道人大工作委员会 ' } });
    fireEvent.click(screen.getByTestId('tenant-save'));
    await waitFor(() => expect(seen.find((r) => r.method === 'PUT')?.body).toEqual({ name: '东柳街道人大工作委员会', isActive: true, version: 'v-dongliu' }));
    expect(await screen.findByText('已保存')).toBeInTheDocument();
  });

  it('does not offer create and edit without the permissions', async () => {
    mockApi({ 'GET /api/identity/tenants': tenants });
    renderPage(<TenantsPage />, { me: { ...admin, permissions: ['identity.tenants.read'] } });
    expect(await screen.findByText('东柳街道人大工委')).toBeInTheDocument();
    expect(screen.queryByTestId('tenant-create')).not.toBeInTheDocument();
    expect(screen.queryByTestId('tenant-edit')).not.toBeInTheDocument();
    expect(screen.queryByText('操作')).not.toBeInTheDocument();
  });

  it('shows the problem when the list cannot be read', async () => {
    mockApi({ 'GET /api/identity/tenants': () => ({ status: 403, body: { status: 403, detail: '您没有查看组织机构的权限。' } }) });
    renderPage(<TenantsPage />, { me: admin });
    expect(await screen.findByTestId('problem-message')).toHaveTextContent('您没有查看组织机构的权限。');
  });
});
