import localFont from 'next/font/local';

/**
 * Self-hosted subsets (no network at build): app/fonts/*.woff2 are made from the npm font
 * packages by scripts/subset-fonts.sh, which keeps only the characters the site prints and, for
 * Arabic, every shaping feature. Sizes, ranges and the preload choice: docs/decisions/0030-fonts.md.
 *
 * next/font hashes the files, serves them immutable and generates size-adjusted fallback faces
 * so that swapping fonts does not shift the layout.
 */

// Arabic body and headings (Noto Naskh Arabic, variable 400–700, U+0600–06FF + joiners/bidi marks;
// about 43 KB). Arabic is the default locale and its text is the largest paint on Arabic pages.
export const arabicFont = localFont({
  src: './fonts/noto-naskh-arabic-subset.woff2',
  variable: '--font-arabic',
  weight: '400 700',
  style: 'normal',
  display: 'swap',
  preload: true,
  fallback: ['Noto Naskh Arabic', 'Tahoma', 'Arial', 'sans-serif'],
  adjustFontFallback: 'Arial',
});

// Latin (Inter, variable limited to 400–700, Basic Latin + Latin-1 + punctuation; about 25 KB).
// English pages are set in it; Arabic pages use it for Western digits, Latin names and « » . : ,
export const latinFont = localFont({
  src: './fonts/inter-latin-subset.woff2',
  variable: '--font-latin',
  weight: '400 700',
  style: 'normal',
  display: 'swap',
  preload: true,
  fallback: ['system-ui', 'Segoe UI', 'Arial', 'sans-serif'],
  adjustFontFallback: 'Arial',
});
