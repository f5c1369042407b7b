// Rendering a console page in a test: antd's providers, a fresh query client, the session of a given person and a
// memory router; and the API answered by a stubbed fetch (method + path → a body, a status or a function).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes as RouterRoutes, useLocation } from 'react-router';
import { vi } from 'vitest';
import type { Me } from '@/access';
import AppProviders from '@/AppProviders';
import { SessionProvider } from '@/auth/me';
import { makeMe } from './fixtures';

// Pages wait for validation, the stubbed API and antd's re-renders: jsdom is slow on a loaded machine.
configure({ asyncUtilTimeout: 5000 });

export interface Reply {
  status?: number;
  body?: unknown;
}
/** `'GET /api/identity/tenants'` → the JSON body of a 200, a Reply, or a function of the request. */
export type Handler = (request: Request, body: unknown) => Reply | Promise<Reply>;
export type Routes = Record<string, Handler | object | string | number | boolean | null>;

export interface Seen {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

/** A JSON response as the API writes it (problem+json from 400 on). */
export const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

const reply = ({ status = 200, body }: Reply) => json(status, body);

/** What the stubbed fetch hands to a router: the request, its URL and its parsed JSON body. */
export interface StubbedRequest {
  request: Request;
  url: URL;
  body: unknown;
}

/**
 * Stubs fetch (unstub with vi.unstubAllGlobals()): parses each request and asks `answer`; no answer is a 404 problem.
 * The one fake API of the page tests: `mockApi` below keys it by exact path, the user pages' helper by path template.
 */
export function stubFetch(answer: (request: StubbedRequest) => Response | undefined | Promise<Response | undefined>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      const text = request.method === 'GET' || !request.body ? '' : await request.text();
      const body: unknown = text ? JSON.parse(text) : undefined;
      return (
        (await answer({ request, url, body })) ??
        json(404, { status: 404, title: 'Not Found', detail: `no route ${request.method} ${url.pathname}` })
      );
    }),
  );
}

/** Stubs fetch with the routes (unstub with vi.unstubAllGlobals()); returns the requests it saw. */
export function mockApi(routes: Routes): Seen[] {
  const seen: Seen[] = [];
  stubFetch(async ({ request, url, body }) => {
    seen.push({ method: request.method, path: url.pathname, search: url.searchParams, body });
    const route = routes[`${request.method} ${url.pathname}`];
    if (route === undefined) return undefined;
    if (typeof route === 'function') return reply(await (route as Handler)(request, body));
    return reply({ body: route });
  });
  return seen;
}

/** A 400 problem with field errors, as the API's validation writes it. */
export const validationProblem = (errors: Record<string, string[]>): Reply => ({
  status: 400,
  body: { type: '/problems/validation', title: '请求有误', status: 400, detail: '提交的内容有误,请检查后重试。', code: 'validation', errors },
});

function Where() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

/**
 * Renders `page` for `me` (or a person with `permissions`). With `path` and `route` the page sits at `path`, matched
 * by the route template (its params read by the page), and `data-testid="location"` shows where it navigated to.
 */
export function renderPage(
  page: ReactElement,
  options: { me?: Me; permissions?: string[]; path?: string; route?: string } = {},
) {
  const me = options.me ?? makeMe(options.permissions ? { permissions: options.permissions } : {});
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <AppProviders>
      {/* No motion: modals and messages appear and leave at once. */}
      <ConfigProvider theme={{ token: { motion: false } }}>
        <QueryClientProvider client={client}>
          <MemoryRouter initialEntries={[options.path ?? '/']}>
            <SessionProvider me={me}>
              {options.route ? (
                <>
                  <RouterRoutes>
                    <Route path={options.route} element={page} />
                    <Route path="*" element={null} />
                  </RouterRoutes>
                  <Where />
                </>
              ) : (
                page
              )}
            </SessionProvider>
          </MemoryRouter>
        </QueryClientProvider>
      </ConfigProvider>
    </AppProviders>,
  );
}
