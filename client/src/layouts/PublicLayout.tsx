// The public area (/p/...): residents, on their phones, without an account. No sign-in, no token, no OIDC code.
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';

export function Component() {
  const { t } = useTranslation();
  return (
    <div className="public-shell" data-testid="public-shell">
      <header className="public-header">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span className="public-header-title">{t('common.appName')}</span>
      </header>
      <main className="public-main">
        <Outlet />
      </main>
      <footer className="public-footer">{t('public.footer')}</footer>
    </div>
  );
}
