// Rule 9: CORS only for registered SPA origins on token, userinfo and revocation; never on authorize.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { main, EVIL_ORIGIN, SPA_CLIENT_ID } from '../lib/config.mjs';
import { discover, spa, authorizationRequest, codeFlow } from '../lib/oidc.mjs';

let as, spaOrigin, token;
before(async () => {
  as = await discover(main);
  spaOrigin = main.base;
  token = (await codeFlow(main, 'deputy.li')).tokens.access_token;
});

const preflight = (url, origin, method = 'POST', headers = 'content-type') => fetch(url, {
  method: 'OPTIONS', redirect: 'manual',
  headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
});

describe('CORS', () => {
  for (const [name, key, method, reqHeaders] of [
    ['token', 'token_endpoint', 'POST', 'content-type'],
    ['userinfo', 'userinfo_endpoint', 'GET', 'authorization'],
    ['revocation', 'revocation_endpoint', 'POST', 'content-type'],
  ]) {
    test(`${name}: preflight from the registered SPA origin is allowed (origin echoed)`, async () => {
      const res = await preflight(as[key], spaOrigin, method, reqHeaders);
      assert.ok(res.status >= 200 && res.status < 300, `preflight status ${res.status}`);
      assert.equal(res.headers.get('access-control-allow-origin'), spaOrigin);
    });
    test(`${name}: preflight from ${EVIL_ORIGIN} gets no Access-Control-Allow-Origin`, async () => {
      const res = await preflight(as[key], EVIL_ORIGIN, method, reqHeaders);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    });
  }

  test('token: the actual POST from the SPA origin carries the origin; from evil none', async () => {
    const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x', client_id: SPA_CLIENT_ID });
    const ok = await fetch(as.token_endpoint, { method: 'POST', headers: { origin: spaOrigin, 'content-type': 'application/x-www-form-urlencoded' }, body });
    assert.equal(ok.status, 400);
    assert.equal(ok.headers.get('access-control-allow-origin'), spaOrigin);
    const evil = await fetch(as.token_endpoint, { method: 'POST', headers: { origin: EVIL_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
  });

  test('userinfo: the actual GET from the SPA origin carries the origin; from evil none', async () => {
    const ok = await fetch(as.userinfo_endpoint, { headers: { origin: spaOrigin, authorization: `Bearer ${token}` } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), spaOrigin);
    const evil = await fetch(as.userinfo_endpoint, { headers: { origin: EVIL_ORIGIN, authorization: `Bearer ${token}` } });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
  });

  test('revocation: the actual POST from the SPA origin carries the origin; from evil none', async () => {
    const body = new URLSearchParams({ token: 'unknown', client_id: SPA_CLIENT_ID });
    const ok = await fetch(as.revocation_endpoint, { method: 'POST', headers: { origin: spaOrigin, 'content-type': 'application/x-www-form-urlencoded' }, body });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), spaOrigin);
    const evil = await fetch(as.revocation_endpoint, { method: 'POST', headers: { origin: EVIL_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
  });

  test('authorize never sends CORS headers (GET, and a preflight)', async () => {
    const req = await authorizationRequest(as, spa(main));
    const get = await fetch(req.url, { headers: { origin: spaOrigin }, redirect: 'manual' });
    assert.equal(get.headers.get('access-control-allow-origin'), null);
    const pre = await preflight(req.url, spaOrigin, 'GET', 'content-type');
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
    const post = await preflight(as.authorization_endpoint, spaOrigin, 'POST', 'content-type');
    assert.equal(post.headers.get('access-control-allow-origin'), null);
  });
});
