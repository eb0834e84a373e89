import localFont from 'next/font/local';

/**
 * Self-hosted subsets (no network at build): app/fonts/*.woff2 are made from the npm font
 * packages by scripts/subset-fonts.sh, which keeps only the characters the site prints and, for
 * Arabic, every shaping feature. Sizes, ranges, fallbacks and the preload choice are explained,
 * with measurements, in docs/decisions/0030-fonts.md.
 *
 * Preloading: next/font preloads a font on every page of the layout that declares it, and both
 * languages share app/[locale]/layout.tsx. Only the Latin face is needed on every page (English
 * text; Western digits, Latin names and « » . : on Arabic pages), so only it is preloaded.
 * Preloading the Arabic face too would make every English page download 43 KB it never uses;
 * on Arabic pages the browser finds the Arabic face in the stylesheet in <head> instead.
 *
 * Fallbacks: `--font-arabic` must hold the Arabic web face ONLY. globals.css builds the Arabic
 * stack as `var(--font-arabic), var(--font-latin), …`; any local font listed in --font-arabic
 * (Tahoma, Arial…) also has Latin letters, and would paint the Latin names and digits of Arabic
 * pages before Inter is ever reached. So the Arabic face has no fallback list of its own: while it
 * loads, Arabic text falls through the Latin stack below, where 'Noto Naskh Arabic' and Tahoma
 * come right after Arial (which has no Arabic on Linux and catches Latin first elsewhere).
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

// Latin: Inter, variable limited to 400–700, Basic Latin + Latin-1 + punctuation. Its generated
// fallback face (local Arial, size-adjusted to Inter) keeps English pages from shifting.
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
