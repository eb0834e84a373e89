// The framework floor: what the same Next.js costs on its own. bench/floor is a minimal App
// Router site (a root layout and one prerendered page of text: no client component, no CSS, no
// web font), built from this repository's node_modules and measured like the site's pages, so a
// figure of ours can be read against what no page of ours could go below.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NEXT_BIN, ROOT, run } from './util.mjs';

const FLOOR_DIR = path.join(ROOT, 'bench', 'floor');
// Relative to bench/floor (Next resolves distDir against the project directory).
const DIST = path.join('..', 'generated', 'floor-dist');

export async function measureFloor({ port, logDir, lhRuns }) {
  fs.rmSync(path.join(FLOOR_DIR, DIST), { recursive: true, force: true });
  const env = { NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: '1' };
  const t0 = performance.now();
  const b = await run(process.execPath, [NEXT_BIN, 'build', FLOOR_DIR], { env, timeoutMs: 300_000, logFile: path.join(logDir, 'floor-build.log') });
  if (b.code !== 0) return { skipped: true, note: 'the floor build failed (bench/generated/logs/floor-build.log)' };
  const buildMs = Math.round(performance.now() - t0);

  const out = fs.openSync(path.join(logDir, 'floor-server.log'), 'a');
  const child = spawn(process.execPath, [NEXT_BIN, 'start', FLOOR_DIR, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', out, out],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}/`;
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the floor server exited with ${child.exitCode}`);
      const ok = await fetch(url, { signal: AbortSignal.timeout(2000) })
        .then(async (r) => (await r.arrayBuffer(), r.ok))
        .catch(() => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error('the floor server did not answer within 60 s');
      await sleep(250);
    }
    const { measurePages } = await import('./pages.mjs');
    const { lighthouseMedian } = await import('./lighthouse.mjs');
    const [weight] = await measurePages(`http://127.0.0.1:${port}`, [{ name: 'floor', route: '/', locale: 'en', path: '/' }]);
    const lighthouse = await lighthouseMedian(url, 'mobile', lhRuns);
    return { buildMs, weight, lighthouse };
  } finally {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
    for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(100);
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
  }
}
