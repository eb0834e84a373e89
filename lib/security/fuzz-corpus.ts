/**
 * Deterministic hostile-request corpus for the fuzz test (e2e/hardening.spec.ts). Pure data:
 * no I/O, no Next.js, so the browser tests and scripts can import it. The same seed always
 * yields the same requests, so a failure is reproducible with FUZZ_SEED.
 * See docs/decisions/0041-hostile-input.md.
 */

/** mulberry32: tiny, fast, and good enough to pick test cases. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzRequest {
  /** Category, for the report. */
  readonly kind: string;
  readonly method: string;
  /**
   * Sent as is on the request line (no normalisation). Non-ASCII appears as latin1 characters
   * standing for raw bytes (see latin1Bytes), since Node writes the head as latin1.
   */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array | string;
  /** The response may be an event stream: read the head only, then abort. */
  readonly stream?: boolean;
}

export interface FuzzTargets {
  readonly locales: readonly string[];
  /** Well-formed page paths (prerendered and on-demand). */
  readonly pages: readonly string[];
  /**
   * Pages that cost a lot to render (tens of ms each): fuzzed in their paths, encodings and
   * methods, but left out of the header categories, which would mostly just render them again.
   */
  readonly heavyPages?: readonly string[];
  /** Well-formed non-page GET paths: feeds, cards, robots.txt, a real /_next/static asset. */
  readonly files: readonly string[];
  /** JSON GET endpoints under /api. */
  readonly apis: readonly string[];
  /** Event-stream endpoints. */
  readonly streams: readonly string[];
  /** Endpoints that accept a body (POST/PUT/PATCH handlers), e.g. the desk API when present. */
  readonly writable: readonly string[];
}

/** A string whose UTF-16 units are the UTF-8 bytes of `s` (0–255), for Node's latin1 head encoding. */
export function latin1Bytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

const badPercent = ['%', '%%', '%2', '%E0%A4%A', '%00', '%C0%AE', '%C0%AF', '%E0%80%AF', '%F0%80%80%AF', '%ff', '%FE%FF', '%ED%A0%80', '%u0041', '%G1', '%0a', '%0d%0a', '%25', '%2500'];
const traversal = ['..%2f', '%2e%2e/', '%2e%2e%2f', '..\\', '..%5c', '%5c..%5c', '/./', '//', '..;/', '.%2e/', '%252e%252e%252f', '....//', '/..', '/../../../../etc/passwd', '\\..\\..\\windows\\win.ini'];
const badLocales = ['', 'AR', 'Ar', 'ar-XX', 'ar_SA', 'en-US', 'xx', 'a', 'zzzz', 'ar..', '..', '.', '-', 'ar%20', 'ar%09', 'ar%00', '%D8%B9%D8%B1', 'عربي', 'en\u200f', 'ٱ', 'ar;', 'ar,en', '*', 'api', '_next', 'desk', 'incidents', 'null', 'undefined', '__proto__', 'constructor'];
const acceptLanguages = [
  '*',
  'ar-XX;q=abc',
  'en;q=NaN,ar;q=-1',
  'ar;q=1e999',
  ',,,;;;',
  ';q=1',
  'عربي',
  'ar-\u0645\u0635\u0631',
  '\u00ffar',
  'en-US,en;q=0.9,ar;q=0.8',
  'x'.repeat(300),
  'ar-' + 'a'.repeat(2000),
];
const lastEventIds = ['-1', '0', '1', '-0', '1.5', '1e3', '0x10', ' 5 ', '99999999999999999999', '999999999999999', '9007199254740993', 'abc', 'NaN', 'Infinity', '١٢', '１２', '5\u00ff', '%35', 'null', '[]', '{}', ''];
const methods = ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'POST', 'HEAD', 'PROPFIND', 'MKCOL', 'LOCK', 'PURGE', 'SEARCH', 'REPORT'];
const contentTypes = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=latin1', '', 'application/json;;;', 'text/html'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  const v = list[Math.floor(rand() * list.length)];
  if (v === undefined) throw new Error('pick from an empty list');
  return v;
}

function int(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

function junk(rand: () => number, length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!$&\'()*+,;=:@%';
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

/** Inserts `piece` at a random position after the leading slash. */
function insertAt(rand: () => number, path: string, piece: string): string {
  const at = int(rand, 1, path.length);
  return path.slice(0, at) + piece + path.slice(at);
}

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

const hostileBodies: readonly ((rand: () => number) => { body: Uint8Array | string; type: string })[] = [
  () => ({ body: '{"a":', type: 'application/json' }),
  () => ({ body: '', type: 'application/json' }),
  () => ({ body: 'null', type: 'application/json' }),
  () => ({ body: '[]', type: 'application/json' }),
  () => ({ body: '"string"', type: 'application/json' }),
  () => ({ body: '1e999999', type: 'application/json' }),
  () => ({ body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}', type: 'application/json' }),
  () => ({ body: nested(100_000), type: 'application/json' }),
  () => ({ body: '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000), type: 'application/json' }),
  () => ({ body: JSON.stringify({ text: 'x'.repeat(1024 * 1024) }), type: 'application/json' }),
  () => ({ body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x22, 0x7d]), type: 'application/json' }),
  () => ({ body: new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), type: 'application/json' }),
  (rand) => ({ body: junk(rand, 4096), type: pick(rand, contentTypes) }),
  () => ({ body: '{"incidentId":"cloudflare-2025-11-18","text":{"en":"<script>alert(1)</script>"},"status":"resolved"}', type: 'text/plain' }),
  () => ({ body: 'a=1&b=%&c=%E0%A4%A', type: 'application/x-www-form-urlencoded' }),
  () => ({ body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n', type: 'multipart/form-data; boundary=x' }),
];

type Generator = (rand: () => number, t: FuzzTargets) => FuzzRequest;

const generators: readonly { weight: number; make: Generator }[] = [
  {
    weight: 10,
    make: (rand, t) => {
      const locale = pick(rand, badLocales);
      const rest = pick(rand, ['', '/articles/cloudflare-outage-november-2025', '/incidents', '/glossary', '/feed.xml', '/topics/causes']);
      return { kind: 'locale', method: 'GET', path: `/${latin1Bytes(locale)}${rest}`, headers: {} };
    },
  },
  {
    weight: 4,
    make: (rand) => ({ kind: 'locale-long', method: 'GET', path: `/${'a'.repeat(int(rand, 3, 1500))}/articles/x`, headers: {} }),
  },
  {
    weight: 10,
    make: (rand, t) => {
      const locale = pick(rand, t.locales);
      const section = pick(rand, ['articles', 'topics', 'incidents', 'articles']);
      const slug = pick(rand, [
        () => 'a'.repeat(int(rand, 50, 1100)),
        () => junk(rand, int(rand, 1, 80)),
        () => latin1Bytes('انقطاع-كلاودفلير'),
        () => encodeURIComponent('انقطاع-كلاودفلير'),
        () => 'Cloudflare-Outage-November-2025',
        () => 'cloudflare-outage-november-2025.',
        () => 'cloudflare-2025-11-18' + '-x'.repeat(int(rand, 1, 60)),
        () => '-',
        () => '__proto__',
        () => 'constructor',
        () => '%2e',
        () => '.env',
      ])();
      const suffix = section === 'articles' ? pick(rand, ['', '/card.png', '/', '/card.png/x']) : section === 'incidents' ? pick(rand, ['', '/feed.xml', '/']) : '';
      return { kind: 'slug', method: 'GET', path: `/${locale}/${section}/${slug}${suffix}`, headers: {} };
    },
  },
  {
    weight: 14,
    make: (rand, t) => {
      const base = pick(rand, [...t.pages, ...(t.heavyPages ?? []), ...t.files, ...t.apis, ...t.streams]);
      return { kind: 'percent', method: 'GET', path: insertAt(rand, base, pick(rand, badPercent)), headers: {}, stream: true };
    },
  },
  {
    weight: 10,
    make: (rand, t) => {
      const base = pick(rand, [...t.pages, ...(t.heavyPages ?? []), ...t.files, ...t.apis]);
      const piece = pick(rand, traversal);
      const path = rand() < 0.5 ? insertAt(rand, base, piece) : `${base.replace(/\/[^/]*$/, '')}/${piece}${pick(rand, ['package.json', '.env', 'etc/passwd', 'server/app/ar.html', '.data/outage-watch.sqlite', 'next.config.ts'])}`;
      return { kind: 'traversal', method: 'GET', path, headers: {}, stream: true };
    },
  },
  {
    weight: 6,
    make: (rand, t) => {
      const base = pick(rand, [...t.pages, ...t.files, ...t.apis]);
      const size = pick(rand, [1024, 8 * 1024, 16 * 1024, 16 * 1024, 32 * 1024]);
      const q = `q=${junk(rand, 16)}&` + 'x'.repeat(size);
      return { kind: 'big-query', method: 'GET', path: `${base}?${q}`, headers: {} };
    },
  },
  {
    weight: 5,
    make: (rand, t) => {
      const base = pick(rand, [...t.pages, ...t.apis]);
      const size = pick(rand, [8 * 1024, 12 * 1024, 16 * 1024, 24 * 1024, 32 * 1024]);
      const name = pick(rand, ['x-padding', 'cookie', 'accept-language', 'referer', 'user-agent']);
      const value = name === 'cookie' ? `NEXT_LOCALE=${'a'.repeat(size)}` : name === 'referer' ? `http://127.0.0.1/${'a'.repeat(size)}` : 'a'.repeat(size);
      return { kind: 'big-header', method: 'GET', path: base, headers: { [name]: value } };
    },
  },
  {
    weight: 2,
    make: (rand, t) => {
      const headers: Record<string, string> = {};
      const n = int(rand, 50, 400);
      for (let i = 0; i < n; i++) headers[`x-h${i}`] = junk(rand, 20).replace(/%/g, '');
      return { kind: 'many-headers', method: 'GET', path: pick(rand, t.pages), headers };
    },
  },
  {
    weight: 8,
    make: (rand, t) => {
      const al = rand() < 0.15 ? Array.from({ length: 700 }, (_, i) => `x${i}-${junk(rand, 2).replace(/[^a-z]/gi, 'a')};q=0.${i % 10}`).join(',') : pick(rand, acceptLanguages);
      const path = pick(rand, ['/', '/', '/articles/cloudflare-outage-november-2025', '/incidents', ...t.pages]);
      const cookie = rand() < 0.3 ? { cookie: `NEXT_LOCALE=${pick(rand, ['xx', '../../etc', 'ar;', latin1Bytes('عربي'), '', 'en%00'])}` } : {};
      return { kind: 'accept-language', method: 'GET', path, headers: { 'accept-language': latin1Bytes(al), ...cookie } };
    },
  },
  {
    weight: 8,
    make: (rand, t) => {
      const stream = pick(rand, t.streams);
      const id = rand() < 0.1 ? '9'.repeat(10 * 1024) : rand() < 0.1 ? junk(rand, int(rand, 100, 10 * 1024)) : pick(rand, lastEventIds);
      return rand() < 0.5
        ? { kind: 'last-event-id', method: 'GET', path: stream, headers: { accept: 'text/event-stream', 'last-event-id': latin1Bytes(id) }, stream: true }
        : { kind: 'last-event-id', method: 'GET', path: `${stream}?lastEventId=${encodeURIComponent(id)}`, headers: { accept: 'text/event-stream' }, stream: true };
    },
  },
  {
    weight: 10,
    make: (rand, t) => {
      const method = pick(rand, methods);
      const path = pick(rand, [...t.pages, ...(t.heavyPages ?? []), ...t.files, ...t.apis, ...t.streams, ...t.writable]);
      const withBody = method !== 'HEAD' && method !== 'TRACE' && rand() < 0.5;
      return { kind: 'method', method, path, headers: withBody ? { 'content-type': 'application/json' } : {}, body: withBody ? '{"a":1}' : undefined, stream: true };
    },
  },
  {
    weight: 10,
    make: (rand, t) => {
      const path = pick(rand, [...t.apis, ...t.streams, ...t.writable, ...t.writable, pick(rand, t.pages)]);
      const method = pick(rand, ['POST', 'POST', 'PUT', 'PATCH', 'DELETE']);
      const { body, type } = pick(rand, hostileBodies)(rand);
      const headers: Record<string, string> = type === '' ? {} : { 'content-type': type };
      if (rand() < 0.3) headers.authorization = pick(rand, ['Bearer ', 'Bearer x', `Bearer ${'a'.repeat(4096)}`, 'Basic Og==', 'Bearer null', 'bearer ../../', latin1Bytes('Bearer عربي')]);
      if (rand() < 0.2) headers.origin = pick(rand, ['http://evil.example', 'null', 'http://127.0.0.1']);
      if (rand() < 0.2) headers['x-csrf-token'] = pick(rand, ['', 'x', '%00', 'a'.repeat(2048)]);
      return { kind: 'body', method, path, headers, body, stream: true };
    },
  },
  {
    weight: 4,
    make: (rand, t) => {
      const path = pick(rand, [...t.files, ...t.apis]);
      const headers = pick(rand, [
        { range: 'bytes=999999999-' },
        { range: 'bytes=-0' },
        { range: 'bytes=' + Array.from({ length: 200 }, (_, i) => `${i}-${i}`).join(',') },
        { range: 'items=0-1' },
        { 'if-none-match': '*' },
        { 'if-none-match': 'W/"x", ' + '"a",'.repeat(2000) },
        { 'if-modified-since': 'not a date' },
        { 'if-modified-since': 'Tue, 31 Dec 9999 23:59:59 GMT' },
        { 'accept-encoding': 'gzip;q=abc, br;q=-1, *;q=NaN' },
        { 'accept-encoding': 'x'.repeat(4000) },
      ]);
      return { kind: 'conditional', method: 'GET', path, headers };
    },
  },
  {
    weight: 3,
    make: (rand, t) => {
      const path = pick(rand, [...t.pages, ...t.apis]);
      const headers = pick(rand, [
        { host: 'evil.example' },
        { host: '' },
        { host: 'a'.repeat(2000) },
        { host: '127.0.0.1:99999' },
        { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'javascript' },
        { 'x-forwarded-for': 'x'.repeat(4000) },
        { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
        { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
        { 'x-nextjs-data': '1' },
        { rsc: '1', 'next-router-state-tree': '%%%' },
        { rsc: '1', 'next-router-state-tree': '[' + '['.repeat(5000) },
        { 'next-action': 'x'.repeat(42) },
        { 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/../../' },
        { 'content-length': '-1' },
      ]);
      return { kind: 'odd-header', method: 'GET', path, headers };
    },
  },
  {
    weight: 3,
    make: (rand, t) => {
      const path = pick(rand, ['/_next/image', '/_next/data/x/ar.json', '/_next/', '/_next/static/', '/_next/static/chunks/', '/api', '/api/', '/.well-known/x', '/favicon.ico']);
      const q = pick(rand, ['', '?url=%', '?url=/icon.png&w=-1&q=abc', '?url=http://evil.example/x.png&w=64&q=75', '?url=//evil.example&w=64&q=75', `?url=${'a'.repeat(3000)}`]);
      return { kind: 'internal', method: 'GET', path: path + q, headers: {} };
    },
  },
];

const totalWeight = generators.reduce((sum, g) => sum + g.weight, 0);

/**
 * `count` hostile requests, deterministic for a given seed and target list. Every category is
 * represented at least once near the start, so a small count still covers all of them.
 */
export function generateCorpus(seed: number, count: number, targets: FuzzTargets): FuzzRequest[] {
  const rand = mulberry32(seed);
  const out: FuzzRequest[] = [];
  for (const g of generators) if (out.length < count) out.push(g.make(rand, targets));
  while (out.length < count) {
    let r = rand() * totalWeight;
    let chosen = generators[0];
    for (const g of generators) {
      r -= g.weight;
      if (r < 0) {
        chosen = g;
        break;
      }
    }
    if (chosen === undefined) break;
    out.push(chosen.make(rand, targets));
  }
  return out;
}

/** Things that must never appear in a response to a stranger. */
export function leakPatterns(extra: readonly string[] = []): { name: string; test: (body: string) => boolean }[] {
  const literal = (s: string) => (body: string) => body.includes(s);
  return [
    { name: 'stack frame', test: (b) => /\bat (?:async )?[\w$.<>[\] ]*\(?(?:\/|file:\/\/|node:|webpack|\.next)[^\s()]*:\d+:\d+\)?/.test(b) },
    { name: 'Error with stack', test: (b) => /\b\w*Error: [^\n]*\n\s+at /.test(b) },
    { name: '/work/', test: literal('/work/') },
    { name: 'node_modules', test: literal('node_modules') },
    { name: '.next/', test: (b) => /(?<![_\w])\.next(?:-[\w-]+)?\//.test(b) },
    { name: '/tmp/', test: (b) => /(?<![\w.])\/tmp\//.test(b) },
    { name: '/root/', test: (b) => /(?<![\w.])\/root\//.test(b) },
    ...extra.filter((s) => s.length >= 6).map((s) => ({ name: `env value ${s.slice(0, 24)}`, test: literal(s) })),
  ];
}
