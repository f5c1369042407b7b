import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeMe } from '@/test/fixtures';
import { mockApi, renderPage, validationProblem } from '@/test/page';
import AuditPage, { toQuery } from '.';

const entry = (seq: number, fields: Record<string, unknown> = {}) => ({
  seq,
  id: `0190-${seq}`,
  occurredAtUtc: '2026-12-01T02:03:04Z',
  category: 'command',
  action: 'identity.update-handling-unit',
  outcome: 'succeeded',
  errorCode: null,
  userId: 'u1',
  userName: '张三',
  actorId: null,
  tenantId: 't1',
  tenantName: '东柳街道人大工委',
  ipAddress: '10.0.0.7',
  userAgent: 'Mozilla/5.0',
  jobKey: null,
  clientId: null,
  entityType: 'HandlingUnit',
  entityId: 'h1',
  detail: null,
  ...fields,
});
const page = {
  items: [
    entry(12),
    entry(11, { outcome: 'refused', errorCode: 'concurrency' }),
    entry(10, { category: 'event', action: 'identity.sign_in.failed', outcome: 'refused', userName: 'guest', tenantId: null, tenantName: null, entityType: null, entityId: null }),
  ],
  total: 3,
  page: 1,
  pageSize: 20,
};
const detail = {
  entry: entry(12),
  changes: [
    {
      type: 'HandlingUnit',
      id: 'h1',
      state: 'modified',
      fields: [
        { name: 'Name', before: '东柳物业办', after: '东柳物业管理办公室' },
        { name: 'ContactPhone', before: '138*****678', after: '139*****321' },
      ],
    },
  ],
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};
const auditor = makeMe({ roles: ['audit-admin'], permissions: ['platform.audit.read', 'platform.exports.use'] });
const row = (seq: number) => document.querySelector<HTMLElement>(`[data-testid="audit-table"] tr[data-row-key="${seq}"]`)!;

afterEach(() => vi.unstubAllGlobals());

describe('audit page', () => {
  it('lists the entries newest first with user, unit, action, outcome and address', async () => {
    mockApi({ 'GET /api/platform/audit-entries': page });
    renderPage(<AuditPage />, { me: auditor });
    expect(await screen.findByText('审计日志')).toBeInTheDocument();
    await waitFor(() => expect(row(12)).toBeTruthy());
    expect(within(row(12)).getByText('张三')).toBeInTheDocument();
    expect(within(row(12)).getByText('东柳街道人大工委')).toBeInTheDocument();
    expect(within(row(12)).getByText('identity.update-handling-unit')).toBeInTheDocument();
    expect(within(row(12)).getByText('成功')).toHaveClass('ant-tag-success');
    expect(within(row(12)).getByText('10.0.0.7')).toBeInTheDocument();
    expect(within(row(11)).getByText('拒绝')).toHaveClass('ant-tag-warning');
    expect(within(row(11)).getByText('concurrency')).toBeInTheDocument();
    expect(within(row(10)).getByText('(无单位)')).toBeInTheDocument();
    expect(screen.getByText('共 3 条')).toBeInTheDocument();
  });

  it('searches with the filled filters only, from the first page', async () => {
    const seen = mockApi({ 'GET /api/platform/audit-entries': page });
    renderPage(<AuditPage />, { me: auditor });
    await waitFor(() => expect(row(12)).toBeTruthy());
    fireEvent.change(screen.getByLabelText('用户'), { target: { value: ' 张三 ' } });
    fireEvent.change(screen.getByLabelText('关键字'), { target: { value: '物业' } });
    fireEvent.click(screen.getByTestId('audit-search'));
    await waitFor(() => expect(seen.filter((r) => r.search.get('userName') === '张三')).toHaveLength(1));
    const search = seen.find((r) => r.search.get('userName') === '张三')!.search;
    expect(search.get('text')).toBe('物业');
    expect(search.get('page')).toBe('1');
    expect(search.has('outcome')).toBe(false);
    expect(search.has('from')).toBe(false);
  });

  it('shows the before and after of each changed field in a drawer', async () => {
    mockApi({ 'GET /api/platform/audit-entries': page, 'GET /api/platform/audit-entries/12': detail });
    renderPage(<AuditPage />, { me: auditor });
    await waitFor(() => expect(row(12)).toBeTruthy());
    fireEvent.click(within(row(12)).getByTestId('audit-view'));
    const changes = await screen.findByTestId('audit-changes');
    expect(screen.getByText('审计记录 #12')).toBeInTheDocument();
    expect(within(changes).getByText('东柳物业办')).toBeInTheDocument();
    expect(within(changes).getByText('东柳物业管理办公室')).toBeInTheDocument();
    expect(within(changes).getByText('138*****678')).toBeInTheDocument();
    expect(within(changes).getAllByText('修改前').length).toBeGreaterThan(0);
    expect(screen.getByText('修改', { selector: '.ant-tag' })).toBeInTheDocument();
  });

  it('verifies the chain and says where it is broken', async () => {
    let intact = true;
    mockApi({
      'GET /api/platform/audit-entries': page,
      'POST /api/platform/audit-entries/verify': () => ({
        body: intact
          ? { intact: true, fromSeq: 1, toSeq: 12, checked: 12, firstBrokenSeq: null, message: '审计日志完整:第 1 至 12 条共 12 条记录均未被篡改。', verifiedAtUtc: '2026-12-01T03:00:00Z' }
          : { intact: false, fromSeq: 1, toSeq: 12, checked: 6, firstBrokenSeq: 7, message: '审计日志完整性校验失败:第 7 条记录缺失或已被篡改。', verifiedAtUtc: '2026-12-01T03:00:00Z' },
      }),
    });
    renderPage(<AuditPage />, { me: auditor });
    fireEvent.click(await screen.findByTestId('audit-verify'));
    const ok = await screen.findByTestId('audit-verification');
    expect(within(ok).getByText('校验通过:审计日志完整,未发现篡改')).toBeInTheDocument();
    expect(ok).toHaveClass('ant-alert-success');
    intact = false;
    fireEvent.click(screen.getByTestId('audit-verify'));
    expect(await screen.findByText('校验失败:第 7 条记录缺失或已被篡改')).toBeInTheDocument();
    expect(screen.getByTestId('audit-verification')).toHaveClass('ant-alert-error');
  });

  it('exports the filtered entries through the shared exports, and shows why when the export is refused', async () => {
    const createObjectURL = vi.fn(() => 'blob:audit');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    let refuse = false;
    const job = { id: 'e1', source: 'platform.audit-entries', title: '审计日志', format: 'Csv', status: 'Completed', totalRows: 2,
      rowsWritten: 2, sizeBytes: 20, fileName: '审计日志.csv', error: null, createdAtUtc: '2026-12-01T08:00:00Z',
      completedAtUtc: '2026-12-01T08:00:01Z', expiresAtUtc: '2026-12-08T08:00:01Z' };
    const seen = mockApi({
      'GET /api/platform/audit-entries': page,
      'POST /api/platform/exports': () =>
        refuse ? validationProblem({ 'filter.to': ['结束时间不能早于开始时间。'] }) : { status: 201, body: job },
      'GET /api/platform/exports/e1/content': () => ({ body: '序号,时间' }),
    });
    renderPage(<AuditPage />, { me: auditor });
    await waitFor(() => expect(row(12)).toBeTruthy());
    fireEvent.click(screen.getByTestId('export-button'));
    fireEvent.click(await screen.findByText('导出为 CSV'));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    const start = seen.find((r) => r.method === 'POST' && r.path === '/api/platform/exports');
    expect(start?.body).toMatchObject({ source: 'platform.audit-entries', format: 'Csv' });
    refuse = true;
    await waitFor(() => expect(screen.getByTestId('export-button')).not.toHaveClass('ant-btn-loading'));
    fireEvent.click(screen.getByTestId('export-button'));
    fireEvent.click(await screen.findByText('导出为 CSV'));
    expect(await screen.findByText('结束时间不能早于开始时间。')).toBeInTheDocument();
    expect(createObjectURL).toHaveBeenCalledTimes(1);
  });

  it('turns the form into the query the API reads', () => {
    const from = dayjs('2026-11-01T00:00:00Z');
    expect(toQuery({ range: [from, null], userName: '  ', action: ' identity. ', outcome: 'refused' })).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: undefined,
      userName: undefined,
      tenantId: undefined,
      action: 'identity.',
      entityId: undefined,
      outcome: 'refused',
      text: undefined,
    });
  });
});
