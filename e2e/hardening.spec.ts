import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { auditSecurityHeaders } from '../lib/security/csp-audit';
import { generateCorpus, leakPatterns, type FuzzRequest, type FuzzTargets } from '../lib/security/fuzz-corpus';
import { rawRequest, runPool, type RawResult } from './hardening-http';
import { canMountTmpfs, root, startNextServer, startSimulators, type NextServer, type Proc, type SimProcess } from './hardening-servers';
import { locales, NEWS_SLUG, readerActs } from './helpers';

/**
 * Hardening: security headers on every kind of response, no CSP violation on any page type,
 * thousands of hostile requests without a 5xx or a leak, and the reader site serving through
 * upstream and storage faults. docs/decisions/0041-hostile-input.md explains what and why.
 *
 * Runs under playwright.config.ts (npm test) and e2e/hardening.config.ts (own build and ports).
 */

test.describe.configure({ mode: 'serial' });

const CURATED = 'cloudflare-2025-11-18';
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 21732);
const FAULT_PORT = Number(process.env.E2E_FAULT_PORT ?? 21760);
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20251118);
const FUZZ_COUNT = Math.max(5000, Number(process.env.FUZZ_COUNT ?? 5000));
const FUZZ_CONCURRENCY = 16;

const origin = (): string => String(test.info().project.use.baseURL);
const cleanups: (() => Promise<void>)[] = [];

/* ------------------------------------------------------------------------------------------ */
/* The simulator the main server polls (STATUSPAGE_URLS): started first, so that by the last   */
/* test the poller has found it and polls on its 5-second interval, not a back-off.            */

/** Mode switches for the simulator the main server polls: the config's own, else one started here. */
let mainSim: Pick<SimProcess, 'setMode'> | null = null;

test.beforeAll(async () => {
  const running = await fetch(`http://127.0.0.1:${SIM_PORT}/__control`, { signal: AbortSignal.timeout(2000) })
    .then((r) => r.ok)
    .catch(() => false);
  if (running) {
    mainSim = {
      setMode: async (port, mode) => {
        const res = await fetch(`http://127.0.0.1:${port}/__control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode }) });
        if (!res.ok) throw new Error(`simulator ${port}: ${res.status}`);
      },
    };
  } else {
    const own = await startSimulators([{ port: SIM_PORT, mode: 'ok' }]);
    mainSim = own;
    cleanups.push(() => own.stop());
  }
});

test.afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

/* ------------------------------------------------------------------------------------------ */
/* Routes, discovered from app/ so new endpoints (the desk) are fuzzed without editing this.   */

interface Route {
  readonly path: string;
  readonly methods: readonly string[];
}

function discoverRoutes(): { pages: string[]; handlers: Route[] } {
  const pages: string[] = [];
  const handlers: Route[] = [];
  const fill = (segment: string, locale: string): string | null => {
    if (segment === '[locale]') return locale;
    if (segment.startsWith('[...') || segment.startsWith('[[...')) return null;
    if (segment === '[id]') return CURATED;
    if (segment === '[slug]') return NEWS_SLUG;
    if (segment === '[category]') return 'causes';
    if (/^\[.+\]$/.test(segment)) return 'x-hardening';
    if (segment.startsWith('(')) return '';
    return segment;
  };
  const walk = (dir: string, segments: string[]): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name), [...segments, e.name]);
      else if (/^(page|route)\.tsx?$/.test(e.name)) {
        const filled = segments.map((s) => fill(s, 'ar'));
        if (filled.includes(null)) continue;
        const p = '/' + filled.filter((s) => s !== '').join('/');
        if (e.name.startsWith('page')) pages.push(p);
        else {
          const source = fs.readFileSync(path.join(dir, e.name), 'utf8');
          const methods = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] ?? '');
          handlers.push({ path: p, methods });
        }
      }
    }
  };
  walk(path.join(root, 'app'), []);
  return { pages, handlers };
}

/* ------------------------------------------------------------------------------------------ */
/* 1. Security headers on every kind of response.                                               */

async function staticAssets(request: APIRequestContext): Promise<{ js: string; css: string | undefined }> {
  const html = await (await request.get(`/ar/articles/${NEWS_SLUG}`)).text();
  const js = /\/_next\/static\/[^"'\s]+\.js/.exec(html)?.[0];
  const css = /\/_next\/static\/[^"'\s]+\.css/.exec(html)?.[0];
  expect(js, 'a script under /_next/static in the article').toBeTruthy();
  return { js: js ?? '', css };
}

test('every kind of response carries the security headers and a strict CSP', async ({ request }) => {
  const { js, css } = await staticAssets(request);
  const cases: { name: string; req: FuzzRequest; status?: number }[] = [
    { name: 'prerendered page', req: get(`/ar/articles/${NEWS_SLUG}`), status: 200 },
    { name: 'prerendered page (en home)', req: get('/en'), status: 200 },
    { name: 'page rendered on demand (404)', req: get('/en/no-such-page-hardening'), status: 404 },
    { name: 'page rendered on demand (incident)', req: get(`/ar/incidents/${CURATED}`) },
    { name: 'API JSON', req: get('/api/incidents'), status: 200 },
    { name: 'API JSON error', req: get('/api/incidents/NOT_AN_ID'), status: 400 },
    { name: 'event stream', req: { ...get(`/api/incidents/${CURATED}/events`), stream: true }, status: 200 },
    { name: 'RSS feed', req: get('/ar/feed.xml'), status: 200 },
    { name: 'JSON feed', req: get('/en/feed.json'), status: 200 },
    { name: 'share card', req: get(`/ar/articles/${NEWS_SLUG}/card.png`), status: 200 },
    { name: 'static script', req: get(js), status: 200 },
    ...(css === undefined ? [] : [{ name: 'static stylesheet', req: get(css), status: 200 }]),
    { name: 'missing static asset', req: get('/_next/static/chunks/no-such-chunk.js'), status: 404 },
    { name: 'public file', req: get('/icons/icon-192.png'), status: 200 },
    { name: 'robots.txt', req: get('/robots.txt'), status: 200 },
    { name: 'sitemap.xml', req: get('/sitemap.xml'), status: 200 },
    { name: 'web manifest', req: get('/manifest.webmanifest'), status: 200 },
    { name: 'language redirect', req: get('/'), status: 307 },
    { name: 'malformed path (400 from the proxy)', req: get('/ar/%E0%A4%A'), status: 400 },
    { name: 'TRACE (405 from the request guard)', req: { ...get('/ar'), method: 'TRACE' }, status: 405 },
    { name: 'POST to a page (405 from the proxy)', req: { ...get(`/en/articles/${NEWS_SLUG}`), method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--\r\n' }, status: 405 },
    { name: 'forged Server Action (404 from the request guard)', req: { ...get('/ar'), method: 'POST', headers: { 'next-action': 'a'.repeat(42), 'content-type': 'text/plain' }, body: '[]' }, status: 404 },
  ];
  const failures: string[] = [];
  for (const c of cases) {
    const res = await rawRequest(origin(), c.req);
    if (c.status !== undefined && res.status !== c.status) failures.push(`${c.name} ${c.req.path}: status ${res.status}, expected ${c.status}`);
    for (const p of auditSecurityHeaders(res.headers)) failures.push(`${c.name} ${c.req.path}: ${p}`);
  }
  expect(failures).toEqual([]);
});

function get(p: string): FuzzRequest {
  return { kind: 'fixed', method: 'GET', path: p, headers: {} };
}

/* ------------------------------------------------------------------------------------------ */
/* 2. No CSP violation or console error on any page type, in both languages.                   */

const pageTypes = (l: string) => [
  { name: 'home', path: `/${l}` },
  { name: 'article', path: `/${l}/articles/${NEWS_SLUG}` },
  { name: 'topic', path: `/${l}/topics/causes` },
  { name: 'glossary', path: `/${l}/glossary` },
  { name: 'about', path: `/${l}/about` },
  { name: '404', path: `/${l}/no-such-page-hardening`, status: 404 },
  { name: 'incidents list', path: `/${l}/incidents` },
  { name: 'incident page', path: `/${l}/incidents/${CURATED}` },
  { name: 'desk login', path: `/${l}/desk/login` },
];

for (const locale of locales) {
  test(`${locale}: every page type loads without a CSP violation or console error`, async ({ page, request }) => {
    const problems: string[] = [];
    let current = '';
    let expect404 = false;
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // Chromium reports the 404 document itself as a failed resource: expected on the 404 page.
      if (expect404 && /Failed to load resource: the server responded with a status of 404/.test(msg.text())) return;
      problems.push(`${current}: console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`${current}: pageerror: ${err.message}`));
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
    });
    for (const { name, path: p, status } of pageTypes(locale)) {
      const probe = await request.get(p, { maxRedirects: 0 });
      if (status === undefined && probe.status() === 404) {
        test.info().annotations.push({ type: 'skip', description: `${name}: ${p} does not exist yet (404), not visited` });
        continue;
      }
      current = `${name} ${p}`;
      expect404 = status === 404;
      const response = await page.goto(p, { waitUntil: 'load' });
      if (response?.status() !== (status ?? 200)) problems.push(`${current}: status ${response?.status()}`);
      // Let islands hydrate and live connections open (a page with nothing live boots when the reader acts).
      await readerActs(page);
      await page.waitForTimeout(400);
      const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      problems.push(...violations.map((v) => `${current}: CSP violation: ${v}`));
      problems.push(...auditSecurityHeaders(response?.headers() ?? {}).map((h) => `${current}: ${h}`));
    }
    expect(problems).toEqual([]);
  });
}

/* ------------------------------------------------------------------------------------------ */
/* 3. Hostile requests.                                                                         */

/** Deliberate 5xx: the desk's "storage unavailable" page is a real 503 by design (docs/decisions/0050). */
const designed5xx = (req: FuzzRequest, res: RawResult) => res.status === 503 && /^\/(?:ar|en)\/desk\/unavailable(?:\?|$)/.test(req.path) && res.headers['retry-after'] !== undefined;

test('hostile requests: no 5xx, no stack trace, no internal path', async ({ request }) => {
  test.setTimeout(150_000);
  const { pages, handlers } = discoverRoutes();
  const { js } = await staticAssets(request);
  const other = (p: string) => p.replace(/^\/ar(?=\/|$)/, '/en');
  const streams = handlers.filter((h) => h.path.endsWith('/events')).map((h) => h.path);
  const apis = handlers.filter((h) => h.path.startsWith('/api/') && h.methods.includes('GET') && !streams.includes(h.path)).map((h) => h.path);
  const writable = handlers.filter((h) => h.methods.some((m) => m !== 'GET')).map((h) => h.path);
  const files = handlers.filter((h) => !h.path.startsWith('/api/') && h.methods.includes('GET') && !h.path.endsWith('/unavailable')).map((h) => h.path);
  // The incident page renders per request and is by far the most expensive (tens of ms):
  // its paths, encodings and methods are fuzzed, header fuzzing uses the cheaper pages.
  const heavy = (p: string) => /\/incidents\/[^/]+$/.test(p);
  const allPages = [...new Set(['/', ...pages, ...pages.map(other), '/en/no-such-page'])];
  const targets: FuzzTargets = {
    locales: ['ar', 'en'],
    pages: allPages.filter((p) => !heavy(p)),
    heavyPages: allPages.filter(heavy),
    files: [...new Set([...files, ...files.map(other), js, '/robots.txt', '/sitemap.xml', '/manifest.webmanifest', '/icons/icon-192.png', '/icon.png'])],
    apis,
    streams,
    writable,
  };
  expect(streams.length, 'the event-stream endpoint was found').toBeGreaterThan(0);
  const corpus = generateCorpus(FUZZ_SEED, FUZZ_COUNT, targets);
  const agent = new http.Agent({ keepAlive: true, maxSockets: FUZZ_CONCURRENCY });
  const leaks = leakPatterns([root, os.homedir() + '/', path.join(os.tmpdir(), 'outage-watch-')]);
  const histogram = new Map<string, number>();
  const problems: string[] = [];
  const started = Date.now();
  await runPool(corpus, FUZZ_CONCURRENCY, async (req, i) => {
    const res = await rawRequest(origin(), req, { agent, timeoutMs: 20_000 });
    const key = res.outcome === 'ok' ? String(res.status) : res.outcome;
    histogram.set(key, (histogram.get(key) ?? 0) + 1);
    const what = `#${i} ${req.kind} ${req.method} ${req.path.slice(0, 120)}${req.path.length > 120 ? '…' : ''} ${JSON.stringify(req.headers).slice(0, 120)}`;
    if (res.outcome !== 'ok' && !(res.outcome === 'reset' && (req.body?.length ?? 0) > 64 * 1024)) problems.push(`${key} ${res.error ?? ''}: ${what}`);
    if (res.status >= 500 && !designed5xx(req, res)) problems.push(`${res.status}: ${what}: ${res.body.slice(0, 200)}`);
    const type = String(res.headers['content-type'] ?? '');
    // Client bundles name their modules (node_modules/…): public build output, not a leak.
    const clientCode = res.status === 200 && req.path.startsWith('/_next/static/') && /javascript|css/.test(type);
    for (const leak of leaks) {
      if (clientCode && leak.name === 'node_modules') continue;
      if (leak.test(res.body)) problems.push(`leak (${leak.name}): ${what}`);
    }
    if (type.startsWith('text/html') && !/frame-ancestors 'none'/.test(String(res.headers['content-security-policy'] ?? ''))) problems.push(`HTML without CSP (${res.status}): ${what}`);
  });
  agent.destroy();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const summary = `fuzz: ${corpus.length} requests, seed ${FUZZ_SEED}, concurrency ${FUZZ_CONCURRENCY}, ${seconds} s: ${[...histogram].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}×${v}`).join(' ')}`;
  console.log(summary);
  test.info().annotations.push({ type: 'fuzz', description: summary });
  expect([...new Set(problems)].slice(0, 40)).toEqual([]);
  // The site still serves normally afterwards.
  expect((await request.get(`/ar/articles/${NEWS_SLUG}`)).status()).toBe(200);
  expect((await request.get(`/api/incidents/${CURATED}`)).status()).toBe(200);
});

/* ------------------------------------------------------------------------------------------ */
/* 4. Faults: hostile or dead upstream feeds, unusable data directory.                          */

interface ApiList {
  incidents: { incident: { id: string; provider: string; upstream?: { incidentId: string } }; updates: { id: string }[] }[];
  feeds: { provider: string; state: string; failingSince: string | null; lastError: string | null }[];
  storage: { backend: string; degraded: boolean };
}

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { 'cache-control': 'no-cache' }, signal: AbortSignal.timeout(10_000) });
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
}

async function timelineIds(base: string): Promise<string[]> {
  const view = await json<{ updates: { id: string }[] }>(`${base}/api/incidents/${CURATED}`);
  return view.updates.map((u) => u.id);
}

/** Polls pages of every server while faults are injected; any non-200 is recorded. */
function watchPages(bases: readonly string[]): { stop(): Promise<string[]> } {
  const failures: string[] = [];
  let running = true;
  const loop = (async () => {
    for (let round = 0; running && round < 200; round++) {
      for (const base of bases) {
        for (const p of [round % 2 === 0 ? '/ar' : `/en/articles/${NEWS_SLUG}`, `/ar/incidents/${CURATED}`, `/api/incidents/${CURATED}`]) {
          const status = await fetch(`${base}${p}`, { signal: AbortSignal.timeout(10_000) })
            .then(async (r) => {
              await r.arrayBuffer();
              return r.status;
            })
            .catch((e: Error) => e.message);
          if (status !== 200) failures.push(`${base}${p}: ${status}`);
        }
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return failures;
    },
  };
}

const modeErrors: Record<string, RegExp> = {
  '500': /http: HTTP 500/,
  timeout: /timeout: no complete answer/,
  garbage: /invalid-json/,
  truncated: /truncated|invalid-json/,
  huge: /too-large/,
  html: /content-type: expected JSON, got text\/html/,
  'wrong-type': /schema/,
};

// The simulators and fault servers listen on fixed ports below Linux's ephemeral range
// (32768–60999): in that range a kept-alive client socket of an earlier test could hold the
// port, and the simulators would fail to listen (CI, session 2).
test('hostile, slow and dead feeds with an unusable data directory: pages and the bundled timeline keep serving', async () => {
  test.setTimeout(150_000);
  const modes = Object.keys(modeErrors);
  const simPorts = new Map(modes.map((m, i) => [m, FAULT_PORT + 1 + i]));
  const deadPort = FAULT_PORT + 1 + modes.length;
  const provider = (m: string) => `sim-${m}`;
  const sims = await startSimulators(modes.map((m) => ({ port: simPorts.get(m) ?? 0, mode: m })));
  cleanups.push(() => sims.stop());

  // DATA_DIR below a regular file: the directory can never be created, even by root.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'outage-watch-fault-'));
  cleanups.push(async () => fs.rmSync(scratch, { recursive: true, force: true }));
  fs.writeFileSync(path.join(scratch, 'not-a-directory'), 'a file where the data directory should be');
  const urls = [...modes.map((m) => `${provider(m)}=${sims.url(simPorts.get(m) ?? 0)}`), `sim-down=http://127.0.0.1:${deadPort}`].join(',');
  const servers: NextServer[] = [];
  const start = async (port: number, dataDir: string, wrap?: string, statuspage = urls): Promise<NextServer> => {
    const s = await startNextServer({ port, env: { DATA_DIR: dataDir, STATUSPAGE_URLS: statuspage }, wrap });
    servers.push(s);
    cleanups.push(() => s.stop());
    return s;
  };

  // A full disk and a read-only one, for real: a tiny tmpfs in a private mount namespace.
  const tmpfs = canMountTmpfs();
  const fullDir = path.join(scratch, 'full');
  const roDir = path.join(scratch, 'read-only');
  fs.mkdirSync(fullDir);
  fs.mkdirSync(roDir);
  const [faulty, full, readOnly] = await Promise.all([
    start(FAULT_PORT, path.join(scratch, 'not-a-directory', 'data')),
    tmpfs ? start(FAULT_PORT + 20, fullDir, `mount -t tmpfs -o size=64k tmpfs "${fullDir}" && (dd if=/dev/zero of="${fullDir}/filler" bs=4k 2>/dev/null; true)`, '') : null,
    tmpfs ? start(FAULT_PORT + 21, roDir, `mount -t tmpfs -o ro,size=64k tmpfs "${roDir}"`, '') : null,
  ]);
  if (!tmpfs) test.info().annotations.push({ type: 'skip', description: 'full and read-only data directory: no mount namespace here (needs root with CAP_SYS_ADMIN); only the uncreatable-directory case ran' });
  const watcher = watchPages([origin(), ...servers.map((s) => s.url)]);
  const t0 = Date.now();
  const phase = (what: string) => console.log(`faults: ${what} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  phase('servers up');
  try {
    const expectedIds = await timelineIds(origin());
    expect(expectedIds.length).toBeGreaterThan(20);

    // Storage: every broken data directory falls back to memory, says so, and serves the timeline.
    for (const [server, why] of [
      [faulty, /ENOTDIR|not a directory/i],
      [full, /database or disk is full|SQLITE_FULL|ENOSPC/i],
      [readOnly, /read-?only|EROFS|SQLITE_READONLY|unable to open/i],
    ] as const) {
      if (server === null) continue;
      const list = await json<ApiList>(`${server.url}/api/incidents`);
      expect(list.storage, server.url).toEqual({ backend: 'memory', degraded: true });
      expect(await timelineIds(server.url)).toEqual(expectedIds);
      expect(server.output()).toMatch(/storage unavailable in .*serving the bundled timeline from memory/);
      expect(server.output()).toMatch(why);
    }

    // Upstream: each misbehaviour shows up in feed health, with its own reason. A simulator is
    // switched back to ok as soon as its failure is seen, so no feed backs off further than needed.
    const feeds = async () => new Map((await json<ApiList>(`${faulty.url}/api/incidents`)).feeds.map((f) => [f.provider, f]));
    const seenFailing = new Map<string, unknown>();
    await expect
      .poll(
        async () => {
          const f = await feeds();
          for (const m of [...modes, 'down']) {
            const h = f.get(provider(m));
            if (seenFailing.has(m) || h === undefined) continue;
            if (h.state === 'failing' && h.failingSince !== null && (m === 'down' ? /ECONNREFUSED/ : (modeErrors[m] ?? /x^/)).test(h.lastError ?? '')) {
              seenFailing.set(m, h);
              if (m !== 'down') await sims.setMode(simPorts.get(m) ?? 0, 'ok');
            }
          }
          return [...modes, 'down'].filter((m) => !seenFailing.has(m)).map((m) => `${m}: ${JSON.stringify(f.get(provider(m)) ?? null)}`);
        },
        { timeout: 45_000, intervals: [500] },
      )
      .toEqual([]);
    phase('every feed seen failing');
    // Health texts are ours, not the upstream's: nothing of the HTML page leaks through.
    expect(JSON.stringify([...seenFailing.values()])).not.toMatch(/Attention Required|<script|alert\(1\)/);

    // Recovery: every feed that answers again is ok at its next poll (after one back-off step).
    await sims.publish(simPorts.get('html') ?? 0);
    await expect
      .poll(
        async () => {
          const f = await feeds();
          return modes.filter((m) => f.get(provider(m))?.state !== 'ok');
        },
        { timeout: 45_000, intervals: [1000] },
      )
      .toEqual([]);
    phase('every feed recovered');
    expect((await feeds()).get('sim-down')?.state).toBe('failing');
    // …and ingest works into the in-memory store: the simulator's incident arrives.
    await expect
      .poll(async () => (await json<ApiList>(`${faulty.url}/api/incidents`)).incidents.filter((i) => i.incident.provider === provider('html')).map((i) => i.updates.length), {
        timeout: 20_000,
        intervals: [1000],
      })
      .toEqual([1]);
  } finally {
    const failures = await watcher.stop();
    for (const s of [...servers, sims] as Proc[]) await s.stop();
    expect(failures, 'pages answered 200 throughout').toEqual([]);
  }
});

test('the main server reports its official feed failing and recovering, serving throughout', async () => {
  test.setTimeout(120_000);
  const base = origin();
  const list = await json<ApiList>(`${base}/api/incidents`);
  if (list.feeds.length === 0) {
    test.info().annotations.push({ type: 'skip', description: 'the server polls no status page (STATUSPAGE_URLS empty)' });
    test.skip(true, 'no status page configured');
  }
  const sim = mainSim;
  if (sim === null) throw new Error('no simulator to control');
  const feed = async () => (await json<ApiList>(`${base}/api/incidents`)).feeds[0];
  const watcher = watchPages([base]);
  try {
    // The simulator starts before the site (playwright.config.ts), so the feed is ok from the first poll.
    await expect.poll(async () => (await feed())?.state, { timeout: 30_000, intervals: [1000] }).toBe('ok');
    try {
      await sim.setMode(SIM_PORT, 'html');
      await expect.poll(async () => (await feed())?.lastError ?? '', { timeout: 20_000, intervals: [500] }).toMatch(/content-type: expected JSON, got text\/html/);
      expect((await feed())?.state).toBe('failing');
      expect(await timelineIds(base)).not.toHaveLength(0);
    } finally {
      await sim.setMode(SIM_PORT, 'ok');
    }
    await expect.poll(async () => (await feed())?.state, { timeout: 25_000, intervals: [500] }).toBe('ok');
  } finally {
    const failures = await watcher.stop();
    expect(failures, 'pages answered 200 throughout').toEqual([]);
  }
});
