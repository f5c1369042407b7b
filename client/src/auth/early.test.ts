import { describe, expect, it } from 'vitest';
import { needsSignInFirst, userStorageKey } from './early';

const origin = 'http://localhost:5080';
const empty = { getItem: () => null };
const signedIn = { getItem: (key: string) => (key === userStorageKey(origin) ? '{"access_token":"x"}' : null) };

describe('sign-in before rendering', () => {
  it('sends a console path without a user in this tab to the provider', () => {
    expect(needsSignInFirst({ pathname: '/', origin }, empty)).toBe(true);
    expect(needsSignInFirst({ pathname: '/system/users/42', origin }, empty)).toBe(true);
  });

  it('renders when this tab has a user (expired ones are renewed by the console)', () => {
    expect(needsSignInFirst({ pathname: '/', origin }, signedIn)).toBe(false);
  });

  it('never for the public area or the provider’s answer', () => {
    expect(needsSignInFirst({ pathname: '/p', origin }, empty)).toBe(false);
    expect(needsSignInFirst({ pathname: '/p/stations/1', origin }, empty)).toBe(false);
    expect(needsSignInFirst({ pathname: '/auth/callback', origin }, empty)).toBe(false);
    expect(needsSignInFirst({ pathname: '/people', origin }, empty)).toBe(true);
  });

  it('uses the key oidc-client-ts stores the user under', () => {
    expect(userStorageKey(origin)).toBe('oidc.user:http://localhost:5080:congress-spa');
  });
});
