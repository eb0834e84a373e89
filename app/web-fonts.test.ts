import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontFaceCss, fontPreloads, webFontFaces } from '@/app/web-fonts';

const root = process.cwd();

/** Parses a CSS unicode-range list ("U+0020,U+0600-06FF") into inclusive [from, to] pairs. */
function parseRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const m = /^U\+([0-9A-F]{1,6})(?:-([0-9A-F]{1,6}))?$/i.exec(part.trim());
    if (!m) throw new Error(`bad unicode-range part ${JSON.stringify(part)}`);
    const from = m[1] ?? "";
    return [parseInt(from, 16), parseInt(m[2] ?? from, 16)];
  });
}
const covers = (ranges: [number, number][], cp: number) => ranges.some(([a, b]) => cp >= a && cp <= b);

/** Every text file whose words an Arabic page prints: the Arabic articles, strings, glossary and incident. */
function arabicSources(): { file: string; text: string }[] {
  const files = [
    ...fs.readdirSync(path.join(root, 'content/articles')).map((slug) => `content/articles/${slug}/ar.mdx`),
    'messages/ar.json',
    'content/glossary/terms.json',
    ...fs.readdirSync(path.join(root, 'content/incidents')).map((f) => `content/incidents/${f}`),
  ];
  return files.filter((f) => fs.existsSync(path.join(root, f))).map((file) => ({ file, text: fs.readFileSync(path.join(root, file), 'utf8') }));
}

describe('web font files', () => {
  it('each exists in public/ under a name carrying its own hash, so the immutable cache never serves an old subset', () => {
    for (const face of Object.values(webFontFaces)) {
      const file = path.join(root, 'public', face.file);
      const bytes = fs.readFileSync(file);
      const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 10);
      expect(face.file).toBe(`/fonts/${face.name}.${hash}.woff2`);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
    // No stale copies beside them.
    expect(fs.readdirSync(path.join(root, 'public/fonts')).sort()).toEqual(Object.values(webFontFaces).map((f) => path.basename(f.file)).sort());
  });

  it('an Arabic page preloads the two Naskh files and nothing else; an English page preloads Inter only', () => {
    expect(fontPreloads('arabic')).toEqual([webFontFaces.naskhArabic.file, webFontFaces.naskhLatin.file]);
    expect(fontPreloads('latin')).toEqual([webFontFaces.inter.file]);
    // Within budget: an Arabic article's fonts may not exceed 80 KB (bench/budgets.json).
    const budget = JSON.parse(fs.readFileSync(path.join(root, 'bench/budgets.json'), 'utf8')).fontBytesArabicArticle;
    const arabicBytes = fontPreloads('arabic').reduce((n, f) => n + fs.statSync(path.join(root, 'public', f)).size, 0);
    expect(arabicBytes).toBeLessThanOrEqual(budget);
  });

  it('declares each face with its range; Naskh blocks, Inter falls back to metric-matched Arial', () => {
    for (const face of Object.values(webFontFaces)) {
      expect(fontFaceCss).toContain(`src:url(${face.file}) format('woff2');font-weight:400 700;font-style:normal;font-display:${face.display};unicode-range:${face.unicodeRange}}`);
    }
    expect(webFontFaces.naskhArabic.display).toBe('block');
    expect(webFontFaces.naskhLatin.display).toBe('block');
    expect(webFontFaces.naskhArabic.family).toBe(webFontFaces.naskhLatin.family);
    expect(fontFaceCss).toContain("--font-arabic:'Outage Watch Naskh';");
    // On Arabic pages the Latin stack starts with the Naskh family, so Inter is never asked for there.
    expect(fontFaceCss).toMatch(/:root:lang\(ar\)\{--font-latin:'Outage Watch Naskh',/);
    expect(fontFaceCss).toContain("src:local(Arial);ascent-override");
  });

  it('the two Naskh files never both claim a character (the space belongs to the Arabic file)', () => {
    const ar = parseRange(webFontFaces.naskhArabic.unicodeRange);
    for (const [a, b] of parseRange(webFontFaces.naskhLatin.unicodeRange)) for (let cp = a; cp <= b; cp++) expect(covers(ar, cp), `U+${cp.toString(16)}`).toBe(false);
  });

  it('every letter, mark and digit the Arabic pages print is in one of the Arabic pages’ faces (else it falls back mid-word)', () => {
    const ranges = [...parseRange(webFontFaces.naskhArabic.unicodeRange), ...parseRange(webFontFaces.naskhLatin.unicodeRange)];
    const missing: string[] = [];
    const sources = arabicSources();
    expect(sources.length).toBeGreaterThan(6);
    for (const { file, text } of sources) {
      const seen = new Set<string>();
      for (const ch of text) {
        if (!/[\p{L}\p{M}\p{Nd}«»،؛؟]/u.test(ch) || seen.has(ch)) continue;
        seen.add(ch);
        // Only Arabic- and Latin-script characters are ours to draw; others (CJK in a quoted name…) fall back by design.
        if (!/[\p{Script=Arabic}\p{Script=Latin}\p{Nd}«»،؛؟]/u.test(ch)) continue;
        if (!covers(ranges, ch.codePointAt(0)!)) missing.push(`${file}: ${ch} U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
      }
    }
    expect(missing, 'add the character to a range in app/web-fonts.json and run scripts/subset-fonts.sh').toEqual([]);
  });

  it('the coverage check would catch a character outside the ranges', () => {
    const ranges = [...parseRange(webFontFaces.naskhArabic.unicodeRange), ...parseRange(webFontFaces.naskhLatin.unicodeRange)];
    expect(covers(ranges, 'ب'.codePointAt(0)!)).toBe(true);
    expect(covers(ranges, 'Z'.codePointAt(0)!)).toBe(true);
    expect(covers(ranges, 'ک'.codePointAt(0)!)).toBe(false); // Persian kaf: not in the Arabic set
    expect(covers(ranges, 'ü'.codePointAt(0)!)).toBe(false);
  });
});
