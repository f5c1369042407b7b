import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeMe } from '@/test/fixtures';
import { mockApi, renderPage } from '@/test/page';
import StationsPage from '.';
import { canNest, parentOptions } from './model';

const row = (id: string, name: string, kind: string, parentId: string | null, over: Record<string, unknown> = {}) => ({
  id,
  tenantId: 't-dongliu',
  kind,
  parentId,
  name,
  community: kind === 'CommunityStation' ? name.replace('联络站', '') : null,
  address: '人民路1号',
  openingHours: '每周三 14:30–17:00',
  keeperName: '孙站长',
  liaisonName: null,
  phone: null,
  isActive: true,
  deputyCount: 3,
  version: `v-${id}`,
  ...over,
});
const list = [
  row('h', '东柳街道代表之家', 'DeputiesHome', null),
  row('c1', '东柳北片中心联络站', 'CentreStation', 'h'),
  row('s1', '锦绣社区联络站', 'CommunityStation', 'c1'),
  row('s2', '和平社区联络站', 'CommunityStation', 'c1', { keeperName: '吴站长' }),
];
const staff = (permissions: string[]) =>
  makeMe({ tenant: { id: 't-dongliu', code: 'dongliu', name: '东柳街道人大工委', kind: 'Street', supervised: false }, roles: ['staff'], permissions });

afterEach(() => vi.unstubAllGlobals());

describe('station directory', () => {
  it('shows the tree and a table that the search narrows', async () => {
    mockApi({ 'GET /api/stations/stations': list });
    renderPage(<StationsPage />, { path: '/stations/directory', me: staff(['stations.stations.read']) });
    const table = await screen.findByTestId('stations-table');
    expect(await within(table).findByText('锦绣社区联络站')).toBeInTheDocument();
    expect(within(screen.getByTestId('stations-tree')).getByText('东柳北片中心联络站')).toBeInTheDocument();
    expect(screen.queryByTestId('station-create')).toBeNull();
    fireEvent.change(screen.getByTestId('stations-search').querySelector('input')!, { target: { value: '吴站长' } });
    fireEvent.keyDown(screen.getByTestId('stations-search').querySelector('input')!, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(within(table).queryByText('锦绣社区联络站')).toBeNull());
    expect(within(table).getByText('和平社区联络站')).toBeInTheDocument();
  });

  it('offers staff the create button', async () => {
    mockApi({ 'GET /api/stations/stations': list });
    renderPage(<StationsPage />, { path: '/stations/directory', me: staff(['stations.stations.read', 'stations.stations.manage']) });
    expect(await screen.findByTestId('station-create')).toBeInTheDocument();
  });
});

describe('station tiers', () => {
  it('nest a lower tier under a higher one only', () => {
    expect(canNest('LiaisonPoint', null)).toBe(false);
    expect(canNest('DeputiesHome', null)).toBe(true);
    expect(canNest('CommunityStation', 'CentreStation')).toBe(true);
    expect(canNest('CentreStation', 'CommunityStation')).toBe(false);
    expect(canNest('DeputiesHome', 'DeputiesHome')).toBe(false);
  });

  it('never offer a station itself or its subtree as a parent', () => {
    const ids = parentOptions('LiaisonPoint', list as never, 'c1').map((s) => s.id);
    expect(ids).toEqual(['h']);
  });
});
