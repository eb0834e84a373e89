// A real (not simulated) slow-4G load in Chromium: layout shifts, LCP and when each web font
// finished loading. Used to judge font preloading, where Lighthouse's simulation says little.
import { chromium } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_PATH, CHROME_FLAGS } from './pages.mjs';
import { median } from './util.mjs';

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

export async function throttledLoad(url, { runs = 3, cpuRate = 4 } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROME_FLAGS.filter((f) => f !== '--headless=new') });
  const all = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__cls = 0;
        window.__lcp = 0;
        new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__cls += e.value; })).observe({ type: 'layout-shift', buffered: true });
        new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__lcp = e.startTime; })).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await sleep(2500);
      const r = await page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
        const fonts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.woff2')).map((e) => ({ file: e.name.split('/').pop(), startMs: Math.round(e.startTime), endMs: Math.round(e.responseEnd), bytes: e.encodedBodySize }));
        return { cls: window.__cls, lcpMs: Math.round(window.__lcp), fcpMs: fcp && Math.round(fcp), fonts };
      });
      all.push(r);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { cls: median(all.map((r) => r.cls)), lcpMs: median(all.map((r) => r.lcpMs)), fcpMs: median(all.map((r) => r.fcpMs)), fonts: all[all.length - 1].fonts, runs: all.map((r) => ({ cls: r.cls, lcpMs: r.lcpMs, fcpMs: r.fcpMs })) };
}
