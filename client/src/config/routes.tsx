// The console's route table: the menu, the breadcrumbs, the access guard and the lazy pages all come from here.
//
//   path       absolute path of the page (kebab-case); never under /account, /api, /connect, /p (host or public area)
//   name       i18n key under `menu.` (src/locales/*/menu.ts): the menu item's and the breadcrumb's label
//   icon       menu icon (top-level entries)
//   access     a flag of src/access.ts; without it every signed-in user may open the page
//   hideInMenu the page is reachable (user menu, links) but not listed in the side menu
//   page       the lazily imported page: () => import('@/pages/<module>/<page>')
//   children   sub-entries; an entry without `page` is a menu group, shown only when a child is visible; a page's
//              `hideInMenu` children are its sub-pages (e.g. '/system/users/:id' under the list): the breadcrumb
//              passes through the page, the menu selects it, and its `access` applies to them too
//
// Adding a page: create src/pages/<module>/<page>/index.tsx (default export), add one entry here, add its
// `menu.<name>` key to src/locales/zh-CN/menu.ts and en-US/menu.ts.
import { AppstoreOutlined, BellOutlined, EnvironmentOutlined, HomeOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { AccessKey } from '@/access';

export type PageModule = { default: ComponentType };

export interface AppRoute {
  path: string;
  name: string;
  icon?: ReactNode;
  access?: AccessKey;
  hideInMenu?: boolean;
  page?: () => Promise<PageModule>;
  children?: AppRoute[];
}

export const routes: AppRoute[] = [
  { path: '/', name: 'home', icon: <HomeOutlined />, page: () => import('@/pages/home') },
  {
    // Reached from the bell in the header, not listed in the side menu.
    path: '/notifications',
    name: 'notifications',
    icon: <BellOutlined />,
    access: 'canUseInbox',
    hideInMenu: true,
    page: () => import('@/pages/notifications/inbox'),
  },
  {
    // 代表工作: a deputy's own archive and reports; the registry (代表名册) and each deputy's file (代表档案); groups,
    // rankings and the points policy; report-back (述职) with its public ballot; quarterly reports and reminder letters.
    path: '/deputies',
    name: 'deputies',
    icon: <TeamOutlined />,
    children: [
      { path: '/deputies/my-archive', name: 'deputies.my-archive', access: 'canReadMyArchive', page: () => import('@/pages/deputies/my-archive') },
      { path: '/deputies/my-reports', name: 'deputies.my-reports', access: 'canReadMyReports', page: () => import('@/pages/deputies/my-reports') },
      {
        path: '/deputies/registry',
        name: 'deputies.registry',
        access: 'canReadDeputies',
        page: () => import('@/pages/deputies/deputies'),
        children: [
          {
            path: '/deputies/registry/:id',
            name: 'deputies.registry.detail',
            hideInMenu: true,
            page: () => import('@/pages/deputies/deputy-detail'),
          },
        ],
      },
      { path: '/deputies/groups', name: 'deputies.groups', access: 'canReadGroups', page: () => import('@/pages/deputies/groups') },
      { path: '/deputies/rankings', name: 'deputies.rankings', access: 'canReadRankings', page: () => import('@/pages/deputies/rankings') },
      {
        path: '/deputies/points-policies',
        name: 'deputies.points-policies',
        access: 'canReadPointsPolicies',
        page: () => import('@/pages/deputies/points-policies'),
      },
      {
        path: '/deputies/report-backs',
        name: 'deputies.report-backs',
        access: 'canReadReportBacks',
        page: () => import('@/pages/deputies/report-backs'),
        children: [
          {
            path: '/deputies/report-backs/:id',
            name: 'deputies.report-backs.detail',
            hideInMenu: true,
            page: () => import('@/pages/deputies/report-back-detail'),
          },
        ],
      },
      {
        path: '/deputies/quarterly-reports',
        name: 'deputies.quarterly-reports',
        access: 'canReadQuarterlyReports',
        page: () => import('@/pages/deputies/quarterly-reports'),
      },
    ],
  },
  {
    // 联络站: the 室—站—点 network (directory and tree), each station's page in tabs (stations/station-detail/tabs.tsx)
    // and its printable QR poster; the duty rota (值班表) per station and a deputy's own duty (我的值班); centralised
    // reception events (集中接待); residents' opinions (社情民意) — the staff inbox with each opinion's detail, the monthly
    // public notice (月度公示) with its review page, and the unit officer's "assigned to me".
    path: '/stations',
    name: 'stations',
    icon: <EnvironmentOutlined />,
    children: [
      {
        path: '/stations/directory',
        name: 'stations.directory',
        access: 'canReadStations',
        page: () => import('@/pages/stations/stations'),
        children: [
          { path: '/stations/directory/:id', name: 'stations.directory.detail', hideInMenu: true, page: () => import('@/pages/stations/station-detail') },
          {
            path: '/stations/directory/:id/poster',
            name: 'stations.directory.poster',
            hideInMenu: true,
            page: () => import('@/pages/stations/station-poster'),
          },
        ],
      },
      { path: '/stations/my-duty', name: 'stations.my-duty', access: 'canUseMyDuty', page: () => import('@/pages/stations/my-duty') },
      {
        path: '/stations/rota',
        name: 'stations.rota',
        access: 'canReadRota',
        page: () => import('@/pages/stations/rota'),
        children: [{ path: '/stations/rota/:id', name: 'stations.rota', hideInMenu: true, page: () => import('@/pages/stations/rota') }],
      },
      {
        path: '/stations/receptions',
        name: 'stations.receptions',
        access: 'canReadReceptions',
        page: () => import('@/pages/stations/receptions'),
        children: [
          {
            path: '/stations/receptions/new',
            name: 'stations.receptions.new',
            hideInMenu: true,
            access: 'canManageReceptions',
            page: () => import('@/pages/stations/reception-form'),
          },
          { path: '/stations/receptions/:id', name: 'stations.receptions.detail', hideInMenu: true, page: () => import('@/pages/stations/reception-detail') },
          {
            path: '/stations/receptions/:id/edit',
            name: 'stations.receptions.edit',
            hideInMenu: true,
            access: 'canManageReceptions',
            page: () => import('@/pages/stations/reception-form'),
          },
        ],
      },
      {
        path: '/stations/opinions',
        name: 'stations.opinions-inbox',
        access: 'canReadOpinions',
        page: () => import('@/pages/stations/opinions'),
        children: [
          { path: '/stations/opinions/:id', name: 'stations.opinions-inbox.detail', hideInMenu: true, page: () => import('@/pages/stations/opinion-detail') },
        ],
      },
      {
        path: '/stations/notices',
        name: 'stations.notices',
        access: 'canReadNotices',
        page: () => import('@/pages/stations/notices'),
        children: [
          { path: '/stations/notices/:id', name: 'stations.notices.detail', hideInMenu: true, page: () => import('@/pages/stations/notice-review') },
        ],
      },
      { path: '/stations/assigned-opinions', name: 'stations.opinions-assigned', access: 'canAnswerOpinions', page: () => import('@/pages/stations/assigned-opinions') },
    ],
  },
  {
    // 系统管理: tenants and handling units, users and memberships, scheduled jobs, the working-day calendar, notification
    // channels, audit, and everyone's own exports (我的导出).
    path: '/system',
    name: 'system',
    icon: <SettingOutlined />,
    children: [
      { path: '/system/tenants', name: 'system.tenants', access: 'canReadTenants', page: () => import('@/pages/identity/tenants') },
      {
        path: '/system/handling-units',
        name: 'system.handling-units',
        access: 'canReadHandlingUnits',
        page: () => import('@/pages/identity/handling-units'),
      },
      {
        path: '/system/users',
        name: 'system.users',
        access: 'canReadUsers',
        page: () => import('@/pages/identity/users'),
        children: [
          { path: '/system/users/:id', name: 'system.users.detail', hideInMenu: true, page: () => import('@/pages/identity/user-detail') },
        ],
      },
      { path: '/system/jobs', name: 'system.jobs', access: 'canReadJobs', page: () => import('@/pages/platform/jobs') },
      { path: '/system/calendar', name: 'system.calendar', access: 'canReadCalendar', page: () => import('@/pages/platform/calendar') },
      {
        path: '/system/notification-channels',
        name: 'system.notification-channels',
        access: 'canManageChannels',
        page: () => import('@/pages/notifications/channels'),
      },
      { path: '/system/audit', name: 'system.audit', access: 'canReadAudit', page: () => import('@/pages/platform/audit') },
      { path: '/system/exports', name: 'system.exports', access: 'canUseExports', page: () => import('@/pages/platform/exports') },
    ],
  },
  {
    path: '/profile',
    name: 'profile',
    icon: <UserOutlined />,
    hideInMenu: true,
    children: [
      { path: '/profile', name: 'profile.info', page: () => import('@/pages/profile/info') },
      { path: '/profile/security', name: 'profile.security', page: () => import('@/pages/profile/security') },
      {
        path: '/profile/notifications',
        name: 'profile.notifications',
        access: 'canUseInbox',
        page: () => import('@/pages/notifications/preferences'),
      },
    ],
  },
];

/** Fallback icon for top-level entries without one. */
export const defaultIcon = <AppstoreOutlined />;
