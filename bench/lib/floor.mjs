// The framework floor: what the same Next.js costs on its own. bench/floor is a minimal App
// Router site (a root layout and one prerendered page of text: no client component, no CSS, no
// web font), built from this repository's node_modules and measured like the site's pages, so a
// figure of ours can be read against what no page of ours could go below.
import fs from 'node:fs';
import path from 'node:path';
import { NEXT_BIN, ROOT, nextStart, run } from './util.mjs';

const FLOOR_DIR = path.join(ROOT, 'bench', 'floor');
// Relative to bench/floor (Next resolves distDir against the project directory).
const DIST = path.join('..', 'generated', 'floor-dist');

export async function measureFloor({ port, logDir, lhRuns }) {
  fs.rmSync(path.join(FLOOR_DIR, DIST), { recursive: true, force: true });
  const env = { NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: '1' };
  const b = await run(process.execPath, [NEXT_BIN, 'build', FLOOR_DIR], { env, timeoutMs: 300_000, logFile: path.join(logDir, 'floor-build.log') });
  if (b.code !== 0) return { skipped: true, note: 'the floor build failed (bench/generated/logs/floor-build.log)' };
  // The floor gets the same compile hints as the site (docs/decisions/0063): they are what the
  // framework's own chunks can do, so a floor without them would flatter our pages.
  const h = await run(process.execPath, [path.join(ROOT, 'scripts', 'compile-hints.mjs')], { env: { NEXT_DIST_DIR: path.join(FLOOR_DIR, DIST) }, timeoutMs: 60_000, logFile: path.join(logDir, 'floor-hints.log') });
  if (h.code !== 0) return { skipped: true, note: 'the floor compile hints failed (bench/generated/logs/floor-hints.log)' };
  const buildMs = Math.round(b.ms);

  const server = await nextStart({ distDir: DIST, port, logFile: path.join(logDir, 'floor-server.log'), readyPath: '/', projectDir: FLOOR_DIR });
  try {
    const { measurePages } = await import('./pages.mjs');
    const { lighthouseMedian } = await import('./lighthouse.mjs');
    const [weight] = await measurePages(server.url, [{ name: 'floor', route: '/', locale: 'en', path: '/' }]);
    const lighthouse = await lighthouseMedian(`${server.url}/`, 'mobile', lhRuns);
    return { buildMs, weight, lighthouse };
  } finally {
    await server.stop();
  }
}
