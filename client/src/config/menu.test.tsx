import { describe, expect, it } from 'vitest';
import { access } from '@/access';
import { makeMe } from '@/test/fixtures';
import { findTrail, menuKeys, menuRoutes, pageRoutes } from './menu';
import { routes, type AppRoute } from './routes';

const page = () => Promise.resolve({ default: () => null });
const table: AppRoute[] = [
  { path: '/', name: 'home', page },
  {
    path: '/system',
    name: 'system',
    children: [
      { path: '/system/handling-units', name: 'system.handling-units', access: 'canReadHandlingUnits', page },
      { path: '/system/users', name: 'system.users', access: 'canManageUsers', page },
      { path: '/system/jobs', name: 'system.jobs', access: 'canReadJobs', page },
      { path: '/system/users/:id', name: 'system.user', access: 'canManageUsers', hideInMenu: true, page },
    ],
  },
  { path: '/audit', name: 'audit', access: 'canReadAudit', children: [{ path: '/audit/log', name: 'audit.log', page }] },
  { path: '/profile', name: 'profile', hideInMenu: true, children: [{ path: '/profile', name: 'profile.info', page }] },
];
const paths = (entries: AppRoute[]): string[] => entries.flatMap((r) => [r.path, ...paths(r.children ?? [])]);

describe('menu from the route table', () => {
  it('shows a deputy only what the deputy may open', () => {
    const deputy = access(makeMe());
    expect(paths(menuRoutes(table, deputy))).toEqual(['/', '/system', '/system/handling-units']);
  });

  it('hides a group none of whose children are allowed, and a group whose own flag is false', () => {
    const unitOfficer = access(makeMe({ roles: ['unit-officer'], permissions: ['identity.profile.read'] }));
    expect(paths(menuRoutes(table, unitOfficer))).toEqual(['/']);
    const auditorWithoutGroupFlag = access(makeMe({ permissions: ['platform.jobs.read'] }));
    expect(paths(menuRoutes(table, auditorWithoutGroupFlag))).toEqual(['/', '/system', '/system/jobs']);
  });

  it('shows an administrator every allowed entry, never hideInMenu ones', () => {
    const admin = access(
      makeMe({ permissions: ['identity.handling-units.read', 'identity.users.manage', 'platform.jobs.read', 'platform.audit.read'] }),
    );
    expect(paths(menuRoutes(table, admin))).toEqual([
      '/', '/system', '/system/handling-units', '/system/users', '/system/jobs', '/audit', '/audit/log',
    ]);
  });

  it('gives the breadcrumb trail and the menu keys of a path, parameters included', () => {
    expect(findTrail(table, '/system/users/42').map((r) => r.name)).toEqual(['system', 'system.user']);
    expect(findTrail(table, '/nowhere')).toEqual([]);
    expect(menuKeys(table, '/system/jobs')).toEqual({ selected: ['/system/jobs'], open: ['group:/system'] });
  });

  it('nests a hidden detail page under its list page: breadcrumb through the list, the list selected, its flag applied', () => {
    const nested: AppRoute[] = [
      {
        path: '/system',
        name: 'system',
        children: [
          {
            path: '/system/users',
            name: 'system.users',
            access: 'canReadUsers',
            page,
            children: [{ path: '/system/users/:id', name: 'system.users.detail', hideInMenu: true, page }],
          },
        ],
      },
    ];
    expect(findTrail(nested, '/system/users/0190-ab').map((r) => r.name)).toEqual(['system', 'system.users', 'system.users.detail']);
    expect(findTrail(nested, '/system/users').map((r) => r.name)).toEqual(['system', 'system.users']);
    expect(menuKeys(nested, '/system/users/0190-ab')).toEqual({ selected: ['/system/users'], open: ['group:/system'] });
    const reader = access(makeMe({ permissions: ['identity.users.read'] }));
    const menu = menuRoutes(nested, reader);
    expect(paths(menu)).toEqual(['/system', '/system/users']);
    expect(menu[0]!.children![0]!.children).toBeUndefined();
    expect(paths(menuRoutes(nested, access(makeMe())))).toEqual([]);
    const detail = pageRoutes(nested).find(({ route }) => route.name === 'system.users.detail')!;
    expect(detail.trail.map((r) => r.access)).toContain('canReadUsers');
  });

  it('has, in the real table, a page for every menu entry and a menu key for every name', async () => {
    const zh = (await import('@/locales/zh-CN/menu')).default as Record<string, string>;
    const en = (await import('@/locales/en-US/menu')).default as Record<string, string>;
    const all = (entries: AppRoute[]): AppRoute[] => entries.flatMap((r) => [r, ...all(r.children ?? [])]);
    for (const r of all(routes)) {
      expect(zh[r.name], r.name).toBeTruthy();
      expect(en[r.name], r.name).toBeTruthy();
      if (!r.children) expect(r.page, r.path).toBeDefined();
    }
    for (const { route } of pageRoutes(routes)) {
      const module = await route.page!();
      expect(typeof module.default, route.path).toBe('function');
    }
  });
});
