// The client side of the protocol, done by oauth4webapi (an independent, certified RP library).
import * as oauth from 'oauth4webapi';
import { createPublicKey, createVerify } from 'node:crypto';
import assert from 'node:assert/strict';
import { Browser, navigate } from './browser.mjs';
import { rp, SPA_CLIENT_ID } from './config.mjs';

/** The hosts are plain HTTP on 127.0.0.1: allow that, nothing else is relaxed. */
export const insecure = { [oauth.allowInsecureRequests]: true };
export { oauth };

const discovered = new Map();
/** Discovery processed (and checked against the expected issuer) by oauth4webapi. */
export async function discover(host) {
  if (!discovered.has(host.base)) {
    const issuer = new URL(host.issuer);
    const res = await oauth.discoveryRequest(issuer, { ...insecure, algorithm: 'oidc' });
    discovered.set(host.base, await oauth.processDiscoveryResponse(issuer, res));
  }
  return discovered.get(host.base);
}

/** Client descriptions: { client, auth, redirectUri, postLogoutRedirectUri }. */
export function spa(host) {
  return {
    client: { client_id: SPA_CLIENT_ID, id_token_signed_response_alg: 'RS256' },
    auth: oauth.None(),
    redirectUri: `${host.base}/auth/callback`,
    postLogoutRedirectUri: `${host.base}/`,
  };
}
export function confidential(method = 'basic', secret = rp.secret) {
  return {
    client: { client_id: rp.clientId, id_token_signed_response_alg: 'RS256' },
    auth: method === 'post' ? oauth.ClientSecretPost(secret) : oauth.ClientSecretBasic(secret),
    redirectUri: rp.redirectUri,
    postLogoutRedirectUri: rp.postLogoutRedirectUri,
  };
}

/** Builds an authorization request. Returns { url, state, nonce, verifier, challenge }. */
export async function authorizationRequest(as, c, { scope = 'openid profile', tenant, prompt, maxAge, extra = {}, state, nonce } = {}) {
  const verifier = oauth.generateRandomCodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(verifier);
  state ??= oauth.generateRandomState();
  nonce ??= oauth.generateRandomNonce();
  const url = new URL(as.authorization_endpoint);
  const p = url.searchParams;
  p.set('client_id', c.client.client_id);
  p.set('redirect_uri', c.redirectUri);
  p.set('response_type', 'code');
  p.set('scope', scope);
  p.set('state', state);
  p.set('nonce', nonce);
  p.set('code_challenge', challenge);
  p.set('code_challenge_method', 'S256');
  if (tenant !== undefined) p.set('tenant', tenant);
  if (prompt !== undefined) p.set('prompt', prompt);
  if (maxAge !== undefined) p.set('max_age', String(maxAge));
  for (const [k, v] of Object.entries(extra)) {
    if (v === null) p.delete(k); else p.set(k, v);
  }
  return { url, state, nonce, verifier, challenge };
}

/**
 * Runs the authorization request in `browser` (signing in as `user` when asked) up to the redirect
 * to the client; returns the request and the navigation. Does not redeem the code.
 */
export async function authorize(host, browser, c, opts = {}) {
  const as = await discover(host);
  const req = await authorizationRequest(as, c, opts);
  const start = await browser.get(req.url);
  const nav = await navigate(browser, start, { ...opts, stopAt: c.redirectUri });
  return { as, req, nav };
}

/** Validates the callback with oauth4webapi (state, iss, error) and redeems the code. */
export async function redeem(as, c, req, callback, { maxAge } = {}) {
  const params = oauth.validateAuthResponse(as, c.client, callback, req.state);
  const res = await oauth.authorizationCodeGrantRequest(as, c.client, c.auth, params, c.redirectUri, req.verifier, insecure);
  const clone = res.clone();
  const tokens = await oauth.processAuthorizationCodeResponse(as, c.client, res, {
    expectedNonce: req.nonce, requireIdToken: true, ...(maxAge !== undefined ? { maxAge } : {}),
  });
  // oauth4webapi checks the ID token's claims; its signature against the JWKS is checked here.
  await oauth.validateApplicationLevelSignature(as, res, insecure);
  return { tokens, idClaims: oauth.getValidatedIdTokenClaims(tokens), http: clone };
}

/** The whole code flow: a new browser (unless given) signs in as `user` and gets tokens. */
export async function codeFlow(host, user, opts = {}) {
  const browser = opts.browser ?? new Browser(host.base);
  const c = opts.client ?? spa(host);
  const { as, req, nav } = await authorize(host, browser, c, { user, ...opts });
  assert.ok(nav.callback, `no redirect to the client; trail: ${JSON.stringify(nav.trail)}; final status ${nav.final.status}: ${nav.final.text.slice(0, 300)}`);
  const out = await redeem(as, c, req, nav.callback, opts);
  return { ...out, as, browser, client: c, req, nav };
}

/** Redeems a refresh token with oauth4webapi; throws ResponseBodyError on an OAuth error. */
export async function refresh(host, c, refreshToken, additionalParameters) {
  const as = await discover(host);
  const res = await oauth.refreshTokenGrantRequest(as, c.client, c.auth, refreshToken, { ...insecure, additionalParameters });
  return oauth.processRefreshTokenResponse(as, c.client, res);
}

/** Asserts that an oauth4webapi call rejects with an OAuth error body of the given code and status. */
export async function rejectsWith(promise, error, status) {
  let thrown;
  try { await promise; } catch (e) { thrown = e; }
  assert.ok(thrown, `expected the OAuth error '${error}' (${status}), but the request succeeded`);
  assert.ok(thrown instanceof oauth.ResponseBodyError,
    `expected ResponseBodyError '${error}', got ${thrown?.constructor?.name}: ${thrown?.message} ${JSON.stringify(thrown?.cause ?? '')}`);
  assert.equal(thrown.error, error);
  assert.equal(thrown.status, status);
  return thrown;
}

/** A raw token-endpoint POST (for what oauth4webapi refuses to send). Returns { status, headers, json }. */
export async function tokenPost(host, form, headers = {}) {
  const as = await discover(host);
  const res = await fetch(as.token_endpoint, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, json, text };
}

export function basic(clientId, secret) {
  return 'Basic ' + Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64');
}

export function b64url(buf) { return Buffer.from(buf).toString('base64url'); }

export function decodeJwt(jwt) {
  const [h, p, s] = jwt.split('.');
  return { header: JSON.parse(Buffer.from(h, 'base64url')), payload: JSON.parse(Buffer.from(p, 'base64url')), signature: s };
}

export async function jwks(host) {
  const as = await discover(host);
  const res = await fetch(as.jwks_uri);
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** Verifies an RS256 JWT against the host's JWKS (independently of the host). */
export async function verifyRs256(host, jwt) {
  const { header } = decodeJwt(jwt);
  const { body } = await jwks(host);
  const jwk = body.keys.find((k) => k.kid === header.kid);
  if (!jwk || header.alg !== 'RS256') return false;
  const [h, p, s] = jwt.split('.');
  return createVerify('RSA-SHA256').update(`${h}.${p}`).verify(createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s, 'base64url'));
}

/** Validates an access token as a resource server would, with oauth4webapi (RFC 9068). */
export async function validateAccessToken(host, accessToken, audience = 'congress-api') {
  const as = await discover(host);
  const request = new Request(`${host.base}/api/identity/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  return oauth.validateJwtAccessToken(as, request, audience, { ...insecure, signingAlgorithms: ['RS256'] });
}

export async function api(host, path, token, init = {}) {
  const headers = new Headers(init.headers ?? {});
  if (token) headers.set('authorization', `Bearer ${token}`);
  const res = await fetch(new URL(path, host.base), { ...init, headers, redirect: 'manual' });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, json, text };
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A browser with a live SSO session for `user` (signed in on the login page, no second factor). */
export async function signedInBrowser(host, user) {
  const { signIn } = await import('./browser.mjs');
  const b = new Browser(host.base);
  const res = await signIn(b, user);
  assert.equal(res.status, 303, `sign-in of ${user} failed: ${res.status} ${res.text.slice(0, 200)}`);
  return b;
}

/** Asserts an authorization error response: redirect to the client with error, description, state and iss, no code. */
export function assertErrorRedirect(host, res, c, { error, state, status = 302 }) {
  assert.equal(res.status, status, `expected ${status} redirect with error=${error}, got ${res.status} ${res.location ?? ''} ${res.status >= 400 ? res.text.slice(0, 200) : ''}`);
  const loc = res.next;
  assert.equal(`${loc.origin}${loc.pathname}`, c.redirectUri, 'the error goes to the registered redirect_uri');
  assert.equal(loc.searchParams.get('error'), error);
  assert.ok(loc.searchParams.get('error_description'), 'error_description present');
  assert.equal(loc.searchParams.get('state'), state, 'state echoed unchanged');
  assert.equal(loc.searchParams.get('iss'), host.issuer, 'iss in the response (RFC 9207)');
  assert.equal(loc.searchParams.get('code'), null, 'no code on error');
  return loc;
}

/** Asserts an HTML error page (400), never a redirect. */
export function assertErrorPage(res) {
  assert.equal(res.status, 400, `expected a 400 error page, got ${res.status} ${res.location ?? ''}`);
  assert.equal(res.location, null, 'no Location header');
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
}
