// Lets a signed-in user through; sends everyone else to the sign-in, and handles the callback's outcomes:
// a silent tenant switch answered with login_required becomes a normal sign-in for that tenant.
import { Button, Result } from 'antd';
import FullPageSpin from '@/components/FullPageSpin';
import { useEffect, useRef, type ReactNode } from 'react';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { CALLBACK_PATH, forgetTenant, getUserManager, isAccessDenied, needsInteractiveSignIn, signIn, stateOf } from './oidc';

function Waiting({ text }: { text: string }) {
  return <FullPageSpin text={text} testId="auth-waiting" />;
}

export default function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  const redirected = useRef(false);
  const onCallback = location.pathname === CALLBACK_PATH;
  const error = auth.error;
  const retryInteractive = error && needsInteractiveSignIn(error);
  const mustSignIn = !auth.isLoading && !auth.isAuthenticated && !auth.activeNavigator && !error && !onCallback;

  useEffect(() => {
    if (redirected.current) return;
    if (retryInteractive) {
      // prompt=none found no SSO session: sign in for the tenant that was asked for.
      redirected.current = true;
      const state = stateOf(error);
      void signIn(getUserManager(), { tenant: state?.tenant, returnTo: state?.returnTo ?? '/' });
    } else if (mustSignIn) {
      redirected.current = true;
      void signIn(getUserManager(), { returnTo: `${location.pathname}${location.search}${location.hash}` });
    }
  }, [retryInteractive, mustSignIn, error, location]);

  if (error && !retryInteractive) {
    const denied = isAccessDenied(error);
    return (
      <div className="full-page-center">
        <Result
          status={denied ? '403' : 'error'}
          title={t('auth.failedTitle')}
          subTitle={<span data-testid="problem-message">{denied ? t('auth.accessDenied') : t('auth.failed', { message: error.message })}</span>}
          extra={
            <Button
              type="primary"
              data-testid="sign-in-again"
              onClick={() => {
                // The remembered tenant may be the cause: ask the provider for the default one.
                forgetTenant();
                void signIn(getUserManager(), { tenant: null, returnTo: '/' });
              }}
            >
              {t('auth.signInAgain')}
            </Button>
          }
        />
      </div>
    );
  }
  if (auth.activeNavigator === 'signoutRedirect') return <Waiting text={t('auth.signingOut')} />;
  if (auth.isLoading || onCallback) return <Waiting text={t('auth.signingIn')} />;
  if (!auth.isAuthenticated) return <Waiting text={t('auth.redirecting')} />;
  return <>{children}</>;
}
