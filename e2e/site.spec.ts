import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { COMPILE_HINT } from '../lib/build/compile-hints.mjs';
import { bootScriptsOf, collectPageErrors, dirOf, expectNoAxeViolations, languageSwitchHydrated, locales, NEWS_SLUG, readerActs, saveScreenshot } from './helpers';

// Every bundled article (content/articles/<slug>/<locale>.mdx).
const ARTICLE_SLUGS = fs.readdirSync('content/articles', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

const pageTypes = (l: string) => [
  { name: 'home', path: `/${l}` },
  { name: 'article', path: `/${l}/articles/${NEWS_SLUG}` },
  { name: 'topic', path: `/${l}/topics/causes` },
  { name: 'glossary', path: `/${l}/glossary` },
  { name: 'about', path: `/${l}/about` },
];

for (const locale of locales) {
  test.describe(`${locale}`, () => {
    for (const { name, path } of pageTypes(locale)) {
      test(`${name}: lang and dir from the registry, no axe violations, no CSP violations or console errors`, async ({ page }) => {
        const errors = collectPageErrors(page);
        const response = await page.goto(path, { waitUntil: 'networkidle' });
        expect(response?.status()).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expect(page.locator('html')).toHaveAttribute('dir', dirOf[locale]);
        await expect(page.locator('h1')).toHaveCount(1);
        await expectNoAxeViolations(page);
        expect(errors).toEqual([]);
        const csp = response?.headers()['content-security-policy'] ?? '';
        expect(csp).toContain("object-src 'none'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-eval');
        expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      });
    }

    test('the language switch leads to the counterpart article and is remembered', async ({ page, context }) => {
      await page.goto(`/${locale}/articles/${NEWS_SLUG}`);
      const other = locale === 'ar' ? 'en' : 'ar';
      await page.getByTestId('language-switch').click();
      await expect(page).toHaveURL(new RegExp(`/${other}/articles/${NEWS_SLUG}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', other);
      // `/` now follows the reader's explicit choice rather than the browser's language.
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === 'NEXT_LOCALE')?.value).toBe(other);
      await page.goto('/');
      await expect(page).toHaveURL(new RegExp(`/${other}$`));
    });

    test('the table of contents sits on the start side of the article', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`/${locale}/articles/${NEWS_SLUG}`);
      const toc = await page.getByTestId('toc').boundingBox();
      const body = await page.getByTestId('article-body').boundingBox();
      expect(toc).not.toBeNull();
      expect(body).not.toBeNull();
      if (!toc || !body) return;
      if (dirOf[locale] === 'rtl') expect(toc.x).toBeGreaterThan(body.x + body.width - 1);
      else expect(toc.x + toc.width).toBeLessThan(body.x + 1);
    });

    test('the article is complete without JavaScript', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`/${locale}/articles/${NEWS_SLUG}`);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.getByTestId('toc').locator('a').first()).toBeVisible();
      await expect(page.locator('#sources-title')).toBeVisible();
      await expect(page.locator('.footnotes li').first()).toBeAttached();
      expect(await page.locator('time[datetime]').count()).toBeGreaterThan(0);
      // Glossary terms are links to the glossary, so they work without scripts.
      const term = page.locator('a.term-link').first();
      await expect(term).toHaveAttribute('href', new RegExp(`^/${locale}/glossary#`));
      await context.close();
    });

    test('a glossary term shows its definition on keyboard focus', async ({ page }) => {
      await page.goto(`/${locale}/articles/${NEWS_SLUG}`);
      const term = page.locator('.term').first();
      await expect(term.locator('.term-tip')).toBeHidden();
      await term.locator('a.term-link').focus();
      await expect(term.locator('.term-tip')).toBeVisible();
      const describedBy = await term.locator('a.term-link').getAttribute('aria-describedby');
      await expect(page.locator(`#${describedBy}`)).toHaveAttribute('role', 'tooltip');
    });

    // Every definition, wherever its term falls on the line, opens just under the term, whole on
    // the screen and painted over what follows, and opening it moves nothing: the deferred blocks
    // of docs/decisions/0062 contain their paint until one of their terms is hovered or focused.
    for (const width of [360, 1280]) {
      test(`every glossary definition opens whole on a ${width} px screen`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        const faults: string[] = [];
        for (const slug of ARTICLE_SLUGS) {
          await page.goto(`/${locale}/articles/${slug}`);
          faults.push(...(await glossaryTipFaults(page)));
        }
        expect(faults).toEqual([]);
      });
    }

    test('long pages leave their far blocks unrendered until the reader comes near, and links still land on them', async ({ page }) => {
      await page.setViewportSize({ width: 412, height: 915 });
      const skipped = (selector: string) =>
        page.locator(selector).evaluate((el) => !(el.firstElementChild ?? el).checkVisibility({ contentVisibilityAuto: true }));
      const painted = (selector: string) =>
        page.locator(selector).evaluate((el) => {
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, Math.max(r.top, 0) + 10);
          return (el.firstElementChild ?? el).checkVisibility({ contentVisibilityAuto: true }) && hit != null && el.contains(hit);
        });

      await page.goto(`/${locale}/articles/${NEWS_SLUG}`);
      const blocks = ['.article-body > h2:last-of-type', '.tl-embed', '.footnotes', '.sources'];
      for (const block of blocks) expect(await skipped(block), `${block} is skipped at load`).toBe(true);
      for (const block of blocks) {
        // Scrolling there renders the blocks around it, whose real heights replace the estimates,
        // so the reader (and this test) may need a second look to have it in view.
        const scrolledTo = async () => {
          await page.locator(block).evaluate((el) => el.scrollIntoView({ block: 'center' }));
          return painted(block);
        };
        await expect.poll(scrolledTo, { message: `${block} is painted once scrolled to` }).toBe(true);
      }

      // The table of contents, from the top of the article, lands on its last section's heading.
      await page.goto(`/${locale}/articles/${NEWS_SLUG}`);
      const lastSection = (await page.getByTestId('toc').locator('a').last().getAttribute('href')) ?? '';
      expect(await skipped(lastSection), 'the last section is skipped at load').toBe(true);
      await page.getByTestId('toc').locator('a').last().click();
      await expect(page.locator(lastSection)).toBeInViewport();
      await expect.poll(() => painted(lastSection)).toBe(true);

      // A footnote reference, from the top of the article, lands on its note.
      await page.goto(`/${locale}/articles/${NEWS_SLUG}`);
      const ref = page.locator('a[data-footnote-ref]').first();
      const target = (await ref.getAttribute('href')) ?? '';
      await ref.click();
      await expect(page.locator(target)).toBeInViewport();
      await expect.poll(() => painted(target)).toBe(true);

      // The incident page: the oldest entries wait; a permalink to one lands on it.
      await page.goto(`/${locale}/incidents/cloudflare-2025-11-18`);
      const last = '.tl-list > .tl-item:last-child';
      expect(await skipped(last)).toBe(true);
      const id = await page.locator(last).getAttribute('data-id');
      await page.goto(`/${locale}/incidents/cloudflare-2025-11-18#update-${id}`);
      await expect(page.locator(`#update-${id}`)).toBeInViewport();
      await expect.poll(() => painted(`#update-${id}`)).toBe(true);
    });

    test('printed, the article has every deferred block rendered', async ({ page }) => {
      await page.goto(`/${locale}/articles/${NEWS_SLUG}`);
      await page.emulateMedia({ media: 'print' });
      const deferred = await page.locator('.article-body > *, .tl-embed, .footnotes, .sources').evaluateAll((els) =>
        els
          .filter((el) => el.checkVisibility())
          .filter((el) => getComputedStyle(el).contentVisibility !== 'visible' || [...el.children].some((c) => getComputedStyle(c).display !== 'none' && !c.checkVisibility({ contentVisibilityAuto: true })))
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      );
      expect(deferred).toEqual([]);
    });

    test('React hydrates the page frame and the islands, not the static content (0064)', async ({ page }) => {
      // React marks every element it hydrated with a `__reactFiber$…` key. Static blocks are one
      // hydrated element holding HTML: nothing inside them has a fiber.
      const hydration = () =>
        page.evaluate(() => {
          const hydrated = (e: Element) => Object.keys(e).some((k) => k.startsWith('__reactFiber'));
          const all = [...document.body.querySelectorAll('*')];
          const inside = (sel: string) => [...document.querySelectorAll(sel)].flatMap((b) => [...b.querySelectorAll('*')]);
          return {
            elements: all.length,
            hydrated: all.filter(hydrated).length,
            staticInsideHydrated: [...inside('.article-body > p, .article-body > ul, .tl-list > .tl-item, .glossary, .sources')].filter(hydrated).length,
            blocks: document.querySelectorAll('.article-body > p, .tl-list > .tl-item').length,
          };
        });
      for (const path of [`/${locale}/articles/${NEWS_SLUG}`, `/${locale}/incidents/cloudflare-2025-11-18`, `/${locale}/glossary`]) {
        await page.goto(path, { waitUntil: 'networkidle' });
        // Hydration has finished: the language switch (an island) answers.
        await expect(page.getByTestId('language-switch')).toBeVisible();
        await readerActs(page);
        await expect.poll(() => languageSwitchHydrated(page)).toBe(true);
        const h = await hydration();
        expect(h.staticInsideHydrated, path).toBe(0);
        expect(h.elements, path).toBeGreaterThan(600);
        expect(h.hydrated, `${path}: ${h.hydrated} of ${h.elements} elements hydrated`).toBeLessThanOrEqual(250);
        if (!path.endsWith('/glossary')) expect(h.blocks, path).toBeGreaterThan(15);
      }
    });

    test('home and article fit a 320 px screen', async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      for (const path of [`/${locale}`, `/${locale}/articles/${NEWS_SLUG}`]) {
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    });

    test('screenshots of home and the news article', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`/${locale}`);
      await expect(page.locator('h1')).toBeVisible();
      await saveScreenshot(page, `home-${locale}`);
      await page.goto(`/${locale}/articles/${NEWS_SLUG}`);
      await expect(page.locator('h1')).toBeVisible();
      await saveScreenshot(page, `article-${locale}`);
      await page.setViewportSize({ width: 375, height: 800 });
      await saveScreenshot(page, `article-${locale}-mobile`);
    });
  });
}

test.describe('negotiation and errors', () => {
  for (const [acceptLanguage, expected] of [
    ['en-US,en;q=0.9', 'en'],
    ['ar-EG,ar;q=0.9', 'ar'],
    ['fr-FR,fr;q=0.9', 'ar'],
  ] as const) {
    test(`/ with Accept-Language ${acceptLanguage} goes to /${expected}`, async ({ request }) => {
      const res = await request.get('/', { headers: { 'accept-language': acceptLanguage }, maxRedirects: 0 });
      expect(res.status()).toBe(307);
      expect(new URL(res.headers()['location'] ?? '', 'http://x').pathname).toBe(`/${expected}`);
    });
  }

  for (const path of ['/ar/articles/no-such-article', '/en/topics/opinion', '/en/nowhere', '/ar/articles/..%2f..%2fetc%2fpasswd', '/xx/articles/cloudflare-outage-november-2025']) {
    test(`${path} is a 404, not a 500`, async ({ request }) => {
      const res = await request.get(path);
      expect(res.status()).toBe(404);
      const body = await res.text();
      expect(body).not.toMatch(/at .*\.js:\d+|node_modules|\/work\//);
    });
  }

  test('the 404 page is localized', async ({ page }) => {
    await page.goto('/en/articles/no-such-article');
    await expect(page.locator('h1')).toHaveText('Page not found');
    await page.goto('/ar/articles/no-such-article');
    await expect(page.locator('h1')).toHaveText('الصفحة غير موجودة');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  });

  test('pages are the same for every reader: no cookie on a visit, public caching, served from memory compressed once', async ({ playwright }) => {
    // A fresh context with no cookie, its browser language English, visiting the Arabic article.
    const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { 'accept-language': 'en-GB,en;q=0.9' } });
    try {
      const path = `/ar/articles/${NEWS_SLUG}`;
      const first = await api.get(path);
      expect(first.status()).toBe(200);
      expect(first.headers()['set-cookie']).toBeUndefined();
      await expect.poll(async () => (await api.get(path, { headers: { 'accept-encoding': 'br' } })).headers()['x-page-cache'], { timeout: 10_000 }).toBe('HIT');
      const cached = await api.get(path, { headers: { 'accept-encoding': 'br' } });
      expect(cached.headers()['content-encoding']).toBe('br');
      expect(cached.headers()['cache-control']).toBe('public, max-age=300, stale-while-revalidate=86400, stale-if-error=604800');
      expect(cached.headers()['vary']).toMatch(/Accept-Encoding/);
      expect(await cached.text()).toBe(await first.text());
      const revalidated = await api.get(path, { headers: { 'accept-encoding': 'br', 'if-none-match': cached.headers()['etag'] ?? '' } });
      expect(revalidated.status()).toBe(304);
      // Only the language switch records a choice: ?lang= sets the cookie and leads to the clean URL.
      const choice = await api.get(`/en/articles/${NEWS_SLUG}?lang=en`, { maxRedirects: 0 });
      expect(choice.status()).toBe(303);
      expect(choice.headers()['location']).toMatch(new RegExp(`/en/articles/${NEWS_SLUG}$`));
      expect(choice.headers()['set-cookie']).toMatch(/^NEXT_LOCALE=en;/);
      const odd = await api.get(`/en/articles/${NEWS_SLUG}?lang=ar`, { maxRedirects: 0 });
      expect(odd.status()).toBe(303);
      expect(odd.headers()['set-cookie']).toBeUndefined();
    } finally {
      await api.dispose();
    }
  });

  test('the scripts, styles and fonts a page loads come from memory: brotli once for text, woff2 as it is, immutable', async ({ request }) => {
    const html = await (await request.get('/ar')).text();
    const assets = [
      ...bootScriptsOf(html).slice(0, 2),
      ...[...html.matchAll(/<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/g)].map((m) => m[1]),
      ...[...html.matchAll(/<link rel="preload" href="([^"]+\.woff2)"/g)].map((m) => m[1]),
    ];
    // Two scripts, the stylesheet, and on an Arabic page the two Naskh files (Arabic, and its Latin).
    expect(assets.filter((a) => a?.endsWith('.js'))).toHaveLength(2);
    expect(assets.filter((a) => a?.endsWith('.css'))).toHaveLength(1);
    expect(assets.filter((a) => a?.endsWith('.woff2'))).toHaveLength(2);
    for (const asset of assets) {
      const path = asset ?? '';
      await expect.poll(async () => (await request.get(path, { headers: { 'accept-encoding': 'br' } })).headers()['x-page-cache'], { message: path, timeout: 10_000 }).toBe('HIT');
      const res = await request.get(path, { headers: { 'accept-encoding': 'gzip, br' } });
      expect(res.headers()['cache-control'], path).toBe('public, max-age=31536000, immutable');
      expect(res.headers()['content-encoding'], path).toBe(path.endsWith('.woff2') ? undefined : 'br');
      expect(res.headers()['content-security-policy'], path).toMatch(/^default-src 'none'/);
      expect((await res.body()).length, path).toBeGreaterThan(500);
    }
  });

  test('the boot chunks every page runs carry the compile hint, and only they do', async ({ request }) => {
    // docs/decisions/0063: Chromium compiles them off the main thread while they download.
    for (const path of ['/ar', `/en/articles/${NEWS_SLUG}`, '/ar/incidents/cloudflare-2025-11-18']) {
      const html = await (await request.get(path)).text();
      const loaded = bootScriptsOf(html);
      const hinted: string[] = [];
      for (const src of loaded) {
        const body = await (await request.get(src)).text();
        if (body.startsWith(COMPILE_HINT)) hinted.push(src);
      }
      // React DOM, the Next.js client, its bootstrap and the bundler runtime: the four boot chunks.
      expect(hinted, path).toHaveLength(4);
      expect(hinted.some((s) => /turbopack-/.test(s)), path).toBe(true);
      // The page's own chunks (its islands) are compiled lazily, as they always were.
      expect(loaded.length, path).toBeGreaterThan(hinted.length);
    }
  });

  test('reading first: a page paints with its fonts, asks for its scripts only when the reader acts, then boots (0065)', async ({ page, request }) => {
    // The bundled incident is over and nothing here is live, so each page waits for the reader.
    // (An ongoing incident's page boots at load: timeline.spec's live tests never act.)
    for (const [path, font, nothingBeforeActing] of [
      [`/ar/articles/${NEWS_SLUG}`, 'noto-naskh-arabic', true],
      ['/ar/incidents/cloudflare-2025-11-18', 'noto-naskh-arabic', true],
      // The home page also asks /en/incidents/live.json, and boots at once if anything is live:
      // other tests may have left a simulated incident running, so only the boot is checked.
      ['/en', 'inter-latin', false],
    ] as const) {
      const html = await (await request.get(path)).text();
      expect(html, path).not.toMatch(/<script src="\/_next\/static\/chunks\/[^"]+"[^>]* async=""/);
      expect(html, path).not.toMatch(/<link rel="preload" as="script"/);
      // The manifest link is not in the served head either; the loader adds it with the scripts.
      expect(html, path).not.toContain('<link rel="manifest"');
      const boot = bootScriptsOf(html);
      expect(boot.length, path).toBeGreaterThanOrEqual(4);
      // The flight data is not in the document; the loader names where to fetch it (session 8).
      expect(html, path).not.toMatch(/__next_f(=self\.__next_f\|\|\[\])?\)?\.push\(\[/);
      const flight = /"(\/_flight\/[A-Za-z0-9_-]{22}\.json)"\)<\/script>/.exec(html)?.[1] ?? 'none';
      expect(flight, path).toMatch(/^\/_flight\//);
      const requested = (b: readonly string[]) =>
        page.evaluate((b) => performance.getEntriesByType('resource').filter((e) => b.some((x) => e.name.endsWith(x))).length, b);
      await page.goto(path, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      // A reader acts on a page they can see: a fast page can fire load before its first paint.
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      if (nothingBeforeActing) {
        await page.waitForTimeout(1_500);
        expect(await requested(boot), `${path}: scripts requested before the reader acted`).toBe(0);
        expect(await languageSwitchHydrated(page), path).toBe(false);
        // …but its flight data was fetched after the paint, ready for when the reader acts.
        expect(await requested([flight]), `${path}: flight data fetched after the paint`).toBe(1);
      }
      await readerActs(page);
      // It boots: the language switch (an island) is hydrated.
      await expect.poll(() => languageSwitchHydrated(page), { message: path }).toBe(true);
      const t = await page.evaluate(
        ({ boot, font }) => {
          const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const scripts = entries.filter((e) => boot.some((b) => e.name.endsWith(b)));
          return {
            paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
            firstScript: Math.min(...scripts.map((e) => e.startTime)),
            scripts: scripts.length,
            fontDone: entries.find((e) => e.name.includes(font))?.responseEnd ?? Infinity,
          };
        },
        { boot, font },
      );
      expect(t.scripts, path).toBe(boot.length);
      expect(t.firstScript, `${path}: first script requested at ${t.firstScript} ms, first paint at ${t.paint} ms`).toBeGreaterThanOrEqual(t.paint);
      expect(t.fontDone, `${path}: ${font} done at ${t.fontDone} ms, first script at ${t.firstScript} ms`).toBeLessThanOrEqual(t.firstScript);
      expect(await page.locator('head link[rel="manifest"]').getAttribute('href'), path).toBe('/manifest.webmanifest');
    }
  });

  test('before its stylesheet arrives, a long page already defers its list or its body (app/before-css.ts)', async ({ browser }) => {
    for (const [path, selector] of [
      ['/ar/incidents/cloudflare-2025-11-18', '.tl-list'],
      [`/en/articles/${NEWS_SLUG}`, '.article-body > p'],
    ] as const) {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      // The stylesheet never comes: what the page has before it is all there is.
      await page.route('**/*.css', (route) => route.abort());
      await page.goto(path);
      expect(await page.locator(selector).first().evaluate((e) => getComputedStyle(e).contentVisibility), path).toBe('auto');
      await context.close();
    }
  });

  test('a page whose flight data the cache no longer has still boots, from the page as Next renders it', async ({ page }) => {
    const errors = collectPageErrors(page);
    const asked: string[] = [];
    // As if another server had answered, or this one had restarted since the page was served.
    await page.route('**/_flight/**', (route) => route.fulfill({ status: 404, body: 'gone' }));
    page.on('request', (r) => asked.push(new URL(r.url()).pathname + new URL(r.url()).search));
    for (const path of [`/ar/articles/${NEWS_SLUG}`, '/en/incidents/cloudflare-2025-11-18']) {
      await page.goto(path, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      await readerActs(page);
      await expect.poll(() => languageSwitchHydrated(page), { message: path }).toBe(true);
      expect(asked.some((a) => a.startsWith('/_flight/')), path).toBe(true);
      expect(asked, path).toContain(`${path}?flight`);
    }
    // Chromium logs the 404 itself; nothing else may go wrong (no hydration error, no CSP report).
    expect(errors.filter((e) => !e.includes('the server responded with a status of 404'))).toEqual([]);
  });

  test('an Arabic page is set in the Naskh family alone, Latin included; an English page in Inter alone', async ({ browser }) => {
    for (const [path, family, other] of [
      [`/ar/articles/${NEWS_SLUG}`, 'Outage Watch Naskh', 'Outage Watch Inter'],
      [`/en/articles/${NEWS_SLUG}`, 'Outage Watch Inter', 'Outage Watch Naskh'],
    ] as const) {
      // A fresh page each: one document's preloads would otherwise show in the next one's entries.
      const page = await browser.newPage();
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      const faces = await page.evaluate(() => [...document.fonts].map((f) => ({ family: f.family.replace(/["']/g, ''), status: f.status })));
      const loaded = faces.filter((f) => f.status === 'loaded').map((f) => f.family);
      expect(loaded.length, path).toBeGreaterThan(0);
      expect(new Set(loaded), path).toEqual(new Set([family]));
      // The other language's face is declared but never fetched.
      expect(faces.filter((f) => f.family === other).every((f) => f.status === 'unloaded'), path).toBe(true);
      const fontFiles = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.woff2')));
      expect(fontFiles.length, path).toBe(family === 'Outage Watch Naskh' ? 2 : 1);
      await page.close();
    }
  });

  test('bad percent-encoding is a 400, not a 500', async ({ request }) => {
    const res = await request.get('/ar/%E0%A4%A');
    expect(res.status()).toBe(400);
  });
});

/** Opens each glossary definition on the page by focusing its term; says what is wrong with each. */
async function glossaryTipFaults(page: Page): Promise<string[]> {
  expect(await page.locator('.article-body a.term-link').count(), `${page.url()} has glossary terms`).toBeGreaterThan(0);
  // In the page, term after term. A scroll renders the deferred blocks it brings near, whose real
  // heights replace their estimates, so scroll again until the element stays put.
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const scrollTo = async (el: Element, block: ScrollLogicalPosition) => {
      for (let i = 0, top = NaN; i < 5 && el.getBoundingClientRect().top !== top; i++) {
        el.scrollIntoView({ block });
        top = el.getBoundingClientRect().top;
        await frame();
      }
    };
    const faults: string[] = [];
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.article-body a.term-link')];
    for (const [i, link] of links.entries()) {
      const name = `${location.pathname}: term ${i + 1} (${link.textContent})`;
      await scrollTo(link, 'center');
      // Opening a definition moves nothing: not its term, not the block after the term's block.
      const block = link.closest('.article-body > *');
      const where = () => [link, block?.nextElementSibling].map((e) => (e ? `${Math.round(e.getBoundingClientRect().top)},${Math.round(e.getBoundingClientRect().left)}` : '')).join(' ');
      const before = where();
      link.focus({ preventScroll: true });
      const after = where();
      if (after !== before) faults.push(`${name}: opening it moved the page (${before} → ${after})`);
      const tip = document.getElementById(link.getAttribute('aria-describedby') ?? '');
      if (!tip || !tip.checkVisibility()) {
        faults.push(`${name}: no definition shows on focus`);
        continue;
      }
      await scrollTo(tip, 'nearest');
      const b = tip.getBoundingClientRect();
      const termRects = [...link.getClientRects()];
      const term = termRects[termRects.length - 1];
      if (!term) faults.push(`${name}: the term has no box`);
      else if (b.left < 0 || b.right > document.documentElement.clientWidth) faults.push(`${name}: off the screen, ${Math.round(b.left)}–${Math.round(b.right)}`);
      else if (b.top < term.bottom - 1 || b.top > term.bottom + 16) faults.push(`${name}: not just under its term (${Math.round(b.top - term.bottom)} px)`);
      else {
        const covered = [0.03, 0.5, 0.97]
          .flatMap((fx) => [0.05, 0.5, 0.95].map((fy) => [fx, fy] as const))
          .map(([fx, fy]) => ({ fx, fy, hit: document.elementFromPoint(b.left + b.width * fx, b.top + b.height * fy) }))
          .find(({ hit }) => !hit || !tip.contains(hit));
        if (covered) faults.push(`${name}: at (${covered.fx}, ${covered.fy}) the reader sees ${covered.hit ? `${covered.hit.tagName.toLowerCase()}.${covered.hit.className}` : 'nothing'}`);
      }
    }
    return faults;
  });
}
