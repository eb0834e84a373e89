// Budgets check and the two result files (JSON for machines, Markdown for people).
import fs from 'node:fs';
import path from 'node:path';

const kb = (b) => (b == null ? '—' : (b / 1024).toFixed(1));
const ms = (v) => (v == null ? '—' : Math.round(v).toString());
const n3 = (v) => (v == null ? '—' : v.toFixed(3));

export function checkBudgets(result, budgets) {
  const misses = [];
  const checks = [];
  const add = (name, actual, limit, ok, unit = '') => {
    checks.push({ name, actual, limit, ok });
    if (!ok) misses.push(`${name}: ${actual}${unit} (budget ${limit}${unit})`);
  };
  for (const p of result.sections.pages ?? []) {
    if (p.skipped) continue;
    const limit = budgets.clientJsGzipBytes?.[p.route] ?? budgets.clientJsGzipBytes?.default;
    if (limit != null) add(`client JS ${p.path}`, p.jsBytes, limit, p.jsBytes <= limit, ' B');
    if (p.name === 'article' && budgets.totalTransferArticleBytes != null) add(`total transfer ${p.path}`, p.totalBytes, budgets.totalTransferArticleBytes, p.totalBytes <= budgets.totalTransferArticleBytes, ' B');
    if (p.name === 'article' && p.locale === 'ar' && budgets.fontBytesArabicArticle != null) add(`font bytes ${p.path}`, p.fontBytes, budgets.fontBytesArabicArticle, p.fontBytes <= budgets.fontBytesArabicArticle, ' B');
  }
  for (const l of (result.sections.lighthouse ?? []).filter((r) => r.preset === 'mobile')) {
    for (const [cat, min] of Object.entries(budgets.lighthouseMobile ?? {})) if (l[cat] != null) add(`Lighthouse mobile ${cat} ${l.path}`, l[cat], min, l[cat] >= min);
    if (budgets.lcpMs != null && l.lcpMs != null) add(`LCP mobile ${l.path}`, Math.round(l.lcpMs), budgets.lcpMs, l.lcpMs <= budgets.lcpMs, ' ms');
    if (budgets.tbtMs != null && l.tbtMs != null) add(`TBT mobile ${l.path}`, Math.round(l.tbtMs), budgets.tbtMs, l.tbtMs <= budgets.tbtMs, ' ms');
    if (budgets.cls != null && l.cls != null) add(`CLS mobile ${l.path}`, Number(l.cls.toFixed(4)), budgets.cls, l.cls <= budgets.cls);
  }
  const w = result.sections.wrk;
  if (w && !w.skipped && budgets.throughputRatioVsNginx != null) add('throughput next/nginx', Number(w.ratio.toFixed(4)), budgets.throughputRatioVsNginx, w.ratio >= budgets.throughputRatioVsNginx);
  const notMeasured = [];
  if (budgets.timelineIslandGzipBytes != null) {
    // Approximation: the incident page's client JS minus the article page's, same locale.
    const pg = (result.sections.pages ?? []).filter((p) => !p.skipped);
    let done = false;
    for (const l of ['ar', 'en']) {
      const inc = pg.find((p) => p.name === 'incident' && p.locale === l);
      const art = pg.find((p) => p.name === 'article' && p.locale === l);
      if (inc && art) {
        const extra = inc.jsBytes - art.jsBytes;
        add(`timeline island JS (incident − article page) /${l}`, extra, budgets.timelineIslandGzipBytes, extra <= budgets.timelineIslandGzipBytes, ' B');
        done = true;
      }
    }
    if (!done) notMeasured.push('timelineIslandGzipBytes (needs the incident and article pages)');
  }
  return { misses, checks, notMeasured };
}

export function writeReport(result, { resultsDir, name = result.date, budgets }) {
  const { misses, checks, notMeasured } = checkBudgets(result, budgets);
  result.budgets = { misses, checks, notMeasured };
  const base = path.join(resultsDir, name);
  fs.writeFileSync(`${base}.json`, JSON.stringify(result, null, 2) + '\n');

  const md = [];
  md.push(`# Benchmark ${result.date}`, '');
  md.push(`Command: \`${result.command}\` · ${result.totalSeconds} s · Node ${result.machine.node}, ${result.machine.cpus} cores, load average ${result.machine.loadavgAtStart?.[0]} at start / ${result.machine.loadavgAtEnd?.[0]} at end (other work on the machine inflates timings) · article: \`${result.articleSlug}\``, '');
  if (result.build) md.push(`\`next build\` (bundled content): ${(result.build.ms / 1000).toFixed(1)} s${result.build.ok ? '' : ' — FAILED'}`, '');
  const pages = result.sections.pages;
  if (pages) {
    md.push('## Page weight (Chromium, cold cache, bytes on the wire, KB)', '', 'Load, then the reader\'s first interaction (a pointer move), which boots pages with nothing live (0065); JS is what the boot asks for.', '');
    md.push(`Encodings as sent: scripts ${[...new Set(pages.flatMap((p) => p.jsEncodings ?? []))].join(', ') || '—'}; HTML ${[...new Set(pages.map((p) => p.htmlEncoding).filter(Boolean))].join(', ') || '—'} (the CI budget, scripts/check-js-budget.mjs, counts gzip from the build output).`, '');
    md.push('Flight: the page\'s RSC payload for React, served beside the document since session 8 (it was part of the HTML before).', '');
    md.push('| page | HTML | flight | JS | CSS | fonts | total | requests |', '|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const p of pages) md.push(p.skipped ? `| ${p.path} | skipped: ${p.note} |||||||` : `| ${p.path} | ${kb(p.htmlBytes)} | ${kb(p.flightBytes ?? 0)} | ${kb(p.jsBytes)} | ${kb(p.cssBytes)} | ${kb(p.fontBytes)} | ${kb(p.totalBytes)} | ${p.requests} |`);
    const cc = pages.find((p) => !p.skipped)?.htmlCacheControl;
    if (cc) md.push('', `HTML Cache-Control: \`${cc}\``);
    md.push('');
  }
  const f = result.sections.fonts;
  if (f) {
    md.push('## Fonts', '', `Arabic probe on the article painted only by the intended web fonts: **${f.intendedFaces ? 'yes' : 'NO'}**`, '');
    for (const [k, v] of Object.entries(f.paintedBy)) md.push(`- ${k}: ${v.join(', ')}`);
    md.push('', '| real slow-4G load (CPU ×4), median of 3 | CLS | FCP ms | LCP ms |', '|---|---:|---:|---:|');
    for (const [p, v] of Object.entries(f.slow4g)) md.push(`| ${p} | ${n3(v.cls)} | ${ms(v.fcpMs)} | ${ms(v.lcpMs)} |`);
    for (const [p, v] of Object.entries(f.slow4gWithoutLocalNaskh)) md.push(`| ${p} (no local Noto Naskh Arabic) | ${n3(v.cls)} | ${ms(v.fcpMs)} | ${ms(v.lcpMs)} |`);
    md.push('');
  }
  const layout = result.sections.layout;
  if (layout?.length) {
    md.push('## First style and layout (in the page, scripts off, fonts loaded; ms, minimum of 11 loads · median)', '');
    const widths = [...new Set(layout.map((l) => l.width))];
    md.push(`| page | ${widths.map((w) => `${w} px`).join(' | ')} |`, `|---|${widths.map(() => '---:').join('|')}|`);
    for (const p of [...new Set(layout.map((l) => l.path))]) {
      md.push(`| ${p} | ${widths.map((w) => { const l = layout.find((x) => x.path === p && x.width === w); return l ? `${l.minMs} · ${l.medianMs}` : '—'; }).join(' | ')} |`);
    }
    md.push('');
  }
  const lh = result.sections.lighthouse;
  if (lh) {
    md.push(`## Lighthouse 12.2.3 (median of ${lh[0]?.runs?.length ?? '?'})`, '');
    md.push('| page | preset | perf | a11y | best pr. | SEO | LCP ms | TBT ms | CLS |', '|---|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const l of lh) md.push(`| ${l.path} | ${l.preset} | ${l.performance} | ${l.accessibility} | ${l['best-practices']} | ${l.seo} | ${ms(l.lcpMs)} | ${ms(l.tbtMs)} | ${n3(l.cls)} |`);
    const fl = result.sections.floor;
    if (fl?.lighthouse) {
      const f = fl.lighthouse;
      md.push(`| framework floor (bench/floor) | mobile | ${f.performance} | ${f.accessibility} | ${f['best-practices']} | ${f.seo} | ${ms(f.lcpMs)} | ${ms(f.tbtMs)} | ${n3(f.cls)} |`);
    }
    const failing = [...new Set(lh.flatMap((l) => l.failing))].sort();
    if (failing.length) md.push('', `Audits below 1 in some run: ${failing.map((x) => `\`${x}\``).join(', ')}`);
    md.push('');
  }
  const floor = result.sections.floor;
  if (floor) {
    md.push('## Framework floor', '');
    if (floor.skipped) md.push(`skipped: ${floor.note}`);
    else {
      const w = floor.weight ?? {};
      const l = floor.lighthouse ?? {};
      md.push(
        'bench/floor: the same Next.js with a root layout and one prerendered page of text, no client component, no CSS, no web font — what no page of ours can go below.',
        '',
        `- client JavaScript as sent: ${kb(w.jsBytes)} KB (${(w.jsEncodings ?? []).join(', ') || '—'}), total ${kb(w.totalBytes)} KB, ${w.requests ?? '—'} requests`,
        `- Lighthouse mobile (median of ${l.runs?.length ?? '?'}): performance ${l.performance}, LCP ${ms(l.lcpMs)} ms, TBT ${ms(l.tbtMs)} ms, CLS ${n3(l.cls)}; runs: ${(l.runs ?? []).map((r) => `${r.performance}/${ms(r.lcpMs)}/${ms(r.tbtMs)}`).join(', ')} (perf/LCP/TBT)`,
      );
    }
    md.push('');
  }
  const w = result.sections.wrk;
  if (w) {
    md.push('## Throughput (wrk, 1 thread)', '');
    if (w.skipped) md.push(`skipped: ${w.note}`);
    else {
      md.push(`\`${w.path}\`, ${w.bytes} B gzip, identical bytes from nginx: ${w.sameBytes}`, '');
      md.push('| server | req/s | p50 ms | p99 ms |', '|---|---:|---:|---:|');
      md.push(`| next start | ${w.next.rps.toFixed(0)} | ${w.next.p50Ms?.toFixed(2)} | ${w.next.p99Ms?.toFixed(2)} |`);
      if (w.nextIdentity) md.push(`| next start, no compression (diagnostic) | ${w.nextIdentity.rps.toFixed(0)} | ${w.nextIdentity.p50Ms?.toFixed(2)} | ${w.nextIdentity.p99Ms?.toFixed(2)} |`);
      md.push(`| nginx (1 worker, gzip_static) | ${w.nginx.rps.toFixed(0)} | ${w.nginx.p50Ms?.toFixed(2)} | ${w.nginx.p99Ms?.toFixed(2)} |`);
      md.push('', `Ratio next/nginx: **${w.ratio.toFixed(3)}** · \`${w.next.command}\``);
    }
    md.push('');
  }
  const s = result.sections.sse;
  if (s) {
    md.push('## Event-stream fan-out', '');
    if (s.skipped) md.push(`skipped: ${s.note}`);
    else {
      md.push(`| streams open | failed | connect all ms | RSS before MB | RSS after MB | KB/stream | publish→first ms | publish→all ms | spread ms |`, '|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
      md.push(`| ${s.open} | ${s.failed} | ${s.connectAllMs} | ${(s.rssBeforeKb / 1024).toFixed(0)} | ${(s.rssAfterKb / 1024).toFixed(0)} | ${s.rssPerConnectionKb?.toFixed(1)} | ${s.publishToFirstMs ?? '—'} | ${s.publishToAllMs ?? '—'} | ${s.fanoutSpreadMs ?? '—'} |`);
      if (s.note) md.push('', s.note);
    }
    for (const n of s.notes ?? []) md.push(`- ${n}`);
    if (s.error) md.push(`- error: ${s.error}`);
    md.push('');
  }
  const b = result.sections.buildtime;
  if (b) {
    md.push('## Build time vs content', '', '| article pairs | static pages | next build s |', '|---:|---:|---:|');
    if (b.bundled) md.push(`| bundled content | — | ${(b.bundled.ms / 1000).toFixed(1)} |`);
    for (const g of b.generated) md.push(`| ${g.pairs} generated | ${g.staticPages ?? '—'} | ${(g.ms / 1000).toFixed(1)}${g.ok ? '' : ' FAILED'} |`);
    if (b.msPerPair != null) md.push('', `Growth: about **${b.msPerPair} ms per article pair** (least squares; intercept ${(b.interceptMs / 1000).toFixed(1)} s).`);
    md.push('');
  }
  if (Object.keys(result.skipped).length) {
    md.push('## Skipped', '');
    for (const [k, v] of Object.entries(result.skipped)) md.push(`- ${k}: ${v}`);
    md.push('');
  }
  md.push('## Budgets (bench/budgets.json)', '');
  md.push(misses.length ? misses.map((m) => `- ✗ ${m}`).join('\n') : 'All budgets held.');
  if (notMeasured.length) md.push('', `Not measured here: ${notMeasured.join('; ')}`);
  md.push('');
  fs.writeFileSync(`${base}.md`, md.join('\n'));
  return { misses };
}
