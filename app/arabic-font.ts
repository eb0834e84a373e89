// No next/font here: the Arabic face is a plain file (why: app/fonts.ts); unit-testable.

/**
 * Arabic body and headings: Noto Naskh Arabic, variable 400–700, U+0600–06FF + joiners/bidi
 * marks. The name carries the first 10 hex digits of the file's SHA-256 (a unit test checks it),
 * so a new subset is a new URL and the immutable cache never serves an old one.
 */
export const arabicFontFile = '/fonts/noto-naskh-arabic.e3a947d1db.woff2';

/** Its @font-face and the variable the stylesheet uses (the family name is ours, not a local font's). */
export const arabicFontFaceCss = `@font-face{font-family:'Outage Watch Naskh';src:url(${arabicFontFile}) format('woff2');font-weight:400 700;font-style:normal;font-display:block}:root{--font-arabic:'Outage Watch Naskh'}`;
