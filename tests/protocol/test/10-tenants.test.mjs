// Tenants in tokens: selection, membership and supervision checks, silent switch, data filtered by tid.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../lib/config.mjs';
import { discover, spa, authorizationRequest, codeFlow, signedInBrowser, assertErrorRedirect, decodeJwt, api, GUID } from '../lib/oidc.mjs';

const c = spa(main);
const tid = (t) => decodeJwt(t.access_token).payload.tid;
const roles = (t) => decodeJwt(t.access_token).payload.role;
const units = async (token) => {
  const r = await api(main, '/api/identity/handling-units?pageSize=100', token);
  assert.equal(r.status, 200, r.text.slice(0, 200));
  return r.json.items.map((u) => u.name);
};

describe('tenant selection', () => {
  let wang, as;
  before(async () => {
    as = await discover(main);
    wang = await codeFlow(main, 'deputy.wang', { tenant: 'xinchang' });
  });

  test('tenant=xinchang → tid of 新昌镇, its roles; /me agrees', async () => {
    assert.match(tid(wang.tokens), GUID);
    assert.deepEqual(roles(wang.tokens), ['deputy']);
    const me = (await api(main, '/api/identity/me', wang.tokens.access_token)).json;
    assert.equal(me.tenant.code, 'xinchang');
    assert.equal(me.tenant.id, tid(wang.tokens));
  });

  test('xinchang token: handling units of 新昌镇 only', async () => {
    const names = await units(wang.tokens.access_token);
    assert.ok(names.length > 0, 'some units');
    for (const n of names) assert.ok(n.includes('新昌镇'), `unit of another tenant: ${n}`);
  });

  test('switch to liucheng: prompt=none&tenant=liucheng on the live session → new tid, no login page', async () => {
    const sw = await codeFlow(main, undefined, { browser: wang.browser, prompt: 'none', tenant: 'liucheng' });
    assert.equal(sw.nav.pages.size, 0, 'no sign-in page');
    assert.notEqual(tid(sw.tokens), tid(wang.tokens));
    assert.equal(sw.idClaims.sub, wang.idClaims.sub, 'same person');
    assert.equal(decodeJwt(sw.tokens.access_token).payload.sid, decodeJwt(wang.tokens.access_token).payload.sid, 'same session');
    const me = (await api(main, '/api/identity/me', sw.tokens.access_token)).json;
    assert.equal(me.tenant.code, 'liucheng');
    const names = await units(sw.tokens.access_token);
    assert.ok(names.length > 0);
    for (const n of names) assert.ok(n.startsWith('区'), `not a district unit: ${n}`);
  });

  test("the xinchang token gets nothing of liucheng's", async () => {
    const sw = await codeFlow(main, undefined, { browser: wang.browser, prompt: 'none', tenant: 'liucheng' });
    const liuchengId = tid(sw.tokens);
    const r = await api(main, `/api/identity/handling-units?pageSize=100&tenantId=${liuchengId}`, wang.tokens.access_token);
    if (r.status === 200) {
      for (const u of r.json.items) assert.ok(!u.name.startsWith('区'), `district unit leaked: ${u.name}`);
    } else {
      assert.ok(r.status === 403 || r.status === 404, `status ${r.status}`);
    }
    const districtUnits = (await api(main, '/api/identity/handling-units?pageSize=100', sw.tokens.access_token)).json.items;
    const one = districtUnits.find((u) => u.name.startsWith('区'));
    const direct = await api(main, `/api/identity/handling-units/${one.id}`, wang.tokens.access_token);
    assert.ok(direct.status === 403 || direct.status === 404, `a liucheng unit read with the xinchang token: ${direct.status}`);
  });

  test('tenant by id selects the same tenant as by code', async () => {
    const byId = await codeFlow(main, undefined, { browser: wang.browser, prompt: 'none', tenant: tid(wang.tokens) });
    assert.equal(tid(byId.tokens), tid(wang.tokens));
  });

  test('no tenant parameter → the first membership in tenant-tree order (liucheng for deputy.wang)', async () => {
    const t = await codeFlow(main, 'deputy.wang');
    const me = (await api(main, '/api/identity/me', t.tokens.access_token)).json;
    assert.equal(me.tenant.code, 'liucheng');
  });

  test('a tenant without membership or supervision → access_denied (deputy.wang at dongliu)', async () => {
    const req = await authorizationRequest(as, c, { tenant: 'dongliu' });
    assertErrorRedirect(main, await wang.browser.get(req.url), c, { error: 'access_denied', state: req.state });
  });

  test('a tenant without membership, with prompt=none → access_denied', async () => {
    const req = await authorizationRequest(as, c, { tenant: 'qingshan', prompt: 'none' });
    assertErrorRedirect(main, await wang.browser.get(req.url), c, { error: 'access_denied', state: req.state });
  });

  test('a street deputy cannot select the district (deputy.li at liucheng) → access_denied', async () => {
    const b = await signedInBrowser(main, 'deputy.li');
    const req = await authorizationRequest(as, c, { tenant: 'liucheng' });
    assertErrorRedirect(main, await b.get(req.url), c, { error: 'access_denied', state: req.state });
  });

  test('a unit officer of dongliu cannot select xinchang → access_denied', async () => {
    const b = await signedInBrowser(main, 'unit.officer');
    const req = await authorizationRequest(as, c, { tenant: 'xinchang' });
    assertErrorRedirect(main, await b.get(req.url), c, { error: 'access_denied', state: req.state });
  });

  test('a district supervisor may select a child tenant (district.staff at dongliu)', async () => {
    const t = await codeFlow(main, 'district.staff', { tenant: 'dongliu' });
    const me = (await api(main, '/api/identity/me', t.tokens.access_token)).json;
    assert.equal(me.tenant.code, 'dongliu');
    assert.equal(me.tenant.id, tid(t.tokens));
    for (const n of await units(t.tokens.access_token)) assert.ok(n.includes('东柳街道'), `unit of another tenant: ${n}`);
  });

  test('district.staff at liucheng holds staff and supervisor', async () => {
    const t = await codeFlow(main, 'district.staff', { tenant: 'liucheng' });
    const r = roles(t.tokens);
    assert.ok(r.includes('staff') && r.includes('supervisor'), JSON.stringify(r));
  });
});
