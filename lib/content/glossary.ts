import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Locale } from '@/lib/i18n/locales';

const entryText = z.strictObject({ term: z.string().trim().min(2), definition: z.string().trim().min(20) });

export const glossaryEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case id'),
  ar: entryText,
  en: entryText,
  related: z.array(z.string()).optional(),
});
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

const FILE = path.join(process.cwd(), 'content', 'glossary', 'terms.json');

export function parseGlossary(raw: unknown, file = 'content/glossary/terms.json'): GlossaryEntry[] {
  const result = z.array(glossaryEntrySchema).safeParse(raw);
  if (!result.success) {
    throw new Error(
      result.error.issues.map((i) => `${file}: field "${i.path.map(String).join('.')}": ${i.message}`).join('\n'),
    );
  }
  const ids = new Set<string>();
  for (const entry of result.data) {
    if (ids.has(entry.id)) throw new Error(`${file}: duplicate term id "${entry.id}"`);
    ids.add(entry.id);
  }
  for (const entry of result.data) {
    for (const r of entry.related ?? []) {
      if (!ids.has(r)) throw new Error(`${file}: term "${entry.id}" field "related": unknown term "${r}"`);
    }
  }
  return result.data;
}

let cache: GlossaryEntry[] | undefined;

export function getGlossary(): GlossaryEntry[] {
  if (!cache) {
    cache = fs.existsSync(FILE) ? parseGlossary(JSON.parse(fs.readFileSync(FILE, 'utf8'))) : [];
  }
  return cache;
}

export function getTerm(id: string): GlossaryEntry | undefined {
  return getGlossary().find((t) => t.id === id);
}

/** Entries sorted for display in one language (Arabic collation for Arabic). */
export function getGlossarySorted(locale: Locale): GlossaryEntry[] {
  const collator = new Intl.Collator(locale);
  return [...getGlossary()].sort((a, b) => collator.compare(a[locale].term, b[locale].term));
}
