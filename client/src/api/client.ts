// The one API client: openapi-fetch typed by schema.d.ts (generated — never edit it by hand).
// Every call carries the access token as a bearer and the UI's language as Accept-Language; a 401 triggers one
// renewal with the refresh token and one retry, then the sign-in.
import createClient, { type Middleware } from 'openapi-fetch';
import { currentLanguage } from '@/i18n';
import { ApiError, toApiError } from './problem';
import type { paths } from './schema';

/** How the client reaches the signed-in session; set by the console (src/auth), absent in the public area. */
export interface TokenSource {
  getAccessToken(): Promise<string | undefined>;
  /** Renews with the refresh token; true when a new access token is available. */
  renew(): Promise<boolean>;
  /** Sends the browser to the sign-in (does not return in practice). */
  signIn(): Promise<void>;
}

let tokenSource: TokenSource | undefined;
let renewing: Promise<boolean> | undefined;

export function setTokenSource(source: TokenSource | undefined) {
  tokenSource = source;
}

/** One renewal at a time: concurrent 401s share it. */
function renewOnce(source: TokenSource): Promise<boolean> {
  renewing ??= source.renew().finally(() => {
    renewing = undefined;
  });
  return renewing;
}

const pendingRetries = new Map<string, Request>();

export const authMiddleware: Middleware = {
  async onRequest({ request, id }) {
    request.headers.set('Accept-Language', currentLanguage());
    const token = await tokenSource?.getAccessToken();
    if (token) {
      request.headers.set('Authorization', `Bearer ${token}`);
      if (tokenSource) pendingRetries.set(id, request.clone());
    }
    return request;
  },
  async onResponse({ response, id }) {
    const retry = pendingRetries.get(id);
    pendingRetries.delete(id);
    if (response.status !== 401 || !tokenSource) return undefined;
    const source = tokenSource;
    if (retry && (await renewOnce(source))) {
      const token = await source.getAccessToken();
      if (token) {
        retry.headers.set('Authorization', `Bearer ${token}`);
        const again = await globalThis.fetch(retry);
        if (again.status !== 401) return again;
      }
    }
    await source.signIn();
    return undefined;
  },
  onError({ id }) {
    pendingRetries.delete(id);
  },
};

export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? 'http://localhost',
  // Late-bound, so that tests (and anything wrapping fetch) are seen.
  fetch: (request: Request) => globalThis.fetch(request),
});
api.use(authMiddleware);

type Result<D> = { data?: D; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError built from the problem details.
 *   const me = await call(api.GET('/api/identity/me'));
 */
export async function call<D>(request: Promise<Result<D>>): Promise<D> {
  const { data, error, response } = await request;
  if (!response.ok) throw toApiError(response, error);
  return data as D;
}

export { ApiError };
export type { paths };
export type Schemas = import('./schema').components['schemas'];
