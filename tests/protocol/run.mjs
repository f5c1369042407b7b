// Protocol suite entry: starts the hosts, runs test/*.test.mjs with node:test, writes JUnit XML,
// stops the hosts (also on failure). Usage: node run.mjs  (RESULTS=<dir> for the reports).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from './lib/host.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const results = resolve(process.env.RESULTS ?? join(root, 'TestResults'));
const junitPath = join(results, 'protocol-junit.xml');
const dll = resolve(process.env.CONGRESS_HOST_DLL ?? join(root, 'src/CongressPlatform.Host/bin/Release/net10.0/CongressPlatform.Host.dll'));
mkdirSync(results, { recursive: true });

const rp = {
  clientId: 'protocol-rp',
  secret: randomBytes(32).toString('base64url'),
  redirectUri: 'https://rp.example.test/cb',
  postLogoutRedirectUri: 'https://rp.example.test/bye',
};
// Short lifetimes for the expiry tests (seconds).
const shortLifetimes = {
  AuthorizationCodeSeconds: 2, RefreshIdleSeconds: 4, RefreshAbsoluteSeconds: 8, RefreshReuseGraceSeconds: 1,
};
const hostDefs = [
  { name: 'main', env: {} },
  { name: 'short', env: Object.fromEntries(Object.entries(shortLifetimes).map(([k, v]) => [`Identity__Tokens__${k}`, String(v)])) },
  { name: 'limited', env: { RateLimits__SignInPerMinute: '3' } },
];

const xml = (s) => String(s).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
function writeStartFailure(message) {
  writeFileSync(junitPath, `<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n<testsuite name="protocol" tests="1" failures="1">\n<testcase name="protocol hosts start" classname="protocol"><failure message="${xml(message)}">${xml(message)}</failure></testcase>\n</testsuite>\n</testsuites>\n`);
}

const hosts = [];
let stopping = false;
async function stopAll() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled(hosts.map((h) => h.stop()));
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => { await stopAll(); process.exit(130); });
}

let exitCode = 1;
try {
  const started = await Promise.allSettled(hostDefs.map((d) => startHost({ ...d, dll, logDir: results, rp })));
  for (const s of started) if (s.status === 'fulfilled') hosts.push(s.value);
  const failures = started.filter((s) => s.status === 'rejected').map((s) => s.reason.message);
  if (failures.length) {
    console.error(`[protocol] ✗ ${failures.join('\n[protocol] ✗ ')}`);
    writeStartFailure(failures.join('\n'));
  } else {
    const byName = Object.fromEntries(hosts.map((h) => [h.name, { base: h.base, issuer: h.issuer, port: h.port }]));
    const config = { ...byName, rp, shortLifetimes };
    for (const h of hosts) console.log(`[protocol] host '${h.name}' ready at ${h.base} (log: ${h.logPath})`);
    const testDir = join(here, 'test');
    const only = process.argv.slice(2);
    const files = readdirSync(testDir).filter((f) => f.endsWith('.test.mjs'))
      .filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort().map((f) => join(testDir, f));
    exitCode = await new Promise((res) => {
      const child = spawn(process.execPath, [
        '--test', '--test-concurrency=1',
        '--test-reporter=spec', '--test-reporter-destination=stdout',
        '--test-reporter=junit', `--test-reporter-destination=${junitPath}`,
        ...files,
      ], { stdio: 'inherit', cwd: here, env: { ...process.env, PROTOCOL_CONFIG: JSON.stringify(config) } });
      child.on('exit', (code, signal) => res(code ?? (signal ? 1 : 0)));
    });
  }
} catch (e) {
  console.error(`[protocol] ✗ ${e.stack ?? e}`);
  writeStartFailure(String(e.stack ?? e));
  exitCode = 1;
} finally {
  await stopAll();
}
process.exit(exitCode);
