import type { Locale } from '@/lib/i18n/locales';

/**
 * Card text is plain text from editors and upstream data. Bidi embedding/override and isolate
 * controls are removed because a stray U+202E would visually reverse the rest of a headline
 * (the classic spoofing trick); the card adds its own isolates where it wants them.
 * Line breaks are collapsed: the card wraps text itself.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

export function toCardText(value: string): string {
  return value.replace(UNSAFE_CHARACTERS, '').replace(/\s+/g, ' ').trim();
}

const FSI = '\u2068';
const PDI = '\u2069';

// Runs of Latin words (a domain, a brand name) and, for LTR cards, runs of Arabic words:
// neutral characters inside a run (spaces, dots, hyphens, slashes) stay with it, so
// "outagewatch.example" or "Outage Watch" is isolated as one unit.
const LATIN_RUN = /[A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F._:/@-]*(?: [A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F._:/@-]*)*/g;
const ARABIC_RUN = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC]+(?: [\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC]+)*/g;

/**
 * Wraps every run written in the other direction's script in FSI…PDI, so a footer such as
 * "18 نوفمبر 2025 · outagewatch.example" keeps the order the design asks for instead of the
 * order the bidi algorithm infers from neighbouring digits and punctuation.
 * Text already entirely in the other script is left alone: there is nothing to isolate it from.
 */
export function isolateForeignRuns(text: string, dir: 'rtl' | 'ltr'): string {
  const pattern = dir === 'rtl' ? LATIN_RUN : ARABIC_RUN;
  const own = dir === 'rtl' ? /[\u0600-\u06FF]/ : /[A-Za-z]/;
  if (!own.test(text)) return text;
  return text.replace(pattern, (run) => `${FSI}${run}${PDI}`);
}

export interface TitleScale {
  /** Size used for the shortest titles. */
  readonly max: number;
  /** Below this the card is unreadable in a timeline thumbnail; the title is cut instead. */
  readonly min: number;
  readonly lineHeight: number;
}

/**
 * Arabic gets larger sizes and more leading than Latin (Naskh letters sit small on their
 * em box, and stacked harakat need room above and below the line), as on the site itself.
 */
export const titleScale: Readonly<Record<Locale, TitleScale>> = {
  ar: { max: 84, min: 38, lineHeight: 1.5 },
  en: { max: 80, min: 36, lineHeight: 1.18 },
};

// Characters → starting size. Shorter titles get display sizes; a 140-character title
// (the frontmatter maximum) starts small enough to fit in four lines.
const steps: readonly (readonly [maxLength: number, ar: number, en: number])[] = [
  [30, 84, 80],
  [50, 76, 72],
  [75, 68, 66],
  [100, 62, 60],
  [125, 56, 56],
  [150, 54, 52],
];

/** The largest title size worth trying for a title of this many characters. */
export function titleFontSizeFor(locale: Locale, title: string): number {
  const length = [...title].length;
  const scale = titleScale[locale];
  for (const [maxLength, ar, en] of steps) {
    if (length <= maxLength) return locale === 'ar' ? ar : en;
  }
  return scale.min + 4;
}

/** Candidate sizes from the starting size down to the minimum, for the fit loop. */
export function titleSizeCandidates(locale: Locale, title: string): number[] {
  const { min } = titleScale[locale];
  const sizes: number[] = [];
  for (let size = titleFontSizeFor(locale, title); size > min; size -= 4) sizes.push(size);
  sizes.push(min);
  return sizes;
}

/**
 * Pieces a title can be cut into: words, or characters (grapheme clusters, so a letter keeps
 * its harakat) when it has no spaces to cut at, such as a pasted URL.
 */
export function titlePieces(title: string): string[] {
  const words = title.split(' ');
  if (words.length > 1) return words;
  return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(title), (s) => s.segment);
}

/** The first `count` pieces with an ellipsis: the last resort when nothing fits. */
export function cutTitle(title: string, count: number): string {
  const pieces = titlePieces(title);
  if (count >= pieces.length) return title;
  const joiner = title.includes(' ') ? ' ' : '';
  // Trailing punctuation before the ellipsis reads as a typo ("…،" / ",…").
  const kept = pieces.slice(0, Math.max(1, count)).join(joiner).replace(/[\s,.;:،؛\-–—]+$/u, '');
  return `${kept}…`;
}
