// Lighthouse 12.2.3 through its node API, with Debian's Chromium launched by chrome-launcher.
// One fresh Chrome per run (clean cache and state); median of N runs per page and preset.
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { median } from './util.mjs';

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

async function once(url, preset) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  });
  try {
    // The incident page keeps an event stream open: bound the wait for network quiet.
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, maxWaitForLoad: 25_000 };
    const config = preset === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(url, flags, config);
    const lhr = result.lhr;
    const a = lhr.audits;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]));
    const failing = [];
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const audit = a[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${c}:${ref.id}`);
      }
    }
    return {
      ...scores,
      lcpMs: a['largest-contentful-paint']?.numericValue ?? null,
      fcpMs: a['first-contentful-paint']?.numericValue ?? null,
      tbtMs: a['total-blocking-time']?.numericValue ?? null,
      cls: a['cumulative-layout-shift']?.numericValue ?? null,
      lcpElement: a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
      failing,
      runtimeError: lhr.runtimeError?.code ?? null,
    };
  } finally {
    await chrome.kill();
  }
}

/** Runs Lighthouse `runs` times and returns the per-metric medians plus the raw runs. */
export async function lighthouseMedian(url, preset, runs = 3) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await once(url, preset));
  const keys = ['performance', 'accessibility', 'best-practices', 'seo', 'lcpMs', 'fcpMs', 'tbtMs', 'cls'];
  const med = Object.fromEntries(keys.map((k) => [k, median(all.map((r) => r[k]))]));
  const failing = [...new Set(all.flatMap((r) => r.failing))];
  return { ...med, failing, lcpElement: all[0]?.lcpElement ?? null, runs: all.map(({ failing: _f, lcpElement: _l, ...r }) => r) };
}
