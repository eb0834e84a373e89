#!/usr/bin/env node
// Client JavaScript per route, gzip, computed from the build output — deterministic, so it may fail CI.
// Reads <distDir>/diagnostics/route-bundle-stats.json (Turbopack's per-route first-load chunk
// list); distDir is NEXT_DIST_DIR, as in next.config.ts, else .next.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const statsFile = path.join(distDir, 'diagnostics', 'route-bundle-stats.json');
if (!fs.existsSync(statsFile)) {
  console.error(`${statsFile} not found: run \`next build\` first.`);
  process.exit(2);
}
const budgets = JSON.parse(fs.readFileSync('bench/budgets.json', 'utf8')).clientJsGzipBytes;
const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
const gz = new Map();
const gzipSize = (file) => {
  if (!gz.has(file)) gz.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);
  return gz.get(file);
};

let failed = 0;
const rows = [];
for (const { route, firstLoadChunkPaths } of stats) {
  if (route.startsWith('/api') || route.endsWith('.xml') || route.endsWith('.json') || route.endsWith('.png') || route.endsWith('.txt')) continue;
  const bytes = firstLoadChunkPaths.filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipSize(f), 0);
  const budget = budgets[route] ?? budgets.default;
  const ok = bytes <= budget;
  if (!ok) failed++;
  rows.push(`${ok ? 'ok  ' : 'OVER'} ${(bytes / 1024).toFixed(1).padStart(6)} KB / ${(budget / 1024).toFixed(0)} KB  ${route}`);
}
console.log('Client JavaScript per route (gzip -9, first load):');
console.log(rows.join('\n'));
if (failed) {
  console.error(`${failed} route(s) over the JavaScript budget in bench/budgets.json`);
  process.exit(1);
}
