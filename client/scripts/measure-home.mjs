#!/usr/bin/env node
// npm run measure:home — how long the console's home page takes to become interactive in headless chromium
// against the local Release host. A benchmark that prints figures; it asserts nothing and is no test.
//
//   node --experimental-websocket scripts/measure-home.mjs [--runs 15] [--warmup 2] [--quiet 500]
//        [--scenarios reload-cold,reload-warm,newtab-warm,newtab-cold] [--config Release] [--waterfall]
//
// --waterfall also prints, for each scenario's median run, the final document's resources (start → end, bytes)
// and the long tasks, in ms from the navigation start.
// --profile adds one unmeasured warm reload under the V8 sampling profiler (Profiler domain, 100 µs) and prints
// where the main thread's JavaScript time went, by script file and by function (until content ready).
//
// What it does (nothing but Node 20 and /usr/bin/chromium; a tiny Chrome DevTools Protocol client below):
//   1. starts the host as tests/CongressPlatform.EndToEndTests/Infrastructure/PlatformHost.cs does: the built
//      src/CongressPlatform.Host/bin/<config>/net10.0/CongressPlatform.Host.dll, Development, a temp SQLite file with
//      the demo data, on a free port of 127.0.0.1, and waits for GET /health/ready;
//   2. launches chromium --headless=new (temp profile, 1440×900) and signs in once as deputy.li through the real
//      sign-in form (/ → /connect/authorize → /account/login → /auth/callback → /);
//   3. measures each scenario: `--warmup` unmeasured runs, then `--runs` measured ones:
//        reload-cold  Page.reload of / in the signed-in tab, HTTP cache disabled (Network.setCacheDisabled):
//                     every asset is downloaded again; the OIDC user is in sessionStorage, no redirect.
//        reload-warm  the same with the HTTP cache on (as a returning user's F5).
//        newtab-warm  a NEW tab opening / (empty sessionStorage, SSO cookie present, HTTP cache on):
//                     / → /connect/authorize → 302 /auth/callback?code → POST /connect/token → home.
//        newtab-cold  the same with the HTTP cache disabled.
//
// INTERACTIVE (the figure compared with the 1.5 s budget), measured from the navigation start (performance.timeOrigin)
// of the first document of the run:
//   content ready  R = the first DOM mutation after which [data-testid=home-page] exists AND
//                  [data-testid=stat-handling-units] .ant-statistic-content-value shows digits only — i.e. the
//                  home page is rendered with live data from GET /api/identity/handling-units (MutationObserver);
//   interactive    I = the first moment ≥ R from which the main thread stays free of long tasks (> 50 ms,
//                  PerformanceObserver 'longtask', injected with Page.addScriptToEvaluateOnNewDocument) for the
//                  quiet window (--quiet, default 500 ms). If no long task overlaps [R, R + 500 ms), I = R; a long
//                  task in that window (e.g. the lazily loaded chart) pushes I to its end, and so on.
// Also printed: DOMContentLoaded and load of the final document (Navigation Timing), when the last script, GET
// /api/identity/me and the handling-units call finished (Resource Timing), the long tasks before R, and the bytes
// transferred for scripts (CDP Network.loadingFinished encodedDataLength: compressed body + headers).
//
// Chromium and the host are started in their own process groups and killed (those groups only) at exit, also on
// an error or Ctrl-C; the temp profile and database folders are removed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    quiet: { type: 'string', default: '500' },
    scenarios: { type: 'string', default: 'reload-cold,reload-warm,newtab-warm,newtab-cold' },
    config: { type: 'string', default: 'Release' },
    chromium: { type: 'string', default: process.env.CHROMIUM ?? '/usr/bin/chromium' },
    user: { type: 'string', default: 'deputy.li' },
    password: { type: 'string', default: 'Congress#2026' },
    waterfall: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const RUNS = Number(opt.runs);
const WARMUP = Number(opt.warmup);
const QUIET_MS = Number(opt.quiet);
const SCENARIOS = opt.scenarios.split(',').map((s) => s.trim()).filter(Boolean);
const KNOWN = ['reload-cold', 'reload-warm', 'newtab-warm', 'newtab-cold'];
for (const s of SCENARIOS) if (!KNOWN.includes(s)) fail(`unknown scenario ${s} (known: ${KNOWN.join(', ')})`);
if (typeof WebSocket === 'undefined') fail('no global WebSocket: run with node --experimental-websocket (npm run measure:home)');

const root = fileURLToPath(new URL('../../', import.meta.url));
const contentRoot = join(root, 'src', 'CongressPlatform.Host');
const dll = join(contentRoot, 'bin', opt.config, 'net10.0', 'CongressPlatform.Host.dll');
if (!existsSync(dll)) fail(`${dll} not found: dotnet build src/CongressPlatform.Host -c ${opt.config}`);
if (!existsSync(join(contentRoot, 'wwwroot', 'index.html'))) fail('no client build in wwwroot (the host build makes it)');

function fail(message) {
  console.error(`measure-home: ${message}`);
  process.exit(2);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.error(...a); // progress on stderr, figures on stdout

// ---------------------------------------------------------------------------------------------- clean-up
const started = []; // { name, child }
const tempDirs = [];
let cleaned = false;
function killGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the group we created with detached: true (the process and its children)
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* gone */
    }
  }
}
function cleanupSync() {
  if (cleaned) return;
  cleaned = true;
  for (const { child } of started) killGroup(child, 'SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
async function cleanup() {
  if (cleaned) return;
  for (const { child } of started) killGroup(child, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && started.some(({ child }) => child.exitCode === null && child.signalCode === null)) await sleep(100);
  await sleep(200); // chromium's helpers let go of the profile
  cleanupSync();
}
process.on('exit', cleanupSync);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`\nmeasure-home: ${signal}, stopping chromium and the host`);
    cleanup().finally(() => process.exit(130));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------- the host
async function startHost() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const folder = mkdtempSync(join(tmpdir(), 'congress-measure-host-'));
  tempDirs.push(folder);
  const logFile = join(folder, 'host.log');
  const out = openSync(logFile, 'a');
  const child = spawn('dotnet', [dll, '--contentRoot', contentRoot], {
    cwd: root,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      ASPNETCORE_URLS: base,
      ConnectionStrings__Sqlite: `Data Source=${join(folder, 'measure.db')}`,
      DemoData__Enabled: 'true',
      Scheduler__Enabled: 'true',
      Identity__Issuer: base,
      Identity__Spa__RedirectUris__0: `${base}/auth/callback`,
      Identity__Spa__PostLogoutRedirectUris__0: `${base}/`,
      Identity__Spa__Origins__0: base,
      RateLimits__SignInPerMinute: '10000',
      RateLimits__TokenPerMinute: '10000',
      DataProtection__KeyEncryptionKey: randomBytes(32).toString('base64'),
      // Serve the build's compressed files as a deployed host does. In Development ASP.NET Core's static-assets
      // runtime handler (on by default for a build manifest) re-encodes them as gzip *without* compression.
      ReloadStaticAssetsAtRuntime: 'false',
      Logging__LogLevel__Default: 'Warning',
      'Logging__LogLevel__Microsoft.EntityFrameworkCore': 'Warning',
    },
  });
  closeSync(out);
  started.push({ name: 'host', child });
  const hostLog = () => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    } catch {
      return '';
    }
  };
  const t0 = Date.now();
  while (Date.now() - t0 < 90_000) {
    if (child.exitCode !== null) throw new Error(`the host exited with ${child.exitCode}:\n${hostLog()}`);
    try {
      const res = await fetch(`${base}/health/ready`);
      if (res.status === 200) return { base, pid: child.pid, startMs: Date.now() - t0, hostLog };
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error(`the host was not ready within 90 s:\n${hostLog()}`);
}

// ---------------------------------------------------------------------------------------------- chromium + CDP
async function startChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'congress-measure-chromium-'));
  tempDirs.push(profile);
  const child = spawn(
    opt.chromium,
    [
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--no-sandbox',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--mute-audio',
      '--window-size=1440,900',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  started.push({ name: 'chromium', child });
  const wsUrl = await new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`chromium printed no DevTools URL in 30 s:\n${buffer}`)), 30_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      buffer += chunk;
      const m = buffer.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`chromium exited with ${code}:\n${buffer}`)));
  });
  child.stderr.resume(); // keep draining
  return { wsUrl, pid: child.pid };
}

class Cdp {
  #ws;
  #id = 0;
  #pending = new Map();
  #listeners = new Set();
  static async connect(url) {
    const cdp = new Cdp();
    cdp.#ws = new WebSocket(url);
    await new Promise((resolve, reject) => {
      cdp.#ws.addEventListener('open', resolve, { once: true });
      cdp.#ws.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
    });
    cdp.#ws.addEventListener('message', (e) => cdp.#onMessage(JSON.parse(e.data)));
    cdp.#ws.addEventListener('close', () => {
      for (const { reject } of cdp.#pending.values()) reject(new Error('DevTools connection closed'));
      cdp.#pending.clear();
    });
    return cdp;
  }
  #onMessage(msg) {
    if (msg.id !== undefined) {
      const p = this.#pending.get(msg.id);
      if (!p) return;
      this.#pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
      else p.resolve(msg.result);
      return;
    }
    for (const l of this.#listeners) l(msg);
  }
  send(method, params = {}, sessionId) {
    const id = ++this.#id;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, method });
      this.#ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }
  on(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  close() {
    try {
      this.#ws.close();
    } catch {
      /* closed */
    }
  }
}

// Injected into every document of the measured tabs before any of its scripts. Reports to the binding
// __measure: each document's start ({ kind: 'doc' }), every long task ({ kind: 'longtask' }) and the moment the
// home page shows live data ({ kind: 'ready' }). Times are epoch milliseconds (timeOrigin + performance.now()).
const PAGE_SCRIPT = `(() => {
  const origin = performance.timeOrigin;
  const queue = [];
  const send = (m) => { queue.push(JSON.stringify(m)); flush(); };
  const flush = () => {
    if (typeof window.__measure !== 'function') { setTimeout(flush, 5); return; }
    while (queue.length) window.__measure(queue.shift());
  };
  send({ kind: 'doc', path: location.pathname, timeOrigin: origin });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) send({ kind: 'longtask', start: origin + e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { send({ kind: 'error', message: 'no longtask observer: ' + e }); }
  let done = false;
  const check = () => {
    if (done) return;
    if (!document.querySelector('[data-testid="home-page"]')) return;
    const v = document.querySelector('[data-testid="stat-handling-units"] .ant-statistic-content-value');
    if (!v || !/^\\d+$/.test(v.textContent.trim())) return;
    done = true;
    observer.disconnect();
    send({ kind: 'ready', at: origin + performance.now(), path: location.pathname, value: v.textContent.trim() });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

// What the final document knows about itself, read after the run (Navigation and Resource Timing).
const TIMINGS_SCRIPT = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource').map((r) => ({
    name: r.name, type: r.initiatorType, start: r.startTime, end: r.responseEnd, transfer: r.transferSize, body: r.encodedBodySize,
  }));
  return JSON.stringify({
    timeOrigin: performance.timeOrigin, path: location.pathname,
    dcl: nav ? nav.domContentLoadedEventEnd : null, load: nav ? nav.loadEventEnd : null,
    responseEnd: nav ? nav.responseEnd : null, resources: res,
  });
})()`;

class Tab {
  constructor(cdp, targetId, sessionId) {
    Object.assign(this, { cdp, targetId, sessionId });
    this.messages = [];
    this.network = new Map(); // requestId -> { url, type, bytes, encoding, cached, status }
    this.off = cdp.on((msg) => this.#onEvent(msg));
    this.waiters = new Set();
  }
  static async open(cdp, { cacheDisabled }) {
    const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const tab = new Tab(cdp, targetId, sessionId);
    await tab.send('Page.enable');
    await tab.send('Runtime.enable');
    await tab.send('Network.enable');
    await tab.send('Network.setCacheDisabled', { cacheDisabled });
    await tab.send('Runtime.addBinding', { name: '__measure' });
    await tab.send('Page.addScriptToEvaluateOnNewDocument', { source: PAGE_SCRIPT });
    return tab;
  }
  send(method, params) {
    return this.cdp.send(method, params, this.sessionId);
  }
  #onEvent(msg) {
    if (msg.sessionId !== this.sessionId) return;
    const p = msg.params;
    switch (msg.method) {
      case 'Runtime.bindingCalled':
        if (p.name === '__measure') this.messages.push({ ...JSON.parse(p.payload), received: Date.now() });
        break;
      case 'Network.requestWillBeSent':
        if (!this.network.has(p.requestId)) this.network.set(p.requestId, { url: p.request.url, type: p.type, bytes: 0, cached: false, done: false });
        break;
      case 'Network.requestServedFromCache': {
        const r = this.network.get(p.requestId);
        if (r) r.cached = true;
        break;
      }
      case 'Network.responseReceived': {
        const r = this.network.get(p.requestId);
        if (!r) break;
        r.type = p.type;
        r.status = p.response.status;
        if (p.response.fromDiskCache || p.response.fromPrefetchCache) r.cached = true;
        const headers = Object.fromEntries(Object.entries(p.response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        r.encoding = headers['content-encoding'] ?? 'identity';
        break;
      }
      case 'Network.loadingFinished': {
        const r = this.network.get(p.requestId);
        if (r) Object.assign(r, { bytes: p.encodedDataLength, done: true });
        break;
      }
      case 'Network.loadingFailed': {
        const r = this.network.get(p.requestId);
        if (r) r.done = true;
        break;
      }
      default:
    }
    for (const w of this.waiters) w();
  }
  reset() {
    this.messages = [];
    this.network.clear();
  }
  async evaluate(expression) {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(`evaluate: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  }
  /** Resolves when predicate() is truthy (checked on every event of this tab and every 50 ms). */
  async until(predicate, timeoutMs, what) {
    const t0 = Date.now();
    for (;;) {
      const v = await predicate();
      if (v) return v;
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      const waiters = this.waiters;
      await new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, 50);
        waiters.add(done);
      });
    }
  }
  async close() {
    this.off();
    await this.cdp.send('Target.closeTarget', { targetId: this.targetId }).catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------- one run
async function signIn(tab, base) {
  await tab.send('Page.navigate', { url: `${base}/` });
  await tab.until(
    () => tab.evaluate(`location.pathname === '/account/login' && !!document.querySelector('#login') && document.readyState !== 'loading'`).catch(() => false),
    30_000,
    'the sign-in form',
  );
  await tab.evaluate(`(() => {
    document.querySelector('#login').value = ${JSON.stringify(opt.user)};
    document.querySelector('#password').value = ${JSON.stringify(opt.password)};
    document.querySelector('form button[type=submit]').click();
  })()`);
  await tab.until(() => tab.messages.find((m) => m.kind === 'ready'), 30_000, 'the home page after signing in');
  const landed = tab.messages.find((m) => m.kind === 'ready');
  log(`signed in as ${opt.user}: home page shows ${landed.value} handling units`);
}

/** Interactive: the first t ≥ ready such that no long task overlaps [t, t + QUIET_MS). */
function interactiveAt(ready, longTasks) {
  let t = ready;
  for (let changed = true; changed; ) {
    changed = false;
    for (const lt of longTasks) {
      const end = lt.start + lt.duration;
      if (end > t && lt.start < t + QUIET_MS) {
        t = end;
        changed = true;
      }
    }
  }
  return t;
}

async function measureOnce(tab, base, scenario) {
  tab.reset();
  const sent = Date.now();
  if (scenario.startsWith('reload')) await tab.send('Page.reload', {});
  else await tab.send('Page.navigate', { url: `${base}/` });
  const ready = await tab.until(() => tab.messages.find((m) => m.kind === 'ready'), 30_000, 'the home page with live data');
  const docs = tab.messages.filter((m) => m.kind === 'doc');
  if (docs.some((d) => d.path.startsWith('/account/'))) throw new Error(`${scenario}: the run went through the sign-in page`);
  const start = docs[0]?.timeOrigin ?? sent;
  const longTasksOfRun = () => tab.messages.filter((m) => m.kind === 'longtask' && m.start >= start);
  // Wait until a quiet window after the last long task has passed, then read what the final document knows.
  let interactive;
  for (;;) {
    interactive = interactiveAt(ready.at, longTasksOfRun());
    const waitUntil = interactive + QUIET_MS + 100; // + delivery delay of the observer
    if (Date.now() >= waitUntil && interactiveAt(ready.at, longTasksOfRun()) === interactive) break;
    await sleep(Math.max(20, waitUntil - Date.now()));
  }
  // ... and until every request of the run has finished (the chart's chunk may still be loading), so that the
  // bytes are those of the whole load and the next run starts on an idle page.
  await tab.until(() => [...tab.network.values()].every((r) => r.done), 10_000, 'the requests of the run to finish').catch(() => {});
  const timings = JSON.parse(await tab.evaluate(TIMINGS_SCRIPT));
  const shift = timings.timeOrigin - start; // final document vs the run's first document (0 for a reload)
  const rel = (epoch) => epoch - start;
  const longTasks = longTasksOfRun();
  const before = longTasks.filter((l) => l.start < ready.at);
  const after = longTasks.filter((l) => l.start >= ready.at);
  const res = timings.resources;
  const endOf = (pred) => {
    const hits = res.filter(pred);
    return hits.length ? Math.max(...hits.map((r) => r.end)) + shift : null;
  };
  const readyRel = rel(ready.at);
  const scripts = [...tab.network.values()].filter((r) => r.type === 'Script');
  return {
    interactive: rel(interactive),
    ready: readyRel,
    fromCommand: interactive - sent,
    dcl: timings.dcl + shift,
    load: timings.load + shift,
    finalDocStart: shift,
    docResponseEnd: timings.responseEnd + shift,
    scriptsDone: endOf((r) => r.type === 'script' && r.end + shift <= readyRel),
    meDone: endOf((r) => r.name.includes('/api/identity/me')),
    tokenDone: endOf((r) => r.name.includes('/connect/token')),
    unitsDone: endOf((r) => r.name.includes('/api/identity/handling-units')),
    longBefore: before.reduce((s, l) => s + l.duration, 0),
    longBeforeCount: before.length,
    longAfter: after.reduce((s, l) => s + l.duration, 0),
    longAfterCount: after.length,
    jsFiles: scripts.length,
    jsFromNetwork: scripts.filter((r) => !r.cached && r.bytes > 0).length,
    jsBytes: scripts.reduce((s, r) => s + r.bytes, 0),
    allBytes: [...tab.network.values()].reduce((s, r) => s + r.bytes, 0),
    jsEncodings: [...new Set(scripts.filter((r) => !r.cached && r.bytes > 0).map((r) => r.encoding))],
    docs: docs.map((d) => d.path),
    waterfall: [
      ...res.map((r) => ({
        at: r.start + shift,
        line: `${ms(r.start + shift).padStart(5)} → ${ms(r.end + shift).padStart(5)}  ${r.type.padEnd(14)} ${String(r.transfer).padStart(8)} B  ${r.name.replace(base, '').slice(0, 90)}`,
      })),
      ...longTasks.map((l) => ({ at: rel(l.start), line: `${ms(rel(l.start)).padStart(5)} → ${ms(rel(l.start) + l.duration).padStart(5)}  long task (${ms(l.duration)} ms)` })),
      { at: readyRel, line: `${ms(readyRel).padStart(5)}          content ready (R)` },
      { at: rel(interactive), line: `${ms(rel(interactive)).padStart(5)}          interactive (I)` },
    ]
      .sort((a, b) => a.at - b.at)
      .map((x) => x.line),
  };
}

/** One warm reload under the V8 profiler: self time by script file and by function, until content ready. */
async function profileOnce(tab, base) {
  await tab.send('Network.setCacheDisabled', { cacheDisabled: false });
  await tab.send('Profiler.enable');
  await tab.send('Profiler.setSamplingInterval', { interval: 100 });
  await tab.send('Profiler.start');
  const r = await measureOnce(tab, base, 'reload-warm');
  const { profile } = await tab.send('Profiler.stop');
  await tab.send('Profiler.disable');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const dt = profile.timeDeltas[i + 1] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
  });
  const byFile = new Map();
  const byFunction = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id);
    const file = callFrame.url ? callFrame.url.replace(base, '').replace(/^\/assets\//, '') : callFrame.functionName || '(native)';
    if (file === '(idle)') continue;
    total += us;
    byFile.set(file, (byFile.get(file) ?? 0) + us);
    const fn = `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber + 1}:${callFrame.columnNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\n## profile of one warm reload (interactive ${ms(r.interactive)} ms, ready ${ms(r.ready)} ms; ${ms(total / 1000)} ms of samples not idle)`);
  console.log('self time by script file (ms):');
  for (const [file, us] of top(byFile, 12)) console.log(`    ${ms(us / 1000).padStart(5)}  ${file}`);
  console.log('self time by function (ms; minified names, positions in the built files):');
  for (const [fn, us] of top(byFunction, 15)) console.log(`    ${ms(us / 1000).padStart(5)}  ${fn}`);
}

// ---------------------------------------------------------------------------------------------- figures
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
function stats(values) {
  const v = values.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, p90: pct(v, 90), min: v[0], max: v[v.length - 1] };
}
const ms = (x) => (x === null || x === undefined ? '—' : `${Math.round(x)}`);
const kb = (x) => `${(x / 1024).toFixed(1)}`;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

function printScenario(name, runs, loadBefore, loadAfter) {
  console.log(`\n## ${name}  (${runs.length} runs after ${WARMUP} warm-up; load average ${loadBefore} → ${loadAfter})`);
  const rows = [
    ['interactive (I)', 'interactive'],
    ['content ready (R)', 'ready'],
    ['I from CDP command', 'fromCommand'],
    ['final document starts', 'finalDocStart'],
    ['document response end', 'docResponseEnd'],
    ['DOMContentLoaded', 'dcl'],
    ['load', 'load'],
    ['last script before R', 'scriptsDone'],
    ['POST /connect/token done', 'tokenDone'],
    ['GET /api/identity/me done', 'meDone'],
    ['GET handling-units done', 'unitsDone'],
    ['long tasks before R (sum)', 'longBefore'],
    ['long tasks after R (sum)', 'longAfter'],
  ];
  console.log(`| ms from navigation start | median | p90 | min | max |`);
  console.log(`|---|---:|---:|---:|---:|`);
  for (const [label, key] of rows) {
    const s = stats(runs.map((r) => r[key]));
    if (!s) continue;
    console.log(`| ${label} | ${ms(s.median)} | ${ms(s.p90)} | ${ms(s.min)} | ${ms(s.max)} |`);
  }
  const js = stats(runs.map((r) => r.jsBytes));
  const all = stats(runs.map((r) => r.allBytes));
  const count = stats(runs.map((r) => r.longBeforeCount));
  const countAfter = stats(runs.map((r) => r.longAfterCount));
  const first = runs[0];
  console.log(
    `scripts per load: ${first.jsFiles} files, ${stats(runs.map((r) => r.jsFromNetwork)).median} from the network, ` +
      `${kb(js.median)} KB transferred (median; min ${kb(js.min)}, max ${kb(js.max)}; content-encoding: ${first.jsEncodings.join(', ') || '—'}); ` +
      `all resources ${kb(all.median)} KB`,
  );
  console.log(`long tasks: median ${count.median} before R, ${countAfter.median} after R; documents: ${first.docs.join(' → ')}`);
  const over = runs.filter((r) => r.interactive >= 1500).length;
  console.log(`budget < 1500 ms: ${runs.length - over}/${runs.length} runs under`);
  if (opt.waterfall) {
    const median = [...runs].sort((a, b) => a.interactive - b.interactive)[Math.floor((runs.length - 1) / 2)];
    console.log(`waterfall of the median run (final document's resources; ms from navigation start; transfer bytes):`);
    for (const line of median.waterfall) console.log(`    ${line}`);
  }
}

// ---------------------------------------------------------------------------------------------- main
async function main() {
  const cpu = cpus();
  console.log(`# measure-home — ${new Date().toISOString()}`);
  console.log(`machine: ${cpu.length} CPUs (${cpu[0]?.model ?? '?'}), node ${process.version}, load average at start ${load()}`);
  const host = await startHost();
  console.log(`host: ${dll.replace(root, '')} (${opt.config}), ${host.base}, ready in ${host.startMs} ms, pid ${host.pid}`);
  const browser = await startChromium();
  const cdp = await Cdp.connect(browser.wsUrl);
  const version = await cdp.send('Browser.getVersion');
  console.log(`browser: ${version.product} (${opt.chromium}, --headless=new, 1440×900), pid ${browser.pid}`);
  console.log(`interactive = home-page present and stat-handling-units shows digits, then ${QUIET_MS} ms without a long task`);
  try {
    const main = await Tab.open(cdp, { cacheDisabled: false });
    await signIn(main, host.base);
    for (const scenario of SCENARIOS) {
      const cacheDisabled = scenario.endsWith('-cold');
      const loadBefore = load();
      const runs = [];
      if (scenario.startsWith('reload')) await main.send('Network.setCacheDisabled', { cacheDisabled });
      for (let i = 0; i < WARMUP + RUNS; i++) {
        let tab = main;
        if (scenario.startsWith('newtab')) tab = await Tab.open(cdp, { cacheDisabled });
        try {
          const r = await measureOnce(tab, host.base, scenario);
          if (i >= WARMUP) runs.push(r);
          log(`${scenario} ${i < WARMUP ? 'warm-up' : `run ${i - WARMUP + 1}/${RUNS}`}: interactive ${ms(r.interactive)} ms (ready ${ms(r.ready)}), JS ${kb(r.jsBytes)} KB`);
        } finally {
          if (tab !== main) await tab.close();
        }
        await sleep(200);
      }
      printScenario(scenario, runs, loadBefore, load());
    }
    if (opt.profile) await profileOnce(main, host.base);
    await main.close();
  } finally {
    await cdp.send('Browser.close').catch(() => {});
    cdp.close();
  }
  console.log(`\nload average at end ${load()}`);
}

main()
  .then(() => cleanup())
  .catch(async (error) => {
    console.error(`measure-home: ${error.stack ?? error}`);
    await cleanup();
    process.exit(1);
  });
