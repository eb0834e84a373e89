#!/usr/bin/env node
// `npm run bench`: builds the site into .next-bench, serves it on loopback and measures page
// weight, Lighthouse, throughput against nginx, SSE fan-out and build time per article pair.
// Writes bench/results/<date>.json and .md and prints every budget in bench/budgets.json missed.
//
//   node bench/run.mjs [--only=a,b] [--skip=a,b] [--lh-runs=3] [--gen=100,250,500] [--no-build] [--out=suffix]
//   sections: pages, fonts, layout, lighthouse, floor, wrk, sse, buildtime
//
// Needs (Debian): chromium, nginx (or nginx-light), wrk. Missing tools skip their section.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, freePort, log, nextBuild, nextStart, run, which } from './lib/util.mjs';
import { writeReport } from './lib/report.mjs';

const argv = Object.fromEntries(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, '').split('='); return [k, v ?? true]; }));
const ALL = ['pages', 'fonts', 'layout', 'lighthouse', 'floor', 'wrk', 'sse', 'buildtime'];
const only = argv.only ? String(argv.only).split(',') : ALL;
const skip = argv.skip ? String(argv.skip).split(',') : [];
const want = (s) => only.includes(s) && !skip.includes(s);
const lhRuns = Number(argv['lh-runs'] ?? 3);
const genCounts = String(argv.gen ?? '100,250,500').split(',').map(Number).filter((n) => n > 0);

const started = Date.now();
const date = new Date().toISOString().slice(0, 10);
const resultsDir = path.join(ROOT, 'bench', 'results');
const logDir = path.join(ROOT, 'bench', 'generated', 'logs');
fs.mkdirSync(resultsDir, { recursive: true });
fs.mkdirSync(logDir, { recursive: true });

const DIST = '.next-bench';
const DIST_GEN = '.next-bench-gen';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
process.env.CHROME_PATH ??= CHROMIUM;
const os = await import('node:os');
// The machine may be shared: record the load around the run so timings can be judged.
const result = { date, startedAt: new Date().toISOString(), machine: { node: process.version, cpus: os.cpus().length, loadavgAtStart: os.loadavg().map((x) => +x.toFixed(2)) }, sections: {}, skipped: {} };

// ---- tools ----------------------------------------------------------------------------------
const tools = { chromium: fs.existsSync(CHROMIUM) ? CHROMIUM : null, nginx: which('nginx'), wrk: which('wrk') };
const missing = Object.entries(tools).filter(([, v]) => !v).map(([k]) => (k === 'nginx' ? 'nginx-light' : k));
result.tools = tools;
if (missing.length) {
  console.log(`\nMissing tools: ${missing.join(', ')}. Install them with:\n  apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}\n`);
}
const skipSection = (name, reason) => { result.skipped[name] = reason; log(`skip ${name}: ${reason}`); };

// ---- the page set -----------------------------------------------------------------------------
const NEWS = 'cloudflare-outage-november-2025';
const articleSlug = fs.existsSync(path.join(ROOT, 'content', 'articles', NEWS, 'ar.mdx')) ? NEWS : 'who-was-hit';
const PAGES = ['ar', 'en'].flatMap((l) => [
  { name: 'home', route: '/[locale]', locale: l, path: `/${l}` },
  { name: 'article', route: '/[locale]/articles/[slug]', locale: l, path: `/${l}/articles/${articleSlug}` },
  { name: 'incident', route: '/[locale]/incidents/[id]', locale: l, path: `/${l}/incidents/cloudflare-2025-11-18` },
]);
result.articleSlug = articleSlug;

const taken = new Set();
const port = await freePort(41100, 41199, taken);
const SITE_URL = `http://127.0.0.1:${port}`;
const baseEnv = { STATUSPAGE_INGEST: 'off', DATA_DIR: path.join(ROOT, 'bench', 'generated', 'data') };

// ---- build ----------------------------------------------------------------------------------
let built = false;
if (argv['no-build'] && fs.existsSync(path.join(ROOT, DIST, 'BUILD_ID'))) built = true;
else {
  log(`next build → ${DIST}`);
  const b = await nextBuild({ distDir: DIST, logFile: path.join(logDir, 'build.log'), extraEnv: { SITE_URL } });
  result.build = { ms: Math.round(b.ms), ok: b.code === 0 };
  built = b.code === 0;
  if (!built) {
    console.error(`next build failed (bench/generated/logs/build.log):\n${(b.stdout + b.stderr).split('\n').filter((l) => /error|Error/.test(l)).slice(0, 15).join('\n')}`);
  }
}

// ---- sections that need the server ------------------------------------------------------------
if (built && ['pages', 'fonts', 'layout', 'lighthouse', 'wrk'].some(want)) {
  const server = await nextStart({ distDir: DIST, port, env: { ...baseEnv, SITE_URL }, logFile: path.join(logDir, 'server.log') });
  try {
    // Which pages exist?
    for (const p of PAGES) {
      const r = await fetch(server.url + p.path, { redirect: 'manual' }).catch(() => ({ status: 0 }));
      p.status = r.status;
      try { await r.body?.cancel(); } catch {}
    }
    const live = PAGES.filter((p) => p.status === 200);
    for (const p of PAGES.filter((p) => p.status !== 200)) result.skipped[`page ${p.path}`] = `answers ${p.status}`;

    if (want('pages')) {
      if (!tools.chromium) skipSection('pages', 'no chromium');
      else {
        log('page weight (Playwright + Chromium)');
        const { measurePages } = await import('./lib/pages.mjs');
        result.sections.pages = await measurePages(server.url, live);
      }
    }
    if (want('fonts')) {
      if (!tools.chromium) skipSection('fonts', 'no chromium');
      else {
        log('fonts: which faces paint Arabic/Latin, and layout shift on a real slow-4G load');
        const { fontCheck } = await import('./font-check.mjs');
        const { throttledLoad } = await import('./lib/throttled.mjs');
        const fc = await fontCheck(server.url, `/ar/articles/${articleSlug}`, path.join(logDir, 'font-check-ar.png'));
        const shift = {};
        for (const p of live.filter((p) => p.name !== 'incident')) shift[p.path] = await throttledLoad(server.url + p.path, { runs: 3 });
        // The same without a locally installed Noto Naskh Arabic (most readers' devices).
        const fcConf = path.join(logDir, 'fonts-no-naskh.conf');
        fs.writeFileSync(fcConf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><selectfont><rejectfont><pattern><patelt name="family"><string>Noto Naskh Arabic</string></patelt></pattern></rejectfont></selectfont></fontconfig>\n`);
        const prev = process.env.FONTCONFIG_FILE;
        process.env.FONTCONFIG_FILE = fcConf;
        const shiftNoNaskh = {};
        for (const p of live.filter((p) => p.locale === 'ar' && p.name !== 'incident')) shiftNoNaskh[p.path] = await throttledLoad(server.url + p.path, { runs: 3 });
        if (prev === undefined) delete process.env.FONTCONFIG_FILE; else process.env.FONTCONFIG_FILE = prev;
        result.sections.fonts = { intendedFaces: fc.ok, paintedBy: fc.result, slow4g: shift, slow4gWithoutLocalNaskh: shiftNoNaskh };
      }
    }
    if (want('layout')) {
      if (!tools.chromium) skipSection('layout', 'no chromium');
      else {
        // First style+layout timed in the page: stable to a few ms where traces and Lighthouse
        // swing by half on this machine (docs/decisions/0062).
        log('layout: first style+layout of each page, minimum of 11 loads, phone and desktop widths');
        const { firstLayout } = await import('./lib/first-layout.mjs');
        result.sections.layout = [];
        for (const width of [412, 1280]) {
          const measured = await firstLayout(live.map((p) => server.url + p.path), { runs: 11, width, chromiumPath: CHROMIUM });
          measured.forEach((m, i) => result.sections.layout.push({ path: live[i].path, width, minMs: m.minMs, p25Ms: m.p25Ms, medianMs: m.medianMs }));
        }
      }
    }
    if (want('lighthouse')) {
      if (!tools.chromium) skipSection('lighthouse', 'no chromium');
      else {
        const { lighthouseMedian } = await import('./lib/lighthouse.mjs');
        result.sections.lighthouse = [];
        for (const p of live) {
          for (const preset of ['mobile', 'desktop']) {
            log(`lighthouse ${preset} ${p.path} ×${lhRuns}`);
            result.sections.lighthouse.push({ ...p, preset, ...(await lighthouseMedian(server.url + p.path, preset, lhRuns)) });
          }
        }
      }
    }
    if (want('wrk')) {
      if (!tools.wrk || !tools.nginx) skipSection('wrk', `missing ${[!tools.wrk && 'wrk', !tools.nginx && 'nginx'].filter(Boolean).join(' and ')}`);
      else {
        const { wrkVsNginx } = await import('./lib/wrk.mjs');
        const urlPath = `/ar/articles/${articleSlug}`;
        result.sections.wrk = await wrkVsNginx({ pageUrl: server.url + urlPath, urlPath, nginxPort: await freePort(41100, 41199, taken), workDir: path.join(ROOT, 'bench', 'generated', 'nginx'), logDir });
      }
    }
  } finally {
    await server.stop();
  }
} else if (!built) ['pages', 'fonts', 'lighthouse', 'wrk', 'sse'].filter(want).forEach((s) => skipSection(s, 'the build failed'));

if (built && want('sse')) {
  const { sseFanout } = await import('./lib/sse.mjs');
  log('sse fan-out: 1,000 streams');
  result.sections.sse = await sseFanout({
    distDir: DIST,
    ports: { sse: await freePort(41100, 41199, taken), sim: await freePort(41100, 41199, taken) },
    dataDir: path.join(ROOT, 'bench', 'generated', 'data-sse'),
    logDir,
  });
}

// ---- the framework floor: a minimal page of the same Next.js, measured the same way ----------------
if (want('floor')) {
  if (!tools.chromium) skipSection('floor', 'no chromium');
  else {
    log(`framework floor: bench/floor, lighthouse mobile ×${lhRuns}`);
    const { measureFloor } = await import('./lib/floor.mjs');
    result.sections.floor = await measureFloor({ port: await freePort(41100, 41199, taken), logDir, lhRuns });
  }
}

// ---- build time vs content size ------------------------------------------------------------------
if (want('buildtime')) {
  result.sections.buildtime = { bundled: result.build ? { pairs: null, ms: result.build.ms } : null, generated: [] };
  for (const n of genCounts) {
    const dir = path.join(ROOT, 'bench', 'generated', `articles-${n}`);
    const g = await run(process.execPath, [path.join(ROOT, 'scripts', 'generate-articles.mjs'), String(n), dir], { timeoutMs: 60_000 });
    if (g.code !== 0) { skipSection(`buildtime ${n}`, g.stderr.trim()); continue; }
    log(`next build with ${n} generated article pairs → ${DIST_GEN}`);
    const b = await nextBuild({ distDir: DIST_GEN, articlesDir: dir, logFile: path.join(logDir, `build-gen-${n}.log`), extraEnv: { SITE_URL } });
    const pages = /Generating static pages[^(]*\((\d+)\/(\d+)\)/g;
    let total = null;
    for (const m of (b.stdout + b.stderr).matchAll(pages)) total = Number(m[2]);
    result.sections.buildtime.generated.push({ pairs: n, ms: Math.round(b.ms), ok: b.code === 0, staticPages: total });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.rmSync(path.join(ROOT, DIST_GEN), { recursive: true, force: true });
  const ok = result.sections.buildtime.generated.filter((g) => g.ok);
  if (ok.length >= 2) {
    // Least squares: ms = a + b·pairs.
    const xs = ok.map((g) => g.pairs), ys = ok.map((g) => g.ms);
    const mx = xs.reduce((a, b) => a + b) / xs.length, my = ys.reduce((a, b) => a + b) / ys.length;
    const b = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    result.sections.buildtime.msPerPair = Math.round(b);
    result.sections.buildtime.interceptMs = Math.round(my - b * mx);
  }
}

result.totalSeconds = Math.round((Date.now() - started) / 1000);
result.machine.loadavgAtEnd = os.loadavg().map((x) => +x.toFixed(2));
result.command = `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim();
const { misses } = writeReport(result, { resultsDir, name: argv.out ? `${date}-${argv.out}` : date, budgets: JSON.parse(fs.readFileSync(path.join(ROOT, 'bench', 'budgets.json'), 'utf8')) });
const outName = argv.out ? `${date}-${argv.out}` : date;
log(`done in ${result.totalSeconds} s → bench/results/${outName}.json, bench/results/${outName}.md`);
if (misses.length) {
  console.log(`\n${misses.length} budget(s) missed:`);
  for (const m of misses) console.log(`  ✗ ${m}`);
} else console.log('\nAll budgets held.');
// Budgets with timing figures are reported, not enforced: exit 0 unless asked (--strict).
process.exitCode = argv.strict && misses.length ? 1 : 0;
