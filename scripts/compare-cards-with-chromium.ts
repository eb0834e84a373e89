/**
 * Renders every reference card twice, with takumi (what the site serves) and with headless
 * Chromium (whose Arabic shaping, bidi and line breaking are the reference), and writes both
 * plus a diff image to test-results/share-cards/chromium/. Run it after upgrading
 * @takumi-rs/*, the fonts or the card design, and look at the images before refreshing the
 * stored references (scripts/update-card-references.ts).
 *
 *   npx tsx scripts/compare-cards-with-chromium.ts
 *
 * Chromium comes from CHROMIUM_PATH (default /usr/bin/chromium): Playwright cannot download
 * its own browsers on these machines.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CARD_HEIGHT, CARD_WIDTH, ShareCard } from '@/lib/share-cards/card';
import { cardFontFiles, cardFontPath } from '@/lib/share-cards/fonts';
import { diffPngs } from '@/lib/share-cards/png-diff';
import { referenceCases } from '@/lib/share-cards/reference-cases';
import { layoutShareCard, renderShareCard } from '@/lib/share-cards/render';
import { toCardText } from '@/lib/share-cards/text';

const outDir = path.join(process.cwd(), 'test-results', 'share-cards', 'chromium');

function fontFaceCss(): string {
  return cardFontFiles
    .map(
      (font) =>
        `@font-face{font-family:'${font.family}';font-style:normal;font-weight:${font.weight[0]} ${font.weight[1]};` +
        `src:url(${pathToFileURL(cardFontPath(font)).href}) format('woff2');unicode-range:${font.unicodeRange};}`,
    )
    .join('\n');
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: CARD_WIDTH, height: CARD_HEIGHT } });
    for (const { name, input } of referenceCases) {
      const layout = await layoutShareCard(input);
      const markup = renderToStaticMarkup(
        createElement(ShareCard, {
          locale: input.locale,
          title: layout.title,
          titleFontSize: layout.titleFontSize,
          kicker: toCardText(input.kicker),
          date: toCardText(input.date),
          siteName: toCardText(input.siteName),
          domain: input.domain === undefined ? undefined : toCardText(input.domain),
        }),
      );
      const html = `<!doctype html><html><head><meta charset="utf-8"><style>${fontFaceCss()}\nhtml,body{margin:0}*{box-sizing:border-box}</style></head><body>${markup}</body></html>`;
      // A file:// page, so Chromium may load the fonts from node_modules.
      const htmlFile = path.join(outDir, `${name}.html`);
      await writeFile(htmlFile, html);
      await page.goto(pathToFileURL(htmlFile).href);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const expected = await page.screenshot({ clip: { x: 0, y: 0, width: CARD_WIDTH, height: CARD_HEIGHT } });
      const actual = await renderShareCard(input);
      const diff = diffPngs(expected, actual);
      await writeFile(path.join(outDir, `${name}-chromium.png`), expected);
      await writeFile(path.join(outDir, `${name}-takumi.png`), actual);
      await writeFile(path.join(outDir, `${name}-diff.png`), diff.diffPng);
      console.log(
        `${name.padEnd(14)} size ${String(layout.titleFontSize).padStart(2)}px${layout.truncated ? ' (cut)' : ''}  ` +
          `pixels differing from Chromium: ${(diff.ratio * 100).toFixed(2)}%`,
      );
    }
  } finally {
    await browser.close();
  }
  console.log(`Images in ${path.relative(process.cwd(), outDir)}/ — look at them; the numbers only say where.`);
}

await main();
