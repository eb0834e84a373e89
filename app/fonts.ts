import localFont from 'next/font/local';

/**
 * Self-hosted subsets (no network at build): app/fonts/*.woff2 are made from the npm font
 * packages by scripts/subset-fonts.sh, which keeps only the characters the site prints and, for
 * Arabic, every shaping feature. Sizes, ranges and the preload choice: docs/decisions/0030-fonts.md.
 *
 * next/font hashes the files, serves them immutable and generates size-adjusted fallback faces
 * so that swapping fonts shifts the layout as little as the fallback allows.
 *
 * Preloading: next/font preloads a font on every page of the layout that declares it, and both
 * languages share app/[locale]/layout.tsx. Only the Latin face is needed on every page (English
 * text; Western digits, Latin names and « » . : on Arabic pages), so only it is preloaded.
 * Preloading the Arabic face too would make every English page download 43 KB it never uses;
 * on Arabic pages the browser finds the Arabic face in the stylesheet in <head> instead, about
 * 150 ms later on a slow 4G link, with no change to FCP, LCP or layout shift (measured, 0030).
 */

// Arabic body and headings: Noto Naskh Arabic, variable 400–700, U+0600–06FF + joiners/bidi marks.
export const arabicFont = localFont({
  src: './fonts/noto-naskh-arabic-subset.woff2',
  variable: '--font-arabic',
  weight: '400 700',
  style: 'normal',
  display: 'swap',
  preload: false,
  fallback: [],
  adjustFontFallback: false,
});

// Latin: Inter, variable limited to 400–700, Basic Latin + Latin-1 + punctuation.
export const latinFont = localFont({
  src: './fonts/inter-latin-subset.woff2',
  variable: '--font-latin',
  weight: '400 700',
  style: 'normal',
  display: 'swap',
  preload: true,
  fallback: ['Arial', 'Noto Naskh Arabic', 'Tahoma', 'system-ui', 'Segoe UI', 'sans-serif'],
  adjustFontFallback: 'Arial',
});
