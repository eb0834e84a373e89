import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFontFiles, cardFontPath, parseUnicodeRange, readCardFonts } from '@/lib/share-cards/fonts';

describe('card fonts', () => {
  it.each(cardFontFiles.map((f) => [f.file, f] as const))('%s exists and its unicode-range matches the package CSS', (_, font) => {
    expect(existsSync(cardFontPath(font))).toBe(true);
    // An upgrade of @fontsource-variable/* may re-split the subsets; the copied ranges must follow.
    const css = readFileSync(path.join(process.cwd(), 'node_modules', font.pkg, 'index.css'), 'utf8');
    const block = css.split('@font-face').find((b) => b.includes(`files/${font.file}`));
    expect(block, `no @font-face for ${font.file} in ${font.pkg}/index.css`).toBeDefined();
    expect(block).toContain(`unicode-range: ${font.unicodeRange};`);
  });

  it('lets the Arabic face draw Arabic letters and harakat, and the Latin face draw spaces and digits', () => {
    const covers = (family: string, cp: number) =>
      cardFontFiles.some((f) => f.family === family && parseUnicodeRange(f.unicodeRange).some(([a, b]) => cp >= a && cp <= b));
    const arabic = cardFontFiles[0]?.family ?? '';
    const latin = cardFontFiles[1]?.family ?? '';
    for (const ch of 'عُطْلٌّ') expect(covers(arabic, ch.codePointAt(0) ?? 0)).toBe(true);
    for (const ch of ' 0C·\u2068\u2069') {
      expect(covers(latin, ch.codePointAt(0) ?? 0)).toBe(true);
      expect(covers(arabic, ch.codePointAt(0) ?? 0)).toBe(false);
    }
  });

  it('parses unicode ranges, single code points included', () => {
    expect(parseUnicodeRange('U+0600-06FF,U+204F, U+1EE00-1EE03')).toEqual([
      [0x600, 0x6ff],
      [0x204f, 0x204f],
      [0x1ee00, 0x1ee03],
    ]);
    expect(() => parseUnicodeRange('U+06ZZ')).toThrow(/Invalid unicode-range/);
  });

  it('names the missing file and the package when fonts cannot be read', async () => {
    await expect(readCardFonts('/nonexistent-root')).rejects.toThrow(/Share card font missing: .*@fontsource-variable\/(noto-naskh-arabic|inter).*traced into the build/);
  });
});
