// A small browser: a cookie jar, manual redirects, HTML form parsing and the sign-in pages.
import { totp } from './totp.mjs';

export const PASSWORD = 'Congress#2026';
export const ADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

const decodeEntities = (s) => s
  .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
  .replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&amp;/g, '&');

function attrs(tag) {
  const out = {};
  for (const m of tag.matchAll(/([^\s=<>"'/]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** All forms of a page: { action, method, fields: {name: value} } (inputs, not buttons). */
export function parseForms(html) {
  const forms = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const a = attrs(m[1]);
    const fields = {};
    const inputs = [];
    for (const i of m[2].matchAll(/<input\b([^>]*)>/gi)) {
      const ia = attrs(i[1]);
      inputs.push(ia);
      if (ia.name) fields[ia.name] = ia.value ?? '';
    }
    forms.push({ action: a.action ?? '', method: (a.method ?? 'get').toLowerCase(), fields, inputs });
  }
  return forms;
}

export function antiForgeryToken(html) {
  for (const f of parseForms(html)) {
    if (f.fields.__RequestVerificationToken) return f.fields.__RequestVerificationToken;
  }
  throw new Error('no __RequestVerificationToken in the page');
}

/** The visible text of a page, without the values the user typed or the anti-forgery token. */
export function visibleText(html) {
  return decodeEntities(html
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ').trim();
}

export class Browser {
  constructor(base) {
    this.base = base;
    this.jar = new Map(); // name -> value (one origin per browser)
  }

  cookie(name) { return this.jar.get(name); }
  cookieNames() { return [...this.jar.keys()]; }

  #store(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [k, v] = a.split('=').map((x) => x?.trim());
        if (/^max-age$/i.test(k)) return Number(v) <= 0;
        if (/^expires$/i.test(k)) return Date.parse(v) < Date.now();
        return false;
      });
      if (expired || value === '') this.jar.delete(name); else this.jar.set(name, value);
    }
  }

  /** One request, redirects not followed. Returns the Response with `.url` fixed and `.body` read. */
  async request(url, { method = 'GET', form, headers = {} } = {}) {
    const target = new URL(url, this.base);
    const h = new Headers(headers);
    if (target.origin === new URL(this.base).origin && this.jar.size > 0) {
      h.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    let body;
    if (form) {
      body = new URLSearchParams(form).toString();
      h.set('content-type', 'application/x-www-form-urlencoded');
    }
    const res = await fetch(target, { method, headers: h, body, redirect: 'manual' });
    if (target.origin === new URL(this.base).origin) this.#store(res);
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      url: target,
      text,
      location: res.headers.get('location'),
      /** Absolute Location, resolved against the request URL. */
      get next() { return this.location == null ? null : new URL(this.location, target); },
    };
  }

  get(url, headers) { return this.request(url, { headers }); }
  post(url, form, headers) { return this.request(url, { method: 'POST', form, headers }); }

  /** GETs a page with a form and posts `fields` with the page's anti-forgery token. */
  async submit(pageUrl, fields) {
    const page = await this.get(pageUrl);
    if (page.status !== 200) throw new Error(`GET ${pageUrl} → ${page.status}, expected a form page`);
    const token = antiForgeryToken(page.text);
    return this.post(pageUrl, { ...fields, __RequestVerificationToken: token });
  }
}

/**
 * Follows a navigation from `start` (a response) like a user would: signs in on the login page,
 * answers the second factor and the password change when asked, stops at the first redirect to
 * `stopAt` (the client's redirect_uri, never requested) or at the first non-redirect answer.
 * Returns { callback: URL|null, final: response, trail: [{status, url, location}], pages: Set<string> }.
 */
export async function navigate(browser, start, { user, password = PASSWORD, totpSecret, newPassword, stopAt } = {}) {
  const trail = [];
  const pages = new Set();
  let res = start;
  for (let i = 0; i < 15; i++) {
    trail.push({ status: res.status, url: res.url.href, location: res.location });
    if (!(res.status >= 300 && res.status < 400 && res.location)) return { callback: null, final: res, trail, pages };
    const next = res.next;
    if (stopAt && `${next.origin}${next.pathname}` === stopAt) return { callback: next, final: res, trail, pages };
    if (next.origin !== new URL(browser.base).origin) return { callback: next, final: res, trail, pages };
    const path = next.pathname.toLowerCase();
    if (path === '/account/login') {
      if (!user) throw new Error(`sign-in page reached without a user: ${next.href}`);
      pages.add('login');
      res = await browser.submit(next, { login: user, password });
    } else if (path === '/account/two-factor') {
      if (!totpSecret) throw new Error(`second factor asked for ${user} without a TOTP secret`);
      pages.add('two-factor');
      res = await browser.submit(next, { code: totp(totpSecret) });
    } else if (path === '/account/change-password') {
      if (!newPassword) throw new Error(`password change asked for ${user} without a new password`);
      pages.add('change-password');
      res = await browser.submit(next, { currentPassword: password, newPassword, confirmPassword: newPassword });
    } else {
      res = await browser.get(next);
    }
  }
  throw new Error(`too many redirects: ${JSON.stringify(trail)}`);
}

/** Signs in on the login page directly (returnUrl "/") and returns the POST response. */
export async function signIn(browser, user, password = PASSWORD, returnUrl = '/') {
  return browser.submit(`/account/login?returnUrl=${encodeURIComponent(returnUrl)}`, { login: user, password });
}
