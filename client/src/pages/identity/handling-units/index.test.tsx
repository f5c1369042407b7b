import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeMe } from '@/test/fixtures';
import { mockApi, renderPage, validationProblem } from '@/test/page';
import HandlingUnitsPage, { PHONE } from '.';

const unit = (id: string, name: string, kind: string, isActive = true) => ({
  id,
  tenantId: 't-liucheng',
  tenantName: '柳城区人大常委会',
  name,
  kind,
  contactName: isActive ? '李明' : null,
  contactPhone: isActive ? '0772-1234567' : null,
  isActive,
  version: `v-${id}`,
});
const page = (items: ReturnType<typeof unit>[], total = items.length) => ({ items, total, page: 1, pageSize: 20 });
const units = [
  unit('u1', '区住房和城乡建设局', 'GovernmentDepartment'),
  unit('u2', '东柳街道办事处', 'StreetOffice'),
  unit('u3', '区供电公司', 'PublicService'),
];
const officer = makeMe({
  tenant: { id: 't-liucheng', code: 'liucheng', name: '柳城区人大常委会', kind: 'District', supervised: false },
  roles: ['staff'],
  permissions: ['identity.handling-units.read', 'identity.handling-units.create', 'identity.handling-units.update'],
});

const row = (id: string) => document.querySelector<HTMLElement>(`[data-testid="units-table"] tr[data-row-key="${id}"]`)!;
const field = (label: string) => screen.getByLabelText(label);
const itemOf = (label: string) => field(label).closest<HTMLElement>('.ant-form-item')!;
async function choose(label: string, option: string) {
  fireEvent.mouseDown(field(label));
  fireEvent.click((await screen.findAllByTitle(option)).find((e) => e.classList.contains('ant-select-item-option'))!);
}

afterEach(() => vi.unstubAllGlobals());

describe('handling units page', () => {
  it('lists the units a page at a time, kinds and status in Chinese', async () => {
    const seen = mockApi({ 'GET /api/identity/handling-units': page(units, 43) });
    renderPage(<HandlingUnitsPage />, { me: officer });
    expect(await screen.findByText('区住房和城乡建设局')).toBeInTheDocument();
    expect(within(row('u1')).getByText('政府工作部门')).toBeInTheDocument();
    expect(within(row('u2')).getByText('街道办事处')).toBeInTheDocument();
    expect(within(row('u3')).getByText('启用')).toBeInTheDocument();
    expect(screen.getByText('共 43 个')).toBeInTheDocument();
    const query = seen[0]!.search;
    expect([query.get('page'), query.get('pageSize'), query.get('includeInactive')]).toEqual(['1', '20', 'false']);
  });

  it('searches by name and includes the disabled units on request', async () => {
    const seen = mockApi({
      'GET /api/identity/handling-units': (request) => {
        const q = new URL(request.url).searchParams;
        if (q.get('includeInactive') === 'true') return { body: page([unit('u9', '原区规划局', 'GovernmentDepartment', false)]) };
        return { body: page(q.get('search') ? [units[0]!] : units) };
      },
    });
    renderPage(<HandlingUnitsPage />, { me: officer });
    await screen.findByText('区供电公司');
    const search = within(screen.getByTestId('units-page')).getByPlaceholderText('按名称查询');
    fireEvent.change(search, { target: { value: ' 住房 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(screen.queryByText('区供电公司')).not.toBeInTheDocument());
    expect(seen.at(-1)!.search.get('search')).toBe('住房');
    fireEvent.click(screen.getByTestId('unit-include-inactive'));
    expect(await screen.findByText('原区规划局')).toBeInTheDocument();
    expect(within(row('u9')).getByText('停用')).toBeInTheDocument();
  });

  it('refuses a unit without a name and kind, or with letters in the phone, in Chinese, before calling the API', async () => {
    const seen = mockApi({ 'GET /api/identity/handling-units': page(units) });
    renderPage(<HandlingUnitsPage />, { me: officer });
    await screen.findByText('区供电公司');
    fireEvent.click(screen.getByTestId('unit-create'));
    const form = await screen.findByTestId('unit-form');
    fireEvent.change(field('联系电话'), { target: { value: '电话 12345' } });
    fireEvent.click(within(form).getByTestId('unit-save'));
    expect(await within(itemOf('单位名称')).findByText('请输入单位名称')).toBeInTheDocument();
    expect(await within(itemOf('单位类别')).findByText('请选择单位类别', { selector: '.ant-form-item-explain-error' })).toBeInTheDocument();
    expect(await within(itemOf('联系电话')).findByText('联系电话只能包含数字、空格和 + - ( )。')).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(PHONE.test('+86 (772) 123-4567')).toBe(true);
  });

  it('registers a unit; the API field errors and a taken name land on the fields', async () => {
    let attempt = 0;
    const seen = mockApi({
      'GET /api/identity/handling-units': page(units),
      'POST /api/identity/handling-units': () => {
        attempt += 1;
        if (attempt === 1) return validationProblem({ contactPhone: ['联系电话只能包含数字、空格和 + - ( )。'], contactName: ['联系人不能超过 50 个字符。'] });
        if (attempt === 2) return { status: 409, body: { status: 409, code: 'handling_unit.name_taken', detail: '本单位已有名为“区教育局”的承办单位。' } };
        return { status: 201, body: unit('u4', '区教育局', 'GovernmentDepartment') };
      },
    });
    renderPage(<HandlingUnitsPage />, { me: officer });
    await screen.findByText('区供电公司');
    fireEvent.click(screen.getByTestId('unit-create'));
    await screen.findByTestId('unit-form');
    fireEvent.change(field('单位名称'), { target: { value: '区教育局' } });
    await choose('单位类别', '政府工作部门');
    fireEvent.change(field('联系电话'), { target: { value: '0772 555' } });
    fireEvent.click(screen.getByTestId('unit-save'));
    expect(await within(itemOf('联系电话')).findByText('联系电话只能包含数字、空格和 + - ( )。')).toBeInTheDocument();
    expect(within(itemOf('联系人')).getByText('联系人不能超过 50 个字符。')).toBeInTheDocument();
    expect(seen.find((r) => r.method === 'POST')!.body).toEqual({
      name: '区教育局', kind: 'GovernmentDepartment', contactName: null, contactPhone: '0772 555', tenantId: null,
    });

    fireEvent.click(screen.getByTestId('unit-save'));
    expect(await within(itemOf('单位名称')).findByText('本单位已有名为“区教育局”的承办单位。')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('unit-save'));
    expect(await screen.findByText('已新增“区教育局”')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('unit-form')).not.toBeInTheDocument());
  });

  it('changes a unit with the version it read', async () => {
    const seen = mockApi({
      'GET /api/identity/handling-units': page(units),
      'PUT /api/identity/handling-units/u2': (_request, body) => ({ body: { ...units[1], ...(body as object), version: 'v2' } }),
    });
    renderPage(<HandlingUnitsPage />, { me: officer });
    await screen.findByText('东柳街道办事处');
    fireEvent.click(within(row('u2')).getByTestId('unit-edit'));
    await screen.findByTestId('unit-form');
    expect(field('单位名称')).toHaveValue('东柳街道办事处');
    fireEvent.change(field('联系人'), { target: { value: ' ' } });
    fireEvent.click(field('启用'));
    fireEvent.click(screen.getByTestId('unit-save'));
    await waitFor(() =>
      expect(seen.find((r) => r.method === 'PUT')?.body).toEqual({
        name: '东柳街道办事处', kind: 'StreetOffice', contactName: null, contactPhone: '0772-1234567', isActive: false, version: 'v-u2',
      }),
    );
    expect(await screen.findByText('已保存')).toBeInTheDocument();
  });

  it('does not offer create and edit without the permissions', async () => {
    mockApi({ 'GET /api/identity/handling-units': page(units) });
    renderPage(<HandlingUnitsPage />, { me: { ...officer, permissions: ['identity.handling-units.read'] } });
    expect(await screen.findByText('区住房和城乡建设局')).toBeInTheDocument();
    expect(screen.queryByTestId('unit-create')).not.toBeInTheDocument();
    expect(screen.queryByTestId('unit-edit')).not.toBeInTheDocument();
  });
});
