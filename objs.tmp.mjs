import { chromium } from '@playwright/test';
const [url, css = ''] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const out = [];
for (let run = 0; run < 3; run++) {
  const ctx = await b.newContext({ viewport: { width: 412, height: 915 } });
  const p = await ctx.newPage();
  await p.route('**/_next/static/chunks/*.js', (r) => r.abort());
  if (css) await p.route(url, async (r) => { const res = await r.fetch(); let body = await res.text(); body = body.replace('</head>', `<style>${css}</style></head>`); await r.fulfill({ response: res, body, headers: { ...res.headers(), 'content-security-policy': '' } }); });
  const cdp = await ctx.newCDPSession(p);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await p.goto(url, { waitUntil: 'load' });
  await p.waitForTimeout(800);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end'); await done;
  const lay = events.filter((e) => e.name === 'Layout' && e.ph === 'X');
  out.push(lay.map((e) => `${e.args.beginData.dirtyObjects}/${e.args.beginData.totalObjects} ${(e.dur / 1000).toFixed(1)}ms`).slice(0, 5).join(' | '));
  await ctx.close();
}
console.log(out.join('\n'));
await b.close();
