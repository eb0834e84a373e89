import fs from 'node:fs';
import path from 'node:path';

/**
 * The hashes written by scripts/csp-hashes.mjs after the build. Read once; a missing or
 * unreadable manifest (e.g. `next dev`) means every page falls back to a nonce.
 */
let manifest: Map<string, readonly string[]> | undefined;

function load(): Map<string, readonly string[]> {
  const file = path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? '.next', 'csp-hashes.json');
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    const map = new Map<string, readonly string[]>();
    if (raw && typeof raw === 'object') {
      for (const [route, hashes] of Object.entries(raw)) {
        if (Array.isArray(hashes) && hashes.every((h) => typeof h === 'string' && /^sha256-[A-Za-z0-9+/=]+$/.test(h))) map.set(route, hashes);
      }
    }
    return map;
  } catch {
    return new Map();
  }
}

export function prerenderedScriptHashes(pathname: string): readonly string[] | undefined {
  manifest ??= load();
  return manifest.get(pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname);
}
