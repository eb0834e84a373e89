#!/usr/bin/env node
// After `next build`: hash every inline <script> of every prerendered page, so the proxy can
// send a CSP that allows exactly those scripts (no 'unsafe-inline', no nonce needed for
// static HTML). Writes <distDir>/csp-hashes.json: { "/ar/articles/x": ["sha256-…", …], … }.
import fs from 'node:fs';
import path from 'node:path';
import { inlineScriptHashes } from '../lib/security/inline-script-hashes.mjs';

const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const appDir = path.join(distDir, 'server', 'app');
if (!fs.existsSync(appDir)) {
  console.error(`${appDir} not found: run next build first.`);
  process.exit(2);
}

const manifest = {};
let pages = 0;
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(abs);
    else if (entry.name.endsWith('.html')) {
      const html = fs.readFileSync(abs, 'utf8');
      const hashes = inlineScriptHashes(html);
      const route = '/' + path.relative(appDir, abs).replace(/\.html$/, '').split(path.sep).join('/');
      manifest[route === '/index' ? '/' : route] = hashes;
      pages++;
    }
  }
};
walk(appDir);
fs.writeFileSync(path.join(distDir, 'csp-hashes.json'), JSON.stringify(manifest));
console.log(`CSP: hashed the inline scripts of ${pages} prerendered pages into ${path.join(distDir, 'csp-hashes.json')}`);
