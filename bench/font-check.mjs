#!/usr/bin/env node
// Checks that the subset fonts still render Arabic (with harakat and Arabic punctuation) and Latin
// names inside Arabic in the intended web fonts, on an Arabic article of a running server: on an
// Arabic page every run, Latin included, is drawn by the Naskh family (app/web-fonts.ts).
//
//   node bench/font-check.mjs <baseUrl> <articlePath> [outPng] [compareBaseUrl]
//
// Adds a probe paragraph to the article body (same CSS as the prose), asks Chromium which fonts
// painted each run (CDP CSS.getPlatformFontsForNode: web font or local), and saves a screenshot.
// With compareBaseUrl (a build with the full, unsubset fonts), also screenshots the same region
// there and counts differing pixels: the subsets must render identically.
import { chromium } from '@playwright/test';
import { PNG } from 'pngjs';
import fs from 'node:fs';
import { CHROMIUM_PATH, CHROME_FLAGS } from './lib/pages.mjs';

const PROBE = [
  { id: 'harakat', lang: 'ar', text: 'عُطْلٌ مُفاجِئٌ في شَبَكَةِ كلاودفلير' },
  { id: 'punct', lang: 'ar', text: 'قال: «توقّفت الخدمة»، ثم عادت؛ فما السبب؟' },
  { id: 'names', lang: 'ar', text: 'تعطّلت إكس وChatGPT وSpotify عند 11:20 UTC.' },
  { id: 'latin', lang: 'en', text: 'Matthew Prince, “Cloudflare outage on November 18, 2025” — 2.1 million reports.' },
];

export async function fontCheck(baseUrl, articlePath, outPng) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROME_FLAGS.filter((f) => f !== '--headless=new') });
  try {
    const page = await browser.newPage({ viewport: { width: 760, height: 900 }, deviceScaleFactor: 1 });
    // After hydration: a node added before React hydrates the document would be a mismatch that
    // React repairs by re-rendering, removing the probe under our feet.
    await page.goto(baseUrl + articlePath, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    await page.evaluate((probe) => {
      const body = document.querySelector('[data-testid="article-body"]') ?? document.querySelector('main');
      const box = document.createElement('div');
      box.id = 'font-probe';
      box.style.cssText = 'border:2px solid #b3261e;padding:8px;margin-block:8px;background:#fff;color:#111';
      for (const p of probe) {
        const el = document.createElement('p');
        el.id = `probe-${p.id}`;
        if (p.lang !== document.documentElement.lang) el.lang = p.lang;
        el.textContent = p.text;
        box.append(el);
      }
      const bold = document.createElement('p');
      bold.id = 'probe-bold';
      bold.innerHTML = '<strong>عُطْلٌ، «ChatGPT»؛ لماذا؟</strong>';
      box.append(bold);
      body.prepend(box);
    }, PROBE);
    await page.evaluate(() => document.fonts.ready);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const result = {};
    for (const id of [...PROBE.map((p) => p.id), 'bold']) {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#probe-${id}${id === 'bold' ? ' strong' : ''}` });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      result[id] = fonts.map((f) => `${f.familyName}${f.isCustomFont ? ' (web font)' : ' (LOCAL)'} ×${f.glyphCount}`);
    }
    const faces = await page.evaluate(() => [...document.fonts].map((f) => ({ family: f.family, status: f.status, weight: f.weight })));
    const shot = await page.locator('#font-probe').screenshot();
    if (outPng) fs.writeFileSync(outPng, shot);
    const ok = Object.values(result).every((fonts) => fonts.length > 0 && fonts.every((f) => f.includes('(web font)') && /Naskh/.test(f)));
    return { ok, result, faces, shot };
  } finally {
    await browser.close();
  }
}

function pixelDiff(a, b) {
  const A = PNG.sync.read(a);
  const B = PNG.sync.read(b);
  if (A.width !== B.width || A.height !== B.height) return { sameSize: false, a: [A.width, A.height], b: [B.width, B.height] };
  let diff = 0;
  for (let i = 0; i < A.data.length; i += 4) if (A.data[i] !== B.data[i] || A.data[i + 1] !== B.data[i + 1] || A.data[i + 2] !== B.data[i + 2]) diff++;
  return { sameSize: true, differingPixels: diff, pixels: A.width * A.height };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [baseUrl, articlePath, outPng, compareUrl] = process.argv.slice(2);
  const r = await fontCheck(baseUrl, articlePath, outPng);
  console.log(JSON.stringify({ ok: r.ok, fonts: r.result, faces: r.faces }, null, 2));
  if (compareUrl) {
    const ref = await fontCheck(compareUrl, articlePath, outPng?.replace(/\.png$/, '.reference.png'));
    console.log('reference fonts', JSON.stringify(ref.result));
    console.log('pixel diff vs reference', JSON.stringify(pixelDiff(r.shot, ref.shot)));
  }
  process.exitCode = r.ok ? 0 : 1;
}
