// Page weight as Chromium loads it: one fresh browser context (empty cache) per page.
// Sizes are the encoded (on-the-wire) body sizes Chromium reports: brotli where the page cache
// answers (pages, scripts, styles: lib/server/install-page-cache.ts), gzip where Next does, and
// woff2 as it is. The encodings seen are recorded per page.
import { chromium } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

function kindOf(resourceType, url, contentType) {
  if (resourceType === 'document') return 'html';
  // The page's RSC payload, which the page cache serves beside it (docs/decisions/0065, session 8).
  if (/\/_flight\/[^/]+\.json$/.test(url)) return 'flight';
  if (resourceType === 'script' || /javascript/.test(contentType)) return 'js';
  if (resourceType === 'stylesheet' || /text\/css/.test(contentType)) return 'css';
  if (resourceType === 'font' || /\.woff2?(\?|$)/.test(url)) return 'font';
  if (resourceType === 'image') return 'image';
  if (resourceType === 'eventsource' || /event-stream/.test(contentType)) return 'eventsource';
  return 'other';
}

/** Measures each { name, path } on baseUrl; returns one record per page. */
export async function measurePages(baseUrl, pages, { settleMs = 1500, width = 412, height = 915 } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROME_FLAGS.filter((f) => f !== '--headless=new') });
  const out = [];
  try {
    for (const p of pages) {
      const context = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const reqs = [];
      const pending = [];
      page.on('requestfinished', (req) => {
        pending.push(
          (async () => {
            const res = await req.response();
            const sizes = await req.sizes().catch(() => null);
            const headers = res ? await res.allHeaders().catch(() => ({})) : {};
            reqs.push({
              url: req.url().replace(baseUrl, ''),
              kind: kindOf(req.resourceType(), req.url(), headers['content-type'] ?? ''),
              status: res?.status() ?? 0,
              encoding: headers['content-encoding'] ?? 'identity',
              bytes: sizes?.responseBodySize ?? 0,
              cacheControl: headers['cache-control'] ?? null,
            });
          })(),
        );
      });
      let started = 0;
      page.on('request', () => started++);
      let status = 0;
      let note;
      try {
        const res = await page.goto(baseUrl + p.path, { waitUntil: 'load', timeout: 30_000 });
        status = res?.status() ?? 0;
        await sleep(settleMs); // let late chunks, preloads and islands arrive; SSE never "finishes"
        // Then the reader acts: a page with nothing live asks for its scripts only now (decision
        // 0065, session 7), and the bytes a reader's visit costs include them.
        await page.mouse.move(2, 2);
        await page.mouse.move(5, 5);
        await sleep(settleMs);
      } catch (e) {
        note = String(e.message ?? e).split('\n')[0];
      }
      await Promise.all(pending);
      await context.close();
      if (status === 404) {
        out.push({ ...p, status, skipped: true, note: 'page answers 404 (not built yet?)' });
        continue;
      }
      const sum = (k) => reqs.filter((r) => r.kind === k).reduce((s, r) => s + r.bytes, 0);
      const doc = reqs.find((r) => r.kind === 'html');
      out.push({
        ...p,
        status,
        note,
        htmlBytes: doc?.bytes ?? null,
        htmlEncoding: doc?.encoding ?? null,
        htmlCacheControl: doc?.cacheControl ?? null,
        jsBytes: sum('js'),
        jsEncodings: [...new Set(reqs.filter((r) => r.kind === 'js').map((r) => r.encoding))].sort(),
        cssBytes: sum('css'),
        fontBytes: sum('font'),
        flightBytes: sum('flight'),
        imageBytes: sum('image'),
        otherBytes: sum('other'),
        totalBytes: reqs.reduce((s, r) => s + r.bytes, 0),
        requests: started,
        fonts: reqs.filter((r) => r.kind === 'font').map((r) => ({ url: r.url, bytes: r.bytes })),
        js: reqs.filter((r) => r.kind === 'js').map((r) => ({ url: r.url, bytes: r.bytes, encoding: r.encoding })),
        uncompressed: reqs.filter((r) => ['html', 'js', 'css'].includes(r.kind) && r.encoding === 'identity' && r.bytes > 1024).map((r) => r.url),
      });
    }
  } finally {
    await browser.close();
  }
  return out;
}
