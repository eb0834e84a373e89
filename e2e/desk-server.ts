import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteIncidentStore } from '@/lib/incidents/sqlite-store';

/**
 * The desk's browser tests start their own production server (the build in NEXT_DIST_DIR,
 * default .next) on a port of their own, with a fresh DATA_DIR prepared *before* it starts:
 * editors created through the real CLI (scripts/desk-add-editor.ts), an official incident
 * seeded as the status-page poller would have stored it. So they need nothing from the main
 * Playwright config's web server, and can kill -9 and restart their server.
 */

export interface DeskServer {
  readonly url: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  readonly log: string[];
  /** SIGKILL, as a crash or an OOM kill would. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export function freshDataDir(prefix = 'desk-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startDeskServer(port: number, dataDir: string, env: Record<string, string> = {}): Promise<DeskServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, SITE_URL: url, STATUSPAGE_INGEST: 'off', NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/robots.txt`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${log.join('')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start: ${log.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    child,
    log,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited(child), new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited(child);
      }
    },
  };
}

/** Runs `npm run desk:add-editor` (the script itself, through tsx) with the password on stdin; returns stdout (the token, if asked). */
export async function deskCli(dataDir: string, args: readonly string[], stdin = ''): Promise<string> {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/desk-add-editor.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin.end(stdin);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`desk-add-editor ${args.join(' ')} failed (${code}): ${err}`);
  return out.trim();
}

export async function addEditor(dataDir: string, email: string, name: string, password: string, withToken = false): Promise<string | undefined> {
  const out = await deskCli(dataDir, ['--email', email, '--name', name, ...(withToken ? ['--token', '--token-label', 'e2e'] : [])], `${password}\n`);
  return withToken ? out : undefined;
}

/** An incident as the status-page poller stores it: English only, origin statuspage. */
export async function seedOfficialIncident(dataDir: string, id: string): Promise<void> {
  const store = SqliteIncidentStore.open(dataDir, { warn: () => undefined });
  try {
    await store.upsertIncident({
      id,
      provider: 'cloudflare',
      title: { en: 'Elevated errors on Cloudflare Workers' },
      affectedServices: ['Workers'],
      startedAt: '2025-11-21T09:00:00.000Z',
      source: { name: 'Cloudflare status page', url: 'https://www.cloudflarestatus.com/incidents/e2e' },
      origin: 'statuspage',
      upstream: { provider: 'cloudflare', incidentId: 'e2e' },
    });
    await store.appendUpdate({
      id: 'sp-e2e-first',
      incidentId: id,
      at: '2025-11-21T09:05:00.000Z',
      status: 'investigating',
      text: { en: 'We are investigating elevated error rates on Workers.' },
      source: { name: 'Cloudflare status page', url: 'https://www.cloudflarestatus.com/incidents/e2e' },
      kind: 'official',
      key: false,
    });
  } finally {
    await store.close();
  }
}
