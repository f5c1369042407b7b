// Rules 3, 4, 5 at the authorization endpoint.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { main, rp } from '../lib/config.mjs';
import { Browser } from '../lib/browser.mjs';
import {
  oauth, discover, spa, confidential, authorizationRequest, authorize, redeem, codeFlow, signedInBrowser,
  assertErrorRedirect, assertErrorPage, decodeJwt,
} from '../lib/oidc.mjs';
import { sleep } from '../lib/host.mjs';

const c = spa(main);
let as;
before(async () => { as = await discover(main); });

describe('authorize: no session', () => {
  test('redirects (302) to the login page with a local returnUrl back to the same request', async () => {
    const req = await authorizationRequest(as, c, { state: 'abc' });
    const res = await new Browser(main.base).get(req.url);
    assert.equal(res.status, 302);
    const loc = res.next;
    assert.equal(loc.origin, main.base);
    assert.equal(loc.pathname, '/account/login');
    const returnUrl = loc.searchParams.get('returnUrl');
    assert.ok(returnUrl.startsWith('/connect/authorize?'), `returnUrl must be local: ${returnUrl}`);
    const back = new URL(returnUrl, main.base);
    for (const k of ['client_id', 'redirect_uri', 'state', 'nonce', 'code_challenge', 'code_challenge_method', 'scope', 'response_type']) {
      assert.equal(back.searchParams.get(k), req.url.searchParams.get(k), `returnUrl keeps ${k}`);
    }
  });

  test('prompt=none → login_required at the client (validated by oauth4webapi)', async () => {
    const req = await authorizationRequest(as, c, { prompt: 'none' });
    const res = await new Browser(main.base).get(req.url);
    const loc = assertErrorRedirect(main, res, c, { error: 'login_required', state: req.state });
    assert.throws(() => oauth.validateAuthResponse(as, c.client, loc, req.state),
      (e) => e instanceof oauth.AuthorizationResponseError && e.error === 'login_required');
  });
});

describe('authorize: success (rule 4)', () => {
  test('code in the query, state unchanged, iss = issuer; oauth4webapi completes the flow', async () => {
    const state = 'st ate/+=&?ü-' + oauth.generateRandomState();
    const { nav, req, as: meta } = await authorize(main, new Browser(main.base), c, { user: 'deputy.li', state });
    assert.ok(nav.callback, JSON.stringify(nav.trail));
    const last = nav.trail.at(-1);
    assert.equal(last.status, 302, 'GET authorize answers 302');
    assert.equal(nav.callback.hash, '', 'nothing in the fragment');
    assert.equal(nav.callback.searchParams.get('state'), state);
    assert.equal(nav.callback.searchParams.get('iss'), main.issuer);
    assert.ok(nav.callback.searchParams.get('code'));
    for (const p of ['access_token', 'id_token', 'token_type']) assert.equal(nav.callback.searchParams.get(p), null, `${p} must not travel in the URL`);
    const { idClaims } = await redeem(meta, c, req, nav.callback);
    assert.equal(idClaims.iss, main.issuer);
  });

  test('a changed state is detected by the client library (the check is real)', async () => {
    const { nav } = await authorize(main, new Browser(main.base), c, { user: 'deputy.li', state: 'one' });
    assert.throws(() => oauth.validateAuthResponse(as, c.client, nav.callback, 'two'), (e) => e.code === oauth.INVALID_RESPONSE && /state/.test(e.message));
  });

  test('unknown parameters are ignored', async () => {
    const { tokens } = await codeFlow(main, 'deputy.li', { extra: { foo: 'bar', ui_locales: 'zh-CN', claims_locales: 'x', unknown_param_x: '1' } });
    assert.ok(tokens.access_token);
  });

  test('prompt=none with a live session → code without the login page', async () => {
    const b = await signedInBrowser(main, 'deputy.li');
    const { tokens, nav } = await codeFlow(main, undefined, { browser: b, prompt: 'none' });
    assert.equal(nav.pages.size, 0, 'no sign-in page');
    assert.ok(tokens.access_token);
  });

  test('POST authorize (form) works like GET', async () => {
    const b = await signedInBrowser(main, 'deputy.li');
    const req = await authorizationRequest(as, c);
    const form = Object.fromEntries(req.url.searchParams);
    const res = await b.post(as.authorization_endpoint, form);
    assert.ok(res.status === 302 || res.status === 303, `status ${res.status}`);
    const cb = res.next;
    assert.equal(`${cb.origin}${cb.pathname}`, c.redirectUri);
    const { tokens } = await redeem(as, c, req, cb);
    assert.ok(tokens.access_token);
  });
});

describe('authorize: client and redirect_uri (rule 3) → error page, never a redirect', () => {
  let session;
  before(async () => { session = await signedInBrowser(main, 'deputy.li'); });

  test('unknown client_id → 400 HTML error page', async () => {
    for (const b of [new Browser(main.base), session]) {
      const req = await authorizationRequest(as, { ...c, client: { client_id: 'no-such-client' } });
      assertErrorPage(await b.get(req.url));
    }
  });

  test('missing client_id → 400 HTML error page', async () => {
    const req = await authorizationRequest(as, c, { extra: { client_id: null } });
    assertErrorPage(await session.get(req.url));
  });

  const port = new URL(main.base).port;
  const variants = [
    ['trailing slash', (u) => `${u}/`],
    ['different case', (u) => u.replace('/auth/callback', '/auth/Callback')],
    ['extra query', (u) => `${u}?next=https://evil.example/`],
    ['fragment', (u) => `${u}#x`],
    ['localhost instead of 127.0.0.1', () => `http://localhost:${port}/auth/callback`],
    ['other host', () => 'https://evil.example/auth/callback'],
    ['path prefix', (u) => `${u}x`],
    ['dot segment', () => `http://127.0.0.1:${port}/auth/x/../callback`],
    ['percent-encoded', (u) => u.replace('callback', 'c%61llback')],
  ];
  for (const [name, f] of variants) {
    test(`redirect_uri not byte-identical (${name}) → 400 error page`, async () => {
      const req = await authorizationRequest(as, { ...c, redirectUri: f(c.redirectUri) });
      assertErrorPage(await session.get(req.url));
    });
  }

  test('missing redirect_uri → 400 error page', async () => {
    const req = await authorizationRequest(as, c, { extra: { redirect_uri: null } });
    assertErrorPage(await session.get(req.url));
  });

  test("another client's registered redirect_uri → 400 error page", async () => {
    const req = await authorizationRequest(as, { ...c, redirectUri: rp.redirectUri });
    assertErrorPage(await session.get(req.url));
    const req2 = await authorizationRequest(as, { ...confidential(), redirectUri: c.redirectUri });
    assertErrorPage(await session.get(req2.url));
  });

  test('an invalid request with a bad redirect_uri still gets the error page, not a redirect', async () => {
    const req = await authorizationRequest(as, { ...c, redirectUri: 'https://evil.example/cb' }, { extra: { response_type: 'token' } });
    assertErrorPage(await session.get(req.url));
  });
});

describe('authorize: other errors redirect to the client with error, state and iss', () => {
  let session;
  before(async () => { session = await signedInBrowser(main, 'deputy.li'); });

  for (const rt of ['token', 'id_token', 'code id_token', 'code token']) {
    test(`response_type=${rt} → unsupported_response_type`, async () => {
      const req = await authorizationRequest(as, c, { extra: { response_type: rt } });
      assertErrorRedirect(main, await session.get(req.url), c, { error: 'unsupported_response_type', state: req.state });
    });
  }

  test('code_challenge_method=plain → invalid_request', async () => {
    const req = await authorizationRequest(as, c, { extra: { code_challenge_method: 'plain', code_challenge: 'a'.repeat(43) } });
    assertErrorRedirect(main, await session.get(req.url), c, { error: 'invalid_request', state: req.state });
  });

  test('code_challenge missing → invalid_request', async () => {
    const req = await authorizationRequest(as, c, { extra: { code_challenge: null, code_challenge_method: null } });
    assertErrorRedirect(main, await session.get(req.url), c, { error: 'invalid_request', state: req.state });
  });

  test('code_challenge without code_challenge_method (means plain) → invalid_request', async () => {
    const req = await authorizationRequest(as, c, { extra: { code_challenge_method: null } });
    assertErrorRedirect(main, await session.get(req.url), c, { error: 'invalid_request', state: req.state });
  });

  test('scope without openid → invalid_scope', async () => {
    const req = await authorizationRequest(as, c, { scope: 'profile' });
    assertErrorRedirect(main, await session.get(req.url), c, { error: 'invalid_scope', state: req.state });
  });

  test('POST with an error → 303 to the client', async () => {
    const req = await authorizationRequest(as, c, { extra: { code_challenge_method: 'plain' } });
    const res = await session.post(as.authorization_endpoint, Object.fromEntries(req.url.searchParams));
    assertErrorRedirect(main, res, c, { error: 'invalid_request', state: req.state, status: 303 });
  });

  test('the confidential client gets its errors at its own redirect_uri', async () => {
    const rc = confidential();
    const req = await authorizationRequest(as, rc, { extra: { response_type: 'token' } });
    assertErrorRedirect(main, await session.get(req.url), rc, { error: 'unsupported_response_type', state: req.state });
  });
});

describe('authorize: prompt=login and max_age (rule 5)', () => {
  test('prompt=login forces the login page on a live session; the ID token has a fresh auth_time', async () => {
    const first = await codeFlow(main, 'deputy.li');
    assert.equal(typeof first.idClaims.auth_time, 'number');
    await sleep(1500);
    const again = await codeFlow(main, 'deputy.li', { browser: first.browser, prompt: 'login' });
    assert.ok(again.nav.pages.has('login'), 'login page shown');
    assert.ok(again.idClaims.auth_time > first.idClaims.auth_time, `auth_time ${again.idClaims.auth_time} must be after ${first.idClaims.auth_time}`);
    assert.equal(decodeJwt(again.tokens.access_token).payload.auth_time, again.idClaims.auth_time);
  });

  test('max_age exceeded forces the login page; oauth4webapi checks auth_time against max_age', async () => {
    const first = await codeFlow(main, 'deputy.li');
    await sleep(2200);
    const before = Math.floor(Date.now() / 1000);
    const again = await codeFlow(main, 'deputy.li', { browser: first.browser, maxAge: 1 });
    assert.ok(again.nav.pages.has('login'), 'login page shown');
    assert.ok(again.idClaims.auth_time >= before - 1, `auth_time ${again.idClaims.auth_time} must be fresh (≥ ${before - 1})`);
  });

  test('max_age not exceeded → no login page, auth_time of the existing session', async () => {
    const first = await codeFlow(main, 'deputy.li');
    const again = await codeFlow(main, undefined, { browser: first.browser, maxAge: 600 });
    assert.equal(again.nav.pages.size, 0);
    assert.equal(again.idClaims.auth_time, first.idClaims.auth_time);
  });

  test('prompt=none with max_age exceeded → login_required', async () => {
    const first = await codeFlow(main, 'deputy.li');
    await sleep(2200);
    const req = await authorizationRequest(as, c, { prompt: 'none', maxAge: 1 });
    assertErrorRedirect(main, await first.browser.get(req.url), c, { error: 'login_required', state: req.state });
  });
});
