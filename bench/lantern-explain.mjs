#!/usr/bin/env node
// Explains Lighthouse's simulated (Lantern) LCP and TBT for one saved load: which requests sit in
// the largest paint's path and when the simulation has them finish, and which main-thread tasks
// count as blocking. Lighthouse's report gives the totals only; this is how to see what to cut.
//
//   node node_modules/lighthouse/cli/index.js <url> --chrome-path=/usr/bin/chromium \
//     --chrome-flags="--headless=new --no-sandbox" --only-categories=performance -G=/tmp/lh-art
//   node bench/lantern-explain.mjs /tmp/lh-art
//
// Times are simulated milliseconds on Lighthouse's mobile profile (150 ms RTT, 1.6 Mbit/s, CPU ×4).
import { loadArtifacts } from 'lighthouse/core/lib/asset-saver.js';
import { LanternLargestContentfulPaint } from 'lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js';
import { LanternTotalBlockingTime } from 'lighthouse/core/computed/metrics/lantern-total-blocking-time.js';
import { LanternFirstContentfulPaint } from 'lighthouse/core/computed/metrics/lantern-first-contentful-paint.js';
import { defaultSettings } from 'lighthouse/core/config/constants.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/lantern-explain.mjs <lighthouse artifacts dir (-G)>');
  process.exit(2);
}
const art = await loadArtifacts(dir);
const settings = { ...defaultSettings, throttlingMethod: 'simulate' };
const context = { computedCache: new Map(), settings };
const data = { trace: art.Trace, devtoolsLog: art.DevtoolsLog, gatherContext: art.GatherContext, settings, URL: art.URL, simulator: null };
const path = (url) => url.replace(/^https?:\/\/[^/]+/, '').slice(0, 70);

const fcp = await LanternFirstContentfulPaint.request(data, context);
const lcp = await LanternLargestContentfulPaint.request(data, context);
console.log(`FCP ${fcp.timing | 0} ms · LCP ${lcp.timing | 0} ms (optimistic ${lcp.optimisticEstimate.timeInMs | 0}, pessimistic ${lcp.pessimisticEstimate.timeInMs | 0})`);
console.log('\nThe largest paint\'s path (pessimistic graph):');
for (const [node, t] of [...lcp.pessimisticEstimate.nodeTimings.entries()].sort((a, b) => a[1].startTime - b[1].startTime)) {
  if (node.type === 'network') console.log(`  ${String(t.startTime | 0).padStart(5)}–${String(t.endTime | 0).padEnd(5)} ${String(node.request.transferSize).padStart(7)} B  ${path(node.request.url)}`);
  else if (t.duration >= 10) console.log(`  ${String(t.startTime | 0).padStart(5)}–${String(t.endTime | 0).padEnd(5)} cpu ${t.duration | 0} ms  ${node.childEvents.slice(0, 3).map((e) => e.name).join(', ')}`);
}
const tbt = await LanternTotalBlockingTime.request(data, context);
console.log(`\nTBT ${tbt.timing | 0} ms. Tasks of 50 ms or more (optimistic estimate), with what ran in them:`);
for (const [node, t] of [...tbt.optimisticEstimate.nodeTimings.entries()].sort((a, b) => a[1].startTime - b[1].startTime)) {
  if (node.type !== 'cpu' || t.duration < 50) continue;
  const urls = [...new Set(node.childEvents.map((e) => e.args?.data?.url).filter(Boolean).map(path))].slice(0, 3);
  const kinds = {};
  for (const e of node.childEvents) kinds[e.name] = (kinds[e.name] ?? 0) + (e.dur ?? 0) / 1000;
  const top = Object.entries(kinds).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
  console.log(`  ${String(t.startTime | 0).padStart(5)} +${t.duration | 0} ms  (observed ${(node.event.dur / 1000).toFixed(1)} ms: ${top}) ${urls.join(' ')}`);
}
