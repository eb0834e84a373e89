import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { collectPageErrors, dirOf, expectNoAxeViolations, locales, NEWS_SLUG, readerActs, saveScreenshot, SHOW_DEFERRED_BLOCKS, startSimulator, type SimulatorHandle } from './helpers';

/**
 * The live incident timeline against the production build, with the Statuspage simulator on
 * E2E_SIM_PORT (what the server polls, every 5 s). Run it with e2e/timeline.config.ts, which
 * starts the simulator before the site; under playwright.config.ts alone it starts one itself.
 */

const SIM = `http://127.0.0.1:${Number(process.env.E2E_SIM_PORT ?? 21732)}`;
const CURATED = 'cloudflare-2025-11-18';
const LIVE_TIMEOUT = 20_000;

interface ApiEntry {
  id: string;
  key: boolean;
  at: string;
  retracted: unknown;
}
interface ApiView {
  incident: { id: string; upstream?: { incidentId: string } };
  updates: ApiEntry[];
  feed: { state: string; failingSince: string | null } | null;
}

test.describe.configure({ mode: 'serial' });

let ownSim: SimulatorHandle | null = null;
let simIncident = '';

async function simControl(api: APIRequestContext, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await api.post(`${SIM}${path}`, body === undefined ? {} : { data: body });
  expect(res.ok(), `${path}: ${res.status()}`).toBe(true);
  return (await res.json()) as Record<string, unknown>;
}

async function simState(api: APIRequestContext): Promise<{ incidentId: string; published: number; total: number }> {
  const res = await api.get(`${SIM}/__control`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as { incidentId: string; published: number; total: number };
}

async function view(api: APIRequestContext, id: string): Promise<ApiView> {
  const res = await api.get(`/api/incidents/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as ApiView;
}

/** Marks the document so a reload (which would lose the mark) can be detected. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => document.documentElement.setAttribute('data-e2e-same-document', '1'));
}

/**
 * The island is running: it has opened its event stream. Pages ask for their scripts after the
 * first paint (0065), so a click before this is a plain link, as it is without JavaScript. An
 * incident that is over boots at the reader's first interaction (0065, session 7): act first.
 */
async function islandRunning(page: Page): Promise<void> {
  await readerActs(page);
  await expect(page.locator('[data-stream="ready"]')).toHaveCount(1, { timeout: LIVE_TIMEOUT });
}

const entries = (page: Page) => page.locator('ol[data-tl-list] > li.tl-item');

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const api = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const reachable = await api.get(`${SIM}/__control`).then((r) => r.ok()).catch(() => false);
    if (!reachable) ownSim = await startSimulator();
    await simControl(api, '/__control', { mode: 'ok' });
    const state = await simState(api);
    for (let i = state.published; i < 3; i++) await simControl(api, '/__control/publish');
    // The poller picks the upstream incident up (at once with timeline.config.ts; after its
    // back-off when the simulator was started late).
    await expect
      .poll(
        async () => {
          const list = (await (await api.get('/api/incidents')).json()) as { incidents: ApiView[] };
          const tracked = list.incidents.find((v) => v.incident.upstream?.incidentId === state.incidentId);
          simIncident = tracked?.incident.id ?? '';
          return tracked?.updates.length ?? 0;
        },
        { timeout: 200_000, intervals: [500, 1000] },
      )
      .toBeGreaterThanOrEqual(3);
  } finally {
    await api.dispose();
  }
});

test.afterAll(async () => {
  await ownSim?.stop();
});

for (const locale of locales) {
  test.describe(locale, () => {
    test('the incident page: lang and dir, header facts, every update, JSON-LD, no axe violations', async ({ page, request }) => {
      const api = await view(request, CURATED);
      const errors = collectPageErrors(page);
      const response = await page.goto(`/${locale}/incidents/${CURATED}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', dirOf[locale]);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(entries(page)).toHaveCount(api.updates.length);
      await expect(page.locator('[data-tl-status]')).toHaveAttribute('data-status', 'postmortem');
      await expect(page.locator('[data-tl-elapsed]')).toHaveCount(0);
      await expect(page.locator('.tl-facts')).toContainText(locale === 'ar' ? 'المدة الإجمالية' : 'Total duration');
      await expect(page.locator('.tl-facts')).toContainText(locale === 'ar' ? '5 ساعات و46 دقيقة' : '5 hours and 46 minutes');
      // Newest first; each update a permalink target with its own visible link.
      const first = entries(page).first();
      await expect(first.locator('article')).toHaveAttribute('id', 'update-cf-postmortem');
      await expect(first.locator('a.tl-permalink')).toHaveAttribute('href', `/${locale}/incidents/${CURATED}#update-cf-postmortem`);
      await expect(first.locator('time[datetime]').first()).toBeVisible();
      // Sharing one update: behind a disclosure, short first-party links that redirect to the network.
      const shareX = first.locator('.share-bar a[data-network="x"]');
      await expect(shareX).toBeHidden();
      await first.locator('details.tl-share > summary').click();
      await expect(shareX).toBeVisible();
      const shareHref = `/${locale}/incidents/${CURATED}/share/x/cf-postmortem`;
      await expect(shareX).toHaveAttribute('href', shareHref);
      const redirect = await request.get(shareHref, { maxRedirects: 0 });
      expect(redirect.status()).toBe(303);
      const target = new URL(redirect.headers()['location'] ?? '');
      expect(target.origin).toBe('https://x.com');
      expect(target.searchParams.get('url')).toMatch(new RegExp(`/${locale}/incidents/${CURATED}#update-cf-postmortem$`));
      expect((await request.get(`/${locale}/incidents/${CURATED}/share/x/no-such-update`, { maxRedirects: 0 })).status()).toBe(404);
      expect((await request.get(`/${locale}/incidents/${CURATED}/share/evil.example/cf-postmortem`, { maxRedirects: 0 })).status()).toBe(404);
      // Relative times: printed by the server, kept current by the island.
      await expect(entries(page).nth(1).locator('.tl-rel')).toHaveText(/\S/);
      const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
      const blog = ld.map((t) => JSON.parse(t) as Record<string, unknown>).find((d) => d['@type'] === 'LiveBlogPosting');
      expect(blog?.coverageStartTime).toBe('2025-11-18T11:20:00Z');
      expect(blog?.coverageEndTime).toBe('2025-11-18T17:06:00Z');
      expect((blog?.liveBlogUpdate as unknown[]).length).toBe(api.updates.filter((u) => u.retracted === null).length);
      await expectNoAxeViolations(page);
      // No CSP violation or script error (the page is rendered per request, with a nonce).
      expect(errors).toEqual([]);
    });

    test('an update published upstream appears without a reload, announced politely', async ({ page, request }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`/${locale}/incidents/${simIncident}`);
      const before = await entries(page).count();
      await markDocument(page);
      await simControl(request, '/__control/publish');
      await expect(entries(page)).toHaveCount(before + 1, { timeout: LIVE_TIMEOUT });
      await expect(page.locator('html')).toHaveAttribute('data-e2e-same-document', '1');
      const added = entries(page).first();
      await expect(added).toHaveClass(/tl-item-new/);
      await expect(page.locator('p[aria-live="polite"]')).toContainText(locale === 'ar' ? 'تحديث جديد' : 'New update', { timeout: 5_000 });
      // Reduced motion: no highlight animation.
      await expect(added.locator('article')).toHaveCSS('animation-name', 'none');
      if (locale === 'ar') {
        // Official text arrives in English: said so, and shown marked as English, never faked.
        await expect(added.locator('.tl-awaiting')).toHaveText('بانتظار النسخة العربية. النص الأصلي بالإنجليزية:');
        await expect(added.locator('.tl-original')).toHaveAttribute('lang', 'en');
        await expect(added.locator('.tl-original')).toHaveAttribute('dir', 'ltr');
      }
      // The entry built in the browser matches the server's rendering of the same update.
      const shape = (p: Page, id: string) =>
        p.evaluate((entryId) => {
          const li = document.querySelector(`li[data-id="${entryId}"]`);
          if (!li) return null;
          const walk = (n: Element): string[] =>
            n.matches('.share-bar')
              ? ['share-bar']
              : [`${n.tagName}.${[...n.classList].filter((c) => !c.startsWith('tl-item-')).join('.')}`, ...[...n.children].flatMap(walk)];
          // Text as readers get it, without what the island fills in later (relative and local times).
          const copy = li.cloneNode(true) as Element;
          copy.querySelectorAll('.share-bar, .tl-rel, .tl-local').forEach((e) => e.remove());
          const text = copy.textContent?.replace(/\s+/g, ' ').trim();
          return { tree: walk(li), text, attrs: ['data-id', 'data-at', 'data-key', 'data-rev'].map((a) => li.getAttribute(a)) };
        }, id);
      const id = (await added.getAttribute('data-id')) ?? '';
      const live = await shape(page, id);
      await page.reload();
      await expect(entries(page)).toHaveCount(before + 1);
      const served = await shape(page, id);
      expect(live).not.toBeNull();
      expect(live).toEqual(served);
    });

    test('scrolled down, new updates wait behind an "N new updates" button that moves focus to them', async ({ page, request }) => {
      await page.setViewportSize({ width: 1280, height: 500 });
      await page.goto(`/${locale}/incidents/${simIncident}`);
      const before = await entries(page).count();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(() => page.locator('ol[data-tl-list]').evaluate((ol) => ol.getBoundingClientRect().top)).toBeLessThan(-100);
      await simControl(request, '/__control/publish');
      const button = page.locator('button.tl-new');
      await expect(button).toBeVisible({ timeout: LIVE_TIMEOUT });
      await expect(button).toHaveText(locale === 'ar' ? 'تحديث جديد واحد' : 'One new update');
      // Nothing was pushed under the reader's eyes.
      await expect(entries(page)).toHaveCount(before);
      await expect(page.locator('p[aria-live="polite"]')).toHaveText(locale === 'ar' ? 'تحديث جديد واحد' : 'One new update');
      await page.screenshot({ path: `e2e/screenshots/timeline-new-updates-${locale}.png` });
      await button.click();
      await expect(entries(page)).toHaveCount(before + 1);
      await expect(button).toBeHidden();
      await expect(entries(page).first().locator('article')).toBeFocused();
      await expect(entries(page).first().locator('article')).toBeInViewport();
    });

    test('a correction upstream updates the entry in place, keeping the original', async ({ page, request }) => {
      await page.goto(`/${locale}/incidents/${simIncident}`);
      const latest = entries(page).first();
      const id = (await latest.getAttribute('data-id')) ?? '';
      const previous = ((await latest.locator('article > .tl-text p').last().textContent()) ?? '').trim().slice(0, 40);
      const count = await entries(page).count();
      await markDocument(page);
      const body = `Corrected upstream for the ${locale} test: the fix is being rolled out.`;
      await simControl(request, '/__control/edit', { body });
      const entry = page.locator(`li[data-id="${id}"]`);
      await expect(entry.locator('.tl-corrected-label')).toBeVisible({ timeout: LIVE_TIMEOUT });
      await expect(entry.locator('.tl-corrected-label time')).toHaveAttribute('datetime', /Z$/);
      await expect(entry.locator('.tl-text').first()).toContainText(body);
      await entry.locator('.tl-history summary').click();
      await expect(entry.locator('.tl-history')).toContainText(previous);
      await expect(entries(page)).toHaveCount(count);
      await expect(page.locator('html')).toHaveAttribute('data-e2e-same-document', '1');
    });

    test('view controls: reorder in place and key events only, as links without JavaScript', async ({ page }) => {
      await page.goto(`/${locale}/incidents/${CURATED}`);
      await islandRunning(page);
      await markDocument(page);
      await page.locator('a[data-tl-order="oldest"]').click();
      await expect(page).toHaveURL(/\?order=oldest/);
      await expect(page.locator('html')).toHaveAttribute('data-e2e-same-document', '1');
      await expect(entries(page).first()).toHaveAttribute('data-id', 'cf-pm-1105');
      await expect(page.locator('a[data-tl-order="oldest"]')).toHaveAttribute('aria-current', 'true');
      await page.locator('a[data-tl-filter="key"]').click();
      await expect(page).toHaveURL(/key=1/);
      await expect(page.locator('ol[data-tl-list] > li:not([data-key])').first()).toBeHidden();
      await expect(page.locator('ol[data-tl-list] > li[data-key]').first()).toBeVisible();
      // UTC by default; local time on request.
      await page.locator('.tl-zone button').nth(1).click();
      await expect(page.locator('.tl-zone button').nth(1)).toHaveAttribute('aria-pressed', 'true');
      await expect(entries(page).first().locator('.tl-local')).toBeVisible();
      await expect(entries(page).first().locator('.tl-utc')).toBeHidden();
    });

    test('without JavaScript the timeline is complete and the controls still work', async ({ browser, request }) => {
      const api = await view(request, CURATED);
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`/${locale}/incidents/${CURATED}`);
      await expect(entries(page)).toHaveCount(api.updates.length);
      await expect(page.locator('ol[data-tl-list] time[datetime]')).toHaveCount(api.updates.length);
      await expect(page.locator('ol[data-tl-list] a.tl-permalink')).toHaveCount(api.updates.length);
      await expect(page.locator('ol[data-tl-list] .tl-status')).toHaveCount(api.updates.length);
      await expect(page.locator('.tl-zone')).toBeHidden();
      await page.locator('a[data-tl-order="oldest"]').click();
      await expect(page).toHaveURL(/\?order=oldest/);
      await expect(entries(page).first()).toHaveAttribute('data-id', 'cf-pm-1105');
      await page.locator('a[data-tl-filter="key"]').click();
      await expect(page.locator('ol[data-tl-list] > li:visible')).toHaveCount(api.updates.filter((u) => u.key).length);
      // The live incident too, with the untranslated official text marked as such.
      await page.goto(`/${locale}/incidents/${simIncident}`);
      await expect(entries(page)).toHaveCount((await view(request, simIncident)).updates.length);
      if (locale === 'ar') await expect(page.locator('.tl-original[lang="en"]').first()).toBeVisible();
      await context.close();
    });

    test('the incidents page lists live incidents first, with the status page we follow', async ({ page }) => {
      await page.goto(`/${locale}/incidents`);
      await expect(page.locator('html')).toHaveAttribute('dir', dirOf[locale]);
      await expect(page.locator('h1')).toHaveCount(1);
      const live = page.locator('[data-testid="incident-card"][data-live]').filter({ has: page.locator(`a[href="/${locale}/incidents/${simIncident}"]`) });
      await expect(live).toHaveCount(1);
      await expect(page.locator('[data-testid="incident-card"]').first()).toHaveAttribute('data-live', '1');
      await expect(page.locator(`[data-testid="incident-card"] a[href="/${locale}/incidents/${CURATED}"]`)).toBeVisible();
      await expect(page.locator('[data-testid="provider-status"]').first()).toHaveAttribute('data-state', 'ok');
      await expectNoAxeViolations(page);
    });

    test('the home page shows a live banner while an incident is in progress', async ({ page }) => {
      await page.goto(`/${locale}`);
      const banner = page.getByTestId('live-banner');
      await expect(banner).toHaveAttribute('data-live', '1');
      await expect(banner.locator('a.live-slot-title')).toHaveAttribute('href', /\/incidents\//);
      await expectNoAxeViolations(page);
    });

    test('the article embeds the key events, linking to the full timeline', async ({ page, request }) => {
      const api = await view(request, CURATED);
      await page.goto(`/${locale}/articles/${NEWS_SLUG}`);
      const embed = page.locator('.tl-embed');
      await expect(embed).toHaveCount(1);
      await expect(embed.locator('li.tl-item')).toHaveCount(api.updates.filter((u) => u.key).length);
      await expect(embed.locator('li.tl-item:not([data-key])')).toHaveCount(0);
      await expect(embed.locator(`a[href="/${locale}/incidents/${CURATED}"]`)).toBeVisible();
    });

    test('the stale notice appears live when the official feed fails and goes when it recovers', async ({ page, request }) => {
      test.setTimeout(90_000);
      await page.goto(`/${locale}/incidents/${simIncident}`);
      const notice = page.locator('[data-tl-stale]');
      await expect(notice).toBeHidden();
      const count = await entries(page).count();
      // The island has its stream (it is also told the feed's health on connecting, so this
      // only keeps the test from racing the page's own start-up).
      await islandRunning(page);
      try {
        await simControl(request, '/__control', { mode: '500' });
        await expect(notice).toBeVisible({ timeout: LIVE_TIMEOUT });
        await expect(notice).toContainText(locale === 'ar' ? 'تعذّر الوصول إلى الصفحة الرسمية منذ' : 'Official feed unreachable since');
        await expect(notice.locator('time')).toHaveAttribute('datetime', /Z$/);
        await expect(entries(page)).toHaveCount(count);
      } finally {
        await simControl(request, '/__control', { mode: 'ok' });
      }
      // After one failure the poller retries within 5–10 s.
      await expect(notice).toBeHidden({ timeout: 45_000 });
      await expect(entries(page)).toHaveCount(count);
    });

    test('screenshots of the incident page, desktop and mobile', async ({ page }) => {
      for (const [name, width, height] of [
        ['desktop', 1280, 900],
        ['mobile', 375, 800],
      ] as const) {
        await page.setViewportSize({ width, height });
        for (const [which, id] of [
          ['curated', CURATED],
          ['live', simIncident],
        ] as const) {
          await page.goto(`/${locale}/incidents/${id}`);
          await expect(page.locator('h1')).toBeVisible();
          await page.screenshot({ path: `e2e/screenshots/timeline-${which}-${locale}-${name}.png` });
          await page.locator('.tl-bar').scrollIntoViewIfNeeded();
          await page.evaluate(() => document.querySelector('.tl-bar')?.scrollIntoView({ block: 'start' }));
          await expect(page.locator('.tl-bar')).toBeInViewport();
          await page.screenshot({ path: `e2e/screenshots/timeline-${which}-${locale}-${name}-list.png` });
        }
      }
      for (const [name, width, height] of [
        ['desktop', 1280, 700],
        ['mobile', 375, 700],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto(`/${locale}`);
        await expect(page.getByTestId('live-banner')).toHaveAttribute('data-live', '1');
        await page.screenshot({ path: `e2e/screenshots/timeline-home-banner-${locale}-${name}.png` });
        await page.goto(`/${locale}/incidents`);
        await expect(page.locator('h1')).toBeVisible();
        await page.screenshot({ path: `e2e/screenshots/timeline-list-${locale}-${name}.png`, fullPage: true, style: SHOW_DEFERRED_BLOCKS });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`/${locale}/incidents/${CURATED}`);
      await expect(page.locator('h1')).toBeVisible();
      await saveScreenshot(page, `timeline-curated-${locale}-full`);
    });
  });
}

test.describe('fallback', () => {
  test('without EventSource the island polls the JSON snapshot instead', async ({ page, request }) => {
    test.setTimeout(60_000);
    await page.addInitScript(() => Reflect.deleteProperty(window, 'EventSource'));
    const streams: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/events')) streams.push(r.url());
    });
    await page.goto(`/en/incidents/${simIncident}`);
    const before = await entries(page).count();
    await markDocument(page);
    await simControl(request, '/__control/publish');
    // One poll every 15 s, after the server's own 5 s poll of the status page.
    await expect(entries(page)).toHaveCount(before + 1, { timeout: 25_000 });
    await expect(page.locator('html')).toHaveAttribute('data-e2e-same-document', '1');
    expect(streams).toEqual([]);
  });
});

test.describe('page cache', () => {
  test('the incident page is served from memory with a hash CSP, and dropped the moment its timeline changes', async ({ request }) => {
    test.setTimeout(60_000);
    const path = `/en/incidents/${simIncident}`;
    const get = async () => {
      const res = await request.get(path, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.status()).toBe(200);
      return { html: await res.text(), headers: res.headers() };
    };
    // The first request waits for the page's one copy (MISS); the next ones are answered from it.
    await expect.poll(async () => (await get()).headers['x-page-cache'], { timeout: 10_000 }).toBe('HIT');
    const hit = await get();
    expect(hit.headers['content-encoding']).toBe('br');
    expect(hit.headers['cache-control']).toBe('public, max-age=0, s-maxage=5, stale-while-revalidate=30, stale-if-error=86400');
    expect(hit.headers['set-cookie']).toBeUndefined();
    // Rendered with a nonce, served again by hash: the policy no longer accepts that nonce.
    expect(hit.headers['content-security-policy']).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(hit.headers['content-security-policy']).not.toContain('nonce');
    // Ongoing: its elapsed time counts minutes, so the page asks to be kept at most a minute.
    const freshMs = Number(/ data-fresh-ms="(\d+)"/.exec(hit.html)?.[1]);
    expect(freshMs).toBeGreaterThanOrEqual(1000);
    expect(freshMs).toBeLessThanOrEqual(60_000);
    const before = (await view(request, simIncident)).updates.map((u) => u.id);
    await simControl(request, '/__control/publish');
    let added = '';
    await expect
      .poll(
        async () => {
          added = (await view(request, simIncident)).updates.map((u) => u.id).find((id) => !before.includes(id)) ?? '';
          return added;
        },
        { timeout: 30_000, intervals: [250] },
      )
      .not.toBe('');
    // Stored, so announced, so the cached copy is gone: the very next page is a new copy, and has it.
    const after = await get();
    expect(after.html).toContain(`id="update-${added}"`);
    expect(after.headers['x-page-cache']).toBe('MISS');
  });

  test('a finished incident whose updates are days old asks to be kept for hours, not rendered again every 10 s', async ({ request }) => {
    const html = await (await request.get(`/ar/incidents/${CURATED}`)).text();
    // Its newest "… ago" is a year old: it reads the same for at least an hour.
    expect(Number(/ data-fresh-ms="(\d+)"/.exec(html)?.[1])).toBeGreaterThanOrEqual(3_600_000);
  });
});

test.describe('errors', () => {
  for (const path of ['/ar/incidents/no-such-incident', '/en/incidents/NOT-A-SLUG', '/en/incidents/ab', '/ar/incidents/..%2f..%2fetc%2fpasswd', '/xx/incidents/cloudflare-2025-11-18']) {
    test(`${path} is a 404, not a 500`, async ({ request }) => {
      const res = await request.get(path);
      expect(res.status()).toBe(404);
      expect(await res.text()).not.toMatch(/at .*\.js:\d+|node_modules|\/work\//);
    });
  }
});
