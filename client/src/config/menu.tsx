// Pure helpers over the route table: what the side menu shows, the breadcrumb trail, the flat list of pages.
import { matchPath } from 'react-router';
import type { Access } from '@/access';
import type { AppRoute } from './routes';

export function isAllowed(route: Pick<AppRoute, 'access'>, flags: Access): boolean {
  return !route.access || flags[route.access] === true;
}

/**
 * The entries of the side menu for these access flags: entries the user may not open and `hideInMenu` entries are
 * removed; a group stays only when one of its children stays.
 */
export function menuRoutes(routes: AppRoute[], flags: Access): AppRoute[] {
  const result: AppRoute[] = [];
  for (const route of routes) {
    if (route.hideInMenu || !isAllowed(route, flags)) continue;
    if (route.children) {
      const children = menuRoutes(route.children, flags);
      if (children.length > 0) result.push({ ...route, children });
      else if (route.page) result.push({ ...route, children: undefined });
      continue;
    }
    if (route.page) result.push(route);
  }
  return result;
}

/** Every entry that is a page, in table order, with the access flags of its groups (a group's flag applies to all). */
export function pageRoutes(routes: AppRoute[], inherited: AppRoute[] = []): { route: AppRoute; trail: AppRoute[] }[] {
  const result: { route: AppRoute; trail: AppRoute[] }[] = [];
  for (const route of routes) {
    const trail = [...inherited, route];
    if (route.page) result.push({ route, trail });
    if (route.children) result.push(...pageRoutes(route.children, trail));
  }
  return result;
}

/** The breadcrumb trail (group … page) of the page matching `pathname`, or [] when none does. */
export function findTrail(routes: AppRoute[], pathname: string): AppRoute[] {
  const hit = pageRoutes(routes).find(({ route }) => matchPath({ path: route.path, end: true }, pathname));
  return hit?.trail ?? [];
}

/**
 * The menu keys to select and open for `pathname`. A `hideInMenu` page (a detail page nested under its list page)
 * selects the nearest entry of its trail that the menu shows.
 */
export function menuKeys(routes: AppRoute[], pathname: string): { selected: string[]; open: string[] } {
  const trail = findTrail(routes, pathname);
  if (trail.length === 0) return { selected: [], open: [] };
  let index = trail.length - 1;
  while (index > 0 && trail[index]!.hideInMenu) index--;
  return { selected: [trail[index]!.path], open: trail.slice(0, index).map((g) => groupKey(g)) };
}

export const groupKey = (route: AppRoute) => `group:${route.path}`;
