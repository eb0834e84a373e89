// A page's first style and layout, timed in the page rather than read from a trace. The HTML
// loads with the whole document hidden, scripts off and fonts loaded; the page is then revealed
// and laid out once, synchronously, timed with performance.now(). Each load is a fresh context.
// The minimum is the figure to compare: this shared machine only ever adds time. Layout times
// read from traces (bench/trace.mjs) move by half from load to load here; this minimum moves by
// a few milliseconds. docs/decisions/0062.
import { chromium } from '@playwright/test';

const HIDE_ID = 'first-layout-hide';

export async function firstLayout(urls, { runs = 11, width = 412, injectCss = '', chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium' } = {}) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  const results = [];
  try {
    for (const url of urls) {
      const times = [];
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext({ viewport: { width, height: 823 }, deviceScaleFactor: 1.75, javaScriptEnabled: false });
        try {
          const page = await context.newPage();
          await page.route(url, async (route) => {
            const response = await route.fetch();
            const extra = injectCss ? `<style>${injectCss}</style>` : '';
            const html = (await response.text()).replace('<head>', `<head><style id="${HIDE_ID}">html{display:none!important}</style>${extra}`);
            await route.fulfill({ response, body: html });
          });
          await page.goto(url, { waitUntil: 'load' });
          // Scripts are off for the page; these evaluations are the harness's own.
          await page.evaluate(() => document.fonts.ready);
          times.push(
            await page.evaluate((id) => {
              document.getElementById(id)?.remove();
              const start = performance.now();
              void document.body.offsetHeight;
              return performance.now() - start;
            }, HIDE_ID),
          );
        } finally {
          await context.close();
        }
      }
      times.sort((a, b) => a - b);
      const at = (q) => +times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
      results.push({ url, runs, width, minMs: at(0), p25Ms: at(0.25), medianMs: at(0.5) });
    }
  } finally {
    await browser.close();
  }
  return results;
}
