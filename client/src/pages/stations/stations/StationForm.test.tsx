import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@/test/page';
import StationForm from './StationForm';

afterEach(() => vi.unstubAllGlobals());

const candidates = [
  { userId: 'u-sun', userName: 'dongliu.keeper', displayName: '孙站长', isStationKeeper: true },
  { userId: 'u-zhou', userName: 'dongliu.staff', displayName: '周工作人员', isStationKeeper: false },
];

describe('station keeper picker', () => {
  it('links the keeper account picked from the organisation and takes its name', async () => {
    const seen = mockApi({
      'GET /api/stations/stations': [],
      'GET /api/stations/stations/keeper-candidates': candidates,
      'POST /api/stations/stations': (_request: Request, body: unknown) => ({ status: 201, body: { ...(body as object), id: 's-new' } }),
    });
    renderPage(<StationForm open onClose={() => undefined} />, { permissions: ['stations.stations.read', 'stations.stations.manage'] });
    fireEvent.change(await screen.findByTestId('station-name'), { target: { value: '东柳社区联络站' } });
    fireEvent.change(screen.getByTestId('station-address'), { target: { value: '东柳路1号' } });
    fireEvent.change(screen.getByTestId('station-hours'), { target: { value: '每周一 9:00–11:30' } });
    const picker = screen.getByTestId('station-keeper-account');
    fireEvent.mouseDown(picker.querySelector('.ant-select-selector') ?? picker);
    fireEvent.click(await screen.findByText('孙站长(dongliu.keeper · 联络站站长)'));
    // The name and its lock follow the picked account in renders of their own: wait for both.
    await waitFor(() => {
      const name = screen.getByTestId('station-keeper-name') as HTMLInputElement;
      expect(name.value).toBe('孙站长');
      expect(name.disabled).toBe(true);
    });
    fireEvent.click(screen.getByTestId('station-save'));
    await waitFor(() => expect(seen.some((s) => s.method === 'POST')).toBe(true));
    expect(seen.find((s) => s.method === 'POST')?.body).toMatchObject({ keeperUserId: 'u-sun', keeperName: '孙站长' });
  });
});
