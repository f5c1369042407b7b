import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@/test/page';
import MyDutyPage from '.';

afterEach(() => vi.unstubAllGlobals());

describe('my duty', () => {
  it('says when the account has no deputy file', async () => {
    mockApi({ 'GET /api/stations/my-duties': { linked: false, deputyId: null, name: '', weeks: [], swapOptions: [], requests: [], leaves: [] } });
    renderPage(<MyDutyPage />, { permissions: ['stations.rota.swap'] });
    expect(await screen.findByTestId('my-duty-unlinked')).toBeTruthy();
  });

  it('lists my weeks and requests', async () => {
    mockApi({
      'GET /api/stations/my-duties': {
        linked: true,
        deputyId: 'd-li',
        name: '李秀英',
        weeks: [{ id: 'w-1', stationId: 's-1', stationName: '东柳社区联络站', weekStart: '2099-12-07', weekEnd: '2099-12-13', deputyId: 'd-li', deputyName: '李秀英', status: 'Published' }],
        swapOptions: [{ id: 'w-2', stationId: 's-1', stationName: '东柳社区联络站', weekStart: '2099-12-14', weekEnd: '2099-12-20', deputyId: 'd-zhou', deputyName: '周值班', status: 'Published' }],
        requests: [],
        leaves: [],
      },
    });
    renderPage(<MyDutyPage />, { permissions: ['stations.rota.swap'] });
    expect(await screen.findByText('东柳社区联络站')).toBeTruthy();
    expect(screen.getByRole('button', { name: /申请调班/ })).toBeTruthy();
  });
});
