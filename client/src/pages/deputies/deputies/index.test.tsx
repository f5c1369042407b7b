import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeMe } from '@/test/fixtures';
import { mockApi, renderPage } from '@/test/page';
import DeputiesPage from '.';
import DeputyDetailPage from '../deputy-detail';

const seat = (id: string, level = 'District', status = 'Serving') => ({
  id,
  tenantId: 't-dongliu',
  tenantName: '东柳街道人大工委',
  level,
  term: 17,
  constituency: '东柳街道第三选区',
  electedOn: '2021-11-18',
  byElection: false,
  status,
  endedOn: null,
  endReason: null,
  version: `v-${id}`,
});
const li = {
  id: 'd1',
  name: '李秀英',
  gender: 'Female',
  party: '中共党员',
  occupation: '社区工作者',
  workUnit: '东柳街道锦绣社区党委 书记',
  mobile: '138****0002',
  invited: true,
  seats: [seat('s1')],
};
const staff = (permissions: string[]) =>
  makeMe({ tenant: { id: 't-dongliu', code: 'dongliu', name: '东柳街道人大工委', kind: 'Street', supervised: false }, roles: ['staff'], permissions });

afterEach(() => vi.unstubAllGlobals());

describe('deputies registry page', () => {
  it('lists deputies with masked mobiles and sends the filter from the address bar', async () => {
    const seen = mockApi({ 'GET /api/deputies/deputies': { items: [li], total: 31, page: 2, pageSize: 20 } });
    renderPage(<DeputiesPage />, {
      me: staff(['deputies.deputies.read', 'deputies.deputies.create', 'deputies.deputies.import']),
      path: '/deputies/registry?q=李&level=District&term=17&page=2',
      route: '/deputies/registry',
    });
    expect(await screen.findByText('李秀英')).toBeInTheDocument();
    const table = screen.getByTestId('deputies-table');
    expect(within(table).getByText('138****0002')).toBeInTheDocument();
    expect(within(table).getByText('区(县) · 第十七届')).toBeInTheDocument();
    expect(within(table).getByText('已开通账号')).toBeInTheDocument();
    expect(screen.getByText('共 31 名代表')).toBeInTheDocument();
    const query = seen.find((s) => s.path === '/api/deputies/deputies')!.search;
    expect([query.get('search'), query.get('level'), query.get('term'), query.get('page'), query.get('status')]).toEqual(['李', 'District', '17', '2', null]);
    expect(screen.getByTestId('deputies-register')).toBeInTheDocument();
    expect(screen.getByTestId('deputies-import')).toBeInTheDocument();
  });

  it('offers neither register nor import to a reader', async () => {
    mockApi({ 'GET /api/deputies/deputies': { items: [li], total: 1, page: 1, pageSize: 20 } });
    renderPage(<DeputiesPage />, { me: staff(['deputies.deputies.read']), path: '/deputies/registry', route: '/deputies/registry' });
    expect(await screen.findByText('李秀英')).toBeInTheDocument();
    expect(screen.queryByTestId('deputies-register')).toBeNull();
    expect(screen.queryByTestId('deputies-import')).toBeNull();
  });
});

describe('deputy file page', () => {
  it('shows the tabs of the array and the masked profile', async () => {
    mockApi({
      'GET /api/deputies/deputies/d1': {
        ...li,
        ethnicity: '汉族',
        birthYear: 1972,
        education: '大学本科',
        email: 'l***@example.com',
        photoAttachmentId: null,
        userId: 'u1',
        invitedAtUtc: '2026-12-01T01:00:00Z',
        createdAtUtc: '2026-12-01T01:00:00Z',
        updatedAtUtc: '2026-12-01T01:00:00Z',
        version: 'v1',
        consents: [{ item: 'Phone', granted: true, sinceUtc: '2026-12-01T01:00:00Z' }],
        consentHistory: [],
      },
      'GET /api/platform/attachments/deputies/d1': [],
    });
    renderPage(<DeputyDetailPage />, { me: staff(['deputies.deputies.read']), path: '/deputies/registry/d1', route: '/deputies/registry/:id' });
    const profile = await screen.findByTestId('deputy-profile');
    expect(within(profile).getByText('138****0002')).toBeInTheDocument();
    expect(within(profile).getByText('l***@example.com')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['基本信息', '席位', '公开授权', '账号开通']));
    expect(screen.queryByTestId('deputy-edit')).toBeNull();
    expect(screen.queryByTestId('deputy-reveal')).toBeNull();
  });
});
