import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@/test/page';
import PublicStationPage from '.';

const id = '0190a000-0000-7000-8000-000000000001';
const path = `/api/stations/public-stations/${id}`;
const render = (at = id) => renderPage(<PublicStationPage />, { path: `/p/stations/${at}`, route: '/p/stations/:id' });

afterEach(() => vi.unstubAllGlobals());

describe('public station page', () => {
  it('shows the station, the deputies with only what they consented to, and the button to raise a view', async () => {
    mockApi({
      [`GET ${path}`]: {
        id,
        name: '锦绣社区联络站',
        kind: 'CommunityStation',
        community: '锦绣社区',
        address: '锦绣社区党群服务中心二楼',
        openingHours: '每周三 14:30–17:00',
        keeperName: '孙站长',
        phone: '0571-88001000',
        deputies: [
          { deputyId: 'd1', name: '李秀英', mobile: '13800000002', email: null, workUnit: null },
          { deputyId: 'd2', name: '王建国', mobile: null, email: null, workUnit: null },
        ],
        opinionPath: `/p/opinions/new?station=${id}`,
        receptions: [],
      },
    });
    render();
    expect(await screen.findByText('锦绣社区联络站')).toBeInTheDocument();
    expect(screen.getByText('每周三 14:30–17:00')).toBeInTheDocument();
    expect(screen.getByText('13800000002')).toBeInTheDocument();
    expect(screen.getByText('王建国')).toBeInTheDocument();
    expect(screen.getAllByText(/电话/)).toHaveLength(2);
    expect(screen.getByTestId('public-station-opinion')).toHaveAttribute('href', `/p/opinions/new?station=${id}`);
    expect(screen.getByText('我要反映意见')).toBeInTheDocument();
  });

  it('shows the upcoming reception events at the station with the deputies\' names', async () => {
    mockApi({
      [`GET ${path}`]: {
        id,
        name: '锦绣社区联络站',
        kind: 'CommunityStation',
        community: '锦绣社区',
        address: '锦绣社区党群服务中心二楼',
        openingHours: '每周三 14:30–17:00',
        keeperName: null,
        phone: null,
        deputies: [],
        opinionPath: `/p/opinions/new?station=${id}`,
        receptions: [{ title: '第四季度集中接待选民活动', date: '2099-12-16', startTime: '09:00:00', endTime: '11:30:00', deputyNames: ['李秀英', '王建国'] }],
      },
    });
    render();
    const list = await screen.findByTestId('public-station-receptions');
    expect(list).toHaveTextContent('第四季度集中接待选民活动');
    expect(list).toHaveTextContent('2099-12-16 09:00–11:30');
    expect(list).toHaveTextContent('接待代表:李秀英、王建国');
    expect(screen.getByText('近期集中接待活动')).toBeInTheDocument();
  });

  it('says in Chinese when the station is closed, and does not ask the API for an id that is no id', async () => {
    mockApi({
      [`GET ${path}`]: () => ({
        status: 404,
        body: { status: 404, title: '未找到', code: 'stations.closed', detail: '锦绣社区联络站已停止开放。如需反映意见,请联系所在街道(乡镇)人大。' },
      }),
    });
    const { unmount } = render();
    expect(await screen.findByTestId('public-station-missing')).toHaveTextContent('已停止开放');
    unmount();
    vi.unstubAllGlobals();
    const seen = mockApi({});
    render('not-an-id');
    expect(await screen.findByTestId('public-station-missing')).toHaveTextContent('未找到该联络站');
    expect(seen).toHaveLength(0);
  });
});
