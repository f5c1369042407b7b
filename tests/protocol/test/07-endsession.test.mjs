// Rule 10: RP-initiated logout.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { main, rp } from '../lib/config.mjs';
import { Browser, parseForms } from '../lib/browser.mjs';
import { discover, spa, confidential, authorizationRequest, codeFlow, refresh, rejectsWith, assertErrorRedirect, assertErrorPage } from '../lib/oidc.mjs';
import { flipSignature } from '../lib/forge.mjs';

const c = spa(main);
const offline = { scope: 'openid profile offline_access' };
let as;
before(async () => { as = await discover(main); });

function endSessionUrl(params) {
  const u = new URL(as.end_session_endpoint);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u;
}

async function assertSessionAlive(browser, client = c) {
  const req = await authorizationRequest(as, client, { prompt: 'none' });
  const res = await browser.get(req.url);
  assert.equal(res.status, 302);
  assert.ok(res.next.searchParams.get('code'), `session should still be alive: ${res.location}`);
}

async function assertSignedOut(browser, refreshToken, client = c) {
  const req = await authorizationRequest(as, client, { prompt: 'none' });
  assertErrorRedirect(main, await browser.get(req.url), client, { error: 'login_required', state: req.state });
  if (refreshToken) await rejectsWith(refresh(main, client, refreshToken), 'invalid_grant', 400);
}

describe('end session with id_token_hint', () => {
  test('GET: registered post_logout_redirect_uri → 302 there with state; session and refresh tokens end', async () => {
    const { tokens, browser } = await codeFlow(main, 'deputy.li', offline);
    const res = await browser.get(endSessionUrl({ id_token_hint: tokens.id_token, post_logout_redirect_uri: c.postLogoutRedirectUri, state: 'bye state/1' }));
    assert.equal(res.status, 302, `${res.status} ${res.text.slice(0, 200)}`);
    const loc = res.next;
    assert.equal(`${loc.origin}${loc.pathname}`, c.postLogoutRedirectUri);
    assert.equal(loc.searchParams.get('state'), 'bye state/1');
    await assertSignedOut(browser, tokens.refresh_token);
  });

  test('POST works the same (302 or 303)', async () => {
    const { tokens, browser } = await codeFlow(main, 'deputy.li', offline);
    const res = await browser.post(as.end_session_endpoint, { id_token_hint: tokens.id_token, post_logout_redirect_uri: c.postLogoutRedirectUri, state: 's1' });
    assert.ok(res.status === 302 || res.status === 303, `${res.status}`);
    assert.equal(`${res.next.origin}${res.next.pathname}`, c.postLogoutRedirectUri);
    assert.equal(res.next.searchParams.get('state'), 's1');
    await assertSignedOut(browser, tokens.refresh_token);
  });

  test('the confidential client: its registered URI', async () => {
    const rc = confidential();
    const { tokens, browser } = await codeFlow(main, 'deputy.li', { ...offline, client: rc });
    const res = await browser.get(endSessionUrl({ id_token_hint: tokens.id_token, post_logout_redirect_uri: rp.postLogoutRedirectUri, state: 'x' }));
    assert.equal(res.status, 302);
    assert.equal(res.location, `${rp.postLogoutRedirectUri}?state=x`);
    await assertSignedOut(browser, tokens.refresh_token, rc);
  });

  test("the session's refresh tokens of every client end (SPA and confidential client in one SSO session)", async () => {
    const rc = confidential();
    const first = await codeFlow(main, 'deputy.li', offline);
    const other = await codeFlow(main, undefined, { ...offline, client: rc, browser: first.browser, prompt: 'none' });
    const res = await first.browser.get(endSessionUrl({ id_token_hint: first.tokens.id_token, post_logout_redirect_uri: c.postLogoutRedirectUri }));
    assert.equal(res.status, 302);
    await rejectsWith(refresh(main, c, first.tokens.refresh_token), 'invalid_grant', 400);
    await rejectsWith(refresh(main, rc, other.tokens.refresh_token), 'invalid_grant', 400);
  });

  const port = new URL(main.base).port;
  const bad = {
    'other host': 'https://evil.example/',
    'extra path': (b) => `${b}/x`,
    'extra query': (b) => `${b}/?next=https://evil.example`,
    'localhost instead of 127.0.0.1': () => `http://localhost:${port}/`,
    'no trailing slash': (b) => b,
    "another client's URI": () => rp.postLogoutRedirectUri,
  };
  for (const [name, f] of Object.entries(bad)) {
    test(`non-registered post_logout_redirect_uri (${name}) → 400 error page, never a redirect`, async () => {
      const { tokens, browser } = await codeFlow(main, 'deputy.li', offline);
      const uri = typeof f === 'function' ? f(main.base) : f;
      assertErrorPage(await browser.get(endSessionUrl({ id_token_hint: tokens.id_token, post_logout_redirect_uri: uri, state: 's' })));
    });
  }

  test('an invalid (tampered) id_token_hint → no redirect', async () => {
    const { tokens, browser } = await codeFlow(main, 'deputy.li', offline);
    const res = await browser.get(endSessionUrl({ id_token_hint: flipSignature(tokens.id_token), post_logout_redirect_uri: c.postLogoutRedirectUri }));
    assert.ok(res.status === 200 || res.status === 400, `status ${res.status} ${res.location ?? ''}`);
    assert.equal(res.location, null);
  });
});

describe('end session without id_token_hint: the user confirms', () => {
  async function confirmAndSignOut(params) {
    const { tokens, browser } = await codeFlow(main, 'deputy.li', offline);
    const res = await browser.get(endSessionUrl(params));
    assert.equal(res.status, 200);
    assert.equal(res.location, null);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const form = parseForms(res.text).find((f) => new URL(f.action || res.url.href, res.url).pathname.toLowerCase() === '/account/logout');
    assert.ok(form, 'a form posting to /account/logout');
    assert.equal(form.method, 'post');
    assert.ok(form.fields.__RequestVerificationToken, 'anti-forgery token in the form');
    await assertSessionAlive(browser);

    const done = await browser.post(new URL(form.action, res.url), form.fields);
    assert.ok([200, 302, 303].includes(done.status), `logout answered ${done.status}`);
    if (done.location) assert.equal(new URL(done.location, main.base).origin, main.base, 'logout stays on the provider (no redirect without a valid hint)');
    await assertSignedOut(browser, tokens.refresh_token);
  }

  test('no parameters → 200 HTML asking for confirmation (form posting to /account/logout), no redirect; the session survives until confirmed', () =>
    confirmAndSignOut({}));

  test('client_id and its registered post_logout_redirect_uri but no id_token_hint → the same confirmation, no redirect', () =>
    confirmAndSignOut({ client_id: c.client.client_id, post_logout_redirect_uri: c.postLogoutRedirectUri, state: 's' }));

  test('a post_logout_redirect_uri with neither id_token_hint nor client_id (cannot be verified) → 400 error page, never a redirect', async () => {
    const { browser } = await codeFlow(main, 'deputy.li');
    assertErrorPage(await browser.get(endSessionUrl({ post_logout_redirect_uri: c.postLogoutRedirectUri, state: 's' })));
    await assertSessionAlive(browser);
  });

  test('POST /account/logout without the anti-forgery token → 400 and the session stays', async () => {
    const { browser } = await codeFlow(main, 'deputy.li');
    const res = await browser.post('/account/logout', {});
    assert.equal(res.status, 400);
    await assertSessionAlive(browser);
  });
});
