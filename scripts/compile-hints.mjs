#!/usr/bin/env node
// After `next build`: give the boot chunks every page evaluates (build-manifest rootMainFiles)
// V8's compile hint, so Chromium compiles them off the main thread while they download
// (lib/build/compile-hints.mjs, docs/decisions/0063-compile-hints.md). Idempotent.
import fs from 'node:fs';
import path from 'node:path';
import { bootChunks, withCompileHint } from '../lib/build/compile-hints.mjs';

const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const manifestFile = path.join(distDir, 'build-manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error(`${manifestFile} not found: run next build first.`);
  process.exit(2);
}
let files;
try {
  files = bootChunks(JSON.parse(fs.readFileSync(manifestFile, 'utf8')), manifestFile);
} catch (e) {
  console.error(`compile hints: ${e.message}`);
  process.exit(1);
}
for (const f of files) {
  const abs = path.join(distDir, f);
  const source = fs.readFileSync(abs, 'utf8');
  const hinted = withCompileHint(source);
  if (hinted !== source) fs.writeFileSync(abs, hinted);
}
console.log(`Compile hints: ${files.length} boot chunks marked (${files.map((f) => path.basename(f)).join(', ')})`);
