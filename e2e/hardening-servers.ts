import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Extra processes for the fault tests: a second `next start` of the same build (own port, own
 * DATA_DIR, own status-page URLs) and a process of Statuspage simulators. Each is stopped by
 * its process id (SIGTERM, then SIGKILL), never by name.
 */

export const root = path.resolve(import.meta.dirname, '..');

export interface Proc {
  readonly pid: number;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

function track(child: ChildProcess): Proc {
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-200_000)));
  child.stderr?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-200_000)));
  return {
    pid: child.pid ?? -1,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 4000))]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      }
    },
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string, proc: Proc, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${proc.output().slice(-2000)}`);
    if (Date.now() > deadline) {
      await proc.stop();
      throw new Error(`${what} did not start within ${timeoutMs} ms:\n${proc.output().slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** No extra server lives longer than this, whatever happens to the test that started it. */
const maxServerSeconds = 300;

export interface NextServer extends Proc {
  readonly url: string;
}

/**
 * `next start` of the build the tests run against (NEXT_DIST_DIR, default .next). `wrap`, if
 * given, is a shell prefix run before exec-ing it (e.g. a tmpfs mount in a private mount
 * namespace). The process id is that of `timeout`, which passes SIGTERM on to the server.
 */
export async function startNextServer(options: { port: number; env: Record<string, string>; wrap?: string }): Promise<NextServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next',
    SITE_URL: url,
    STATUSPAGE_POLL_SECONDS: '5',
    ...options.env,
  };
  // `timeout` bounds the server's life even if this test process dies without stopping it.
  const nextArgs = ['-k', '5', String(maxServerSeconds), process.execPath, 'node_modules/next/dist/bin/next', 'start', '-p', String(options.port), '-H', '127.0.0.1'];
  const child =
    options.wrap === undefined
      ? spawn('timeout', nextArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', `${options.wrap} && exec timeout "$@"`, 'sh', ...nextArgs], {
          cwd: root,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
  const proc = track(child);
  await waitFor(async () => (await fetch(`${url}/ar`, { signal: AbortSignal.timeout(5000) })).status === 200, 45_000, `next start on ${options.port}`, proc, child);
  return { ...proc, url };
}

export interface SimProcess extends Proc {
  url(port: number): string;
  setMode(port: number, mode: string): Promise<void>;
  publish(port: number): Promise<void>;
}

/** Simulators on the given ports, each starting in its mode (e2e/hardening-sims.ts). */
export async function startSimulators(specs: readonly { port: number; mode: string }[]): Promise<SimProcess> {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'e2e/hardening-sims.ts', '--max-seconds', '600', ...specs.map((s) => `${s.port}=${s.mode}`)], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const proc = track(child);
  // The exact line, not a substring: "address already in use" contains "ready" too.
  await waitFor(async () => /^ready$/m.test(proc.output()), 30_000, 'simulators', proc, child);
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const post = async (port: number, p: string, body?: unknown) => {
    const res = await fetch(`${url(port)}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`simulator ${port}${p}: ${res.status}`);
  };
  return {
    ...proc,
    url,
    setMode: (port, mode) => post(port, '/__control', { mode }),
    publish: (port) => post(port, '/__control/publish'),
  };
}

/** Whether this machine lets us mount a tmpfs in a private mount namespace (root with CAP_SYS_ADMIN). */
export function canMountTmpfs(): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outage-watch-nsprobe-'));
  try {
    const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', `mount -t tmpfs -o size=16k tmpfs "${dir}" && touch "${dir}/x"`], { timeout: 5000, stdio: 'ignore' });
    return r.status === 0 && !fs.existsSync(path.join(dir, 'x'));
  } catch {
    return false;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
