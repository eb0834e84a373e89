/**
 * Heading ids that work for Arabic: the text keeps its letters (browsers percent-encode
 * them in the address bar and decode them for display), while short vowels (tashkeel)
 * and the tatweel are dropped so that the same heading with or without diacritics gets
 * the same anchor.
 */
const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

export function slugify(text: string): string {
  const slug = text
    .normalize('NFC')
    .replace(TASHKEEL, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'section';
}

/** Keeps ids unique within one document: "a", "a-1", "a-2"… */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = slugify(text);
    const count = seen.get(base);
    if (count === undefined) {
      seen.set(base, 0);
      return base;
    }
    seen.set(base, count + 1);
    return `${base}-${count + 1}`;
  };
}
