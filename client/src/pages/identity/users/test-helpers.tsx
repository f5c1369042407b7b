// Test helpers of the user pages, on the shared page-test helpers (src/test/page.tsx): a fake API keyed by path
// templates ('PUT /api/identity/users/{id}/memberships/{tenantId}', handlers get the params), the user fixtures.
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Me } from '@/access';
import { makeMe } from '@/test/fixtures';
import { json, renderPage as renderConsolePage, stubFetch } from '@/test/page';
import type { User } from './shared';

export { json };

// A form submit, a fake API answer and antd's re-render take more than the default second on a busy machine.
configure({ asyncUtilTimeout: 10_000 });

export interface SeenRequest {
  method: string;
  url: URL;
  body: unknown;
}

type Handler = (request: SeenRequest, params: Record<string, string>) => Response | Promise<Response>;

/**
 * Replaces fetch with the given handlers, keyed 'METHOD /api/path/{param}'. Unknown calls answer 404.
 * Returns the requests seen, bodies parsed.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const seen: SeenRequest[] = [];
  const routes = Object.entries(handlers).map(([key, handler]) => {
    const [method, path] = key.split(' ') as [string, string];
    const names: string[] = [];
    const pattern = new RegExp(`^${path.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
    return { method, pattern, names, handler };
  });
  stubFetch(({ request, url, body }) => {
    const seenRequest = { method: request.method, url, body };
    seen.push(seenRequest);
    for (const route of routes) {
      const match = route.method === request.method ? route.pattern.exec(url.pathname) : null;
      if (match) {
        const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
        return route.handler(seenRequest, params);
      }
    }
    return undefined;
  });
  return seen;
}

export const ADMIN_PERMISSIONS = ['identity.profile.read', 'identity.users.read', 'identity.users.manage'];

/** A tenant administrator of 新昌镇 (manages users); pass `permissions` for a reader. */
export function adminMe(overrides: Partial<Me> = {}): Me {
  return makeMe({
    user: { id: 'admin-1', userName: 'admin.li', displayName: '李管理', phoneNumber: null, twoFactorEnabled: true },
    roles: ['tenant-admin'],
    permissions: ADMIN_PERMISSIONS,
    ...overrides,
  });
}

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u-chen',
    userName: 'chen.xm',
    displayName: '陈晓梅',
    phoneNumber: '138****1234',
    email: 'chen@xinchang.gov.cn',
    status: 'Active',
    termEndsOn: null,
    mustChangePassword: false,
    isLockedOut: false,
    twoFactorEnabled: false,
    createdAtUtc: '2026-01-05T02:00:00Z',
    version: 'v1',
    memberships: [{ tenantId: 't-xinchang', tenantName: '新昌镇人大主席团', roles: ['deputy'] }],
    ...overrides,
  };
}

/** Renders `page` at `path` (matched by `route`) for `me`. */
export function renderPage(page: ReactElement, { me, path, route }: { me: Me; path: string; route: string }) {
  return renderConsolePage(page, { me, path, route });
}

/** Confirms the open Popconfirm (its primary button). */
export async function confirmPopconfirm() {
  let ok: HTMLElement | null = null;
  await waitFor(() => {
    ok = document.querySelector<HTMLElement>('.ant-popconfirm:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary');
    if (!ok) throw new Error('no open Popconfirm');
  });
  fireEvent.click(ok!);
}

/** The form item (label, control, messages) whose label is `label`. */
export function formItem(label: string): HTMLElement {
  const item = screen.getByText(label, { selector: 'label' }).closest('.ant-form-item');
  if (!item) throw new Error(`no form item ${label}`);
  return item as HTMLElement;
}
