// Rules 6 and 7 (code redemption, token responses) and the token contents.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { main, short, rp, SPA_CLIENT_ID, API_AUDIENCE } from '../lib/config.mjs';
import { Browser } from '../lib/browser.mjs';
import {
  oauth, insecure, discover, spa, confidential, authorize, redeem, codeFlow, refresh, rejectsWith, tokenPost, basic,
  decodeJwt, jwks, verifyRs256, validateAccessToken, GUID,
} from '../lib/oidc.mjs';
import { sleep } from '../lib/host.mjs';

const c = spa(main);

/** A fresh code for deputy.li (not redeemed). */
async function freshCode(host = main, client = spa(host), opts = {}) {
  const { as, req, nav } = await authorize(host, new Browser(host.base), client, { user: 'deputy.li', ...opts });
  assert.ok(nav.callback, JSON.stringify(nav.trail));
  const params = oauth.validateAuthResponse(as, client.client, nav.callback, req.state);
  return { as, req, params, code: params.get('code') };
}

describe('token response (rule 7)', () => {
  let flow;
  before(async () => { flow = await codeFlow(main, 'deputy.li', { scope: 'openid profile offline_access' }); });

  test('JSON, Cache-Control no-store, token_type Bearer, expires_in', () => {
    const h = flow.http.headers;
    assert.match(h.get('content-type') ?? '', /^application\/json/);
    assert.match(h.get('cache-control') ?? '', /no-store/);
    assert.equal(flow.tokens.token_type, 'bearer');
    assert.equal(typeof flow.tokens.expires_in, 'number');
    assert.ok(flow.tokens.expires_in > 0 && flow.tokens.expires_in <= 600);
  });

  test('access token: at+jwt, RS256, kid in the JWKS, validated by oauth4webapi as an RFC 9068 token', async () => {
    const { header, payload } = decodeJwt(flow.tokens.access_token);
    assert.equal(header.typ, 'at+jwt');
    assert.equal(header.alg, 'RS256');
    const { body } = await jwks(main);
    assert.ok(body.keys.some((k) => k.kid === header.kid), `kid ${header.kid} in the JWKS`);
    assert.ok(await verifyRs256(main, flow.tokens.access_token), 'signature verifies with the JWKS key');
    const claims = await validateAccessToken(main, flow.tokens.access_token, API_AUDIENCE);
    assert.equal(claims.iss, main.issuer);
    assert.equal(payload.aud, API_AUDIENCE);
  });

  test('access token claims: sub, client_id, scope, tid (GUID), role[], iat, exp, jti, auth_time, sid', () => {
    const p = decodeJwt(flow.tokens.access_token).payload;
    assert.equal(p.sub, flow.idClaims.sub);
    assert.equal(p.client_id, SPA_CLIENT_ID);
    assert.deepEqual(p.scope.split(' ').sort(), ['offline_access', 'openid', 'profile']);
    assert.match(p.tid, GUID);
    assert.ok(Array.isArray(p.role), 'role is an array');
    assert.ok(p.role.includes('deputy'), `deputy.li is a deputy: ${JSON.stringify(p.role)}`);
    for (const k of ['iat', 'exp', 'auth_time']) assert.equal(typeof p[k], 'number', k);
    assert.ok(p.exp > p.iat && p.exp - p.iat <= 600, 'access token lifetime ≤ 600 s');
    assert.equal(typeof p.jti, 'string');
    assert.equal(typeof p.sid, 'string');
    assert.equal(p.auth_time, flow.idClaims.auth_time);
  });

  test('ID token: typ JWT, RS256, aud = client_id, nonce copied, iss, auth_time, sid, name; signature checked by oauth4webapi', async () => {
    const { header, payload } = decodeJwt(flow.tokens.id_token);
    assert.equal(header.typ, 'JWT');
    assert.equal(header.alg, 'RS256');
    assert.ok(payload.aud === SPA_CLIENT_ID || (Array.isArray(payload.aud) && payload.aud.length === 1 && payload.aud[0] === SPA_CLIENT_ID));
    assert.equal(payload.nonce, flow.req.nonce);
    assert.equal(payload.iss, main.issuer);
    assert.equal(typeof payload.auth_time, 'number');
    assert.equal(payload.sid, decodeJwt(flow.tokens.access_token).payload.sid);
    assert.equal(typeof payload.name, 'string');
    assert.ok(payload.name.length > 0);
    assert.ok(payload.exp - payload.iat <= 300, 'ID token lifetime ≤ 300 s');
  });

  test('a wrong nonce is detected by the client library (the check is real)', async () => {
    const { as, req, params } = await freshCode();
    const res = await oauth.authorizationCodeGrantRequest(as, c.client, c.auth, params, c.redirectUri, req.verifier, insecure);
    await assert.rejects(oauth.processAuthorizationCodeResponse(as, c.client, res, { expectedNonce: 'other' }),
      (e) => e.code === oauth.JWT_CLAIM_COMPARISON);
  });

  test('refresh token with offline_access: opaque, ≥ 128 bits', () => {
    const r = flow.tokens.refresh_token;
    assert.equal(typeof r, 'string');
    assert.notEqual(r.split('.').length, 3, 'not a JWT');
    assert.ok(r.length >= 22, `too short for 128 bits: ${r.length} chars`);
  });

  test('no refresh token without offline_access', async () => {
    const { tokens } = await codeFlow(main, 'deputy.li', { scope: 'openid profile' });
    assert.equal(tokens.refresh_token, undefined);
  });
});

describe('confidential client', () => {
  test('client_secret_basic: the full flow with oauth4webapi', async () => {
    const { tokens } = await codeFlow(main, 'deputy.li', { client: confidential('basic'), scope: 'openid profile offline_access' });
    assert.equal(decodeJwt(tokens.access_token).payload.client_id, rp.clientId);
    assert.equal(decodeJwt(tokens.id_token).payload.aud, rp.clientId);
  });

  test('client_secret_post: the full flow with oauth4webapi', async () => {
    const { tokens } = await codeFlow(main, 'deputy.li', { client: confidential('post') });
    assert.ok(tokens.access_token);
  });

  test('wrong secret → 401 invalid_client', async () => {
    const rc = confidential('basic');
    const { as, req, params } = await freshCode(main, rc);
    const bad = confidential('basic', 'x' + rp.secret);
    const res = await oauth.authorizationCodeGrantRequest(as, bad.client, bad.auth, params, rc.redirectUri, req.verifier, insecure);
    assert.equal(res.status, 401);
    const body = await res.json();
    assert.equal(body.error, 'invalid_client');
  });

  test('no client authentication (client_id only) → 401 invalid_client', async () => {
    const rc = confidential('basic');
    const { req, code } = await freshCode(main, rc);
    const r = await tokenPost(main, { grant_type: 'authorization_code', code, redirect_uri: rc.redirectUri, code_verifier: req.verifier, client_id: rp.clientId });
    assert.equal(r.status, 401);
    assert.equal(r.json?.error, 'invalid_client');
  });
});

describe('code redemption (rule 6)', () => {
  test('second redemption → 400 invalid_grant and the first redemption’s refresh token is revoked', async () => {
    const { as, req, params } = await freshCode(main, c, { scope: 'openid offline_access' });
    const first = await oauth.processAuthorizationCodeResponse(as, c.client,
      await oauth.authorizationCodeGrantRequest(as, c.client, c.auth, params, c.redirectUri, req.verifier, insecure), { expectedNonce: req.nonce });
    assert.ok(first.refresh_token);
    const again = await oauth.authorizationCodeGrantRequest(as, c.client, c.auth, params, c.redirectUri, req.verifier, insecure);
    await rejectsWith(oauth.processAuthorizationCodeResponse(as, c.client, again, { expectedNonce: req.nonce }), 'invalid_grant', 400);
    await rejectsWith(refresh(main, c, first.refresh_token), 'invalid_grant', 400);
  });

  test('wrong verifier → invalid_grant, and the code is burnt (the right verifier then fails too)', async () => {
    const { as, req, params } = await freshCode();
    const wrong = oauth.generateRandomCodeVerifier();
    await rejectsWith(oauth.processAuthorizationCodeResponse(as, c.client,
      await oauth.authorizationCodeGrantRequest(as, c.client, c.auth, params, c.redirectUri, wrong, insecure)), 'invalid_grant', 400);
    await rejectsWith(oauth.processAuthorizationCodeResponse(as, c.client,
      await oauth.authorizationCodeGrantRequest(as, c.client, c.auth, params, c.redirectUri, req.verifier, insecure), { expectedNonce: req.nonce }), 'invalid_grant', 400);
  });

  test('malformed verifier (too short) → invalid_grant, and the code is burnt', async () => {
    const { req, code } = await freshCode();
    const r = await tokenPost(main, { grant_type: 'authorization_code', code, redirect_uri: c.redirectUri, code_verifier: 'short', client_id: SPA_CLIENT_ID });
    assert.equal(r.status, 400);
    assert.equal(r.json?.error, 'invalid_grant');
    const r2 = await tokenPost(main, { grant_type: 'authorization_code', code, redirect_uri: c.redirectUri, code_verifier: req.verifier, client_id: SPA_CLIENT_ID });
    assert.equal(r2.status, 400);
    assert.equal(r2.json?.error, 'invalid_grant');
  });

  test('code bound to the redirect_uri: another redirect_uri → invalid_grant', async () => {
    const { req, code } = await freshCode();
    const r = await tokenPost(main, { grant_type: 'authorization_code', code, redirect_uri: `${main.base}/auth/callback2`, code_verifier: req.verifier, client_id: SPA_CLIENT_ID });
    assert.equal(r.status, 400);
    assert.equal(r.json?.error, 'invalid_grant');
  });

  test('code bound to the client: redeemed by the (authenticated) confidential client → invalid_grant', async () => {
    const { req, code } = await freshCode();
    const r = await tokenPost(main, { grant_type: 'authorization_code', code, redirect_uri: c.redirectUri, code_verifier: req.verifier },
      { authorization: basic(rp.clientId, rp.secret) });
    assert.equal(r.status, 400);
    assert.equal(r.json?.error, 'invalid_grant');
  });

  test('an unknown code → invalid_grant', async () => {
    const r = await tokenPost(main, { grant_type: 'authorization_code', code: 'no-such-code', redirect_uri: c.redirectUri, code_verifier: oauth.generateRandomCodeVerifier(), client_id: SPA_CLIENT_ID });
    assert.equal(r.status, 400);
    assert.equal(r.json?.error, 'invalid_grant');
  });

  test('an expired code (lifetime 2 s on the short host) → invalid_grant', async () => {
    const sc = spa(short);
    const { as, req, params } = await freshCode(short, sc);
    await sleep(3500);
    await rejectsWith(oauth.processAuthorizationCodeResponse(as, sc.client,
      await oauth.authorizationCodeGrantRequest(as, sc.client, sc.auth, params, sc.redirectUri, req.verifier, insecure), { expectedNonce: req.nonce }), 'invalid_grant', 400);
  });
});

describe('token endpoint errors (RFC 6749 JSON)', () => {
  test('grant_type=password → 400 unsupported_grant_type', async () => {
    const r = await tokenPost(main, { grant_type: 'password', username: 'deputy.li', password: 'Congress#2026', client_id: SPA_CLIENT_ID });
    assert.equal(r.status, 400);
    assert.equal(r.json?.error, 'unsupported_grant_type');
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
  });

  test('grant_type=client_credentials (confidential) → 400 unsupported_grant_type', async () => {
    const r = await tokenPost(main, { grant_type: 'client_credentials' }, { authorization: basic(rp.clientId, rp.secret) });
    assert.equal(r.status, 400);
    assert.equal(r.json?.error, 'unsupported_grant_type');
  });

  test('missing grant_type → 400 invalid_request', async () => {
    const r = await tokenPost(main, { client_id: SPA_CLIENT_ID, code: 'x' });
    assert.equal(r.status, 400);
    assert.equal(r.json?.error, 'invalid_request');
  });

  test('authorization_code without code → 400 invalid_request', async () => {
    const r = await tokenPost(main, { grant_type: 'authorization_code', client_id: SPA_CLIENT_ID, redirect_uri: c.redirectUri, code_verifier: oauth.generateRandomCodeVerifier() });
    assert.equal(r.status, 400);
    assert.equal(r.json?.error, 'invalid_request');
  });

  test('unknown client_id → 401 invalid_client', async () => {
    const r = await tokenPost(main, { grant_type: 'authorization_code', code: 'x', client_id: 'no-such-client', redirect_uri: c.redirectUri, code_verifier: oauth.generateRandomCodeVerifier() });
    assert.equal(r.status, 401);
    assert.equal(r.json?.error, 'invalid_client');
  });
  test('a repeated parameter → 400 invalid_request (RFC 6749 §3.2)', async () => {
    const { req, code } = await freshCode();
    const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: c.redirectUri, code_verifier: req.verifier, client_id: SPA_CLIENT_ID });
    body.append('code', code);
    const res = await fetch((await discover(main)).token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error, 'invalid_request');
  });

  test('a JSON body instead of a form → 400 invalid_request', async () => {
    const res = await fetch((await discover(main)).token_endpoint, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', code: 'x', client_id: SPA_CLIENT_ID }),
    });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error, 'invalid_request');
  });

  test('two client authentication methods at once (Basic and client_secret in the body) → 400 invalid_request', async () => {
    const rc = confidential('basic');
    const { req, code } = await freshCode(main, rc);
    const r = await tokenPost(main, { grant_type: 'authorization_code', code, redirect_uri: rc.redirectUri, code_verifier: req.verifier, client_id: rp.clientId, client_secret: rp.secret },
      { authorization: basic(rp.clientId, rp.secret) });
    assert.equal(r.status, 400);
    assert.equal(r.json?.error, 'invalid_request');
  });
});
