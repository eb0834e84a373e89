#!/usr/bin/env node
// What a page's first style and layout cost, timed in the page (see lib/first-layout.mjs).
//
//   node bench/first-layout.mjs <url>… [--runs=11] [--width=412] [--inject-css='…']
import { firstLayout } from './lib/first-layout.mjs';

const args = process.argv.slice(2);
const urls = args.filter((a) => /^https?:\/\//.test(a));
const opt = Object.fromEntries(args.filter((a) => a.startsWith('--')).map((a) => { const [k, ...v] = a.slice(2).split('='); return [k, v.join('=') || true]; }));
if (urls.length === 0) {
  console.error("usage: node bench/first-layout.mjs <url>… [--runs=11] [--width=412] [--inject-css='…']");
  process.exit(2);
}
const results = await firstLayout(urls, {
  runs: Math.max(1, Number(opt.runs ?? 11)),
  width: Number(opt.width ?? 412),
  injectCss: typeof opt['inject-css'] === 'string' ? opt['inject-css'] : '',
});
for (const r of results) console.log(`${r.url}  first style+layout: min ${r.minMs} ms · p25 ${r.p25Ms} · median ${r.medianMs} (${r.runs} loads, ${r.width} px wide)`);
