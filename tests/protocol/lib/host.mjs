// Starts a CongressPlatform host (the Release build) as a child process for the protocol suite.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, createWriteStream, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `dotnet <dll>` with the contract's environment and waits for GET /health/ready = 200.
 * @param {{name: string, dll: string, logDir: string, env?: Record<string,string>, rp: {clientId: string, secret: string, redirectUri: string, postLogoutRedirectUri: string}, readyTimeoutMs?: number}} o
 */
export async function startHost(o) {
  if (!existsSync(o.dll)) throw new Error(`host build not found: ${o.dll}`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), `congress-protocol-${o.name}-`));
  const logPath = join(o.logDir, `protocol-host-${o.name}.log`);
  const log = createWriteStream(logPath);
  const env = {
    ...process.env,
    ASPNETCORE_ENVIRONMENT: 'Development',
    ASPNETCORE_URLS: base,
    ConnectionStrings__Sqlite: `Data Source=${join(dataDir, 'protocol.db')}`,
    DemoData__Enabled: 'true',
    Scheduler__Enabled: 'false',
    // The suite signs in through the provider only: no development header sign-in.
    Authentication__DevelopmentHeaders__Enabled: 'false',
    Identity__Issuer: base,
    Identity__Spa__RedirectUris__0: `${base}/auth/callback`,
    Identity__Spa__PostLogoutRedirectUris__0: `${base}/`,
    Identity__Spa__Origins__0: base,
    Identity__Clients__0__ClientId: o.rp.clientId,
    Identity__Clients__0__Secret: o.rp.secret,
    Identity__Clients__0__RedirectUris__0: o.rp.redirectUri,
    Identity__Clients__0__PostLogoutRedirectUris__0: o.rp.postLogoutRedirectUri,
    RateLimits__SignInPerMinute: '1000',
    RateLimits__TokenPerMinute: '1000',
    ...(o.env ?? {}),
  };
  const child = spawn('dotnet', [o.dll], { env, cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });

  const host = {
    name: o.name, port, base, issuer: base, logPath, pid: child.pid,
    async stop() {
      if (exited === null) {
        child.kill('SIGTERM');
        const deadline = Date.now() + 10_000;
        while (exited === null && Date.now() < deadline) await sleep(100);
        if (exited === null) child.kill('SIGKILL');
        while (exited === null) await sleep(50);
      }
      log.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + (o.readyTimeoutMs ?? 180_000);
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (exited !== null) {
      await host.stop();
      throw new Error(`host '${o.name}' exited during start-up (${JSON.stringify(exited)}); see ${logPath}`);
    }
    try {
      const res = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(2000) });
      last = `HTTP ${res.status}`;
      await res.arrayBuffer();
      if (res.status === 200) return host;
    } catch (e) {
      last = e.cause?.code ?? e.message;
    }
    await sleep(250);
  }
  await host.stop();
  throw new Error(`host '${o.name}' was not ready within ${(o.readyTimeoutMs ?? 180_000) / 1000}s (last: ${last}); see ${logPath}`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
