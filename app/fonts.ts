import localFont from 'next/font/local';

/**
 * Self-hosted from npm (no network at build). Each file holds one script only, so an
 * English page never downloads Arabic glyphs unless it shows Arabic text, and vice versa.
 * next/font hashes the files, serves them immutable and generates size-adjusted
 * fallbacks so swapping fonts does not shift the layout.
 */
export const arabicFont = localFont({
  src: '../node_modules/@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2',
  variable: '--font-arabic',
  weight: '400 700',
  style: 'normal',
  display: 'swap',
  preload: true,
  fallback: ['Noto Naskh Arabic', 'Tahoma', 'Arial', 'sans-serif'],
  adjustFontFallback: 'Arial',
});

export const latinFont = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-latin',
  weight: '100 900',
  style: 'normal',
  display: 'swap',
  preload: true,
  fallback: ['system-ui', 'Segoe UI', 'Arial', 'sans-serif'],
  adjustFontFallback: 'Arial',
});
