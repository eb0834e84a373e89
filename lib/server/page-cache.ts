import crypto from 'node:crypto';
import http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { buildCsp } from '@/lib/security/csp';
import { inlineScriptHashes } from '@/lib/security/inline-script-hashes.mjs';
import { FLIGHT_PREFIX, flightPathPattern, readingFirst } from '@/lib/server/boot-scripts';

/**
 * An in-process cache of whole reader pages (and the feeds and content-hashed assets they
 * use), compressed once, in front of Next.js (docs/decisions/0060-page-cache.md).
 *
 * `next start` renders or reads every page per request, runs the proxy, then gzips the HTML
 * again for each reader: about 40 ms of CPU for a 240 KB article, so a shared link that goes
 * viral queues readers behind the compressor. Here a page Next has produced once is kept in
 * memory as identity, gzip and brotli bytes and answered in well under a millisecond.
 *
 * - Only GET/HEAD of a page path the policy names, with no query string and none of the
 *   headers that change what Next answers (the App Router's `rsc`/`next-router-*` requests,
 *   ranges, Server Action ids). Everything else goes to Next untouched.
 * - Filled by asking Next itself over loopback, as a reader would, and only with a 200 answer
 *   of a type the rule names (HTML unless it says otherwise: the feeds are RSS, Atom and JSON
 *   Feed; the content-hashed build assets are scripts, styles and fonts). A page not yet
 *   cached, or too stale, is answered by Next while the copy is made.
 * - The Content-Security-Policy of a cached page allows exactly the inline scripts in its
 *   HTML, by hash (lib/security/inline-script-hashes.mjs, as scripts/csp-hashes.mjs at build), so a page
 *   Next rendered with a per-request nonce can be served again without reusing that nonce.
 *   Anything else (a feed, a script or style file, a font) gets the locked-down policy for
 *   non-documents, as proxy.ts gives it.
 * - A page's flight data (Next's RSC payload, for React) is taken out of the copy and kept
 *   beside it at `/_flight/<hash>.json`, immutable; the page's loader fetches it after the first
 *   paint (lib/server/boot-scripts.ts, 0065). An unknown flight path is a 404 here, never Next's.
 * - Stale-while-revalidate per rule; `invalidate` drops entries at once (the incident pages
 *   when their timeline changes), and a copy started before an invalidation is discarded.
 */

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export interface CacheRule {
  /** Served as is for this long after it was copied. */
  readonly freshMs: number;
  /**
   * A page may ask to be kept longer, up to this: `data-fresh-ms="…"` in its HTML says how long
   * it reads true as the clock moves (an incident page's relative times). Never less than
   * `freshMs`. Left out, the page has no say.
   */
  readonly maxFreshMs?: number;
  /** Then served while a new copy is made, for this much longer; after that Next answers. */
  readonly staleMs: number;
  /** The Cache-Control readers and shared caches get. */
  readonly cacheControl: string;
  /**
   * The media types (no parameters, lower case) an answer may have to be kept; HTML only when
   * left out. An answer of any other type is left to Next.
   */
  readonly contentTypes?: readonly string[];
  /**
   * Whether to keep gzip and brotli copies (the default). Formats that are compressed already
   * (woff2) gain nothing from it: they are kept and sent as they are.
   */
  readonly compress?: boolean;
}

const htmlOnly: readonly string[] = ['text/html'];

/** `application/rss+xml; charset=utf-8` → `application/rss+xml`. */
export function mediaType(contentType: string | string[] | undefined): string {
  const value = Array.isArray(contentType) ? (contentType[0] ?? '') : (contentType ?? '');
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

export type CachePolicy = (pathname: string) => CacheRule | null;

export interface CapturedPage {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** Fetches a page from Next as a plain reader would (no cookies, identity encoding). */
export type PageCapture = (pathname: string, via: { address: string; port: number }) => Promise<CapturedPage>;

interface Entry {
  readonly headers: Readonly<Record<string, string>>;
  readonly identity: Buffer;
  readonly gzip: Buffer | null;
  readonly br: Buffer | null;
  readonly etag: string;
  readonly storedAt: number;
  /** `rule.freshMs`, or longer as the page asked (`maxFreshMs`). */
  readonly freshMs: number;
  readonly rule: CacheRule;
}

export interface PageCacheStats {
  hits: number;
  stale: number;
  misses: number;
  bypass: number;
  fills: number;
  fillFailures: number;
  invalidations: number;
  /** Flight data answered from memory, and asked for but not (or no longer) here. */
  flightHits: number;
  flightMisses: number;
  /** Flight data compressed and kept: once per content, however often its page is copied. */
  flightsStored: number;
}

/** Headers that make Next answer something other than the page's HTML. */
const bypassHeaders = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-action', 'next-url', 'range', 'x-middleware-subrequest', 'x-page-cache-fill'];

/** Captured headers never replayed: per response, per connection, or set here. */
const droppedHeaders = new Set([
  'set-cookie',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'etag',
  'age',
  'cache-control',
  'content-security-policy',
  'x-nextjs-cache',
  'x-page-cache',
]);

const maxPageBytes = 4 * 1024 * 1024;

/** `data-fresh-ms="…"` on an element of a page: how long its text reads true as the clock moves. */
const FRESH_MS = / data-fresh-ms="(\d{1,15})"/;

/**
 * How long to keep a copy of this page before making a new one: the rule's `freshMs`, or what the
 * page asks for (`data-fresh-ms`) within `[freshMs, maxFreshMs]` where the rule lets it.
 */
export function freshFor(html: string, rule: CacheRule): number {
  const asked = rule.maxFreshMs === undefined ? null : FRESH_MS.exec(html);
  if (asked === null || rule.maxFreshMs === undefined) return rule.freshMs;
  return Math.min(rule.maxFreshMs, Math.max(rule.freshMs, Number(asked[1])));
}

/** The best encoding this request accepts among br, gzip and none. */
export function negotiateEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  if (acceptEncoding === undefined) return 'identity';
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (name !== '') q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

function etagMatches(ifNoneMatch: string | undefined, etags: readonly string[]): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const given = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return given.some((t) => etags.includes(t));
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly filling = new Map<string, Promise<void>>();
  private readonly generation = new Map<string, number>();
  /**
   * Paths whose last copy was not cacheable (a 404, a redirect…) and until when not to try again:
   * without it, every request for a missing incident would cost Next a second render.
   */
  private readonly uncacheable = new Map<string, number>();
  /**
   * The flight data taken out of cached pages (`takeFlight`), by path. Content-addressed, so kept
   * beyond its page's copy (a reader may boot a page minutes after it was served), oldest use
   * dropped first past `maxFlightBytes`.
   */
  private readonly flights = new Map<string, Entry>();
  private flightBytes = 0;
  private epoch = 0;
  readonly stats: PageCacheStats = { hits: 0, stale: 0, misses: 0, bypass: 0, fills: 0, fillFailures: 0, invalidations: 0, flightHits: 0, flightMisses: 0, flightsStored: 0 };

  constructor(
    private readonly options: {
      readonly policy: CachePolicy;
      readonly capture: PageCapture;
      readonly now?: () => number;
      readonly maxEntries?: number;
      /** How long a request waits for the copy of its page before Next answers it instead. */
      readonly maxWaitMs?: number;
      /** Memory for flight data, all encodings counted (64 MB unless told). */
      readonly maxFlightBytes?: number;
      readonly onFillError?: (pathname: string, reason: string) => void;
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /**
   * Answers the request from the cache and returns true, or returns false for Next to answer.
   * A promise when the page is being copied: requests for it wait for that one copy (at most
   * `maxWaitMs`) instead of each making Next render the page — after an invalidation, under
   * load, that is the difference between one render and hundreds. It resolves to false if the
   * copy could not be kept, and the request then goes to Next.
   */
  serve(req: http.IncomingMessage, res: http.ServerResponse): boolean | Promise<boolean> {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    const url = req.url ?? '/';
    if (url.startsWith(FLIGHT_PREFIX)) return this.serveFlight(req, res, url);
    if (url.includes('?') || url.includes('#')) return false;
    const rule = this.options.policy(url);
    if (rule === null) return false;
    if (bypassHeaders.some((h) => req.headers[h] !== undefined)) {
      this.stats.bypass += 1;
      return false;
    }

    const entry = this.entries.get(url);
    const age = entry === undefined ? Infinity : this.now() - entry.storedAt;
    const via = { address: req.socket.localAddress ?? '127.0.0.1', port: req.socket.localPort ?? 0 };
    if (entry === undefined || age > entry.freshMs + entry.rule.staleMs) {
      this.stats.misses += 1;
      const retryAt = this.uncacheable.get(url);
      if (via.port === 0 || (retryAt !== undefined && this.now() < retryAt)) return false;
      const copied = this.fill(url, rule, via);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const gaveUp = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.options.maxWaitMs ?? 5000);
        timer.unref?.();
      });
      return Promise.race([copied, gaveUp]).then(() => {
        clearTimeout(timer);
        const fresh = this.entries.get(url);
        if (fresh === undefined || this.now() - fresh.storedAt > fresh.freshMs) return false;
        if (!res.destroyed && !res.headersSent) this.respond(req, res, fresh, 'MISS');
        return true;
      });
    }
    if (age > entry.freshMs) {
      this.stats.stale += 1;
      if (via.port !== 0) this.fill(url, rule, via);
    } else {
      this.stats.hits += 1;
    }
    this.respond(req, res, entry, age > entry.freshMs ? 'STALE' : 'HIT');
    return true;
  }

  /** Drops every entry whose path matches, and any copy of it being made. */
  invalidate(matches: (pathname: string) => boolean): void {
    this.stats.invalidations += 1;
    this.epoch += 1;
    for (const key of [...this.entries.keys()]) if (matches(key)) this.entries.delete(key);
    for (const key of [...this.uncacheable.keys()]) if (matches(key)) this.uncacheable.delete(key);
    for (const key of this.filling.keys()) if (matches(key)) this.generation.set(key, this.epoch);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Makes a copy of the page (once at a time per path); resolves when done or failed. */
  fill(pathname: string, rule: CacheRule, via: { address: string; port: number }): Promise<void> {
    const running = this.filling.get(pathname);
    if (running !== undefined) return running;
    const startedAt = this.generation.get(pathname) ?? 0;
    const job = this.copy(pathname, rule, via)
      .then((copied) => {
        if (copied === null) {
          this.uncacheable.delete(pathname);
          this.uncacheable.set(pathname, this.now() + Math.max(rule.freshMs, 10_000));
          while (this.uncacheable.size > (this.options.maxEntries ?? 500) * 4) {
            const oldest = this.uncacheable.keys().next().value;
            if (oldest === undefined) break;
            this.uncacheable.delete(oldest);
          }
          return;
        }
        const { entry, flight } = copied;
        this.uncacheable.delete(pathname);
        // Invalidated while the copy was made: it may predate the change.
        if ((this.generation.get(pathname) ?? 0) !== startedAt) return;
        // The page's flight data first: no reader gets the page before what it will ask for.
        if (flight !== null) this.keepFlight(flight.path, flight.entry);
        this.entries.delete(pathname);
        this.entries.set(pathname, entry);
        const max = this.options.maxEntries ?? 500;
        while (this.entries.size > max) {
          const oldest = this.entries.keys().next().value;
          if (oldest === undefined) break;
          this.entries.delete(oldest);
        }
        this.stats.fills += 1;
      })
      .catch((error: unknown) => {
        this.stats.fillFailures += 1;
        this.options.onFillError?.(pathname, error instanceof Error ? error.message : String(error));
      })
      .finally(() => {
        this.filling.delete(pathname);
      });
    this.filling.set(pathname, job);
    return job;
  }

  private async copy(pathname: string, rule: CacheRule, via: { address: string; port: number }): Promise<{ entry: Entry; flight: { path: string; entry: Entry | null } | null } | null> {
    const page = await this.options.capture(pathname, via);
    const type = mediaType(page.headers['content-type']);
    // Only a page as every reader gets it: a 404, a redirect, an error or an answer of a type
    // the rule does not name is left to Next.
    if (page.status !== 200 || !(rule.contentTypes ?? htmlOnly).includes(type)) return null;
    // A page that sets a cookie is not the same for every reader.
    if (page.headers['set-cookie'] !== undefined) return null;
    if (page.body.length > maxPageBytes) return null;
    // A page's boot scripts are requested once it has painted (its text and fonts come first), and
    // on a page with nothing live only when the reader first acts; its flight data is served beside it (0065).
    const html = type === 'text/html' ? page.body.toString('utf8') : null;
    const read = html === null ? null : readingFirst(html);
    const rewritten = read?.html ?? null;
    const body = rewritten === null ? page.body : Buffer.from(rewritten, 'utf8');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(page.headers)) {
      if (value === undefined || droppedHeaders.has(name)) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    // A feed or an asset is a document for no one: nothing may run in it (default-src 'none', as
    // proxy.ts and Next set for every non-page path), whatever a browser makes of its markup.
    headers['content-security-policy'] = html !== null ? buildCsp({ scriptHashes: inlineScriptHashes(rewritten ?? html) }) : buildCsp({ document: false });
    headers['cache-control'] = rule.cacheControl;
    const etag = crypto.createHash('sha256').update(body).digest('base64url').slice(0, 22);
    const freshMs = html === null ? rule.freshMs : freshFor(html, rule);
    if (rule.compress === false) return { entry: { headers, identity: body, gzip: null, br: null, etag, storedAt: this.now(), freshMs, rule }, flight: null };
    const vary = (headers.vary ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
    if (!vary.some((v) => v.toLowerCase() === 'accept-encoding')) vary.push('Accept-Encoding');
    headers.vary = vary.join(', ');
    const taken = read?.flight ?? null;
    // Content-addressed: flight data already kept (the same page copied again) is not compressed again.
    const known = taken !== null && this.flights.has(taken.path);
    const [[gz, br], flight] = await Promise.all([compressed(body), taken === null || known ? null : flightEntry(taken.json, this.now())]);
    return {
      entry: { headers, identity: body, gzip: gz, br, etag, storedAt: this.now(), freshMs, rule },
      flight: taken === null ? null : { path: taken.path, entry: flight },
    };
  }

  /** The flight data at `url` from memory, else a 404: nothing else is ever there. */
  private serveFlight(req: http.IncomingMessage, res: http.ServerResponse, url: string): true {
    const entry = flightPathPattern.test(url) ? this.flights.get(url) : undefined;
    if (entry === undefined) {
      this.stats.flightMisses += 1;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': buildCsp({ document: false }) });
      res.end(req.method === 'HEAD' ? undefined : 'No such flight data here: ask for the page with ?flight.\n');
      return true;
    }
    this.stats.flightHits += 1;
    // Most recently used last, so the oldest use goes first.
    this.flights.delete(url);
    this.flights.set(url, entry);
    this.respond(req, res, entry, 'HIT');
    return true;
  }

  /** Keeps (or, with `null`, only marks as just used) the flight data at `path`. */
  private keepFlight(path: string, given: Entry | null): void {
    const size = (e: Entry) => e.identity.length + (e.gzip?.length ?? 0) + (e.br?.length ?? 0);
    const old = this.flights.get(path);
    const entry = given ?? old;
    // Dropped since the copy found it (`given` is null only then): this page's readers take the
    // data from `?flight` instead (the loader's fallback).
    if (entry === undefined) return;
    if (old !== undefined) {
      this.flightBytes -= size(old);
      this.flights.delete(path);
    }
    this.flights.set(path, entry);
    this.flightBytes += size(entry);
    if (given !== null) this.stats.flightsStored += 1;
    const max = this.options.maxFlightBytes ?? 64 * 1024 * 1024;
    while (this.flightBytes > max && this.flights.size > 1) {
      const [oldest, e] = this.flights.entries().next().value ?? [];
      if (oldest === undefined || e === undefined) break;
      this.flights.delete(oldest);
      this.flightBytes -= size(e);
    }
  }

  private respond(req: http.IncomingMessage, res: http.ServerResponse, entry: Entry, state: 'HIT' | 'STALE' | 'MISS'): void {
    const asked = negotiateEncoding(typeof req.headers['accept-encoding'] === 'string' ? req.headers['accept-encoding'] : undefined);
    const encoding = entry.br === null || entry.gzip === null ? 'identity' : asked;
    const body = (encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : null) ?? entry.identity;
    const etag = `"${entry.etag}${encoding === 'identity' ? '' : `-${encoding}`}"`;
    const headers: Record<string, string> = { ...entry.headers, etag, 'x-page-cache': state };
    const ifNoneMatch = req.headers['if-none-match'];
    if (etagMatches(typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined, [`"${entry.etag}"`, `"${entry.etag}-br"`, `"${entry.etag}-gzip"`])) {
      const { 'content-type': _type, ...rest } = headers;
      res.writeHead(304, rest);
      res.end();
      return;
    }
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else res.end(body);
  }
}

async function compressed(body: Buffer): Promise<[Buffer, Buffer]> {
  return Promise.all([
    gzip(body, { level: 9 }),
    brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  ]);
}

/**
 * A page's flight data as the cache serves it: JSON, content-addressed so kept by browsers for
 * good, and no document (nothing may run in it).
 */
const flightRule: CacheRule = { freshMs: Infinity, staleMs: 0, cacheControl: 'public, max-age=31536000, immutable', contentTypes: ['application/json'] };

async function flightEntry(json: string, now: number): Promise<Entry> {
  const identity = Buffer.from(json, 'utf8');
  const [gz, br] = await compressed(identity);
  return {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'content-security-policy': buildCsp({ document: false }),
      'cache-control': flightRule.cacheControl,
      vary: 'Accept-Encoding',
    },
    identity,
    gzip: gz,
    br,
    etag: crypto.createHash('sha256').update(identity).digest('base64url').slice(0, 22),
    storedAt: now,
    freshMs: Infinity,
    rule: flightRule,
  };
}

/**
 * Asks the server itself for the page over loopback, as a reader with no cookies would. The
 * feeds are route handlers that do not read Accept, so `text/html` gets them as it gets pages.
 */
export const captureOverHttp: PageCapture = (pathname, via) =>
  new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: via.address,
        port: via.port,
        path: pathname,
        method: 'GET',
        headers: { accept: 'text/html', 'accept-encoding': 'identity', 'sec-fetch-dest': 'document', 'x-page-cache-fill': '1', 'user-agent': 'outage-watch-page-cache' },
        timeout: 15_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxPageBytes) {
            request.destroy(new Error('page too large to cache'));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
    request.end();
  });
