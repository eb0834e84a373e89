import config from '@/app/web-fonts.json';

/**
 * The site's web fonts: three subset files in public/fonts, made by scripts/subset-fonts.sh from
 * the npm font packages as app/web-fonts.json lists them (the build never runs the script, so it
 * stays offline). Each name carries the first 10 hex digits of the file's SHA-256, so the
 * immutable cache never serves an old subset. Why these faces and ranges, with measurements:
 * docs/decisions/0030-fonts.md.
 *
 * - Arabic pages are set in one family, 'Outage Watch Naskh': Noto Naskh Arabic's Arabic letters
 *   and the same family's own Latin (Basic Latin, « » and the punctuation the articles use), split
 *   by unicode-range into two files. Latin names, digits and « » inside Arabic text are drawn in
 *   the Latin designed to sit beside that Naskh, and an Arabic page needs no third font.
 *   `font-display: block`: Arabic painted in a system face and then reflowed when the face
 *   arrives moved an article's headline by 0.165 on slow 4G (0030, session 5).
 * - English pages are set in Inter, with a local Arial adjusted to Inter's metrics as the
 *   fallback face (`font-display: fallback`, CLS 0 either way).
 *
 * No next/font: it preloads a font on every page of the layout that declares it, and both
 * languages share app/[locale]/layout.tsx. Here each page preloads exactly its own language's
 * files (`fontPreloads`).
 */

export type FaceKey = keyof typeof config.faces;
export interface WebFontFace {
  readonly family: string;
  readonly name: string;
  readonly source: string;
  readonly unicodeRange: string;
  readonly features: string;
  readonly weight: string;
  readonly display: string;
  readonly file: string;
}

export const webFontFaces: Readonly<Record<FaceKey, WebFontFace>> = config.faces;

/** Which files a page in each script needs at its first paint, in the order they are asked for. */
const facesFor = { arabic: ['naskhArabic', 'naskhLatin'], latin: ['inter'] } as const satisfies Record<string, readonly FaceKey[]>;
export type PageScript = keyof typeof facesFor;

export function fontPreloads(script: PageScript): string[] {
  return facesFor[script].map((key) => webFontFaces[key].file);
}

// Inter's fallback: local Arial scaled to Inter's metrics, the figures next/font computed for this
// file (ascent 0.96875, descent 0.2421875 of 1.07 em…), so English text does not move when Inter
// swaps in.
const interFallback = `@font-face{font-family:'Outage Watch Inter Fallback';src:local(Arial);ascent-override:89.79%;descent-override:22.36%;line-gap-override:0%;size-adjust:107.89%}`;

const face = (f: WebFontFace) =>
  `@font-face{font-family:'${f.family}';src:url(${f.file}) format('woff2');font-weight:${f.weight};font-style:normal;font-display:${f.display};unicode-range:${f.unicodeRange}}`;

/**
 * The @font-face rules and the two stacks globals.css builds on. On Arabic pages `--font-latin`
 * is the Naskh family too, so nothing on an Arabic page asks for Inter (an English quotation on an
 * Arabic page is drawn in Naskh's Latin). `--font-arabic` holds the web face only: a local font
 * listed there (Tahoma, Arial…) also has Latin letters and would paint the Latin of Arabic pages
 * before the Naskh Latin face is reached (0030, "What we found").
 */
export const fontFaceCss =
  Object.values(webFontFaces).map(face).join('') +
  interFallback +
  `:root{--font-arabic:'Outage Watch Naskh';--font-latin:'Outage Watch Inter','Outage Watch Inter Fallback',Arial,'Noto Naskh Arabic',Tahoma,system-ui,'Segoe UI',sans-serif}` +
  `:root:lang(ar){--font-latin:'Outage Watch Naskh',Arial,'Noto Naskh Arabic',Tahoma,system-ui,sans-serif}`;
