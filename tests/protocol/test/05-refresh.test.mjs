// Rule 8: refresh token rotation, reuse (two tabs), family revocation, idle and absolute expiry, tenant kept.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { main, short, rp, SPA_CLIENT_ID } from '../lib/config.mjs';
import { spa, confidential, codeFlow, refresh, rejectsWith, tokenPost, basic, decodeJwt } from '../lib/oidc.mjs';
import { sleep } from '../lib/host.mjs';

const c = spa(main);
const offline = { scope: 'openid profile offline_access' };
const tid = (t) => decodeJwt(t.access_token).payload.tid;

describe('refresh (rule 8)', () => {
  test('oauth4webapi refreshes: new access and refresh token (rotation), same sub, tenant and sid', async () => {
    const { tokens } = await codeFlow(main, 'deputy.wang', { ...offline, tenant: 'xinchang' });
    const next = await refresh(main, c, tokens.refresh_token);
    assert.ok(next.access_token);
    assert.ok(next.refresh_token, 'a new refresh token');
    assert.notEqual(next.refresh_token, tokens.refresh_token, 'rotated');
    assert.notEqual(next.access_token, tokens.access_token);
    const a = decodeJwt(tokens.access_token).payload, b = decodeJwt(next.access_token).payload;
    assert.equal(b.sub, a.sub);
    assert.equal(b.tid, a.tid);
    assert.deepEqual(b.role, a.role);
    assert.equal(b.sid, a.sid);
    assert.equal(b.iss, main.issuer);
    assert.equal(decodeJwt(next.access_token).header.typ, 'at+jwt');
  });

  test('a refresh request cannot change the tenant', async () => {
    const { tokens } = await codeFlow(main, 'deputy.wang', { ...offline, tenant: 'xinchang' });
    const r = await tokenPost(main, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: SPA_CLIENT_ID, tenant: 'liucheng' });
    if (r.status === 200) {
      assert.equal(decodeJwt(r.json.access_token).payload.tid, tid(tokens), 'tenant unchanged');
    } else {
      assert.equal(r.status, 400);
      assert.equal(r.json?.error, 'invalid_request');
    }
  });

  test('re-presenting a rotated token within the grace period (two tabs) → a fresh pair in the same family', async () => {
    const { tokens } = await codeFlow(main, 'deputy.wang', { ...offline, tenant: 'xinchang' });
    const tab1 = await refresh(main, c, tokens.refresh_token);
    const tab2 = await refresh(main, c, tokens.refresh_token);
    assert.ok(tab2.refresh_token);
    assert.notEqual(tab2.refresh_token, tab1.refresh_token);
    assert.equal(tid(tab2), tid(tokens));
    assert.equal(decodeJwt(tab2.access_token).payload.sid, decodeJwt(tokens.access_token).payload.sid);
    // Both tabs stay signed in.
    assert.ok((await refresh(main, c, tab1.refresh_token)).access_token);
    assert.ok((await refresh(main, c, tab2.refresh_token)).access_token);
  });

  test('two tabs refreshing concurrently both get tokens', async () => {
    const { tokens } = await codeFlow(main, 'deputy.li', offline);
    const [a, b] = await Promise.all([refresh(main, c, tokens.refresh_token), refresh(main, c, tokens.refresh_token)]);
    assert.ok(a.access_token && b.access_token);
  });

  test('reuse after the grace period (1 s) → invalid_grant and the whole family is revoked', async () => {
    const sc = spa(short);
    const { tokens } = await codeFlow(short, 'deputy.li', offline);
    const next = await refresh(short, sc, tokens.refresh_token);
    await sleep(1800);
    await rejectsWith(refresh(short, sc, tokens.refresh_token), 'invalid_grant', 400);
    await rejectsWith(refresh(short, sc, next.refresh_token), 'invalid_grant', 400);
  });

  test('idle expiry (4 s) → invalid_grant', async () => {
    const sc = spa(short);
    const { tokens } = await codeFlow(short, 'deputy.li', offline);
    await sleep(5000);
    await rejectsWith(refresh(short, sc, tokens.refresh_token), 'invalid_grant', 400);
  });

  test('absolute expiry (8 s) → invalid_grant even when used within the idle time', async () => {
    const sc = spa(short);
    const { tokens } = await codeFlow(short, 'deputy.li', offline);
    const start = Date.now();
    let current = tokens.refresh_token;
    while (Date.now() - start < 5500) { // refreshed at about 2, 4 and 6 s: never idle for 4 s
      await sleep(2000);
      current = (await refresh(short, sc, current)).refresh_token;
    }
    await sleep(Math.max(0, 9000 - (Date.now() - start))); // 3 s idle, 9 s old
    await rejectsWith(refresh(short, sc, current), 'invalid_grant', 400);
  });

  test('a refresh token of the SPA presented by the confidential client → invalid_grant', async () => {
    const { tokens } = await codeFlow(main, 'deputy.li', offline);
    const r = await tokenPost(main, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, { authorization: basic(rp.clientId, rp.secret) });
    assert.equal(r.status, 400);
    assert.equal(r.json?.error, 'invalid_grant');
  });

  test('an unknown refresh token → invalid_grant', async () => {
    await rejectsWith(refresh(main, c, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), 'invalid_grant', 400);
  });

  test('the confidential client refreshes with its secret; wrong secret → 401 invalid_client', async () => {
    const rc = confidential('basic');
    const { tokens } = await codeFlow(main, 'deputy.li', { ...offline, client: rc });
    const r = await tokenPost(main, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, { authorization: basic(rp.clientId, rp.secret + 'x') });
    assert.equal(r.status, 401);
    assert.equal(r.json?.error, 'invalid_client');
    assert.ok((await refresh(main, rc, tokens.refresh_token)).access_token);
  });
  test('a refresh cannot widen the scope → 400 invalid_scope', async () => {
    const { tokens } = await codeFlow(main, 'deputy.li', offline);
    await rejectsWith(refresh(main, c, tokens.refresh_token, { scope: 'openid profile offline_access phone' }), 'invalid_scope', 400);
  });
});
