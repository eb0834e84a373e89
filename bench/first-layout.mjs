#!/usr/bin/env node
// What a page's first style and layout cost, measured in the page rather than read from a trace.
// The HTML loads with the whole document hidden, scripts off and fonts loaded; then the page is
// revealed and laid out once, synchronously, timed with performance.now(). Each run is a fresh
// context; the minimum is the figure to compare (this shared 2-core machine only ever adds time),
// the quartile and median show the spread. Layout times read from traces (bench/trace.mjs) vary
// by ±50 % here; this minimum varies by a few milliseconds from one invocation to the next.
//
//   node bench/first-layout.mjs <url>… [--runs=11] [--width=412] [--inject-css='…']
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const urls = args.filter((a) => /^https?:\/\//.test(a));
const opt = Object.fromEntries(args.filter((a) => a.startsWith('--')).map((a) => { const [k, ...v] = a.slice(2).split('='); return [k, v.join('=') || true]; }));
if (urls.length === 0) {
  console.error("usage: node bench/first-layout.mjs <url>… [--runs=11] [--width=412] [--inject-css='…']");
  process.exit(2);
}
const runs = Math.max(1, Number(opt.runs ?? 11));
const width = Number(opt.width ?? 412);
const extraCss = typeof opt['inject-css'] === 'string' ? `<style>${opt['inject-css']}</style>` : '';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const url of urls) {
    const times = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width, height: 823 }, deviceScaleFactor: 1.75, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.route(url, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace('<head>', `<head><style id="first-layout-hide">html{display:none!important}</style>${extraCss}`);
        await route.fulfill({ response, body: html });
      });
      await page.goto(url, { waitUntil: 'load' });
      // Scripts are off in the page, not in the evaluation: this runs as the test harness.
      await page.evaluate(() => document.fonts.ready);
      const ms = await page.evaluate(() => {
        document.getElementById('first-layout-hide')?.remove();
        const start = performance.now();
        void document.body.offsetHeight;
        return performance.now() - start;
      });
      times.push(ms);
      await context.close();
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
    console.log(`${url}  first style+layout: min ${at(0)} ms · p25 ${at(0.25)} · median ${at(0.5)} (${runs} loads, ${width} px wide)`);
  }
} finally {
  await browser.close();
}
