import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 320, height: 640 } });
for (const u of process.argv.slice(2)) {
  await p.goto(u);
  const r = await p.evaluate(() => {
    const W = document.documentElement.clientWidth; const out = [];
    for (const el of document.querySelectorAll('body *')) { const b = el.getBoundingClientRect(); if (b.right > W + 1 || b.left < -1) out.push(el.tagName + '.' + el.className + ' ' + Math.round(b.left) + '..' + Math.round(b.right) + ' ' + (el.textContent||'').slice(0,40)); }
    return out.slice(0, 8);
  });
  console.log(u, r);
}
await b.close();
