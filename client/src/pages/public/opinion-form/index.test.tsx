import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderPage } from '@/test/page';
import PublicOpinionFormPage from '.';

const station = '0193a000-0000-7000-8000-000000000001';
const deputy = '0193a000-0000-7000-8000-0000000000d1';
const form = {
  stationId: station,
  stationName: '柳岸社区联络站',
  address: '东柳街道柳岸路 8 号',
  deputyId: deputy,
  deputyName: '李秀英',
  deputies: [{ id: deputy, name: '李秀英' }],
  categories: ['城市管理', '其他'],
  maxPhotos: 3,
  maxPhotoBytes: 5242880,
};

/** Like the shared stubFetch, without parsing the body: the form is multipart/form-data, not JSON. */
function stubFetch(answer: (r: { request: Request; url: URL }) => Response | undefined) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => answer({ request, url: new URL(request.url) }) ?? json(404, { status: 404, title: 'Not Found', detail: 'no route' })),
  );
}

const render = () => renderPage(<PublicOpinionFormPage />, { path: `/p/opinions/new?station=${station}&deputy=${deputy}`, route: '/p/opinions/new' });

afterEach(() => vi.unstubAllGlobals());

describe('public opinion form', () => {
  it('names the deputy, states the purpose of the contact, and reuses the Idempotency-Key when a failed submission is retried', async () => {
    const keys: string[] = [];
    let posts = 0;
    stubFetch(({ request, url }) => {
      if (request.method === 'GET' && url.pathname === '/api/stations/public-opinions/form') return json(200, form);
      if (request.method === 'POST' && url.pathname === '/api/stations/public-opinions') {
        keys.push(request.headers.get('Idempotency-Key') ?? '');
        posts += 1;
        if (posts === 1) return json(503, { status: 503, title: '服务暂不可用', detail: '服务暂时不可用,请稍后重试。' });
        return json(201, { trackingCode: 'ABCD2345EF', message: '提交成功!' });
      }
      return undefined;
    });
    render();
    expect(await screen.findByTestId('opinion-deputy')).toHaveTextContent('李秀英');
    expect(screen.getByTestId('opinion-contact-purpose')).toHaveTextContent('仅用于向您反馈办理结果');
    fireEvent.click(screen.getByTestId('opinion-submit'));
    expect(await screen.findByText('请填写您要反映的意见或建议')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('opinion-content'), { target: { value: '小区门口路灯坏了' } });
    fireEvent.click(screen.getByTestId('opinion-submit'));
    expect(await screen.findByTestId('opinion-error')).toHaveTextContent('服务暂时不可用');
    fireEvent.click(screen.getByTestId('opinion-submit'));
    expect(await screen.findByTestId('opinion-code')).toHaveTextContent('ABCD2345EF');
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe('');
    expect(keys[1]).toBe(keys[0]);
  });

  it('shows the Chinese 429 message of the rate limit', async () => {
    stubFetch(({ request, url }) => {
      if (request.method === 'GET' && url.pathname === '/api/stations/public-opinions/form') return json(200, form);
      if (request.method === 'POST')
        return json(429, { status: 429, title: 'Too Many Requests', code: 'opinion.station_rate_limited', detail: '该联络站此刻收到的留言较多,请一分钟后再提交。' });
      return undefined;
    });
    render();
    fireEvent.change(await screen.findByTestId('opinion-content'), { target: { value: '公交站台没有遮雨棚' } });
    fireEvent.click(screen.getByTestId('opinion-submit'));
    expect(await screen.findByTestId('opinion-error')).toHaveTextContent('请一分钟后再提交');
  });

  it('shows the refusal of an unknown or inactive station', async () => {
    stubFetch(({ url }) =>
      url.pathname === '/api/stations/public-opinions/form'
        ? json(404, { status: 404, title: '未找到', code: 'opinion.station_not_found', detail: '该联络站不存在或已停用,请扫描联络站现场张贴的二维码。' })
        : undefined,
    );
    render();
    await waitFor(() => expect(screen.getByTestId('opinion-form-refused')).toHaveTextContent('该联络站不存在或已停用'));
  });
});
