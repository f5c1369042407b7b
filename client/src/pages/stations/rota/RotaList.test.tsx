import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@/test/page';
import { PublicRota, RotaList, shortDate } from './RotaList';

afterEach(() => vi.unstubAllGlobals());

describe('RotaList', () => {
  it('writes dates as the notice board does', () => {
    expect(shortDate('2026-12-07')).toBe('12月7日');
  });

  it('lists the weeks with the deputy on duty and marks this week', () => {
    renderPage(
      <RotaList
        today="2026-12-02"
        weeks={[
          { weekStart: '2026-11-30', weekEnd: '2026-12-06', deputyName: '李秀英' },
          { weekStart: '2026-12-07', weekEnd: '2026-12-13', deputyName: '周值班' },
        ]}
      />,
    );
    expect(screen.getByText('李秀英')).toBeTruthy();
    expect(screen.getByText('周值班')).toBeTruthy();
    expect(screen.getAllByText('本周值班')).toHaveLength(1);
  });

  it('says so when nothing is published', () => {
    renderPage(<RotaList weeks={[]} />);
    expect(screen.getByText('近期值班安排尚未公布')).toBeTruthy();
  });

  it('reads the public rota of a station without a sign-in', async () => {
    const seen = mockApi({
      'GET /api/stations/public-stations/s-1/rota': {
        stationId: 's-1',
        stationName: '东柳社区联络站',
        weeks: [{ weekStart: '2026-12-07', weekEnd: '2026-12-13', deputyName: '周值班' }],
      },
    });
    renderPage(<PublicRota stationId="s-1" />);
    expect(await screen.findByText('周值班')).toBeTruthy();
    expect(screen.getByText('代表值班安排')).toBeTruthy();
    expect(seen[0]?.path).toBe('/api/stations/public-stations/s-1/rota');
  });
});
