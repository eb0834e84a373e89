import localFont from 'next/font/local';

/**
 * Self-hosted subsets (no network at build), made from the npm font packages by
 * scripts/subset-fonts.sh, which keeps only the characters the site prints and, for Arabic,
 * every shaping feature. Sizes, ranges, fallbacks and the preload choice are explained, with
 * measurements, in docs/decisions/0030-fonts.md.
 *
 * Preloading: each page preloads the faces its own language needs at first paint, so the text
 * is painted once, in the right face, with no swap and no layout shift. Both languages share
 * app/[locale]/layout.tsx, and next/font preloads a font on every page of the layout that
 * declares it: that suits the Latin face (English text; Western digits, Latin names and « » . :
 * on Arabic pages), not the Arabic one, which English pages never use. So the Arabic face is not
 * a next/font: it is a content-hashed file in public/fonts (cached as immutable,
 * next.config.ts), declared by `arabicFontFaceCss` and preloaded by the layout on Arabic pages
 * only.
 *
 * Fallbacks: `--font-arabic` must hold the Arabic web face ONLY. globals.css builds the Arabic
 * stack as `var(--font-arabic), var(--font-latin), …`; any local font listed in --font-arabic
 * (Tahoma, Arial…) also has Latin letters, and would paint the Latin names and digits of Arabic
 * pages before Inter is ever reached. So the Arabic face has no fallback list of its own: while it
 * loads, Arabic text falls through the Latin stack below, where 'Noto Naskh Arabic' and Tahoma
 * come right after Arial (which has no Arabic on Linux and catches Latin first elsewhere).
 */

export { arabicFontFaceCss, arabicFontFile } from '@/app/arabic-font';

// Latin: Inter, variable limited to 400–700, Basic Latin + Latin-1 + punctuation. Its generated
// fallback face (local Arial, size-adjusted to Inter) keeps English pages from shifting.
export const latinFont = localFont({
  src: './fonts/inter-latin-subset.woff2',
  variable: '--font-latin',
  weight: '400 700',
  style: 'normal',
  // A 100 ms wait, then swap only within 3 s: its size-adjusted fallback keeps English pages at
  // CLS 0 either way. (The Arabic face blocks instead: app/arabic-font.ts, decision 0030.)
  display: 'fallback',
  preload: true,
  fallback: ['Arial', 'Noto Naskh Arabic', 'Tahoma', 'system-ui', 'Segoe UI', 'sans-serif'],
  adjustFontFallback: 'Arial',
});
