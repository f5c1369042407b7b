import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '@/i18n';
import { api, ApiError, call, setTokenSource } from './client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });

afterEach(async () => {
  setTokenSource(undefined);
  vi.unstubAllGlobals();
  await setLanguage('zh-CN');
});

describe('API client', () => {
  it('sends the bearer token and the UI language', async () => {
    const seen: Request[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (r: Request) => {
        seen.push(r.clone());
        return json(200, []);
      }),
    );
    setTokenSource({ getAccessToken: async () => 'AT1', renew: async () => false, signIn: async () => {} });
    await setLanguage('en-US');
    expect(await call(api.GET('/api/platform/jobs'))).toEqual([]);
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer AT1');
    expect(seen[0]!.headers.get('accept-language')).toBe('en-US');
  });

  it('renews once on 401 and retries with the new token', async () => {
    let token = 'old';
    const fetchMock = vi.fn(async (r: Request) =>
      r.headers.get('authorization') === 'Bearer new' ? json(200, []) : json(401, { status: 401, title: '未登录', detail: '请先登录。' }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const signIn = vi.fn(async () => {});
    setTokenSource({ getAccessToken: async () => token, renew: async () => {
        token = 'new';
        return true;
      },
      signIn, });
    expect(await call(api.GET('/api/platform/jobs'))).toEqual([]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(signIn).not.toHaveBeenCalled();
  });

  it('signs in when the renewal fails, and throws the problem as an ApiError', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { status: 401, title: '未登录', detail: '请先登录。' })));
    const signIn = vi.fn(async () => {});
    setTokenSource({ getAccessToken: async () => 'old', renew: async () => false, signIn });
    const error = await call(api.GET('/api/platform/jobs')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('请先登录。');
    expect(signIn).toHaveBeenCalledOnce();
  });
});
