import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '@/test/fixtures';
import { mockApi, renderPage } from '@/test/page';
import RankingsPage, { tiedRanks } from '.';

const entry = (rank: number, name: string, total: number) => ({
  rank,
  deputyId: `d-${name}`,
  name,
  tenantName: '东柳街道人大工委',
  groupName: '第一代表小组',
  total,
  byKind: [],
});

describe('rankings', () => {
  it('marks only the places that are shared', () => {
    expect([...tiedRanks([1, 1, 3, 4, 4, 4, 7])].sort()).toEqual([1, 4]);
    expect(tiedRanks([1, 2, 3]).size).toBe(0);
  });

  it('shows tied places, the policy revision used and the scope switch', async () => {
    const seen = mockApi({
      'GET /api/deputies/rankings': {
        year: 2026,
        quarter: null,
        count: 3,
        policies: [{ tenantId: 't', tenantName: '东柳街道人大工委', year: 2026, revision: 3 }],
        entries: [entry(1, '张三', 40), entry(1, '李四', 40), entry(3, '王五', 12)],
      },
      'GET /api/deputies/rankings/groups': [],
      'GET /api/deputies/rankings/shortlist': { year: 2026, policies: [], deputies: [], groups: [] },
      'GET /api/deputies/groups': [],
    });
    renderPage(<RankingsPage />, {
      me: makeMe({ roles: ['staff'], permissions: ['deputies.rankings.read', 'deputies.groups.read'], tenant: { id: 't', code: 'dongliu', name: '东柳街道人大工委', kind: 'Street', supervised: false } }),
    });
    const table = await screen.findByTestId('ranking-table');
    expect(await within(table).findByText('张三')).toBeTruthy();
    expect(within(table).getAllByText('并列')).toHaveLength(2);
    expect(screen.getByTestId('policy-note').textContent).toContain('第 3 版');
    expect(seen.some((s) => s.path === '/api/deputies/rankings' && s.search.get('year') !== null)).toBe(true);
    expect(within(screen.getByTestId('rankings-scope')).queryByText('全区')).toBeNull();
  });
});
