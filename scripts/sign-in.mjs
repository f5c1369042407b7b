#!/usr/bin/env node
// Signs a demo account in through the OpenID provider exactly as the web client will (authorization
// code + PKCE, the sign-in pages, the second factor for administrators), then calls the API with the
// access token: the single sign-on from a terminal (the web client at / does the same in the browser).
//
//   node scripts/sign-in.mjs deputy.wang xinchang            # user, tenant code (optional)
//   node scripts/sign-in.mjs sysadmin                         # administrators: TOTP from the demo secret
//   CONGRESS_URL=http://localhost:5080 node scripts/sign-in.mjs dongliu.staff
//
// Demo accounts and their password are listed in the README (Development only).
import { createHash, randomBytes } from 'node:crypto';
import { Browser, navigate, PASSWORD, ADMIN_TOTP_SECRET } from '../tests/protocol/lib/browser.mjs';

const [user = 'deputy.wang', tenant] = process.argv.slice(2);
const base = (process.env.CONGRESS_URL ?? 'http://localhost:5080').replace(/\/$/, '');
const redirectUri = `${base}/auth/callback`;
const b64url = (buf) => buf.toString('base64url');

const verifier = b64url(randomBytes(32));
const authorize = new URL('/connect/authorize', base);
for (const [k, v] of Object.entries({
  client_id: 'congress-spa', redirect_uri: redirectUri, response_type: 'code', scope: 'openid profile offline_access',
  state: b64url(randomBytes(8)), nonce: b64url(randomBytes(8)),
  code_challenge: b64url(createHash('sha256').update(verifier).digest()), code_challenge_method: 'S256', ...(tenant ? { tenant } : {}),
})) authorize.searchParams.set(k, v);

const browser = new Browser(base);
const { callback, final } = await navigate(browser, await browser.get(authorize), {
  user, password: process.env.CONGRESS_PASSWORD ?? PASSWORD, totpSecret: ADMIN_TOTP_SECRET, stopAt: redirectUri,
});
if (!callback || !callback.searchParams.get('code')) {
  console.error(`sign-in did not reach the client: ${final.status} ${callback ?? final.location ?? ''}`);
  console.error(callback?.searchParams.get('error_description') ?? '');
  process.exit(1);
}
const token = await fetch(`${base}/connect/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code'), redirect_uri: redirectUri, client_id: 'congress-spa', code_verifier: verifier }),
}).then((r) => r.json());
if (!token.access_token) {
  console.error('token endpoint:', token);
  process.exit(1);
}
const me = await fetch(`${base}/api/identity/me`, { headers: { authorization: `Bearer ${token.access_token}` } }).then((r) => r.json());
console.log(`signed in: ${me.user.displayName} (${me.user.userName}) in ${me.tenant.name} as ${me.roles.join(', ')}`);
console.log(`seats: ${me.memberships.map((m) => `${m.tenantName} [${m.roles.join(',')}]`).join('; ')}`);
console.log(`\nexport TOKEN='${token.access_token}'`);
console.log(`curl -H "Authorization: Bearer $TOKEN" ${base}/api/identity/handling-units`);
