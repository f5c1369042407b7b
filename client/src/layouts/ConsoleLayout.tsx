// The console's frame (the ProLayout look, without ProLayout): side menu from the route table and access.ts,
// header with the tenant switcher and the user menu, breadcrumbs; on phones the menu is a drawer.
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Drawer, Grid, Layout, Menu, Spin, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import { Link, Outlet, useLocation, useNavigation } from 'react-router';
import { api, call } from '@/api/client';
import { useSession } from '@/auth/me';
import { getUserManager, signOut, switchTenant } from '@/auth/oidc';
import NotificationBell from '@/components/NotificationBell';
import TenantSwitcher, { supervisedTenants } from '@/components/TenantSwitcher';
import UserMenu from '@/components/UserMenu';
import { findTrail, groupKey, menuKeys, menuRoutes } from '@/config/menu';
import { defaultIcon, routes, type AppRoute } from '@/config/routes';
import { queryClient } from '@/queryClient';

function toItems(entries: AppRoute[], t: (key: string) => string, top = true): NonNullable<MenuProps['items']> {
  return entries.map((r) =>
    r.children && r.children.length > 0
      ? { key: groupKey(r), icon: top ? (r.icon ?? defaultIcon) : r.icon, label: t(`menu.${r.name}`), children: toItems(r.children, t, false) }
      : { key: r.path, icon: top ? (r.icon ?? defaultIcon) : r.icon, label: <Link to={r.path}>{t(`menu.${r.name}`)}</Link> },
  );
}

export default function ConsoleLayout() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, access } = useSession();
  const auth = useAuth();
  const location = useLocation();
  const navigation = useNavigation();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const tenants = useQuery({
    queryKey: ['identity', 'tenants'],
    queryFn: () => call(api.GET('/api/identity/tenants')),
    enabled: access.canSupervise && access.canReadTenants,
    staleTime: 5 * 60_000,
  });
  const supervised = useMemo(() => (tenants.data ? supervisedTenants(me, tenants.data) : []), [me, tenants.data]);

  const items = useMemo(() => toItems(menuRoutes(routes, access), t), [access, t]);
  const keys = menuKeys(routes, location.pathname);
  const trail = findTrail(routes, location.pathname);

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={keys.selected}
      defaultOpenKeys={keys.open}
      onClick={() => setDrawerOpen(false)}
      aria-label={t('layout.navigation')}
      data-testid="side-menu"
    />
  );
  const logo = (
    <Link to="/" className="console-logo" aria-label={t('common.appName')}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {collapsed && !isMobile ? null : <span>{t('common.appShortName')}</span>}
    </Link>
  );

  const onSwitch = (code: string, name: string) => {
    void message.loading({ content: t('layout.switching', { name }), duration: 0 });
    void switchTenant(getUserManager(), code, '/');
  };
  const onSignOut = () => {
    queryClient.clear();
    void signOut(auth);
  };

  return (
    <Layout className="console">
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          className="console-drawer"
          styles={{ body: { padding: 0 } }}
        >
          {logo}
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider collapsible collapsed={collapsed} trigger={null} width={220} className="console-sider">
          {logo}
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="console-header">
          <Button
            type="text"
            className="console-menu-toggle"
            aria-label={isMobile ? t('layout.openMenu') : collapsed ? t('layout.expandMenu') : t('layout.collapseMenu')}
            icon={isMobile ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => (isMobile ? setDrawerOpen(true) : setCollapsed(!collapsed))}
            data-testid="menu-toggle"
          />
          <TenantSwitcher me={me} supervised={supervised} loading={tenants.isFetching} onSwitch={onSwitch} />
          <div className="console-header-spacer" />
          {access.canUseInbox ? <NotificationBell /> : null}
          <UserMenu me={me} compact={isMobile} onSignOut={onSignOut} />
        </Layout.Header>
        <Layout.Content className="console-content">
          <Breadcrumb
            className="console-breadcrumb"
            data-testid="breadcrumb"
            items={trail.map((r, i) =>
              i === trail.length - 1 || !r.page
                ? { key: `${r.path}:${i}`, title: t(`menu.${r.name}`) }
                : { key: `${r.path}:${i}`, title: <Link to={r.path}>{t(`menu.${r.name}`)}</Link> },
            )}
          />
          <div className="console-main">
            {navigation.state === 'loading' ? (
              <div className="console-page-loading" role="status">
                <Spin description={t('layout.pageLoading')} />
              </div>
            ) : null}
            <Outlet />
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
