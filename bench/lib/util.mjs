// Small helpers shared by the benchmark sections: processes, ports, builds, servers.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

export function log(...args) {
  const t = new Date().toISOString().slice(11, 19);
  console.log(`[bench ${t}]`, ...args);
}

export function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** A free loopback port in the bench range (41100–41199). */
export async function freePort(from = 41100, to = 41199, taken = new Set()) {
  for (let p = from; p <= to; p++) {
    if (taken.has(p)) continue;
    const ok = await new Promise((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (ok) {
      taken.add(p);
      return p;
    }
  }
  throw new Error(`no free port in ${from}-${to}`);
}

/** Runs a command to completion, bounded in time; resolves with { code, ms, stdout, stderr }. */
export function run(cmd, args, { env = {}, cwd = ROOT, timeoutMs = 600_000, logFile } = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (logFile) fs.writeFileSync(logFile, `$ ${cmd} ${args.join(' ')}\n${stdout}\n--- stderr ---\n${stderr}`);
      resolve({ code: code ?? (signal ? 128 : 1), signal, ms: performance.now() - t0, stdout, stderr });
    });
  });
}

/**
 * `next build` rewrites tsconfig.json (adds `<distDir>/types/**` to "include") and next-env.d.ts
 * (imports `<distDir>/types/routes.d.ts`) whenever distDir is not `.next`. Those files belong to
 * the project, not to the benchmark: snapshot them and put them back after every build.
 */
const PROTECTED = ['tsconfig.json', 'next-env.d.ts'];

function snapshot() {
  const snap = new Map();
  for (const f of PROTECTED) {
    const p = path.join(ROOT, f);
    snap.set(f, fs.existsSync(p) ? fs.readFileSync(p) : null);
  }
  return snap;
}

function restore(snap, distDir) {
  for (const [f, before] of snap) {
    const p = path.join(ROOT, f);
    const now = fs.existsSync(p) ? fs.readFileSync(p) : null;
    if (before === null || (now && now.equals(before))) continue;
    // Only undo what the build did: the new text must mention our dist dir.
    if (now && !now.toString('utf8').includes(distDir)) {
      log(`warning: ${f} changed during the build but not by it; left alone`);
      continue;
    }
    fs.writeFileSync(p, before);
  }
}

/** `next build` into distDir (never `.next`), timed. */
export async function nextBuild({ distDir, articlesDir, logFile, timeoutMs = 900_000, extraEnv = {} }) {
  if (!distDir || distDir === '.next') throw new Error('refusing to build into .next');
  fs.rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
  const env = { NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', ...extraEnv };
  if (articlesDir) env.ARTICLES_DIR = articlesDir;
  const snap = snapshot();
  try {
    const r = await run(process.execPath, [NEXT_BIN, 'build'], { env, timeoutMs, logFile });
    // As `npm run build` does: without the CSP hashes, prerendered pages get a nonce CSP that
    // blocks their inline scripts (and the page cache does not keep them); then the compile hints.
    if (r.code === 0) {
      const h = await run(process.execPath, [path.join(ROOT, 'scripts', 'after-build.mjs')], { env, timeoutMs: 120_000, logFile: logFile ? `${logFile}.after` : undefined });
      if (h.code !== 0) return h;
    }
    return r;
  } finally {
    restore(snap, distDir);
  }
}

/**
 * Starts `next start` on loopback; resolves once it answers. Returns { pid, port, url, stop() }.
 * `projectDir` serves another Next project than the site (bench/floor); distDir is then relative to it.
 */
export async function nextStart({ distDir, port, articlesDir, env = {}, logFile, readyPath = '/ar', projectDir }) {
  const fullEnv = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...env };
  if (articlesDir) fullEnv.ARTICLES_DIR = articlesDir;
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn(process.execPath, [NEXT_BIN, 'start', ...(projectDir ? [projectDir] : []), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: fullEnv,
    stdio: ['ignore', out, out],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
    for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(100);
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode} (see ${logFile})`);
    try {
      const res = await fetch(url + readyPath, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      return { pid: child.pid, port, url, stop, child };
    } catch {
      await sleep(250);
    }
  }
  await stop();
  throw new Error('next start did not answer within 60 s');
}

/** Finds the node process actually serving (next start may fork a child). */
export function serverPids(rootPid) {
  const pids = [rootPid];
  for (let i = 0; i < pids.length && i < 20; i++) {
    try {
      const kids = fs.readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim();
      if (kids) pids.push(...kids.split(/\s+/).map(Number));
    } catch {}
  }
  return pids;
}

export function rssKb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

export const kb = (b) => (b == null ? '—' : `${(b / 1024).toFixed(1)} KB`);
