import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '@/lib/incidents/hub';
import { feedRule, fontFileRule, incidentFeedRule, incidentRule, invalidatedBy, pageCachePolicy, staticAssetRule } from '@/lib/server/install-page-cache';
import { buildCsp } from '@/lib/security/csp';
import { inlineScriptHashes } from '@/lib/security/inline-script-hashes.mjs';
import { mediaType, negotiateEncoding, PageCache, type CapturedPage, type CacheRule } from '@/lib/server/page-cache';

const rule: CacheRule = { freshMs: 1000, staleMs: 1000, cacheControl: 'public, max-age=60' };
const script = 'self.__next_f.push([1,"x"])';
const page = (body: string, over: Partial<CapturedPage> = {}): CapturedPage => ({
  status: 200,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    vary: 'rsc, next-router-state-tree',
    'x-frame-options': 'DENY',
    'content-security-policy': "script-src 'nonce-abc'",
    'cache-control': 'private, no-cache, no-store',
    link: '</en/x>; rel="alternate"; hreflang="en"',
  },
  body: Buffer.from(body),
  ...over,
});

let now = 0;
let captures: string[] = [];
let next: () => Promise<CapturedPage> = async () => page('<p>page</p>');
let cache: PageCache;
let server: http.Server;
let origin = '';

beforeAll(async () => {
  const next = (res: http.ServerResponse) => {
    res.writeHead(299, { 'content-type': 'text/plain' });
    res.end('from next');
  };
  // As lib/server/install-page-cache.ts does: a promise means "wait for the copy, else Next".
  server = http.createServer((req, res) => {
    const served = cache.serve(req, res);
    if (served === true) return;
    if (served === false) next(res);
    else void served.then((done) => (done ? undefined : next(res)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  now = 0;
  captures = [];
  next = async () => page(`<html><script>${script}</script><script src="/a.js"></script><p>page</p></html>`);
  cache = new PageCache({
    policy: (p) => (p.startsWith('/ar/') ? rule : null),
    capture: async (p) => {
      captures.push(p);
      return next();
    },
    now: () => now,
  });
});

interface Got {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The first request for a page: it waits for the one copy and is answered from it (MISS), or by Next if it cannot be kept. */
async function warm(path: string): Promise<Got> {
  return get(path);
}

describe('PageCache', () => {
  it('answers the first request from the copy it waited for, then from memory in the encoding asked for', async () => {
    const first = await warm('/ar/x');
    expect(first.status).toBe(200);
    expect(first.headers['x-page-cache']).toBe('MISS');
    expect(captures).toEqual(['/ar/x']);
    const br = await get('/ar/x', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['x-page-cache']).toBe('HIT');
    expect(zlib.brotliDecompressSync(br.body).toString()).toContain('<p>page</p>');
    const gz = await get('/ar/x', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toContain('<p>page</p>');
    const plain = await get('/ar/x', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('<p>page</p>');
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);
  });

  it('replays the page headers, but with its own CSP by hash, Cache-Control, Vary and no cookie', async () => {
    await warm('/ar/x');
    const res = await get('/ar/x', { 'accept-encoding': 'gzip' });
    const hash = `sha256-${crypto.createHash('sha256').update(script).digest('base64')}`;
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain(`'${hash}'`);
    expect(csp).not.toContain('nonce');
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers.vary).toBe('rsc, next-router-state-tree, Accept-Encoding');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers.link).toContain('hreflang="en"');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('keeps a page with its boot scripts requested after the first paint, the loader allowed by hash (0065)', async () => {
    const boot = '<script src="/_next/static/chunks/main.js" async=""></script>';
    next = async () => page(`<html><head>${boot}</head><body><p>page</p><script>${script}</script></body></html>`);
    await warm('/ar/boot');
    const res = await get('/ar/boot', { 'accept-encoding': 'identity' });
    const html = res.body.toString('utf8');
    expect(html).not.toContain(boot);
    const loader = /<script>(\(function\(s,m,w,p,f\).*?)<\/script><\/body>/s.exec(html)?.[1] ?? '';
    expect(loader).toContain('"/_next/static/chunks/main.js"');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain(`'sha256-${crypto.createHash('sha256').update(loader).digest('base64')}'`);
    // The flight data has left the page (nothing of it to allow), for the path the loader names.
    expect(html).not.toContain('__next_f.push');
    expect(csp).not.toContain(`'sha256-${crypto.createHash('sha256').update(script).digest('base64')}'`);
    const flight = /,"(\/_flight\/[A-Za-z0-9_-]{22}\.json)"\)$/.exec(loader)?.[1] ?? 'none';
    const data = await get(flight, { 'accept-encoding': 'br' });
    expect(data.status).toBe(200);
    expect(data.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(data.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(data.headers['content-security-policy']).toBe(buildCsp({ document: false }));
    expect(data.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(zlib.brotliDecompressSync(data.body).toString('utf8'))).toEqual([[1, 'x']]);
    expect((await get(flight, { 'if-none-match': String(data.headers.etag) })).status).toBe(304);
    // It outlives its page's copy: a reader may boot minutes after the page was served.
    cache.invalidate(() => true);
    expect((await get(flight)).status).toBe(200);
    // The same page copied again: the same data, kept once and not compressed again.
    expect(cache.stats.flightsStored).toBe(1);
    await warm('/ar/boot');
    expect(cache.stats.fills).toBe(2);
    expect(cache.stats.flightsStored).toBe(1);
    expect((await get('/ar/boot', { 'accept-encoding': 'identity' })).body.toString('utf8')).toContain(`"${flight}")</script>`);
    // Other data: kept beside it.
    cache.invalidate(() => true);
    next = async () => page(`<html><head>${boot}</head><body><p>page</p><script>self.__next_f.push([1,"y"])</script></body></html>`);
    await warm('/ar/boot');
    expect(cache.stats.flightsStored).toBe(2);
    expect((await get(flight)).status).toBe(200);
  });

  it('answers an unknown or malformed flight path with a 404 itself, never Next', async () => {
    for (const path of ['/_flight/AAAAAAAAAAAAAAAAAAAAAA.json', '/_flight/x.json', '/_flight/', '/_flight/AAAAAAAAAAAAAAAAAAAAAA.json?x=1']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers['cache-control'], path).toBe('no-store');
      expect(res.headers['content-type'], path).toMatch(/^text\/plain/);
    }
    expect(captures).toEqual([]);
    expect(cache.stats.flightMisses).toBe(4);
  });

  it('keeps flight data within its memory bound, dropping the least recently used first', async () => {
    cache = new PageCache({ policy: () => rule, capture: async (p) => (captures.push(p), next()), now: () => now, maxFlightBytes: 1000 });
    const boot = '<script src="/_next/static/chunks/main.js" async=""></script>';
    const flightOf = async (path: string) => {
      const html = (await get(path, { 'accept-encoding': 'identity' })).body.toString('utf8');
      return /,"(\/_flight\/[A-Za-z0-9_-]{22}\.json)"\)<\/script>/.exec(html)?.[1] ?? 'none';
    };
    const paths: string[] = [];
    for (const n of [1, 2, 3]) {
      // ~400 bytes of JSON each, ~450 with its gzip and brotli copies: two fit.
      next = async () => page(`<html><head>${boot}</head><body><script>self.__next_f.push([1,"${String(n).repeat(400)}"])</script></body></html>`);
      await warm(`/ar/p${n}`);
      paths.push(await flightOf(`/ar/p${n}`));
      // The first one is used again before the third comes: the second is then the oldest use.
      if (n === 2) expect((await get(paths[0] ?? '')).status).toBe(200);
    }
    expect(new Set(paths).size).toBe(3);
    expect((await get(paths[0] ?? '')).status).toBe(200);
    expect((await get(paths[1] ?? '')).status).toBe(404);
    expect((await get(paths[2] ?? '')).status).toBe(200);
  });

  it('answers a matching If-None-Match with 304 and HEAD without a body', async () => {
    await warm('/ar/x');
    const first = await get('/ar/x', { 'accept-encoding': 'gzip' });
    const again = await get('/ar/x', { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    const head = await get('/ar/x', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(first.headers['content-length']);
  });

  it('leaves to Next what it must answer itself: other paths, queries, router and range requests, POST', async () => {
    await warm('/ar/x');
    for (const [path, headers, method] of [
      ['/en/x', {}, 'GET'],
      ['/ar/x?order=oldest', {}, 'GET'],
      ['/ar/x', { rsc: '1' }, 'GET'],
      ['/ar/x', { 'next-router-prefetch': '1' }, 'GET'],
      ['/ar/x', { range: 'bytes=0-10' }, 'GET'],
      ['/ar/x', { 'x-page-cache-fill': '1' }, 'GET'],
      ['/ar/x', {}, 'POST'],
    ] as const) {
      expect((await get(path, headers, method)).status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(299);
    }
  });

  it('never keeps an error, a redirect, a non-HTML answer or one that sets a cookie', async () => {
    let n = 0;
    for (const captured of [
      page('gone', { status: 404 }),
      page('', { status: 307 }),
      page('{}', { headers: { 'content-type': 'application/json' } }),
      page('<p>x</p>', { headers: { 'content-type': 'text/html', 'set-cookie': ['a=b'] } }),
    ]) {
      next = async () => captured;
      const path = `/ar/x${(n += 1)}`;
      expect((await warm(path)).status, path).toBe(299);
      expect((await get(path)).status, path).toBe(299);
    }
    next = async () => {
      throw new Error('connection refused');
    };
    expect((await warm('/ar/broken')).status).toBe(299);
    expect(cache.stats.fillFailures).toBe(1);
    expect(cache.size).toBe(0);
  });

  it('does not ask Next again for a page it could not keep until a while has passed, or an invalidation', async () => {
    next = async () => page('gone', { status: 404 });
    expect((await get('/ar/missing')).status).toBe(299);
    expect(captures).toEqual(['/ar/missing']);
    for (let i = 0; i < 3; i++) expect((await get('/ar/missing')).status).toBe(299);
    expect(captures).toEqual(['/ar/missing']);
    // The incident appears (its timeline event invalidates the path): the next request copies it.
    next = async () => page('<p>now here</p>');
    cache.invalidate((p) => p === '/ar/missing');
    expect((await get('/ar/missing')).body.toString()).toContain('now here');
    expect(captures).toEqual(['/ar/missing', '/ar/missing']);
    // Otherwise it is tried again once the wait (at least 10 s) is over.
    next = async () => page('gone', { status: 404 });
    expect((await get('/ar/other')).status).toBe(299);
    await new Promise((r) => setTimeout(r, 20));
    now += 10_001;
    expect((await get('/ar/other')).status).toBe(299);
    await new Promise((r) => setTimeout(r, 20));
    expect(captures.filter((c) => c === '/ar/other')).toHaveLength(2);
  });

  it('serves a stale copy while it makes a new one; past the stale window the request waits for a new copy', async () => {
    await warm('/ar/x');
    now = 1500;
    next = async () => page('<p>new</p>');
    const stale = await get('/ar/x');
    expect(stale.headers['x-page-cache']).toBe('STALE');
    expect(stale.body.toString()).toContain('<p>page</p>');
    await cache.fill('/ar/x', rule, { address: '127.0.0.1', port: 1 });
    expect((await get('/ar/x')).body.toString()).toContain('<p>new</p>');
    now = 5000;
    next = async () => page('<p>newer</p>');
    const late = await get('/ar/x');
    expect(late.headers['x-page-cache']).toBe('MISS');
    expect(late.body.toString()).toContain('<p>newer</p>');
  });

  it('keeps a page as long as it says its text reads true (data-fresh-ms), within the rule\'s bounds', async () => {
    const longer: CacheRule = { ...rule, maxFreshMs: 4000 };
    cache = new PageCache({ policy: () => longer, capture: async (p) => (captures.push(p), next()), now: () => now });
    const at = (fresh: string) => async () => page(`<html><div data-fresh-ms="${fresh}"></div><p>v${captures.length}</p></html>`);
    /** A copy made at 0 of a page asking for `fresh` is a hit until `until` and stale after it. */
    const keptUntil = async (path: string, fresh: string | null, until: number) => {
      now = 0;
      next = fresh === null ? async () => page('<p>no hint</p>') : at(fresh);
      await warm(path);
      now = until - 100;
      expect((await get(path)).headers['x-page-cache'], path).toBe('HIT');
      now = until + 100;
      expect((await get(path)).headers['x-page-cache'], path).toBe('STALE');
    };
    // Asks for 3 s: kept 3 s.
    await keptUntil('/ar/a', '3000', 3000);
    // Asks for a day: held to maxFreshMs (4 s).
    await keptUntil('/ar/b', '86400000', 4000);
    // Asks for less than the rule's freshMs, or nothing: freshMs (1 s).
    await keptUntil('/ar/c', '10', 1000);
    await keptUntil('/ar/d', null, 1000);
    // A rule without maxFreshMs gives the page no say.
    cache = new PageCache({ policy: () => rule, capture: async (p) => (captures.push(p), next()), now: () => now });
    now = 0;
    next = at('3000');
    await warm('/ar/e');
    now = 1100;
    expect((await get('/ar/e')).headers['x-page-cache']).toBe('STALE');
  });

  it('many requests for a page being copied wait for that one copy: Next renders it once', async () => {
    let release: (p: CapturedPage) => void = () => {};
    next = () => new Promise((r) => (release = r));
    const waiting = Promise.all(Array.from({ length: 20 }, () => get('/ar/busy')));
    await new Promise((r) => setTimeout(r, 50));
    release(page('<p>once</p>'));
    const answers = await waiting;
    expect(captures).toEqual(['/ar/busy']);
    expect(answers.every((a) => a.status === 200 && a.body.toString().includes('once'))).toBe(true);
  });

  it('a request does not wait longer than maxWaitMs: Next answers it', async () => {
    cache = new PageCache({ policy: () => rule, capture: () => new Promise(() => {}), now: () => now, maxWaitMs: 50 });
    const res = await get('/ar/slow');
    expect(res.status).toBe(299);
  });

  it('drops invalidated pages at once, and discards a copy that was being made when it happened', async () => {
    await warm('/ar/x');
    cache.invalidate((p) => p === '/ar/x');
    next = async () => page('<p>changed</p>');
    const again = await get('/ar/x');
    expect(again.headers['x-page-cache']).toBe('MISS');
    expect(again.body.toString()).toContain('<p>changed</p>');
    let release: (p: CapturedPage) => void = () => {};
    next = () => new Promise((r) => (release = r));
    cache.invalidate((p) => p === '/ar/x');
    const waiting = get('/ar/x');
    await new Promise((r) => setTimeout(r, 20));
    cache.invalidate((p) => p === '/ar/x');
    release(page('<p>from before the change</p>'));
    // The copy predates the change: it is not kept, and the waiting request goes to Next.
    expect((await waiting).status).toBe(299);
    expect(cache.size).toBe(0);
    next = async () => page('<p>after</p>');
    expect((await get('/ar/x')).body.toString()).toContain('<p>after</p>');
  });
});

describe('PageCache with feeds', () => {
  const rssRule: CacheRule = { ...rule, contentTypes: ['application/rss+xml', 'application/feed+json'] };
  const rss = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>مرصد</title>${'<item><title>x</title></item>'.repeat(50)}</channel></rss>`;
  const feed = (body: string, contentType: string, over: Partial<CapturedPage> = {}): CapturedPage => ({
    status: 200,
    headers: { 'content-type': contentType, 'content-security-policy': "default-src 'none'", 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' },
    body: Buffer.from(body),
    ...over,
  });
  const useRule = (r: CacheRule) => {
    cache = new PageCache({
      policy: (p) => (p.startsWith('/ar/') ? r : null),
      capture: async (p) => {
        captures.push(p);
        return next();
      },
      now: () => now,
    });
  };

  it('keeps a non-HTML answer only under a rule that names its type, parameters and case aside', async () => {
    next = async () => feed(rss, 'application/rss+xml; charset=utf-8');
    expect((await get('/ar/feed.xml')).status).toBe(299);
    expect(cache.size).toBe(0);
    useRule(rssRule);
    for (const [path, type] of [
      ['/ar/rss', 'application/rss+xml; charset=utf-8'],
      ['/ar/json', 'application/feed+json'],
      ['/ar/upper', 'Application/RSS+XML; Charset=UTF-8'],
    ] as const) {
      next = async () => feed(rss, type);
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toBe(type);
    }
    // A type the rule does not list — HTML included, once a rule names its own types — is left to Next.
    for (const [path, type] of [
      ['/ar/atom', 'application/atom+xml'],
      ['/ar/html', 'text/html; charset=utf-8'],
      ['/ar/prefix', 'application/rss+xml-like'],
      ['/ar/none', ''],
    ] as const) {
      next = async () => feed(rss, type);
      expect((await get(path)).status, `${path} ${type}`).toBe(299);
    }
    expect(cache.size).toBe(3);
  });

  it('still refuses a feed that is not a 200, sets a cookie, or is over the size cap', async () => {
    useRule(rssRule);
    for (const [path, captured] of [
      ['/ar/404', feed('gone', 'application/rss+xml', { status: 404 })],
      ['/ar/cookie', feed(rss, 'application/rss+xml', { headers: { 'content-type': 'application/rss+xml', 'set-cookie': ['a=b'] } })],
      ['/ar/huge', feed('x'.repeat(4 * 1024 * 1024 + 1), 'application/rss+xml')],
    ] as const) {
      next = async () => captured;
      expect((await get(path)).status, path).toBe(299);
    }
    expect(cache.size).toBe(0);
  });

  it('answers a feed from memory: brotli of the same bytes, 304 on If-None-Match, no script allowed by its CSP', async () => {
    useRule(rssRule);
    next = async () => feed(rss, 'application/rss+xml; charset=utf-8');
    const first = await get('/ar/feed.xml');
    expect(first.body.toString()).toBe(rss);
    const br = await get('/ar/feed.xml', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['x-page-cache']).toBe('HIT');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(Buffer.byteLength(rss));
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(rss);
    expect(br.headers.etag).toMatch(/^"[A-Za-z0-9_-]{22}-br"$/);
    expect(br.headers['cache-control']).toBe(rule.cacheControl);
    const csp = String(br.headers['content-security-policy']);
    expect(csp).toBe(buildCsp({ document: false }));
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('sha256-');
    expect(csp).not.toContain('script-src');
    const notModified = await get('/ar/feed.xml', { 'accept-encoding': 'gzip, br', 'if-none-match': String(br.headers.etag) });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(br.headers.etag);
    // A different feed is a different ETag: no 304 for it.
    next = async () => feed(`${rss}<!-- changed -->`, 'application/rss+xml');
    cache.invalidate((p) => p === '/ar/feed.xml');
    const changed = await get('/ar/feed.xml', { 'accept-encoding': 'gzip, br', 'if-none-match': String(br.headers.etag) });
    expect(changed.status).toBe(200);
    expect(zlib.brotliDecompressSync(changed.body).toString()).toContain('changed');
  });

  it('under the site policy: feeds are kept, a query string, a trailing slash or a bad incident id go to Next', async () => {
    cache = new PageCache({
      policy: pageCachePolicy,
      capture: async (p) => {
        captures.push(p);
        return feed(rss, 'application/rss+xml; charset=utf-8');
      },
      now: () => now,
    });
    expect((await get('/ar/feed.xml')).headers['x-page-cache']).toBe('MISS');
    expect((await get('/en/incidents/a-b-c/feed.xml')).headers['x-page-cache']).toBe('MISS');
    expect((await get('/ar/feed.xml')).headers['x-page-cache']).toBe('HIT');
    for (const path of ['/ar/feed.xml?x=1', '/ar/feed.xml/', '/ar/incidents/NOT_AN_ID/feed.xml', '/xx/feed.xml']) {
      expect((await get(path)).status, path).toBe(299);
    }
    expect(captures).toEqual(['/ar/feed.xml', '/en/incidents/a-b-c/feed.xml']);
  });
});

describe('PageCache with build assets and fonts', () => {
  const js = 'self.x=' + JSON.stringify('a'.repeat(4000)) + ';';
  const font = crypto.randomBytes(3000);
  beforeEach(() => {
    cache = new PageCache({
      policy: pageCachePolicy,
      capture: async (p) => {
        captures.push(p);
        if (p.endsWith('.js') && !p.includes('gone')) return { status: 200, headers: { 'content-type': 'application/javascript; charset=UTF-8', 'cache-control': 'public, max-age=31536000, immutable', 'accept-ranges': 'bytes' }, body: Buffer.from(js) };
        if (p.endsWith('.woff2')) return { status: 200, headers: { 'content-type': 'font/woff2' }, body: font };
        return { status: 404, headers: { 'content-type': 'text/plain' }, body: Buffer.from('not found') };
      },
      now: () => now,
    });
  });

  it('answers a script from memory in brotli or gzip made once, immutable, with no script allowed to run in it as a document', async () => {
    const path = '/_next/static/chunks/0a1b2c3d.js';
    expect((await warm(path)).headers['x-page-cache']).toBe('MISS');
    const br = await get(path, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['x-page-cache']).toBe('HIT');
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(js);
    expect(br.body.length).toBeLessThan(js.length / 10);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(br.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    const gz = await get(path, { 'accept-encoding': 'gzip' });
    expect(zlib.gunzipSync(gz.body).toString()).toBe(js);
    now += 30 * 24 * 3600_000;
    expect((await get(path)).headers['x-page-cache']).toBe('HIT');
    expect(captures).toEqual([path]);
  });

  it('sends a font as it is, whatever the reader accepts, and revalidates it with 304', async () => {
    for (const path of ['/fonts/noto-naskh-arabic.e3a947d1db.woff2', '/_next/static/media/inter_latin_subset-s.p.05tbk7pff9nlh.woff2']) {
      await warm(path);
      const got = await get(path, { 'accept-encoding': 'gzip, br' });
      expect(got.headers['x-page-cache'], path).toBe('HIT');
      expect(got.headers['content-encoding'], path).toBeUndefined();
      expect(got.body.equals(font), path).toBe(true);
      const again = await get(path, { 'if-none-match': String(got.headers.etag) });
      expect(again.status, path).toBe(304);
    }
  });

  it('leaves a missing asset to Next and remembers for a while not to copy it again', async () => {
    const path = '/_next/static/chunks/gone.js';
    expect((await get(path)).status).toBe(299);
    expect((await get(path)).status).toBe(299);
    expect(captures).toEqual([path]);
  });
});

describe('mediaType', () => {
  it('drops parameters and case', () => {
    expect(mediaType('application/rss+xml; charset=utf-8')).toBe('application/rss+xml');
    expect(mediaType(' Text/HTML ;charset=UTF-8')).toBe('text/html');
    expect(mediaType(['application/feed+json', 'text/html'])).toBe('application/feed+json');
    expect(mediaType(undefined)).toBe('');
  });
});

describe('negotiateEncoding', () => {
  it('prefers br, then gzip, honours q=0 and *', () => {
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBe('identity');
    expect(negotiateEncoding('gzip;q=nonsense')).toBe('identity');
  });
});

describe('inlineScriptHashes', () => {
  it('hashes inline scripts, not external ones or JSON-LD', () => {
    const html = '<script>a()</script><script nonce="n">b()</script><script src="/x.js"></script><script type="application/ld+json">{}</script>';
    const h = (s: string) => `sha256-${crypto.createHash('sha256').update(s).digest('base64')}`;
    expect(inlineScriptHashes(html)).toEqual([h('a()'), h('b()')]);
  });
});

describe('the site policy', () => {
  it('keeps incident pages briefly, never the desk, the API, files or odd paths', () => {
    expect(pageCachePolicy('/ar/incidents')).toBe(incidentRule);
    expect(pageCachePolicy('/en/incidents/cloudflare-2025-11-18')).toBe(incidentRule);
    for (const p of ['/ar/incidents/', '/ar/incidents/NOT_AN_ID', '/xx/incidents/a-b-c', '/ar/incidents/a-b-c/share', '/ar/desk', '/ar/desk/incidents/a-b-c', '/api/incidents', '/robots.txt', '/', '/ar/no-such-page']) {
      expect(pageCachePolicy(p), p).toBeNull();
    }
  });

  it('keeps content-hashed build assets and fonts for good, and nothing that only looks like one', () => {
    for (const p of ['/_next/static/chunks/1005q9grpu-wb.js', '/_next/static/chunks/0ofsp7-5p21rz.css', '/_next/static/cHXnOG2ZOS7idWUx75bnA/_buildManifest.js', '/_next/static/chunks/turbopack-077hmtqrhcoji.js']) {
      expect(pageCachePolicy(p), p).toBe(staticAssetRule);
    }
    for (const p of ['/_next/static/media/inter_latin_subset-s.p.05tbk7pff9nlh.woff2', '/fonts/noto-naskh-arabic.e3a947d1db.woff2']) expect(pageCachePolicy(p), p).toBe(fontFileRule);
    expect(staticAssetRule.cacheControl).toBe('public, max-age=31536000, immutable');
    expect(fontFileRule.compress).toBe(false);
    for (const p of [
      '/_next/static/chunks/../../server/app/ar.html',
      '/_next/static/chunks/..%2f..%2fserver.js',
      '/_next/static/.hidden.js',
      '/_next/static/chunks/x.js.map',
      '/_next/static/chunks/x.html',
      '/_next/static/chunks/',
      '/_next/image',
      '/_next/data/x.json',
      '/fonts/noto-naskh-arabic.woff2',
      '/fonts/../package.json',
      '/fonts/noto-naskh-arabic.e3a947d1db.woff2/',
      '/fonts/noto.e3a947d1db.ttf',
    ]) {
      expect(pageCachePolicy(p), p).toBeNull();
    }
  });

  it('keeps the article feeds and incident feeds with the Cache-Control their handlers send, nothing near them', () => {
    for (const locale of ['ar', 'en']) {
      for (const file of ['feed.xml', 'atom.xml', 'feed.json']) expect(pageCachePolicy(`/${locale}/${file}`), `/${locale}/${file}`).toBe(feedRule);
      expect(pageCachePolicy(`/${locale}/incidents/cloudflare-2025-11-18/feed.xml`)).toBe(incidentFeedRule);
    }
    expect(feedRule.cacheControl).toBe('public, max-age=300, stale-while-revalidate=3600');
    expect(incidentFeedRule.cacheControl).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(feedRule.contentTypes).toEqual(['application/rss+xml', 'application/atom+xml', 'application/feed+json']);
    expect(incidentFeedRule.contentTypes).toEqual(['application/rss+xml']);
    expect(incidentFeedRule.freshMs).toBeLessThanOrEqual(10_000);
    for (const p of [
      '/ar/feed.xml/',
      '/ar/feed.xml?x=1',
      '/xx/feed.xml',
      '/feed.xml',
      '/ar/rss.xml',
      '/ar/articles/feed.xml',
      '/ar/feed.xml/feed.xml',
      '/ar/incidents/NOT_AN_ID/feed.xml',
      '/ar/incidents/a/feed.xml',
      '/ar/incidents/a-b-c/atom.xml',
      '/ar/incidents/a-b-c/feed.json',
      '/ar/incidents/a-b-c/feed.xml/',
      '/ar/incidents/feed.xml',
      '/xx/incidents/a-b-c/feed.xml',
      '/ar/desk/incidents/a-b-c/feed.xml',
      '/api/feed.xml',
      '/ar/articles/x/card.png',
      '/manifest.webmanifest',
    ]) {
      expect(pageCachePolicy(p), p).toBeNull();
    }
  });

  it("an incident's events invalidate its feed in both languages, not another's; feed health leaves feeds alone", () => {
    const feeds = ['/ar/incidents/a-b-c/feed.xml', '/en/incidents/a-b-c/feed.xml', '/ar/incidents/d-e-f/feed.xml', '/ar/feed.xml', '/en/atom.xml'];
    for (const type of ['update', 'change', 'incident'] as const) {
      const event = { type, incidentId: 'a-b-c' } as IncidentEvent;
      expect(feeds.filter(invalidatedBy(event)), type).toEqual(['/ar/incidents/a-b-c/feed.xml', '/en/incidents/a-b-c/feed.xml']);
    }
    expect(feeds.filter(invalidatedBy({ type: 'health' } as IncidentEvent))).toEqual([]);
  });

  it('an incident update drops its cached feed from a running cache; health does not', async () => {
    let version = 1;
    cache = new PageCache({
      policy: pageCachePolicy,
      capture: async (p) => {
        captures.push(p);
        return { status: 200, headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, body: Buffer.from(`<rss>${p} v${version}</rss>`) };
      },
      now: () => now,
    });
    const mine = '/ar/incidents/a-b-c/feed.xml';
    const other = '/ar/incidents/d-e-f/feed.xml';
    await get(mine);
    await get(other);
    version = 2;
    cache.invalidate(invalidatedBy({ type: 'health' } as IncidentEvent));
    expect((await get(mine)).body.toString()).toContain('v1');
    cache.invalidate(invalidatedBy({ type: 'update', incidentId: 'a-b-c' } as IncidentEvent));
    const after = await get(mine);
    expect(after.headers['x-page-cache']).toBe('MISS');
    expect(after.body.toString()).toContain('v2');
    expect((await get(other)).body.toString()).toContain('v1');
    expect(captures).toEqual([mine, other, mine]);
  });

  it('an incident event invalidates its own pages and the lists; health invalidates every incident page', () => {
    const update = { type: 'update', incidentId: 'a-b-c' } as IncidentEvent;
    const health = { type: 'health' } as IncidentEvent;
    expect(['/ar/incidents/a-b-c', '/en/incidents', '/ar/incidents/d-e-f', '/ar/articles/x'].filter(invalidatedBy(update))).toEqual(['/ar/incidents/a-b-c', '/en/incidents']);
    expect(['/ar/incidents/a-b-c', '/en/incidents/d-e-f', '/ar'].filter(invalidatedBy(health))).toEqual(['/ar/incidents/a-b-c', '/en/incidents/d-e-f']);
  });

  it('a change to an incident record (a new title) invalidates that incident in both languages and the lists, nothing else', () => {
    const retitled = { type: 'incident', incidentId: 'a-b-c' } as IncidentEvent;
    const paths = ['/ar/incidents/a-b-c', '/en/incidents/a-b-c', '/ar/incidents', '/en/incidents', '/ar/incidents/d-e-f', '/ar', '/en/articles/x', '/ar/desk/incidents/a-b-c'];
    expect(paths.filter(invalidatedBy(retitled))).toEqual(['/ar/incidents/a-b-c', '/en/incidents/a-b-c', '/ar/incidents', '/en/incidents']);
  });
});
