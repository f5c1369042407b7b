// The public area (/p/...): residents, on their phones, without an account. No sign-in, no token, no OIDC code.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';

/** The public pages' own server state (never the console's cache): no retry of a 4xx, nothing refetched on focus. */
const publicQueries = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function Component() {
  const { t } = useTranslation();
  return (
    <div className="public-shell" data-testid="public-shell">
      <header className="public-header">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span className="public-header-title">{t('common.appName')}</span>
      </header>
      <main className="public-main">
        <QueryClientProvider client={publicQueries}>
          <Outlet />
        </QueryClientProvider>
      </main>
      <footer className="public-footer">{t('public.footer')}</footer>
    </div>
  );
}
