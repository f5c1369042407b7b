// Userinfo and rule 11: the API accepts only our access tokens.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../lib/config.mjs';
import { oauth, insecure, discover, spa, codeFlow, decodeJwt, jwks, api, GUID } from '../lib/oidc.mjs';
import { attacker, signRs256, flipSignature, replacePayload, algNone, hs256WithPublicKey, attackerJwksServer } from '../lib/forge.mjs';

const c = spa(main);
let flow, as;
before(async () => {
  as = await discover(main);
  flow = await codeFlow(main, 'deputy.wang', { tenant: 'xinchang' });
});

async function userinfoError(token) {
  const res = await oauth.userInfoRequest(as, c.client, token, insecure);
  const status = res.status;
  let thrown;
  try { await oauth.processUserInfoResponse(as, c.client, oauth.skipSubjectCheck, res); } catch (e) { thrown = e; }
  assert.ok(thrown instanceof oauth.WWWAuthenticateChallengeError, `expected a WWW-Authenticate challenge, got ${status} ${thrown?.message}`);
  assert.equal(status, 401);
  const bearer = thrown.cause.find((ch) => ch.scheme === 'bearer');
  assert.ok(bearer, 'a Bearer challenge');
  assert.equal(bearer.parameters.error, 'invalid_token');
}

describe('userinfo', () => {
  test('GET with the access token (oauth4webapi, subject checked) → sub, name, preferred_username, tid', async () => {
    const res = await oauth.userInfoRequest(as, c.client, flow.tokens.access_token, insecure);
    const info = await oauth.processUserInfoResponse(as, c.client, flow.idClaims.sub, res);
    assert.equal(info.sub, decodeJwt(flow.tokens.access_token).payload.sub);
    assert.equal(info.name, '王建国');
    assert.equal(info.preferred_username, 'deputy.wang');
    assert.equal(info.tid, decodeJwt(flow.tokens.access_token).payload.tid);
  });

  test('POST with the token in the Authorization header → same answer', async () => {
    const res = await fetch(as.userinfo_endpoint, { method: 'POST', headers: { authorization: `Bearer ${flow.tokens.access_token}` } });
    assert.equal(res.status, 200);
    const info = await res.json();
    assert.equal(info.sub, flow.idClaims.sub);
    assert.equal(info.preferred_username, 'deputy.wang');
  });

  test('garbage token → 401 Bearer error="invalid_token"', () => userinfoError('not-a-token'));
  test('tampered signature → 401 invalid_token', () => userinfoError(flipSignature(flow.tokens.access_token)));
  test('an ID token as bearer → 401 invalid_token', () => userinfoError(flow.tokens.id_token));

  test('no token → 401 with a Bearer challenge', async () => {
    const res = await fetch(as.userinfo_endpoint);
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer\b/i);
  });
});

describe('API (rule 11)', () => {
  test('GET /api/identity/me with the access token → user, tenant, roles, permissions, memberships', async () => {
    const r = await api(main, '/api/identity/me', flow.tokens.access_token);
    assert.equal(r.status, 200, r.text.slice(0, 300));
    const me = r.json;
    assert.match(me.user.id, GUID);
    assert.equal(me.tenant.id, decodeJwt(flow.tokens.access_token).payload.tid);
    assert.equal(me.tenant.code, 'xinchang');
    assert.ok(me.roles.includes('deputy'));
    assert.ok(Array.isArray(me.permissions));
    assert.ok(Array.isArray(me.memberships));
    const codes = me.memberships.map((m) => m.tenantCode).sort();
    assert.ok(codes.includes('xinchang') && codes.includes('liucheng'), `memberships ${codes}`);
  });

  test('without a token → 401', async () => {
    assert.equal((await api(main, '/api/identity/me')).status, 401);
  });

  const forged = {
    'a tampered signature': (t) => flipSignature(t),
    'a tampered payload (other tid) with the original signature': (t) => replacePayload(t, { tid: '00000000-0000-0000-0000-000000000001' }),
    'alg none': (t) => { const { header, payload } = decodeJwt(t); return algNone(header, payload); },
    'alg none without kid': (t) => { const { payload } = decodeJwt(t); return algNone({ typ: 'at+jwt' }, payload); },
    'HS256 signed with the published public key': async (t) => {
      const { header, payload } = decodeJwt(t);
      const { body } = await jwks(main);
      return hs256WithPublicKey(header, payload, body.keys.find((k) => k.kid === header.kid));
    },
    'an unknown kid (own key)': (t) => signRs256({ alg: 'RS256', typ: 'at+jwt', kid: 'attacker-key' }, decodeJwt(t).payload),
    'own key in a jwk header': (t) => signRs256({ alg: 'RS256', typ: 'at+jwt', kid: 'attacker-key', jwk: attacker.jwk }, decodeJwt(t).payload),
    'own key and the real kid': (t) => signRs256({ alg: 'RS256', typ: 'at+jwt', kid: decodeJwt(t).header.kid }, decodeJwt(t).payload),
    'an ID token (typ JWT, aud = the client)': () => flow.tokens.id_token,
  };
  for (const [name, make] of Object.entries(forged)) {
    test(`${name} → 401`, async () => {
      const token = await make(flow.tokens.access_token);
      const r = await api(main, '/api/identity/me', token);
      assert.equal(r.status, 401, `accepted: ${r.text.slice(0, 200)}`);
    });
  }

  describe('key URLs in the header are never followed', () => {
    let srv;
    before(async () => { srv = await attackerJwksServer(); });
    after(() => srv.close());
    for (const h of ['jku', 'x5u']) {
      test(`own key published at a ${h} URL → 401 and the URL is not fetched`, async () => {
        const token = signRs256({ alg: 'RS256', typ: 'at+jwt', kid: 'attacker-key', [h]: srv.url }, decodeJwt(flow.tokens.access_token).payload);
        const r = await api(main, '/api/identity/me', token);
        assert.equal(r.status, 401);
        assert.equal(srv.hits, 0, `${h} was fetched`);
      });
    }
    test('a real token with an added jku header (signature no longer matches) → 401', async () => {
      const [, p, s] = flow.tokens.access_token.split('.');
      const header = { ...decodeJwt(flow.tokens.access_token).header, jku: srv.url };
      const token = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${p}.${s}`;
      assert.equal((await api(main, '/api/identity/me', token)).status, 401);
    });
  });

  test('the real token still works after all that (the negative results are not an outage)', async () => {
    assert.equal((await api(main, '/api/identity/me', flow.tokens.access_token)).status, 200);
  });
});
