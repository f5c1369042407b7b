// The signed-in console: single sign-on, server state, the session (/me) and the layout around the pages.
// Loaded lazily by the router, so the public area (/p) never loads the OIDC libraries.
import { QueryClientProvider } from '@tanstack/react-query';
import type { User } from 'oidc-client-ts';
import { useCallback } from 'react';
import { AuthProvider } from 'react-oidc-context';
import { useNavigate } from 'react-router';
import { setTokenSource } from '@/api/client';
import AuthGate from '@/auth/AuthGate';
import MeProvider from '@/auth/me';
import { CALLBACK_PATH, getUserManager, safeReturnTo, signIn, type SignInState } from '@/auth/oidc';
import { queryClient } from '@/queryClient';
import ConsoleLayout from './ConsoleLayout';


const userManager = getUserManager();
setTokenSource({
  async getAccessToken() {
    // An expired token is still sent: the API answers 401 and the client renews once and retries.
    return (await userManager.getUser())?.access_token;
  },
  async renew() {
    const user = await userManager.getUser();
    if (!user?.refresh_token) return false;
    try {
      await userManager.signinSilent();
      return true;
    } catch {
      return false;
    }
  },
  async signIn() {
    await userManager.removeUser();
    await signIn(userManager);
  },
});

export function Component() {
  const navigate = useNavigate();
  const onSigninCallback = useCallback(
    (user: User | undefined) => {
      queryClient.clear(); // a new tenant: nothing cached from the previous one may show
      const state = user?.state as SignInState | undefined;
      void navigate(safeReturnTo(state?.returnTo), { replace: true });
    },
    [navigate],
  );
  return (
    <AuthProvider
      userManager={userManager}
      onSigninCallback={onSigninCallback}
      skipSigninCallback={window.location.pathname !== CALLBACK_PATH}
    >
      <QueryClientProvider client={queryClient}>
        <AuthGate>
          <MeProvider>
            <ConsoleLayout />
          </MeProvider>
        </AuthGate>
      </QueryClientProvider>
    </AuthProvider>
  );
}
