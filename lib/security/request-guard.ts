import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { buildCsp, securityHeaders } from '@/lib/security/csp';

/**
 * Answers, before Next.js sees them, the few requests that Next 16.4 turns into a
 * "500 Internal Server Error" (found by the fuzz test, e2e/hardening.spec.ts; see
 * docs/decisions/0041-hostile-input.md):
 *
 * - TRACE (any path): the proxy adapter builds a Fetch `Request`, which refuses TRACE, and the
 *   TypeError becomes a 500 with a stack trace in the log, once per request. → 405.
 * - Static files (/_next/static/… and public/ files), which the proxy does not see or only passes
 *   on: Next's file server answers a wrong method, a bad percent-encoding, an unsatisfiable
 *   Range or a failed If-Match by rendering an error page (/405, /400, /416, /412) that an
 *   App Router build does not have, which fails as a 500. → 405 or 400 here; range and
 *   precondition headers are dropped for these immutable files, so they are simply served whole.
 * - Any request carrying a `Next-Action` header (the site has no Server Actions). → 404.
 * - /_next/static responses also get the locked-down non-document CSP: a JS or CSS file does
 *   not need one, but the HTML 404 Next renders for a missing asset is a document on our origin.
 *
 * There is no hook in `next start` for this, so the guard wraps the http.Server's 'request'
 * event. It is installed once, from instrumentation.ts, and costs a few string checks.
 */

const installedKey = Symbol.for('outage-watch.request-guard');
const forbiddenMethods = new Set(['TRACE', 'TRACK', 'CONNECT']);
const fileHeadersToDrop = ['range', 'if-range', 'if-match', 'if-unmodified-since'] as const;

function publicFiles(root: string): Set<string> {
  const files = new Set<string>();
  const walk = (dir: string, prefix: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(path.join(dir, e.name), `${prefix}/${e.name}`);
      else files.add(`${prefix}/${e.name}`);
    }
  };
  walk(root, '');
  return files;
}

function decodable(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function refuse(res: http.ServerResponse, status: 400 | 404 | 405, extra: Record<string, string> = {}): void {
  const body = status === 405 ? 'Method not allowed' : status === 404 ? 'Not found' : 'Bad request';
  res.writeHead(status, {
    ...securityHeaders(),
    'content-security-policy': buildCsp({ document: false }),
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

export type GuardVerdict = 'pass' | 'refused';

/** The decision for one request; exported for the unit test. */
export function guardRequest(req: http.IncomingMessage, res: http.ServerResponse, files: ReadonlySet<string>): GuardVerdict {
  const method = (req.method ?? 'GET').toUpperCase();
  if (forbiddenMethods.has(method)) {
    refuse(res, 405, { allow: 'GET, HEAD' });
    return 'refused';
  }
  if (req.headers['next-action'] !== undefined) {
    // The site has no Server Actions: a forged id would make Next look it up and log a stack
    // trace per request (on any path, including those the proxy does not see).
    refuse(res, 404);
    return 'refused';
  }
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const pathname = q === -1 ? raw : raw.slice(0, q);
  const isStatic = pathname.startsWith('/_next/static');
  if (!isStatic && !files.has(pathname)) {
    const decoded = pathname.includes('%') ? decodable(pathname) : null;
    if (decoded === null || !files.has(decoded)) return 'pass';
  }
  if (method !== 'GET' && method !== 'HEAD') {
    refuse(res, 405, { allow: 'GET, HEAD' });
    return 'refused';
  }
  if (decodable(pathname) === null) {
    refuse(res, 400);
    return 'refused';
  }
  for (const h of fileHeadersToDrop) delete req.headers[h];
  if (isStatic) res.setHeader('content-security-policy', buildCsp({ document: false }));
  return 'pass';
}

/** Idempotent. `root` is the app directory (public/ is read from it once). */
export function installRequestGuard(root: string = process.cwd()): void {
  const holder = globalThis as typeof globalThis & { [installedKey]?: boolean };
  if (holder[installedKey] === true) return;
  holder[installedKey] = true;
  const files = publicFiles(path.join(root, 'public'));
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      try {
        if (guardRequest(req, res, files) === 'refused') return true;
      } catch {
        // The guard must never be the reason a request fails: let Next handle it.
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
