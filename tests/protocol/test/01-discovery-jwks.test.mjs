// Rules 1 and 2: discovery and JWKS.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../lib/config.mjs';
import { discover, jwks, oauth, insecure } from '../lib/oidc.mjs';

describe('discovery (rule 1)', () => {
  test('oauth4webapi accepts the discovery document for the configured issuer', async () => {
    const as = await discover(main);
    assert.equal(as.issuer, main.issuer, 'issuer must be byte-identical to the configured one');
  });

  test('the discovery URL is the issuer + /.well-known/openid-configuration, served as JSON', async () => {
    const res = await fetch(`${main.issuer}/.well-known/openid-configuration`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const doc = await res.json();
    assert.equal(doc.issuer, main.issuer);
  });

  test('a different expected issuer is refused by the client library (the check is real)', async () => {
    const wrong = new URL(main.issuer.replace('127.0.0.1', 'localhost'));
    const res = await fetch(`${main.issuer}/.well-known/openid-configuration`);
    await assert.rejects(oauth.processDiscoveryResponse(wrong, res), (e) => e.code === oauth.JSON_ATTRIBUTE_COMPARISON);
  });

  test('lists exactly the supported flow, PKCE method and signing algorithm', async () => {
    const as = await discover(main);
    assert.deepEqual(as.response_types_supported, ['code']);
    assert.deepEqual(as.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(as.id_token_signing_alg_values_supported, ['RS256']);
    assert.equal(as.authorization_response_iss_parameter_supported, true);
    assert.deepEqual([...as.grant_types_supported].sort(), ['authorization_code', 'refresh_token']);
    assert.deepEqual([...as.token_endpoint_auth_methods_supported].sort(), ['client_secret_basic', 'client_secret_post', 'none']);
    assert.deepEqual(as.subject_types_supported, ['public']);
    for (const s of ['openid', 'profile', 'phone', 'offline_access']) assert.ok(as.scopes_supported.includes(s), `scopes_supported lacks ${s}`);
    assert.ok(!(as.id_token_signing_alg_values_supported ?? []).includes('none'));
  });

  test('lists every endpoint under the issuer', async () => {
    const as = await discover(main);
    const expected = {
      authorization_endpoint: '/connect/authorize',
      token_endpoint: '/connect/token',
      userinfo_endpoint: '/connect/userinfo',
      jwks_uri: '/connect/jwks',
      end_session_endpoint: '/connect/endsession',
      revocation_endpoint: '/connect/revocation',
    };
    for (const [k, path] of Object.entries(expected)) assert.equal(as[k], `${main.issuer}${path}`, k);
  });
});

describe('JWKS (rule 2)', () => {
  test('public RSA signing keys only, distinct kids, use sig', async () => {
    const { status, headers, body } = await jwks(main);
    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /json/);
    assert.ok(Array.isArray(body.keys) && body.keys.length >= 1, 'at least one key');
    const kids = body.keys.map((k) => k.kid);
    assert.ok(kids.every((k) => typeof k === 'string' && k.length > 0), 'every key has a kid');
    assert.equal(new Set(kids).size, kids.length, 'kids are distinct');
    for (const k of body.keys) {
      assert.equal(k.kty, 'RSA');
      assert.equal(k.use, 'sig');
      assert.ok(k.n && k.e, 'modulus and exponent present');
      for (const priv of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']) assert.equal(k[priv], undefined, `private member ${priv} published`);
      assert.ok(Buffer.from(k.n, 'base64url').length >= 256, 'RSA modulus ≥ 2048 bits');
    }
  });

  test('the oauth4webapi resource-server validation can load the JWKS', async () => {
    // A garbage token must fail on the token itself, not on the key set.
    const as = await discover(main);
    const req = new Request(`${main.base}/api/identity/me`, { headers: { authorization: 'Bearer a.b.c' } });
    await assert.rejects(oauth.validateJwtAccessToken(as, req, 'congress-api', insecure));
  });
});
