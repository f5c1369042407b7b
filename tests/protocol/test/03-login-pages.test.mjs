// The sign-in pages: anti-forgery, 303, no open redirect, no enumeration, lockout, second factor,
// forced password change, security headers, rate limit.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { main, limited } from '../lib/config.mjs';
import { Browser, parseForms, antiForgeryToken, visibleText, signIn, PASSWORD, ADMIN_TOTP_SECRET } from '../lib/browser.mjs';
import { totp } from '../lib/totp.mjs';
import { discover, spa, authorizationRequest, codeFlow, assertErrorRedirect, decodeJwt } from '../lib/oidc.mjs';

const c = spa(main);
const loginUrl = (returnUrl) => `/account/login?returnUrl=${encodeURIComponent(returnUrl)}`;
const CJK = /[\u4e00-\u9fff]/;

async function promptNone(browser) {
  const as = await discover(main);
  const req = await authorizationRequest(as, c, { prompt: 'none' });
  return { req, res: await browser.get(req.url) };
}

describe('login page', () => {
  let page, browser;
  before(async () => {
    browser = new Browser(main.base);
    page = await browser.get(loginUrl('/connect/authorize?x=1'));
  });

  test('GET → 200 Chinese HTML form posting login, password and the anti-forgery token', () => {
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(visibleText(page.text), CJK, 'the page is in Chinese');
    const form = parseForms(page.text).find((f) => f.fields.__RequestVerificationToken !== undefined);
    assert.ok(form, 'a form with __RequestVerificationToken');
    assert.equal(form.method, 'post');
    assert.ok('login' in form.fields, 'input "login"');
    assert.ok('password' in form.fields, 'input "password"');
    assert.equal(form.inputs.find((i) => i.name === 'password').type, 'password');
    assert.equal(form.inputs.find((i) => i.name === '__RequestVerificationToken').type, 'hidden');
    // The anti-forgery cookie's name is the provider's choice (congress.af); it must be HttpOnly.
    const cookies = page.headers.getSetCookie();
    assert.ok(cookies.length > 0, 'the page sets the anti-forgery cookie');
    assert.ok(cookies.every((s) => /;\s*httponly/i.test(s)), `HttpOnly cookies: ${cookies}`);
  });

  test("security headers: CSP frame-ancestors 'none', Referrer-Policy no-referrer", () => {
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors\s+'none'/);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  });

  test('no third-party resource in the page', () => {
    assert.equal(page.status, 200);
    assert.match(page.text, /<form\b/i, 'the login page itself');
    const refs = [...page.text.matchAll(/\b(?:src|href|action|srcset|data)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]);
    const css = [...page.text.matchAll(/url\(\s*["']?([^"')]+)/gi)].map((m) => m[1]);
    for (const ref of [...refs, ...css]) {
      if (/^(https?:)?\/\//i.test(ref)) {
        assert.equal(new URL(ref, main.base).origin, main.base, `third-party resource: ${ref}`);
      }
    }
  });
});

describe('sign-in POST', () => {
  test('success → 303 to the returnUrl, session cookie congress.sso (HttpOnly)', async () => {
    const b = new Browser(main.base);
    const returnUrl = '/connect/authorize?client_id=congress-spa&state=a%20b';
    const page = await b.get(loginUrl(returnUrl));
    const token = antiForgeryToken(page.text);
    const res = await b.post(loginUrl(returnUrl), { login: 'deputy.li', password: PASSWORD, __RequestVerificationToken: token });
    assert.equal(res.status, 303);
    assert.equal(res.location, returnUrl);
    assert.ok(b.cookie('congress.sso'), 'congress.sso cookie set');
    const setCookie = res.headers.getSetCookie().find((s) => s.startsWith('congress.sso='));
    assert.match(setCookie, /;\s*httponly/i);
  });

  test('sign-in by mobile phone number works', async () => {
    const res = await signIn(new Browser(main.base), '13800000001', PASSWORD, '/');
    assert.equal(res.status, 303);
    assert.equal(res.location, '/');
  });

  test('missing anti-forgery token → 400, no session', async () => {
    const b = new Browser(main.base);
    await b.get(loginUrl('/'));
    const res = await b.post(loginUrl('/'), { login: 'deputy.li', password: PASSWORD });
    assert.equal(res.status, 400);
    assert.equal(b.cookie('congress.sso'), undefined);
  });

  test('invalid anti-forgery token → 400, no session', async () => {
    const b = new Browser(main.base);
    await b.get(loginUrl('/'));
    const res = await b.post(loginUrl('/'), { login: 'deputy.li', password: PASSWORD, __RequestVerificationToken: 'CfDJ8' + 'A'.repeat(100) });
    assert.equal(res.status, 400);
    assert.equal(b.cookie('congress.sso'), undefined);
  });

  test("another browser's anti-forgery token (no matching cookie) → 400", async () => {
    const other = new Browser(main.base);
    const token = antiForgeryToken((await other.get(loginUrl('/'))).text);
    const b = new Browser(main.base);
    const res = await b.post(loginUrl('/'), { login: 'deputy.li', password: PASSWORD, __RequestVerificationToken: token });
    assert.equal(res.status, 400);
    assert.equal(b.cookie('congress.sso'), undefined);
  });

  for (const evil of ['https://evil.example/', '//evil.example', '/\\evil.example', '\\\\evil.example', 'https:evil.example', '/\t/evil.example', 'javascript:alert(1)']) {
    test(`non-local returnUrl ${JSON.stringify(evil)} is not followed: 303 to /`, async () => {
      const res = await signIn(new Browser(main.base), 'deputy.li', PASSWORD, evil);
      assert.equal(res.status, 303);
      assert.equal(res.location, '/');
    });
  }
});

describe('no account enumeration; lockout', () => {
  async function failedText(login, password) {
    const b = new Browser(main.base);
    const res = await signIn(b, login, password, '/');
    assert.equal(res.status, 200, `${login}: a failed sign-in answers 200, got ${res.status} ${res.location ?? ''}`);
    assert.equal(res.location, null);
    assert.equal(b.cookie('congress.sso'), undefined, 'no session cookie');
    return visibleText(res.text);
  }

  test('unknown account and wrong password give the same page', async () => {
    const unknown = await failedText('no.such.user', PASSWORD);
    const wrong = await failedText('deputy.li', 'Wrong#Password1');
    assert.equal(unknown, wrong);
    assert.match(unknown, CJK);
  });

  test('after 5 failures the account is locked: even the right password fails, with the same page', async () => {
    const wrong = await failedText('no.such.user', 'Wrong#Password1');
    for (let i = 0; i < 5; i++) await failedText('dongliu.keeper', `Wrong#Password${i}`);
    const locked = await failedText('dongliu.keeper', PASSWORD);
    assert.equal(locked, wrong, 'a locked account gets the generic message');
  });
});

describe('second factor (TOTP)', () => {
  test('an administrator is sent to /account/two-factor; password alone is no session; wrong code refused; right code → 303 to returnUrl', async () => {
    const b = new Browser(main.base);
    const returnUrl = '/connect/authorize?client_id=congress-spa';
    const res = await signIn(b, 'secadmin', PASSWORD, returnUrl);
    assert.equal(res.status, 303);
    const next = res.next;
    assert.equal(next.pathname, '/account/two-factor');
    assert.equal(next.searchParams.get('returnUrl'), returnUrl);

    const { req, res: silent } = await promptNone(b);
    assertErrorRedirect(main, silent, c, { error: 'login_required', state: req.state });

    const now = Date.now();
    const bad = String((Number(totp(ADMIN_TOTP_SECRET, now)) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await b.submit(next, { code: bad });
    assert.equal(wrong.status, 200, `wrong code: ${wrong.status} ${wrong.location ?? ''}`);
    assert.equal(wrong.location, null);

    const ok = await b.submit(next, { code: totp(ADMIN_TOTP_SECRET) });
    assert.equal(ok.status, 303);
    assert.equal(ok.location, returnUrl);
    const after = await promptNone(b);
    assert.equal(after.res.status, 302);
    assert.ok(after.res.next.searchParams.get('code'), `prompt=none after the second factor: ${after.res.location}`);
  });

  test('the second factor without the password step signs nobody in', async () => {
    const b = new Browser(main.base);
    const page = await b.get('/account/two-factor?returnUrl=%2F');
    if (page.status === 200 && /__RequestVerificationToken/.test(page.text)) {
      const res = await b.post('/account/two-factor?returnUrl=%2F', { code: totp(ADMIN_TOTP_SECRET), __RequestVerificationToken: antiForgeryToken(page.text) });
      assert.notEqual(res.location, '/', 'a code alone must not complete a sign-in');
    }
    const { req, res } = await promptNone(b);
    assertErrorRedirect(main, res, c, { error: 'login_required', state: req.state });
  });

  test('a TOTP code that already signed in is refused the second time (RFC 6238 §5.2)', async () => {
    // Both attempts within one 30 s step: wait for a fresh step if the current one is nearly over.
    if (Date.now() % 30_000 > 22_000) await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
    const code = totp(ADMIN_TOTP_SECRET);
    const first = new Browser(main.base);
    const r1 = await signIn(first, 'auditor', PASSWORD, '/');
    assert.equal(r1.next.pathname, '/account/two-factor');
    const ok = await first.submit(r1.next, { code });
    assert.equal(ok.status, 303, `first use: ${ok.status}`);
    const second = new Browser(main.base);
    const r2 = await signIn(second, 'auditor', PASSWORD, '/');
    assert.equal(r2.next.pathname, '/account/two-factor');
    const replay = await second.submit(r2.next, { code });
    assert.equal(replay.status, 200, `replayed code accepted: ${replay.status} ${replay.location ?? ''}`);
    assert.equal(replay.location, null);
  });

  test('the full code flow of an administrator with the second factor (oauth4webapi)', async () => {
    const { tokens, nav } = await codeFlow(main, 'sysadmin', { totpSecret: ADMIN_TOTP_SECRET, tenant: 'liucheng' });
    assert.ok(nav.pages.has('two-factor'));
    const at = decodeJwt(tokens.access_token).payload;
    assert.ok(at.role.includes('system-admin'), `roles ${JSON.stringify(at.role)}`);
  });
});

describe('forced password change', () => {
  const newPassword = 'Nanhu#Staff-2027x';
  test('newcomer: change-password step; weak or mismatched passwords refused; then 303 to returnUrl', async () => {
    const b = new Browser(main.base);
    const returnUrl = '/connect/authorize?client_id=congress-spa&x=1';
    const res = await signIn(b, 'newcomer', PASSWORD, returnUrl);
    assert.equal(res.status, 303);
    const next = res.next;
    assert.equal(next.pathname, '/account/change-password');
    assert.equal(next.searchParams.get('returnUrl'), returnUrl);

    const { req, res: silent } = await promptNone(b);
    assertErrorRedirect(main, silent, c, { error: 'login_required', state: req.state });

    const page = await b.get(next);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors\s+'none'/);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    for (const f of ['currentPassword', 'newPassword', 'confirmPassword']) assert.ok(parseForms(page.text).some((x) => f in x.fields), `field ${f}`);

    for (const [why, np, confirm, current] of [
      ['too short', 'Ab#1xyz', 'Ab#1xyz'],
      ['one character class', 'abcdefghijkl', 'abcdefghijkl'],
      ['equals the account name', 'newcomer', 'newcomer'],
      ['confirmation differs', newPassword, newPassword + 'x'],
      ['wrong current password', newPassword, newPassword, 'Wrong#Password1'],
    ]) {
      const r = await b.submit(next, { currentPassword: current ?? PASSWORD, newPassword: np, confirmPassword: confirm });
      assert.equal(r.status, 200, `${why}: ${r.status} ${r.location ?? ''}`);
      assert.equal(r.location, null, why);
    }
    const okRes = await b.submit(next, { currentPassword: PASSWORD, newPassword, confirmPassword: newPassword });
    assert.equal(okRes.status, 303);
    assert.equal(okRes.location, returnUrl);
  });

  test('after the change: the old password fails, the new one signs in directly', async () => {
    const old = await signIn(new Browser(main.base), 'newcomer', PASSWORD, '/');
    assert.equal(old.status, 200);
    const fresh = await signIn(new Browser(main.base), 'newcomer', newPassword, '/');
    assert.equal(fresh.status, 303);
    assert.equal(fresh.location, '/');
  });
});

describe('security headers on every sign-in page', () => {
  test("two-factor page: CSP frame-ancestors 'none', Referrer-Policy no-referrer", async () => {
    const b = new Browser(main.base);
    const r = await signIn(b, 'district.admin', PASSWORD, '/');
    assert.equal(r.next.pathname, '/account/two-factor');
    const page = await b.get(r.next);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors\s+'none'/);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  });

  test("error page and sign-out confirmation: CSP frame-ancestors 'none', Referrer-Policy no-referrer", async () => {
    const as = await discover(main);
    const b = new Browser(main.base);
    const bad = await authorizationRequest(as, { ...c, client: { client_id: 'no-such-client' } });
    for (const url of [bad.url, as.end_session_endpoint]) {
      const page = await b.get(url);
      assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors\s+'none'/, url.toString());
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    }
  });
});

describe('signed-out page', () => {
  test('/account/signed-out → 200 HTML in Chinese', async () => {
    const res = await new Browser(main.base).get('/account/signed-out');
    assert.equal(res.status, 200);
    assert.match(visibleText(res.text), CJK);
  });
});

describe('rate limit on sign-in', () => {
  test('more sign-in POSTs than the per-minute limit (3) → 429', async () => {
    const b = new Browser(limited.base);
    const page = await b.get(loginUrl('/'));
    const token = antiForgeryToken(page.text);
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const r = await b.post(loginUrl('/'), { login: 'deputy.li', password: `Wrong#Password${i}`, __RequestVerificationToken: token });
      statuses.push(r.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
  });
});
