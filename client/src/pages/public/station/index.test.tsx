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

  it('shows the published monthly notices, latest first and open, with the confidential count', async () => {
    mockApi({
      [`GET ${path}`]: { id, name: '锦绣社区联络站', kind: 'CommunityStation', community: null, address: '锦绣社区', openingHours: '每周三',
        keeperName: null, phone: null, deputies: [], opinionPath: `/p/opinions/new?station=${id}`, receptions: [] },
      [`GET ${path}/notices`]: [
        { id: 'n-2', periodStart: '2026-10-21', periodEnd: '2026-11-20', publishedAtUtc: '2026-11-21T02:00:00Z', raisedCount: 2, answeredCount: 1,
          confidentialCount: 1, items: [
            { category: '物业小区', receivedOn: '2026-10-27', answeredOn: '2026-11-02', raisedInPeriod: true, answeredInPeriod: true, statusName: '已反馈',
              summary: '电梯经常停运,请打我电话＊＊＊。', answer: '物业已更换电梯主板。' },
          ] },
        { id: 'n-1', periodStart: '2026-09-21', periodEnd: '2026-10-20', publishedAtUtc: '2026-10-21T02:00:00Z', raisedCount: 1, answeredCount: 0,
          confidentialCount: 0, items: [] },
      ],
    });
    render();
    const notices = await screen.findByTestId('public-notices');
    expect(notices).toHaveTextContent('每月公示');
    const headers = await screen.findAllByTestId(/^public-notice-/);
    expect(headers.map((h) => h.getAttribute('data-testid'))).toEqual(['public-notice-2026-11-20', 'public-notice-2026-10-20']);
    expect(await screen.findByText('电梯经常停运,请打我电话＊＊＊。')).toBeInTheDocument();
    expect(screen.getByText('物业已更换电梯主板。')).toBeInTheDocument();
    expect(screen.getByTestId('public-notices-confidential')).toHaveTextContent('另有 1 条涉密事项不予公示');
    // An <ol> holds only <li> (axe): the count sits after the list.
    expect(screen.getByTestId('public-notices-confidential').closest('ol')).toBeNull();
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
