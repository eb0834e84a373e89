import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { locales, NEWS_SLUG, startSimulator } from './helpers';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const hasArabic = (s: string) => /[\u0600-\u06FF]/.test(s);

for (const locale of locales) {
  test.describe(`${locale} feeds`, () => {
    test('RSS 2.0 parses, newest first, with full content in the right language', async ({ request }) => {
      const res = await request.get(`/${locale}/feed.xml`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('application/rss+xml');
      const doc = xml.parse(await res.text());
      const channel = doc.rss.channel;
      expect(channel.language).toBe(locale);
      const items = asArray(channel.item) as Record<string, unknown>[];
      expect(items.length).toBeGreaterThanOrEqual(5);
      const dates = items.map((i) => Date.parse(String(i.pubDate)));
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
      for (const item of items) {
        expect(hasArabic(String(item.title))).toBe(locale === 'ar');
        expect(String(item.link)).toMatch(new RegExp(`^https?://[^/]+/${locale}/articles/`));
        expect(String(item['content:encoded']).length).toBeGreaterThan(2000);
      }
      expect(await res.text()).not.toContain('undefined');
    });

    test('Atom 1.0 parses with categories, authors and dates', async ({ request }) => {
      const res = await request.get(`/${locale}/atom.xml`);
      expect(res.status()).toBe(200);
      const doc = xml.parse(await res.text());
      expect(doc.feed['@xml:lang']).toBe(locale);
      const entries = asArray(doc.feed.entry) as Record<string, any>[];
      expect(entries.length).toBeGreaterThanOrEqual(5);
      for (const e of entries) {
        expect(asArray(e.category)[0]['@term']).toMatch(/^(news|causes|impact|resilience|context)$/);
        expect(e.published).toBeTruthy();
        expect(e.updated).toBeTruthy();
        expect(e.author).toBeTruthy();
      }
    });

    test('JSON Feed 1.1 parses with language and images', async ({ request }) => {
      const res = await request.get(`/${locale}/feed.json`);
      expect(res.status()).toBe(200);
      const feed = await res.json();
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.language).toBe(locale);
      for (const item of feed.items) {
        expect(item.image).toMatch(new RegExp(`/${locale}/articles/[a-z0-9-]+/card\\.png$`));
        expect(hasArabic(item.title)).toBe(locale === 'ar');
        expect(item.content_html.length).toBeGreaterThan(2000);
      }
    });

    test('share cards are 1200×630 PNGs for every article', async ({ request }) => {
      const feed = await (await request.get(`/${locale}/feed.json`)).json();
      for (const item of feed.items) {
        const path = new URL(item.image).pathname;
        const res = await request.get(path);
        expect(res.status(), path).toBe(200);
        expect(res.headers()['content-type']).toBe('image/png');
        const png = PNG.sync.read(await res.body());
        expect([png.width, png.height]).toEqual([1200, 630]);
      }
    });

    test('article metadata: canonical, hreflang, Open Graph, Twitter, JSON-LD', async ({ page }) => {
      await page.goto(`/${locale}/articles/${NEWS_SLUG}`);
      const head = page.locator('head');
      const url = new URL(page.url());
      await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/${locale}/articles/${NEWS_SLUG}$`));
      for (const lang of ['ar', 'en', 'x-default']) await expect(head.locator(`link[rel="alternate"][hreflang="${lang}"]`)).toHaveCount(1);
      await expect(head.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
      await expect(head.locator('meta[property="og:locale"]')).toHaveAttribute('content', locale === 'ar' ? 'ar_AR' : 'en_GB');
      await expect(head.locator('meta[property="og:locale:alternate"]')).toHaveCount(1);
      await expect(head.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`/${locale}/articles/${NEWS_SLUG}/card\\.png$`));
      await expect(head.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
      await expect(head.locator('meta[property="og:image:height"]')).toHaveAttribute('content', '630');
      await expect(head.locator('meta[property="og:image:alt"]')).toHaveCount(1);
      await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
      await expect(head.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', new RegExp(`/${locale}/feed\\.xml$`));
      const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
      const types = ld.map((s) => JSON.parse(s)['@type']);
      expect(types).toEqual(expect.arrayContaining(['NewsArticle', 'BreadcrumbList']));
      const article = ld.map((s) => JSON.parse(s)).find((d) => d['@type'] === 'NewsArticle');
      expect(article.inLanguage).toBe(locale);
      expect(article.headline).toBe(await page.locator('h1').textContent());
      expect(article.author[0].name).toBeTruthy();
      expect(article.publisher.name).toBeTruthy();
      expect(Date.parse(article.datePublished)).toBeLessThanOrEqual(Date.parse(article.dateModified));
      expect(url.pathname).toBe(`/${locale}/articles/${NEWS_SLUG}`);
    });

    for (const path of ['', '/about', '/glossary', '/topics/impact']) {
      test(`metadata on ${path || 'home'}`, async ({ page }) => {
        await page.goto(`/${locale}${path}`);
        const head = page.locator('head');
        expect((await page.title()).length).toBeGreaterThan(5);
        await expect(head.locator('meta[name="description"]')).toHaveCount(1);
        await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/${locale}${path}$`));
        await expect(head.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveCount(1);
        await expect(head.locator('meta[property="og:locale"]')).toHaveCount(1);
        await expect(head.locator('meta[name="twitter:card"]')).toHaveCount(1);
        // A visible subscribe link on every page.
        await expect(page.locator(`footer a[href="/${locale}/feed.xml"]`)).toBeVisible();
      });
    }

    test('share links are well-formed and carry the title', async ({ page }) => {
      await page.goto(`/${locale}/articles/${NEWS_SLUG}`);
      const title = (await page.locator('h1').textContent()) ?? '';
      const x = await page.locator('.share-bar a[data-network="x"]').getAttribute('href');
      const u = new URL(x ?? '');
      expect(u.hostname).toBe('x.com');
      expect(u.searchParams.get('text')).toBe(title);
      expect(u.searchParams.get('url')).toMatch(new RegExp(`/${locale}/articles/${NEWS_SLUG}$`));
      await expect(page.locator('.share-bar a[data-network]')).toHaveCount(6);
    });
  });
}

test('sitemap lists every article in both languages with alternates; robots and manifest', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const doc = xml.parse(sitemap);
  const urls = asArray(doc.urlset.url) as Record<string, any>[];
  const locs = urls.map((u) => String(u.loc));
  for (const l of locales) expect(locs.some((loc) => loc.endsWith(`/${l}/articles/${NEWS_SLUG}`))).toBe(true);
  const article = urls.find((u) => String(u.loc).endsWith(`/ar/articles/${NEWS_SLUG}`));
  expect(asArray(article?.['xhtml:link']).map((x: any) => x['@hreflang']).sort()).toEqual(['ar', 'en']);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Sitemap:');
  expect(robots).toMatch(/Disallow: \/api\//);
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.icons.length).toBeGreaterThan(1);
  expect(manifest.dir).toBe('rtl');
});

test('feeds are answered from memory: ETag, 304 on If-None-Match, brotli, the same bytes', async ({ request }) => {
  for (const [path, cacheControl] of [
    ['/ar/feed.xml', 'public, max-age=300, stale-while-revalidate=3600'],
    ['/ar/incidents/cloudflare-2025-11-18/feed.xml', 'public, max-age=60, stale-while-revalidate=300'],
  ] as const) {
    const first = await request.get(path, { headers: { 'accept-encoding': 'identity' } });
    expect(first.status(), path).toBe(200);
    const body = await first.text();
    const br = { 'accept-encoding': 'br' };
    await expect.poll(async () => (await request.get(path, { headers: br })).headers()['x-page-cache'], { timeout: 10_000 }).toBe('HIT');
    const cached = await request.get(path, { headers: br });
    const etag = cached.headers()['etag'] ?? '';
    expect(etag, path).toMatch(/^"[\w-]+"$/);
    expect(cached.headers()['content-encoding'], path).toBe('br');
    expect(cached.headers()['content-type'], path).toContain('application/rss+xml');
    expect(cached.headers()['cache-control'], path).toBe(cacheControl);
    expect(cached.headers()['content-security-policy'], path).toContain("default-src 'none'");
    expect(await cached.text(), path).toBe(body);
    const again = await request.get(path, { headers: { ...br, 'if-none-match': etag } });
    expect(again.status(), path).toBe(304);
    expect((await again.body()).length, path).toBe(0);
  }
});

test.describe('incident feeds', () => {
  test('an update published upstream shows up in the incident feed in both languages', async ({ request }) => {
    // The simulator is up before the site (playwright.config.ts), so the server polls it every 5 s.
    test.setTimeout(90_000);
    const sim = await startSimulator();
    try {
      await sim.setMode('ok');
      await sim.publish();
      // The server polls every 5 s; wait for the upstream incident to be tracked.
      let id = '';
      await expect
        .poll(async () => {
          const list = await (await request.get('/api/incidents', { headers: { 'cache-control': 'no-cache' } })).json();
          const tracked = list.incidents.find((v: { incident: { origin: string } }) => v.incident.origin === 'statuspage');
          id = tracked?.incident.id ?? '';
          return tracked?.updates.length ?? 0;
        }, { timeout: 30_000, intervals: [1000] })
        .toBeGreaterThan(0);
      const itemsIn = async (locale: string) => {
        const res = await request.get(`/${locale}/incidents/${id}/feed.xml`);
        expect(res.status()).toBe(200);
        const channel = xml.parse(await res.text()).rss.channel;
        expect(channel.language).toBe(locale);
        return asArray(channel.item) as Record<string, unknown>[];
      };
      const before = (await itemsIn('en')).length;
      expect(before).toBeGreaterThan(0);
      await sim.publish();
      await expect.poll(async () => (await itemsIn('en')).length, { timeout: 30_000, intervals: [1000] }).toBe(before + 1);
      // Official updates arrive in English only: the Arabic feed says so rather than faking a translation.
      const ar = await itemsIn('ar');
      expect(ar.length).toBe(before + 1);
      expect(String(ar[0]?.description)).toContain('النسخة العربية قيد الإعداد');
      expect(String(ar[0]?.link)).toMatch(new RegExp(`/ar/incidents/${id}#update-`));
    } finally {
      await sim.stop();
    }
  });

  test('the bundled incident has a feed with every timeline update', async ({ request }) => {
    const res = await request.get('/ar/incidents/cloudflare-2025-11-18/feed.xml');
    expect(res.status()).toBe(200);
    const items = asArray(xml.parse(await res.text()).rss.channel.item) as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(20);
    expect(items.every((i) => hasArabic(String(i.title)))).toBe(true);
    expect((await request.get('/ar/incidents/no-such-incident/feed.xml')).status()).toBe(404);
  });
});
