import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The card's fonts, read from the same @fontsource-variable packages the site serves, so a
 * card and its article page share their letterforms. Each file holds one script; the
 * `unicodeRange` strings are copied from the package's index.css (fonts.test.ts fails when an
 * upgrade changes them), and they decide which face draws which character exactly as the
 * browser's @font-face rules do: Latin names inside an Arabic title are drawn by Inter, and
 * spaces and digits everywhere come from Inter too.
 */
export const ARABIC_FAMILY = 'Noto Naskh Arabic Variable';
export const LATIN_FAMILY = 'Inter Variable';

export interface CardFontFile {
  readonly family: string;
  /** Package folder under node_modules. */
  readonly pkg: string;
  /** File under the package's files/ folder. */
  readonly file: string;
  /** CSS unicode-range, verbatim from the package's index.css. */
  readonly unicodeRange: string;
  /** Variable weight axis range, as in the package's @font-face. */
  readonly weight: readonly [number, number];
}

export const cardFontFiles: readonly CardFontFile[] = [
  {
    family: ARABIC_FAMILY,
    pkg: '@fontsource-variable/noto-naskh-arabic',
    file: 'noto-naskh-arabic-arabic-wght-normal.woff2',
    unicodeRange:
      'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC,U+102E0-102FB,U+10E60-10E7E,U+10EC2-10EC4,U+10EFC-10EFF,U+1EE00-1EE03,U+1EE05-1EE1F,U+1EE21-1EE22,U+1EE24,U+1EE27,U+1EE29-1EE32,U+1EE34-1EE37,U+1EE39,U+1EE3B,U+1EE42,U+1EE47,U+1EE49,U+1EE4B,U+1EE4D-1EE4F,U+1EE51-1EE52,U+1EE54,U+1EE57,U+1EE59,U+1EE5B,U+1EE5D,U+1EE5F,U+1EE61-1EE62,U+1EE64,U+1EE67-1EE6A,U+1EE6C-1EE72,U+1EE74-1EE77,U+1EE79-1EE7C,U+1EE7E,U+1EE80-1EE89,U+1EE8B-1EE9B,U+1EEA1-1EEA3,U+1EEA5-1EEA9,U+1EEAB-1EEBB,U+1EEF0-1EEF1',
    weight: [400, 700],
  },
  {
    family: LATIN_FAMILY,
    pkg: '@fontsource-variable/inter',
    file: 'inter-latin-wght-normal.woff2',
    unicodeRange:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
    weight: [100, 900],
  },
  {
    family: LATIN_FAMILY,
    pkg: '@fontsource-variable/inter',
    file: 'inter-latin-ext-wght-normal.woff2',
    unicodeRange:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
    weight: [100, 900],
  },
];

/** Parses a CSS unicode-range ("U+0600-06FF,U+204F") into inclusive code point pairs. */
export function parseUnicodeRange(css: string): [number, number][] {
  return css.split(',').map((part) => {
    const match = /^\s*U\+([0-9A-F]{1,6})(?:-([0-9A-F]{1,6}))?\s*$/i.exec(part);
    if (!match?.[1]) throw new Error(`Invalid unicode-range part: "${part}"`);
    const start = Number.parseInt(match[1], 16);
    const end = match[2] ? Number.parseInt(match[2], 16) : start;
    return [start, end];
  });
}

/**
 * Resolved from the working directory, not from this module's URL: inside the Next server
 * this file is bundled into .next/, where a relative path means nothing, while `process.cwd()`
 * is the app root both in `next start`, the standalone server and vitest. The files must be
 * traced into the build output (outputFileTracingIncludes) for standalone deployments.
 */
export function cardFontPath(font: Pick<CardFontFile, 'pkg' | 'file'>, root: string = process.cwd()): string {
  return path.join(root, 'node_modules', font.pkg, 'files', font.file);
}

export interface LoadedCardFont {
  readonly family: string;
  readonly data: Buffer;
  readonly unicodeRange: [number, number][];
}

export async function readCardFonts(root?: string): Promise<LoadedCardFont[]> {
  return Promise.all(
    cardFontFiles.map(async (font) => {
      const file = cardFontPath(font, root);
      let data: Buffer;
      try {
        data = await readFile(file);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Share card font missing: ${file} (${reason}). Is ${font.pkg} installed and traced into the build?`);
      }
      return { family: font.family, data, unicodeRange: parseUnicodeRange(font.unicodeRange) };
    }),
  );
}
