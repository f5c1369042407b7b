// The hosts started by run.mjs, passed to every test file in PROTOCOL_CONFIG (JSON).
const raw = process.env.PROTOCOL_CONFIG;
if (!raw) throw new Error('PROTOCOL_CONFIG is not set: run the suite with `node run.mjs` (or `npm test`)');

/** @type {{ main: {base: string, issuer: string}, short: {base: string, issuer: string}, limited: {base: string, issuer: string}, rp: {clientId: string, secret: string, redirectUri: string, postLogoutRedirectUri: string}, shortLifetimes: Record<string, number> }} */
export const config = JSON.parse(raw);
export const { main, short, limited, rp } = config;
export const SPA_CLIENT_ID = 'congress-spa';
export const API_AUDIENCE = 'congress-api';
export const EVIL_ORIGIN = 'https://evil.example';
