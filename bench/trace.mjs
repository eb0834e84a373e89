#!/usr/bin/env node
// Where a page's main-thread time goes, from a Chromium trace: the long tasks of one load (with
// the script evaluation, layout and style work inside them), first paint, and the style and
// layout totals. Lighthouse says *that* TBT is high; this says *which* task.
//
//   node bench/trace.mjs <url> [--cpu=4] [--runs=1] [--inject-css='…']
//
// --cpu      CPU slowdown, as Lighthouse's mobile preset applies (default 4; 1 = none)
// --runs     loads to trace, one fresh browser context each (medians are printed for several)
// --inject-css  a style sheet added to the HTML before it loads, to try a CSS change without a build
import { chromium } from '@playwright/test';

const [url, ...rest] = process.argv.slice(2);
if (!url || !/^https?:\/\//.test(url)) {
  console.error('usage: node bench/trace.mjs <url> [--cpu=4] [--runs=1] [--inject-css=…]');
  process.exit(2);
}
const opt = Object.fromEntries(rest.map((a) => { const [k, ...v] = a.replace(/^--/, '').split('='); return [k, v.join('=') || true]; }));
const cpu = Number(opt.cpu ?? 4);
const runs = Math.max(1, Number(opt.runs ?? 1));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2);
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
const summary = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
    const page = await context.newPage();
    if (typeof opt['inject-css'] === 'string') {
      await page.route(url, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace('</head>', `<style>${opt['inject-css']}</style></head>`) });
      });
    }
    const cdp = await context.newCDPSession(page);
    if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'loading', 'blink.user_timing', 'toplevel'] });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(3000);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    await context.close();

    const t0 = events.filter((e) => e.name === 'navigationStart').at(-1)?.ts ?? 0;
    const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((m) => `${m.pid}:${m.tid}`);
    const onMain = (e) => mains.includes(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.ts >= t0;
    const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.ts >= t0);
    const rel = (ts) => Math.round((ts - t0) / 1000);
    const tasks = events.filter((e) => onMain(e) && e.name === 'RunTask' && e.dur > 50_000);
    let blocking = 0;
    const lines = [];
    for (const t of tasks) {
      if (fcp && t.ts > fcp.ts) blocking += t.dur / 1000 - 50;
      const inside = events.filter((e) => onMain(e) && e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 10_000 && /EvaluateScript|FunctionCall|^Layout$|UpdateLayoutTree|ParseHTML|RunMicrotasks|MajorGC|MinorGC|^Paint$|TimerFire|EventDispatch|FireAnimationFrame/.test(e.name));
      const what = inside.map((e) => `${e.name}${e.args?.data?.url ? `(${e.args.data.url.split('/').pop()})` : ''} ${Math.round(e.dur / 1000)}`).join(', ');
      lines.push(`  ${String(rel(t.ts)).padStart(5)} ms  ${String(Math.round(t.dur / 1000)).padStart(4)} ms  ${what}`);
    }
    const total = (name) => Math.round(events.filter((e) => onMain(e) && e.name === name).reduce((s, e) => s + e.dur / 1000, 0));
    const r = { fcpMs: fcp ? rel(fcp.ts) : null, blockingAfterFcpMs: Math.round(blocking), layoutMs: total('Layout'), styleMs: total('UpdateLayoutTree') };
    summary.push(r);
    console.log(`run ${run + 1}: first contentful paint ${r.fcpMs} ms · long tasks after it block ${r.blockingAfterFcpMs} ms · layout ${r.layoutMs} ms · style ${r.styleMs} ms (CPU ×${cpu})`);
    console.log('  start    length  inside (ms)');
    for (const l of lines) console.log(l);
  }
} finally {
  await browser.close();
}
if (runs > 1) {
  const m = (k) => median(summary.map((s) => s[k]).filter((v) => v != null));
  console.log(`median of ${runs}: first contentful paint ${m('fcpMs')} ms · blocking ${m('blockingAfterFcpMs')} ms · layout ${m('layoutMs')} ms · style ${m('styleMs')} ms`);
}
