// The router: the public area (/p, no sign-in), the sign-in callback, and the console pages of the route table,
// each loaded lazily (route-level code splitting).
import type { ReactNode } from 'react';
import { createBrowserRouter, useRouteError, type RouteObject } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/auth/me';
import FullPageSpin from '@/components/FullPageSpin';
import ProblemResult from '@/components/ProblemResult';
import { isAllowed, pageRoutes } from '@/config/menu';
import { routes, type AppRoute } from '@/config/routes';

/** 403 when a flag of the page or of one of its groups is false. */
function Guard({ trail, children }: { trail: AppRoute[]; children: ReactNode }) {
  const { access } = useSession();
  return trail.every((r) => isAllowed(r, access)) ? <>{children}</> : <ProblemResult status={403} />;
}

export function RouteError() {
  return <ProblemResult error={useRouteError()} onRetry={() => window.location.reload()} />;
}

function Waiting() {
  const { t } = useTranslation();
  return <FullPageSpin text={t('common.loading')} />;
}

export const consolePages: RouteObject[] = pageRoutes(routes).map(({ route, trail }) => ({
  ...(route.path === '/' ? { index: true } : { path: route.path }),
  errorElement: <RouteError />,
  lazy: async () => {
    const { default: Page } = await route.page!();
    return {
      Component: () => (
        <Guard trail={trail}>
          <Page />
        </Guard>
      ),
    };
  },
}));

export const router = createBrowserRouter([
  {
    path: '/p',
    lazy: () => import('@/layouts/PublicLayout'),
    hydrateFallbackElement: <Waiting />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('@/pages/public/landing')).default }) },
      { path: 'ballots/:token', lazy: async () => ({ Component: (await import('@/pages/public/ballot')).default }) },
      { path: 'stations/:id', lazy: async () => ({ Component: (await import('@/pages/public/station')).default }) },
      { path: 'opinions/new', lazy: async () => ({ Component: (await import('@/pages/public/opinion-form')).default }) },
      { path: 'opinions/track', lazy: async () => ({ Component: (await import('@/pages/public/opinion-track')).default }) },
      { path: 'opinions/track/:code', lazy: async () => ({ Component: (await import('@/pages/public/opinion-track')).default }) },
      { path: '*', lazy: async () => ({ Component: (await import('@/pages/public/landing')).PublicNotFound }) },
    ],
  },
  {
    path: '/',
    lazy: () => import('@/layouts/ConsoleRoot'),
    hydrateFallbackElement: <Waiting />,
    errorElement: <RouteError />,
    children: [
      ...consolePages,
      // The provider's answer: AuthGate (in ConsoleRoot) shows the progress and navigates on.
      { path: 'auth/callback', element: null },
      { path: '*', element: <ProblemResult status={404} /> },
    ],
  },
]);
