import type { Metadata } from 'next';
import { localeConfig, locales, otherLocale, type Locale } from '@/lib/i18n/locales';
import { absoluteUrl, siteUrl } from '@/lib/seo/site';

interface PageMeta {
  locale: Locale;
  /** Path without the locale prefix, e.g. "/articles/x" or "" for home. */
  path: string;
  title: string;
  description: string;
  siteName: string;
  /** Titles of the locale's feeds, for autodiscovery links. */
  feedTitle?: string;
  type?: 'website' | 'article';
  /** Locales the page exists in (defaults to all). */
  availableIn?: readonly Locale[];
  image?: { url: string; alt: string };
  publishedTime?: Date;
  modifiedTime?: Date;
  section?: string;
}

/** Title, description, canonical, hreflang alternates, Open Graph and Twitter for one page. */
export function pageMetadata(m: PageMeta): Metadata {
  const available = m.availableIn ?? locales;
  const languages: Record<string, string> = {};
  for (const l of available) languages[localeConfig(l).tag] = absoluteUrl(`/${l}${m.path}`);
  if (available.includes('ar')) languages['x-default'] = absoluteUrl(`/ar${m.path}`);
  const other = otherLocale(m.locale);
  const images = m.image ? [{ url: absoluteUrl(m.image.url), width: 1200, height: 630, alt: m.image.alt, type: 'image/png' }] : undefined;
  return {
    metadataBase: new URL(siteUrl),
    title: m.title,
    description: m.description,
    alternates: {
      canonical: absoluteUrl(`/${m.locale}${m.path}`),
      languages,
      // Feed autodiscovery on every page, in the page's language.
      types: {
        'application/rss+xml': [{ url: absoluteUrl(`/${m.locale}/feed.xml`), title: `${m.feedTitle ?? m.siteName} (RSS)` }],
        'application/atom+xml': [{ url: absoluteUrl(`/${m.locale}/atom.xml`), title: `${m.feedTitle ?? m.siteName} (Atom)` }],
        'application/feed+json': [{ url: absoluteUrl(`/${m.locale}/feed.json`), title: `${m.feedTitle ?? m.siteName} (JSON Feed)` }],
      },
    },
    openGraph: {
      type: m.type ?? 'website',
      siteName: m.siteName,
      title: m.title,
      description: m.description,
      url: absoluteUrl(`/${m.locale}${m.path}`),
      locale: localeConfig(m.locale).ogLocale,
      alternateLocale: available.includes(other) ? [localeConfig(other).ogLocale] : [],
      ...(images ? { images } : {}),
      ...(m.type === 'article'
        ? { publishedTime: m.publishedTime?.toISOString(), modifiedTime: m.modifiedTime?.toISOString(), section: m.section }
        : {}),
    },
    twitter: { card: 'summary_large_image', title: m.title, description: m.description, ...(images ? { images } : {}) },
  };
}
