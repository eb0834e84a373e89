import { chromium } from '@playwright/test';
const [,, out, url, width = '1280', height = '900', full = '1'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-background-networking'] });
const p = await b.newPage({ viewport: { width: +width, height: +height } });
await p.goto(url, { waitUntil: 'networkidle' });
await p.screenshot({ path: out, fullPage: full === '1' });
await b.close();
