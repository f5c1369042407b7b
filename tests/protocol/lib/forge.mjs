// Tokens an attacker could build: tampered, alg none, HS256 with the public key, own keys via kid/jwk/jku/x5u.
import { generateKeyPairSync, createSign, createHmac, createPublicKey } from 'node:crypto';
import { createServer } from 'node:http';

const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
export const attacker = (() => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'attacker-key', use: 'sig', alg: 'RS256' };
  return { privateKey, publicKey, jwk };
})();

export function signRs256(header, payload, key = attacker.privateKey) {
  const input = `${enc(header)}.${enc(payload)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
}

export function flipSignature(jwt) {
  const [h, p, s] = jwt.split('.');
  const sig = Buffer.from(s, 'base64url');
  sig[Math.floor(sig.length / 2)] ^= 0x01;
  return `${h}.${p}.${sig.toString('base64url')}`;
}

export function replacePayload(jwt, change) {
  const [h, p, s] = jwt.split('.');
  const payload = { ...JSON.parse(Buffer.from(p, 'base64url')), ...change };
  return `${h}.${enc(payload)}.${s}`;
}

export function algNone(header, payload) {
  return `${enc({ ...header, alg: 'none' })}.${enc(payload)}.`;
}

/** HS256 signed with the provider's public key (PEM) as the HMAC secret: the classic algorithm confusion. */
export function hs256WithPublicKey(header, payload, jwk) {
  const pem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  const input = `${enc({ ...header, alg: 'HS256' })}.${enc(payload)}`;
  return `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
}

/** A local server publishing the attacker's key set; counts how often it was asked. */
export async function attackerJwksServer() {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [attacker.jwk] }));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/jwks.json`;
  return { url, get hits() { return hits; }, close: () => new Promise((r) => server.close(r)) };
}
