// Single sign-on against our own provider (docs/identity.md): authorization code + PKCE, refresh-token renewal,
// no iframes (the provider sends frame-ancestors 'none'), the tenant as the extra `tenant` parameter.
import { ErrorResponse, UserManager, WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts';
import type { AuthContextProps } from 'react-oidc-context';
import { forgetTenant, lastTenant } from './tenant';

import { CALLBACK_PATH, CLIENT_ID } from './constants';

export { CALLBACK_PATH, CLIENT_ID };

/** What we carry through the provider and back (oidc-client-ts stores it with the request, never in the URL). */
export interface SignInState {
  returnTo: string;
  tenant?: string;
  /** The request was a silent tenant switch (prompt=none). */
  silent?: boolean;
}

export function oidcSettings(origin: string): UserManagerSettings {
  return {
    authority: origin,
    client_id: CLIENT_ID,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    scope: 'openid profile offline_access',
    response_type: 'code',
    // Renewal uses the refresh token (offline_access): oidc-client-ts's signinSilent takes the refresh-token
    // grant whenever the user has one. No check-session iframe: the provider forbids framing.
    automaticSilentRenew: true,
    monitorSession: false,
    loadUserInfo: false,
    userStore: new WebStorageStateStore({ store: globalThis.sessionStorage }),
  };
}

let manager: UserManager | undefined;

export function getUserManager(): UserManager {
  manager ??= new UserManager(oidcSettings(window.location.origin));
  return manager;
}

/** A path of this application to come back to (never another origin, never the callback itself). */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith(CALLBACK_PATH)) return '/';
  return value;
}

/** Sends the browser to the sign-in page, asking for `tenant` (default: the last one used on this device). */
export function signIn(um: UserManager, options: { tenant?: string | null; returnTo?: string } = {}) {
  const tenant = options.tenant === null ? undefined : (options.tenant ?? lastTenant());
  const state: SignInState = { returnTo: safeReturnTo(options.returnTo ?? currentPath()), tenant };
  return um.signinRedirect({ extraQueryParams: tenant ? { tenant } : {}, state });
}

/** Switches tenant: a new authorization on the live SSO session (no sign-in page). */
export function switchTenant(um: UserManager, tenant: string, returnTo = '/') {
  const state: SignInState = { returnTo: safeReturnTo(returnTo), tenant, silent: true };
  return um.signinRedirect({ extraQueryParams: { tenant }, prompt: 'none', state });
}

/**
 * Ends the SSO session at the provider and comes back to the start page. Goes through react-oidc-context's
 * `signoutRedirect` (not the UserManager's) so that `activeNavigator` is set while the local user is removed:
 * otherwise AuthGate sees "not signed in" and starts a sign-in that cancels the trip to the provider.
 */
export function signOut(auth: Pick<AuthContextProps, 'user' | 'settings' | 'signoutRedirect'>) {
  return auth.signoutRedirect({
    id_token_hint: auth.user?.id_token,
    post_logout_redirect_uri: auth.settings.post_logout_redirect_uri,
  });
}

/** The provider answered prompt=none with "sign in first": the SSO session ended. */
export function needsInteractiveSignIn(error: unknown): boolean {
  return (
    error instanceof ErrorResponse &&
    ['login_required', 'interaction_required', 'consent_required'].includes(error.error ?? '')
  );
}

export function isAccessDenied(error: unknown): boolean {
  return error instanceof ErrorResponse && error.error === 'access_denied';
}

/** The state of a failed authorization response (what we asked for), when the library kept it. */
export function stateOf(error: unknown): SignInState | undefined {
  const state = error instanceof ErrorResponse ? (error.state as SignInState | undefined) : undefined;
  return state && typeof state === 'object' ? state : undefined;
}

export function currentPath() {
  const { pathname, search, hash } = window.location;
  return `${pathname}${search}${hash}`;
}

export { forgetTenant };
