// The one rule for which inline scripts a page's CSP must allow, by SHA-256: every <script>
// without src, except JSON-LD (data, not script). Plain JavaScript so that both the build step
// (scripts/csp-hashes.mjs, run by node) and the server (lib/server/page-cache.ts) use it.
import crypto from 'node:crypto';

/** @param {string} html @returns {string[]} `sha256-…` sources, each once, in document order. */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    if (/\ssrc=/.test(attrs) || /type="application\/ld\+json"/.test(attrs)) continue;
    hashes.add(`sha256-${crypto.createHash('sha256').update(m[2] ?? '', 'utf8').digest('base64')}`);
  }
  return [...hashes];
}
