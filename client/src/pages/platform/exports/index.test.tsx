import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ExportButton from '@/components/ExportButton';
import { mockApi, renderPage } from '@/test/page';
import ExportsPage from '.';

const job = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  source: 'identity.users',
  title: '用户',
  format: 'Xlsx',
  status: 'Completed',
  totalRows: 1200,
  rowsWritten: 1200,
  sizeBytes: 48_128,
  fileName: '用户-20261201-093000.xlsx',
  error: null,
  createdAtUtc: '2026-12-01T01:30:00Z',
  completedAtUtc: '2026-12-01T01:30:02Z',
  expiresAtUtc: '2026-12-08T01:30:02Z',
  ...over,
});
const page = (...items: object[]) => ({ items, total: items.length, page: 1, pageSize: 20 });
const row = (id: string) => document.querySelector<HTMLElement>(`[data-testid="exports-table"] tr[data-row-key="${id}"]`)!;
const everyone = ['identity.profile.read', 'platform.exports.use'];

let saved: string[];
beforeEach(() => {
  saved = [];
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('my exports page', () => {
  it('lists the exports with status, progress, rows and size, and downloads a finished one', async () => {
    const seen = mockApi({
      'GET /api/platform/exports': page(
        job('done'),
        job('busy', { status: 'Running', totalRows: 100_000, rowsWritten: 25_000, sizeBytes: null, fileName: null, completedAtUtc: null }),
        job('bad', { status: 'Failed', format: 'Csv', error: '您已没有导出此数据的权限。', sizeBytes: null, fileName: null }),
      ),
      'GET /api/platform/exports/done/content': 'PK',
    });
    renderPage(<ExportsPage />, { permissions: everyone });
    expect(await screen.findByText('用户-20261201-093000.xlsx')).toBeInTheDocument();
    expect(within(row('done')).getByText('已完成')).toHaveClass('ant-tag-success');
    expect(within(row('busy')).getByText('生成中')).toHaveClass('ant-tag-processing');
    expect(within(row('busy')).getByText('25%')).toBeInTheDocument();
    expect(within(row('busy')).getByText('100,000')).toBeInTheDocument();
    expect(within(row('bad')).getByText('失败')).toHaveClass('ant-tag-error');
    expect(within(row('bad')).getByText('CSV')).toBeInTheDocument();
    expect(screen.getByTestId('export-download-busy')).toBeDisabled();
    expect(screen.getByTestId('export-download-bad')).toBeDisabled();

    fireEvent.click(screen.getByTestId('export-download-done'));
    await waitFor(() => expect(saved).toEqual(['用户-20261201-093000.xlsx']));
    expect(seen.some((r) => r.path === '/api/platform/exports/done/content')).toBe(true);
  });

  it('follows a running export until it is done', async () => {
    let calls = 0;
    mockApi({
      'GET /api/platform/exports': () => {
        calls += 1;
        return {
          body: page(calls === 1 ? job('busy', { status: 'Queued', rowsWritten: 0, fileName: null, sizeBytes: null }) : job('busy')),
        };
      },
    });
    renderPage(<ExportsPage />, { permissions: everyone });
    expect(await screen.findByText('排队中')).toBeInTheDocument();
    expect(await screen.findByText('已完成', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it('deletes an export after a confirmation', async () => {
    let deleted = false;
    const seen = mockApi({
      'GET /api/platform/exports': () => ({ body: deleted ? page() : page(job('done')) }),
      'DELETE /api/platform/exports/done': () => {
        deleted = true;
        return { status: 204 };
      },
    });
    renderPage(<ExportsPage />, { permissions: everyone });
    fireEvent.click(await screen.findByTestId('export-delete-done'));
    expect(await screen.findByText('删除导出“用户”及其文件?')).toBeInTheDocument();
    fireEvent.click(within(document.querySelector<HTMLElement>('.ant-popconfirm')!).getByRole('button', { name: /删\s*除/ }));
    expect(await screen.findByText('已删除:用户')).toBeInTheDocument();
    expect(await screen.findByText('暂无导出记录')).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/platform/exports/done']);
  });
});

describe('export button', () => {
  it('downloads a small list at once, with the list filter', async () => {
    const seen = mockApi({
      'POST /api/platform/exports': { ...job('small'), fileName: '用户-20261201-093000.csv', format: 'Csv' },
      'GET /api/platform/exports/small/content': 'a,b',
    });
    renderPage(<ExportButton source="identity.users" filter={{ search: '王' }} />, { permissions: everyone });
    fireEvent.click(screen.getByTestId('export-button'));
    fireEvent.click(await screen.findByText('导出为 CSV'));
    expect(await screen.findByText('已导出:用户-20261201-093000.csv')).toBeInTheDocument();
    expect(seen.find((r) => r.method === 'POST')!.body).toEqual({ source: 'identity.users', format: 'Csv', filter: { search: '王' } });
    expect(saved).toEqual(['用户-20261201-093000.csv']);
  });

  it('says a large list is written in the background and links to my exports', async () => {
    mockApi({ 'POST /api/platform/exports': () => ({ status: 202, body: job('big', { status: 'Queued', totalRows: 50_000, rowsWritten: 0, fileName: null }) }) });
    renderPage(<ExportButton source="identity.users" filter={{}} />, { permissions: everyone });
    fireEvent.click(screen.getByTestId('export-button'));
    fireEvent.click(await screen.findByText('导出为 Excel(.xlsx)'));
    const note = await screen.findByTestId('export-queued');
    expect(note).toHaveTextContent('共 50000 行,正在后台生成,完成后会通知您。');
    expect(within(note).getByRole('link', { name: '查看我的导出' })).toHaveAttribute('href', '/system/exports');
    expect(saved).toEqual([]);
  });

  it('shows the refusal of a list the user may not export, in Chinese', async () => {
    mockApi({
      'POST /api/platform/exports': () => ({
        status: 403,
        body: { status: 403, title: '禁止访问', detail: '您没有导出此数据的权限(identity.users.read)。', code: 'permission.denied' },
      }),
    });
    renderPage(<ExportButton source="identity.users" filter={{}} />, { permissions: everyone });
    fireEvent.click(screen.getByTestId('export-button'));
    fireEvent.click(await screen.findByText('导出为 CSV'));
    expect(await screen.findByText(/您没有导出此数据的权限/)).toBeInTheDocument();
  });
});
