// RFC 7009 revocation.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { main, rp, SPA_CLIENT_ID } from '../lib/config.mjs';
import { oauth, insecure, discover, spa, confidential, codeFlow, refresh, rejectsWith, basic } from '../lib/oidc.mjs';

const c = spa(main);
const offline = { scope: 'openid profile offline_access' };
let as;
before(async () => { as = await discover(main); });

async function revoke(client, token, hint) {
  const res = await oauth.revocationRequest(as, client.client, client.auth, token,
    { ...insecure, ...(hint ? { additionalParameters: { token_type_hint: hint } } : {}) });
  const status = res.status;
  await oauth.processRevocationResponse(res); // throws on an error answer
  return status;
}

async function rawRevoke(form, headers = {}) {
  const res = await fetch(as.revocation_endpoint, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form),
  });
  const text = await res.text();
  let json; try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, json };
}

describe('revocation', () => {
  test('public client revokes its refresh token (oauth4webapi) → 200; the token then fails with invalid_grant', async () => {
    const { tokens } = await codeFlow(main, 'deputy.li', offline);
    assert.equal(await revoke(c, tokens.refresh_token), 200);
    await rejectsWith(refresh(main, c, tokens.refresh_token), 'invalid_grant', 400);
  });

  test('with token_type_hint=refresh_token → 200 and revoked', async () => {
    const { tokens } = await codeFlow(main, 'deputy.li', offline);
    assert.equal(await revoke(c, tokens.refresh_token, 'refresh_token'), 200);
    await rejectsWith(refresh(main, c, tokens.refresh_token), 'invalid_grant', 400);
  });

  test('a wrong token_type_hint does not prevent the revocation', async () => {
    const { tokens } = await codeFlow(main, 'deputy.li', offline);
    assert.equal(await revoke(c, tokens.refresh_token, 'access_token'), 200);
    await rejectsWith(refresh(main, c, tokens.refresh_token), 'invalid_grant', 400);
  });

  test('an unknown token → 200', async () => {
    assert.equal(await revoke(c, 'no-such-token-AAAAAAAAAAAAAAAAAAAAAAAA'), 200);
  });

  test('an access token → 200', async () => {
    const { tokens } = await codeFlow(main, 'deputy.li');
    assert.equal(await revoke(c, tokens.access_token, 'access_token'), 200);
  });

  test('revoking a rotated-out refresh token ends its successor too (same family)', async () => {
    const { tokens } = await codeFlow(main, 'deputy.li', offline);
    const next = await refresh(main, c, tokens.refresh_token);
    assert.equal(await revoke(c, next.refresh_token), 200);
    await rejectsWith(refresh(main, c, next.refresh_token), 'invalid_grant', 400);
  });

  test('confidential client: authenticated → 200 and revoked', async () => {
    const rc = confidential('basic');
    const { tokens } = await codeFlow(main, 'deputy.li', { ...offline, client: rc });
    assert.equal(await revoke(rc, tokens.refresh_token), 200);
    await rejectsWith(refresh(main, rc, tokens.refresh_token), 'invalid_grant', 400);
  });

  test('confidential client: wrong secret → 401 invalid_client, token not revoked', async () => {
    const rc = confidential('basic');
    const { tokens } = await codeFlow(main, 'deputy.li', { ...offline, client: rc });
    const r = await rawRevoke({ token: tokens.refresh_token }, { authorization: basic(rp.clientId, rp.secret + 'x') });
    assert.equal(r.status, 401);
    assert.equal(r.json?.error, 'invalid_client');
    assert.ok((await refresh(main, rc, tokens.refresh_token)).access_token, 'still valid');
  });

  test('confidential client: no authentication (client_id only) → 401 invalid_client', async () => {
    const rc = confidential('basic');
    const { tokens } = await codeFlow(main, 'deputy.li', { ...offline, client: rc });
    const r = await rawRevoke({ token: tokens.refresh_token, client_id: rp.clientId });
    assert.equal(r.status, 401);
    assert.equal(r.json?.error, 'invalid_client');
  });

  test("a client cannot revoke another client's refresh token", async () => {
    const { tokens } = await codeFlow(main, 'deputy.li', offline);
    await rawRevoke({ token: tokens.refresh_token }, { authorization: basic(rp.clientId, rp.secret) });
    assert.ok((await refresh(main, c, tokens.refresh_token)).access_token, "the SPA's token must survive");
  });

  test('unknown client_id → 401 invalid_client', async () => {
    const r = await rawRevoke({ token: 'x', client_id: 'no-such-client' });
    assert.equal(r.status, 401);
    assert.equal(r.json?.error, 'invalid_client');
  });

  test('missing token → 400 invalid_request', async () => {
    const r = await rawRevoke({ client_id: SPA_CLIENT_ID });
    assert.equal(r.status, 400);
    assert.equal(r.json?.error, 'invalid_request');
  });
});
