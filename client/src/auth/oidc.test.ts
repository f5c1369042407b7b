import type { UserManager } from 'oidc-client-ts';
import { ErrorResponse } from 'oidc-client-ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { needsInteractiveSignIn, oidcSettings, safeReturnTo, signIn, signOut, stateOf, switchTenant } from './oidc';
import { lastTenant, rememberTenant } from './tenant';

function fakeManager() {
  return { signinRedirect: vi.fn().mockResolvedValue(undefined) } as unknown as UserManager & { signinRedirect: ReturnType<typeof vi.fn> };
}

describe('single sign-on settings', () => {
  it('use our provider, code + PKCE, refresh-token renewal and no iframe', () => {
    const s = oidcSettings('http://localhost:5080');
    expect(s).toMatchObject({
      authority: 'http://localhost:5080',
      client_id: 'congress-spa',
      redirect_uri: 'http://localhost:5080/auth/callback',
      post_logout_redirect_uri: 'http://localhost:5080/',
      scope: 'openid profile offline_access',
      response_type: 'code',
      automaticSilentRenew: true,
      monitorSession: false,
    });
    // Without a silent_redirect_uri oidc-client-ts cannot fall back to an iframe: renewal is the refresh token only.
    expect(s.silent_redirect_uri).toBeUndefined();
  });
});

describe('sign-in requests', () => {
  beforeEach(() => localStorage.clear());

  it('ask for the last tenant used on this device', async () => {
    const um = fakeManager();
    rememberTenant('dongliu');
    expect(lastTenant()).toBe('dongliu');
    await signIn(um, { returnTo: '/system/jobs' });
    expect(um.signinRedirect).toHaveBeenCalledWith({
      extraQueryParams: { tenant: 'dongliu' },
      state: { returnTo: '/system/jobs', tenant: 'dongliu' },
    });
  });

  it('switch tenant silently (prompt=none) with the tenant parameter', async () => {
    const um = fakeManager();
    await switchTenant(um, 'xinchang');
    expect(um.signinRedirect).toHaveBeenCalledWith({
      extraQueryParams: { tenant: 'xinchang' },
      prompt: 'none',
      state: { returnTo: '/', tenant: 'xinchang', silent: true },
    });
  });

  it('recognise login_required and keep the tenant asked for', () => {
    const error = new ErrorResponse({ error: 'login_required', userState: { returnTo: '/', tenant: 'xinchang' } });
    expect(needsInteractiveSignIn(error)).toBe(true);
    expect(stateOf(error)?.tenant).toBe('xinchang');
    expect(needsInteractiveSignIn(new ErrorResponse({ error: 'access_denied' }))).toBe(false);
  });

  it('only return to paths of this application', () => {
    expect(safeReturnTo('/system/jobs?x=1')).toBe('/system/jobs?x=1');
    expect(safeReturnTo('https://evil.example/')).toBe('/');
    expect(safeReturnTo('//evil.example/')).toBe('/');
    expect(safeReturnTo('/auth/callback?code=1')).toBe('/');
    expect(safeReturnTo(undefined)).toBe('/');
  });
});

describe('sign-out', () => {
  it('goes through the auth context (so the gate waits) with the ID token as hint and the registered address', async () => {
    const signoutRedirect = vi.fn().mockResolvedValue(undefined);
    await signOut({
      user: { id_token: 'the.id.token' } as never,
      settings: { post_logout_redirect_uri: 'http://localhost:5080/' } as never,
      signoutRedirect,
    });
    expect(signoutRedirect).toHaveBeenCalledWith({ id_token_hint: 'the.id.token', post_logout_redirect_uri: 'http://localhost:5080/' });
  });
});
