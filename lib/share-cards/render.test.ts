import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromJsx } from '@takumi-rs/helpers/jsx';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { CardTitle, TITLE_MAX_HEIGHT } from '@/lib/share-cards/card';
import { diffPngs, PNG_SIGNATURE, pngSize } from '@/lib/share-cards/png-diff';
import { referenceCases, type ReferenceCase } from '@/lib/share-cards/reference-cases';
import { layoutShareCard, renderShareCard } from '@/lib/share-cards/render';
import { titleScale } from '@/lib/share-cards/text';

/**
 * Pixels allowed to differ (channel difference above 48/255) before the card counts as changed.
 * Measured on ar-hard: one haraka removed or changed moves 80–100 pixels, all harakat stripped
 * about 1,000, two words swapped about 4,700. Takumi rasterises in software, so the same
 * versions give byte-identical images; the allowance only absorbs anti-aliasing drift.
 */
const MAX_MISMATCH_RATIO = 0.00005;

const referenceDir = path.join(process.cwd(), 'lib', 'share-cards', '__reference__');
const resultsDir = path.join(process.cwd(), 'test-results', 'share-cards');

function stored(name: string): ReferenceCase {
  const found = referenceCases.find((c) => c.name === name && c.stored);
  if (!found) throw new Error(`No stored reference case "${name}"`);
  return found;
}

describe('share card visual regression', () => {
  it.each(referenceCases.filter((c) => c.stored).map((c) => [c.name, c] as const))(
    '%s matches its stored reference',
    async (name, { input }) => {
      const actual = await renderShareCard(input);
      const expected = readFileSync(path.join(referenceDir, `${name}.png`));
      const diff = diffPngs(expected, actual);
      if (diff.ratio > MAX_MISMATCH_RATIO) {
        mkdirSync(resultsDir, { recursive: true });
        writeFileSync(path.join(resultsDir, `${name}-actual.png`), actual);
        writeFileSync(path.join(resultsDir, `${name}-diff.png`), diff.diffPng);
      }
      expect(
        diff.ratio,
        `${name}: ${(diff.ratio * 100).toFixed(3)}% of pixels differ (${diff.mismatched}${diff.sizeMismatch ? ', size changed' : ''}). ` +
          `See test-results/share-cards/${name}-actual.png and ${name}-diff.png; if the change is intended, ` +
          'look at the new image and refresh with scripts/update-card-references.ts.',
      ).toBeLessThanOrEqual(MAX_MISMATCH_RATIO);
    },
  );

  it('catches a change as small as losing the harakat of the Arabic title', async () => {
    const { input } = stored('ar-hard');
    const bare = input.title.replace(/[\u064B-\u0652]/g, '');
    expect(bare).not.toBe(input.title);
    const diff = diffPngs(readFileSync(path.join(referenceDir, 'ar-hard.png')), await renderShareCard({ ...input, title: bare }));
    expect(diff.ratio).toBeGreaterThan(MAX_MISMATCH_RATIO * 10);
  });
});

describe('renderShareCard', () => {
  it.each(['ar', 'en'] as const)('returns a 1200×630 PNG for %s', async (locale) => {
    const png = await renderShareCard({
      locale,
      title: locale === 'ar' ? 'انقطاع كلاودفلير بالتفصيل' : 'The Cloudflare outage in detail',
      kicker: locale === 'ar' ? 'أخبار' : 'News',
      date: locale === 'ar' ? '18 نوفمبر 2025' : '18 November 2025',
      siteName: locale === 'ar' ? 'مرصد الانقطاعات' : 'Outage Watch',
    });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('draws a script tag in a title as literal text, without throwing', async () => {
    const xss = '<script>alert(1)</script>';
    const base = { locale: 'ar' as const, kicker: 'أخبار', date: '18 نوفمبر 2025', siteName: 'مرصد الانقطاعات' };
    const layout = await layoutShareCard({ locale: 'ar', title: xss });
    expect(layout.title).toBe(xss);
    // The title reaches the renderer as one text node holding the literal string.
    const { node } = await fromJsx(createElement(CardTitle, { locale: 'ar', title: layout.title, titleFontSize: layout.titleFontSize }));
    expect(node).toMatchObject({ type: 'text', text: xss });
    const withXss = await renderShareCard({ ...base, title: xss });
    const withoutTitle = await renderShareCard({ ...base, title: '' });
    expect(pngSize(withXss)).toEqual({ width: 1200, height: 630 });
    // Something was drawn where the title goes: the characters, not nothing.
    expect(diffPngs(withoutTitle, withXss).mismatched).toBeGreaterThan(500);
  });

  it('fits a 140-character Arabic title by shrinking it, without cutting it', async () => {
    const long = referenceCases.find((c) => c.name === 'ar-long')?.input.title ?? '';
    expect([...long].length).toBe(140);
    const short = await layoutShareCard({ locale: 'ar', title: 'انقطاع كلاودفلير بالتفصيل' });
    const layout = await layoutShareCard({ locale: 'ar', title: long });
    expect(layout.truncated).toBe(false);
    expect(layout.title).toBe(long);
    expect(layout.titleFontSize).toBeLessThan(short.titleFontSize);
    expect(layout.titleFontSize).toBeGreaterThanOrEqual(titleScale.ar.min);
  });

  it('cuts a title that cannot fit even at the minimum size, at a word, with an ellipsis', async () => {
    const endless = Array.from({ length: 60 }, (_, i) => `كلاودفلير${i} ChatGPT`).join(' ');
    const layout = await layoutShareCard({ locale: 'ar', title: endless });
    expect(layout.truncated).toBe(true);
    expect(layout.titleFontSize).toBe(titleScale.ar.min);
    expect(layout.title.endsWith('…')).toBe(true);
    expect(endless.startsWith(layout.title.slice(0, -1))).toBe(true);
    const png = await renderShareCard({ locale: 'ar', title: endless, kicker: 'أخبار', date: '18 نوفمبر 2025', siteName: 'مرصد الانقطاعات' });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('cuts an English URL-like title with no spaces by character', async () => {
    const layout = await layoutShareCard({ locale: 'en', title: 'W'.repeat(600) });
    expect(layout.truncated).toBe(true);
    expect(layout.title).toMatch(/^W+…$/);
  });

  it('keeps the title box within the card for the stored cases', async () => {
    expect(TITLE_MAX_HEIGHT).toBeGreaterThan(300);
    for (const { input } of referenceCases) {
      const layout = await layoutShareCard(input);
      expect(layout.truncated, input.title).toBe(false);
    }
  });
});
