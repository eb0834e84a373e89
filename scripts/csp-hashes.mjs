#!/usr/bin/env node
// After `next build`: hash every inline <script> of every prerendered page, so the proxy can
// send a CSP that allows exactly those scripts (no 'unsafe-inline', no nonce needed for
// static HTML). Writes <distDir>/csp-hashes.json: { "/ar/articles/x": ["sha256-…", …], … }.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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
      const hashes = new Set();
      // Inline scripts: <script> or <script id=…> without src (ld+json is data, not script).
      for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
        const attrs = m[1] ?? '';
        if (/\ssrc=/.test(attrs) || /type="application\/ld\+json"/.test(attrs)) continue;
        hashes.add(`sha256-${crypto.createHash('sha256').update(m[2] ?? '', 'utf8').digest('base64')}`);
      }
      const route = '/' + path.relative(appDir, abs).replace(/\.html$/, '').split(path.sep).join('/');
      manifest[route === '/index' ? '/' : route] = [...hashes];
      pages++;
    }
  }
};
walk(appDir);
fs.writeFileSync(path.join(distDir, 'csp-hashes.json'), JSON.stringify(manifest));
console.log(`CSP: hashed the inline scripts of ${pages} prerendered pages into ${path.join(distDir, 'csp-hashes.json')}`);
