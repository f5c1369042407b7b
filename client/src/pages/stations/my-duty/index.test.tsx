import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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

  it('lists my reception events and sends leave with a reason before one', async () => {
    const seen = mockApi({
      'GET /api/stations/my-duties': { linked: true, deputyId: 'd-li', name: '李秀英', weeks: [], swapOptions: [], requests: [], leaves: [] },
      'GET /api/stations/my-receptions': [
        {
          eventId: 'e-1',
          participantId: 'p-1',
          title: '第四季度集中接待选民活动',
          theme: null,
          date: '2099-12-16',
          startTime: '09:00:00',
          endTime: '11:30:00',
          status: 'Planned',
          venueKind: 'Online',
          venueName: null,
          onlineChannel: '代表微信群',
          attendance: 'Pending',
          leaveReason: null,
          canRequestLeave: true,
        },
      ],
      'POST /api/stations/my-receptions/e-1/leave': { status: 200, body: {} },
    });
    renderPage(<MyDutyPage />, { permissions: ['stations.rota.swap', 'stations.receptions.attend'] });
    const section = await screen.findByTestId('my-receptions');
    expect(await within(section).findByText('第四季度集中接待选民活动')).toBeTruthy();
    expect(within(section).getByText('2099-12-16 09:00–11:30 · 线上(代表微信群)')).toBeTruthy();
    fireEvent.click(screen.getByTestId('my-reception-leave-e-1'));
    fireEvent.change(await screen.findByTestId('my-reception-reason'), { target: { value: '出差' } });
    fireEvent.click(screen.getByTestId('my-reception-submit'));
    await waitFor(() => expect(seen.find((s) => s.method === 'POST')?.body).toEqual({ reason: '出差' }));
  });

  it('has no reception section without the permission', async () => {
    mockApi({ 'GET /api/stations/my-duties': { linked: true, deputyId: 'd-li', name: '李秀英', weeks: [], swapOptions: [], requests: [], leaves: [] } });
    renderPage(<MyDutyPage />, { permissions: ['stations.rota.swap'] });
    expect(await screen.findByTestId('my-duty')).toBeTruthy();
    expect(screen.queryByTestId('my-receptions')).toBeNull();
  });
});
