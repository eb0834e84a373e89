import http from 'node:http';
import type { IncidentEvent, IncidentHub } from '@/lib/incidents/hub';
import { incidentIdPattern } from '@/lib/incidents/model';
import { isLocale } from '@/lib/i18n/locales';
import { prerenderedScriptHashes } from '@/lib/security/csp-manifest';
import { captureOverHttp, PageCache, type CachePolicy, type CacheRule, type PageCapture } from '@/lib/server/page-cache';

/**
 * Which pages the page cache keeps, for how long, and what readers and shared caches are told
 * (docs/decisions/0060-page-cache.md).
 */

/** Articles, topics, home, glossary, about: built once per deploy. */
export const prerenderedRule: CacheRule = {
  freshMs: 10 * 60_000,
  staleMs: 7 * 24 * 3600_000,
  cacheControl: 'public, max-age=300, stale-while-revalidate=86400, stale-if-error=604800',
};

/**
 * Incident pages and the list: copied again as soon as their timeline changes (invalidated by
 * the hub), else every 10 s for the times they print, or as long as an incident page says its
 * times read true (`data-fresh-ms`: an hour-old entry says "1 hour ago" for an hour), up to
 * 10 min. Readers revalidate (a 304 by ETag); a shared cache may keep them for 5 s, and serve
 * them for a day if we are down.
 */
export const incidentRule: CacheRule = {
  freshMs: 10_000,
  maxFreshMs: 10 * 60_000,
  staleMs: 50_000,
  cacheControl: 'public, max-age=0, s-maxage=5, stale-while-revalidate=30, stale-if-error=86400',
};

/**
 * The article feeds (RSS, Atom, JSON Feed): feed readers poll them every few minutes, and they
 * only change with a deploy. Same Cache-Control as the route handlers send; the cache adds the
 * ETag for conditional polls and compresses once.
 */
export const feedRule: CacheRule = {
  freshMs: 10 * 60_000,
  staleMs: 7 * 24 * 3600_000,
  cacheControl: 'public, max-age=300, stale-while-revalidate=3600',
  contentTypes: ['application/rss+xml', 'application/atom+xml', 'application/feed+json'],
};

/**
 * An incident's RSS feed: copied again as soon as its timeline or record changes (invalidated by
 * the hub), else every 10 s. Same Cache-Control as the route handler sends.
 */
export const incidentFeedRule: CacheRule = {
  freshMs: 10_000,
  staleMs: 50_000,
  cacheControl: 'public, max-age=60, stale-while-revalidate=300',
  contentTypes: ['application/rss+xml'],
};

/**
 * Build assets under `/_next/static/` and the self-hosted fonts under `/fonts/`: every name
 * carries a hash of the file, so the bytes behind a name never change and may be kept for
 * good. `next start` reads each from disk and gzips it again per request (chunked, no brotli);
 * here they are answered from memory, the scripts and styles in brotli or gzip made once.
 */
export const staticAssetRule: CacheRule = {
  freshMs: 365 * 24 * 3600_000,
  staleMs: 0,
  cacheControl: 'public, max-age=31536000, immutable',
  contentTypes: ['application/javascript', 'text/javascript', 'text/css'],
};

/** woff2 is compressed already: kept and sent as it is. */
export const fontFileRule: CacheRule = { ...staticAssetRule, contentTypes: ['font/woff2'], compress: false };

/** Path segments of letters, digits, `-`, `_` and `.`, none starting with a dot (so no `..`). */
const buildAsset = /^\/_next\/static\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/){0,4}[A-Za-z0-9_-][A-Za-z0-9._-]*\.(js|css|woff2)$/;
const publicFont = /^\/fonts\/[a-z0-9-]+\.[a-f0-9]{10}\.woff2$/;

function staticRule(pathname: string): CacheRule | null {
  const asset = buildAsset.exec(pathname);
  if (asset !== null) return asset[1] === 'woff2' ? fontFileRule : staticAssetRule;
  return publicFont.test(pathname) ? fontFileRule : null;
}

const articleFeedFiles = new Set(['feed.xml', 'atom.xml', 'feed.json']);

const nonPages = new Set(['/_not-found', '/_global-error', '/index', '/']);

function incidentPage(pathname: string): { locale: string; id: string | null } | null {
  const parts = pathname.split('/');
  // ['', locale, 'incidents'] or ['', locale, 'incidents', id]
  if (parts.length < 3 || parts.length > 4 || parts[0] !== '' || !isLocale(parts[1]) || parts[2] !== 'incidents') return null;
  const id = parts[3] ?? null;
  if (id !== null && !incidentIdPattern.test(id)) return null;
  return { locale: parts[1] ?? '', id };
}

/** `/{locale}/incidents/{id}/feed.xml` → the incident id, else null. */
function incidentFeed(pathname: string): string | null {
  const parts = pathname.split('/');
  if (parts.length !== 5 || parts[0] !== '' || !isLocale(parts[1]) || parts[2] !== 'incidents' || parts[4] !== 'feed.xml') return null;
  const id = parts[3] ?? '';
  return incidentIdPattern.test(id) ? id : null;
}

function isArticleFeed(pathname: string): boolean {
  const parts = pathname.split('/');
  return parts.length === 3 && parts[0] === '' && isLocale(parts[1]) && articleFeedFiles.has(parts[2] ?? '');
}

export const pageCachePolicy: CachePolicy = (pathname) => {
  if (pathname.startsWith('/_next/') || pathname.startsWith('/fonts/')) return staticRule(pathname);
  if (incidentPage(pathname) !== null) return incidentRule;
  if (incidentFeed(pathname) !== null) return incidentFeedRule;
  if (isArticleFeed(pathname)) return feedRule;
  if (nonPages.has(pathname) || pathname.endsWith('/') || /\.[a-z0-9]+$/i.test(pathname) || pathname.startsWith('/api/')) return null;
  const [, locale, section] = pathname.split('/');
  if (!isLocale(locale) || section === 'desk') return null;
  return prerenderedScriptHashes(pathname) === undefined ? null : prerenderedRule;
};

/**
 * Which cached paths an incident event makes stale: for a timeline write or a change to the
 * incident's own record (its title, its end), its pages, its feeds and the lists, which show
 * titles and statuses; for feed health, every incident page (an incident's feed does not show
 * feed health: it is left alone).
 */
export function invalidatedBy(event: IncidentEvent): (pathname: string) => boolean {
  return (pathname) => {
    const feedOf = incidentFeed(pathname);
    if (feedOf !== null) return event.type !== 'health' && feedOf === event.incidentId;
    const page = incidentPage(pathname);
    if (page === null) return false;
    switch (event.type) {
      case 'health':
        return true;
      case 'update':
      case 'change':
      case 'incident':
        return page.id === null || page.id === event.incidentId;
    }
  };
}

const installedKey = Symbol.for('outage-watch.page-cache');

/**
 * Puts the cache in front of Next in this process (idempotent). PAGE_CACHE=off leaves it out,
 * to measure or to rule it out.
 */
export function installPageCache(options: { hub?: IncidentHub; capture?: PageCapture } = {}): PageCache | null {
  // Not in `next dev`: pages there change with every edit.
  if (process.env.PAGE_CACHE === 'off' || process.env.NODE_ENV !== 'production') return null;
  const holder = globalThis as typeof globalThis & { [installedKey]?: PageCache };
  const existing = holder[installedKey];
  if (existing !== undefined) return existing;

  let lastWarning = 0;
  const cache = new PageCache({
    policy: pageCachePolicy,
    capture: options.capture ?? captureOverHttp,
    onFillError: (pathname, reason) => {
      // Next answers meanwhile; say so at most once a minute.
      if (Date.now() - lastWarning < 60_000) return;
      lastWarning = Date.now();
      console.warn(`[page-cache] could not copy ${pathname} (${reason}); Next answers it meanwhile`);
    },
  });
  holder[installedKey] = cache;
  options.hub?.subscribeAll((event) => cache.invalidate(invalidatedBy(event)));

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function cachedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      try {
        const served = cache.serve(req, res);
        if (served === true) return true;
        if (served !== false) {
          // Waiting for the page's copy: Next gets the request later if the copy fails.
          const toNext = (): void => {
            if (!res.headersSent && !res.destroyed) Reflect.apply(emit, this, [event, ...args]);
          };
          served.then((done) => (done ? undefined : toNext()), toNext);
          return true;
        }
      } catch {
        // The cache must never be the reason a request fails: Next answers it (unless the
        // answer had already begun, which only a broken socket explains).
        if (res.headersSent) return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  return cache;
}
