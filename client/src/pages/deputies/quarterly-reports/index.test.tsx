import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@/test/page';
import QuarterlyReportsPage from '.';

const letter = {
  id: 'l1', tenantId: 't', deputyId: 'd1', deputyName: '赵提示', year: 2026, quarter: 3, points: 2, threshold: 10,
  body: '赵提示代表:\n您好!', status: 'Draft', createdAtUtc: '2026-10-01T00:00:00Z', updatedAtUtc: '2026-10-01T00:00:00Z',
  updatedByName: null, sentAtUtc: null, sentByName: null, version: 'v1',
};
const staff = ['deputies.quarterly-reports.read', 'deputies.quarterly-reports.manage'];

afterEach(() => vi.unstubAllGlobals());

describe('quarterly reports and letters', () => {
  it('lists the draft, saves an edit with its version and sends it', async () => {
    const seen = mockApi({
      'GET /api/deputies/quarterly-reports': [],
      'GET /api/deputies/reminder-letters': [letter],
      'GET /api/deputies/quarterly-settings': { minimumQuarterlyPoints: 10, isDefault: true, version: null },
      'PUT /api/deputies/reminder-letters/l1': (_, body) => ({ body: { ...letter, body: (body as { body: string }).body, version: 'v2' } }),
      'POST /api/deputies/reminder-letters/l1/send': { ...letter, status: 'Sent', sentAtUtc: '2026-10-02T00:00:00Z', sentByName: '赵干事', version: 'v3' },
    });
    renderPage(<QuarterlyReportsPage />, { permissions: staff });
    const table = await screen.findByTestId('letters-table');
    expect(await within(table).findByText('赵提示')).toBeInTheDocument();
    expect(within(table).getByText('草稿')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('letter-edit-l1'));
    fireEvent.change(await screen.findByTestId('letter-body'), { target: { value: '赵提示代表:\n请参加学习。' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true));
    expect(seen.find((r) => r.method === 'PUT')!.body).toEqual({ body: '赵提示代表:\n请参加学习。', version: 'v1' });

    fireEvent.click(screen.getByTestId('letter-send-l1'));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await screen.findByText('已发送给 赵提示');
    expect(seen.find((r) => r.method === 'POST')!.body).toEqual({ version: 'v1' });
  });

  it('hides generating, editing and sending from readers', async () => {
    mockApi({
      'GET /api/deputies/quarterly-reports': [],
      'GET /api/deputies/reminder-letters': [letter],
      'GET /api/deputies/quarterly-settings': { minimumQuarterlyPoints: 10, isDefault: true, version: null },
    });
    renderPage(<QuarterlyReportsPage />, { permissions: ['deputies.quarterly-reports.read'] });
    expect(await within(await screen.findByTestId('letters-table')).findByText('赵提示')).toBeInTheDocument();
    expect(screen.queryByTestId('quarterly-run')).toBeNull();
    expect(screen.queryByTestId('letter-send-l1')).toBeNull();
    expect(screen.queryByTestId('letter-edit-l1')).toBeNull();
  });
});
