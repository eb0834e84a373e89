import { localeConfig, type Locale } from '@/lib/i18n/locales';

/** Counts the words a reader reads: no frontmatter, footnote definitions, JSX tags or URLs. */
export function countWords(mdx: string): number {
  const text = mdx
    .replace(/^---[\s\S]*?---/, ' ')
    .replace(/^\[\^[^\]]+\]:.*$/gm, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/\[\^[^\]]+\]/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[#*_`>|[\]{}]/g, ' ');
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function readingMinutes(mdx: string, locale: Locale): number {
  return Math.max(1, Math.round(countWords(mdx) / localeConfig(locale).wordsPerMinute));
}
