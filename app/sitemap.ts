import type { MetadataRoute } from 'next';
import { locales, localeConfig, type Locale } from '@/lib/i18n/locales';
import { categories } from '@/lib/content/categories';
import { getArticleLocales, getArticles } from '@/lib/content/articles';
import { absoluteUrl } from '@/lib/seo/site';
import { bundledIncidentIds } from '@/lib/content/content-check';

/** Every public page, once per language, with its language alternates. */
export default function sitemap(): MetadataRoute.Sitemap {
  const entries: MetadataRoute.Sitemap = [];
  const add = (path: string, available: readonly Locale[], lastModified?: Date) => {
    const languages: Record<string, string> = {};
    for (const l of available) languages[localeConfig(l).tag] = absoluteUrl(`/${l}${path}`);
    for (const l of available) entries.push({ url: absoluteUrl(`/${l}${path}`), lastModified, alternates: { languages } });
  };
  add('', locales);
  add('/about', locales);
  add('/glossary', locales);
  for (const c of categories) add(`/topics/${c}`, locales);
  add('/incidents', locales);
  for (const id of bundledIncidentIds()) add(`/incidents/${id}`, locales);
  const slugs = new Set(locales.flatMap((l) => getArticles(l).map((a) => a.slug)));
  for (const slug of slugs) {
    const available = getArticleLocales(slug);
    const updated = Math.max(...available.map((l) => getArticles(l).find((a) => a.slug === slug)?.frontmatter.updated.getTime() ?? 0));
    add(`/articles/${slug}`, available, new Date(updated));
  }
  return entries;
}
