import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderPage, stubFetch } from '@/test/page';
import AssignedOpinionsPage from '../assigned-opinions';
import OpinionDetailPage, { unitGroups } from '.';

afterEach(() => vi.unstubAllGlobals());

const detail = {
  id: 'o-1', trackingCode: 'ABCD234567', channel: 'QrCode', status: 'FedBack', stationId: 's-1', stationName: '东柳社区联络站', deputyId: 'd-1',
  deputyName: '李秀英', content: '井盖破损,有人差点摔倒。', category: null, community: null, confidential: false, anonymous: true, contactName: null,
  contactPhone: null, submittedAtUtc: '2026-11-30T02:00:00Z', receivedOn: '2026-11-30', handlingUnitId: null, handlingUnitName: null,
  referredAtUtc: null, dueOn: null, sla: 'None', workingDaysLeft: null, answer: null, answeredAtUtc: null, answeredByName: null, feedback: '已修复。',
  fedBackAtUtc: null, rating: null, duplicateOfId: null, photoCount: 2,
  photos: [{ id: 'p-1', contentType: 'image/png', sizeBytes: 10 }, { id: 'p-2', contentType: 'image/jpeg', sizeBytes: 12 }],
  history: [], duplicateHints: [], categories: [],
};

/** The API with the photos' bytes as images; returns the paths asked for. */
function stubPhotos(routes: Record<string, unknown>) {
  const asked: string[] = [];
  stubFetch(({ url }) => {
    asked.push(url.pathname);
    if (url.pathname.includes('/photos/')) return new Response(new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' }), { headers: { 'content-type': 'image/png' } });
    return url.pathname in routes ? json(200, routes[url.pathname]) : undefined;
  });
  let n = 0;
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => `blob:photo-${++n}`, revokeObjectURL: () => undefined }));
  return asked;
}

describe('opinion photos', () => {
  it('shows the photos of an opinion to staff as thumbnails that enlarge on click', async () => {
    const asked = stubPhotos({ '/api/stations/opinions/o-1': detail });
    renderPage(<OpinionDetailPage />, { permissions: ['stations.opinions.read'], path: '/stations/opinions/o-1', route: '/stations/opinions/:id' });
    await waitFor(() => expect(screen.getAllByTestId('opinion-photo')).toHaveLength(2));
    expect(screen.getByText('照片 2 张')).toBeTruthy();
    expect(asked).toEqual(expect.arrayContaining(['/api/stations/opinions/o-1/photos/p-1', '/api/stations/opinions/o-1/photos/p-2']));
    const first = screen.getByAltText('群众上传的照片 1');
    expect(first.getAttribute('src')).toMatch(/^blob:photo-/);
    fireEvent.click(first);
    await waitFor(() => expect(document.querySelector('.ant-image-preview')).toBeTruthy());
  });

  it('shows nothing when the resident sent no photo', async () => {
    const asked = stubPhotos({ '/api/stations/opinions/o-1': { ...detail, photoCount: 0, photos: [] } });
    renderPage(<OpinionDetailPage />, { permissions: ['stations.opinions.read'], path: '/stations/opinions/o-1', route: '/stations/opinions/:id' });
    expect(await screen.findByTestId('detail-content')).toBeTruthy();
    expect(screen.queryByTestId('opinion-photos')).toBeNull();
    expect(asked.filter((p) => p.includes('/photos/'))).toEqual([]);
  });

  it('reads the photos of an assigned opinion on the officer route', async () => {
    const asked = stubPhotos({
      '/api/stations/assigned-opinions': [{
        id: 'o-1', trackingCode: 'ABCD234567', status: 'Referred', stationName: '东柳社区联络站', deputyName: '李秀英', content: '井盖破损。', category: null,
        community: null, handlingUnitName: '区住建局', referredAtUtc: '2026-11-30T02:00:00Z', dueOn: '2026-12-20', sla: 'Green', workingDaysLeft: 12,
        answer: null, answeredAtUtc: null, photoIds: ['p-9'],
      }],
    });
    renderPage(<AssignedOpinionsPage />, { permissions: ['stations.opinions.answer'] });
    await waitFor(() => expect(screen.getAllByTestId('opinion-photo')).toHaveLength(1));
    expect(asked).toContain('/api/stations/assigned-opinions/o-1/photos/p-9');
    expect(asked.some((p) => p.startsWith('/api/stations/opinions/'))).toBe(false);
  });
});

describe('referral picker', () => {
  const units = [
    { id: 'u-1', name: '东柳街道城管科', level: 'Own' as const, tenantName: '东柳街道' },
    { id: 'u-2', name: '区住建局', level: 'Superior' as const, tenantName: '柳城区' },
    { id: 'u-3', name: '区交通局', level: 'Superior' as const, tenantName: '柳城区' },
  ];

  it('groups the own units and the district departments', () => {
    const t = (key: string, options?: Record<string, unknown>) => `${key}|${String(options?.tenant ?? '')}`;
    const groups = unitGroups(units, t);
    expect(groups.map((g) => g.title)).toEqual(['Own', 'Superior']);
    expect(groups[1].options.map((o) => o.value)).toEqual(['u-2', 'u-3']);
    expect(unitGroups(units.slice(0, 1), t)[0].label.props.children).toBe('opinions.detail.unitGroup.OwnTop|东柳街道');
    expect(groups[0].label.props.children).toBe('opinions.detail.unitGroup.Own|东柳街道');
  });

  it('offers the district departments under their own heading on a received opinion', async () => {
    stubPhotos({
      '/api/stations/opinions/o-1': { ...detail, status: 'Received', feedback: null, photoCount: 0, photos: [] },
      '/api/stations/opinions/handling-units': units,
      '/api/stations/opinions/station-deputies': [],
    });
    renderPage(<OpinionDetailPage />, { permissions: ['stations.opinions.read', 'stations.opinions.manage'], path: '/stations/opinions/o-1', route: '/stations/opinions/:id' });
    const picker = await screen.findByTestId('refer-unit');
    fireEvent.mouseDown(picker.querySelector('.ant-select-selector') ?? picker);
    expect(await screen.findByText('本街道(东柳街道)')).toBeTruthy();
    expect(screen.getByText('区级部门(柳城区)')).toBeTruthy();
    expect(screen.getByText('区住建局')).toBeTruthy();
  });
});
