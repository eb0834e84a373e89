import type { Locale } from '@/lib/i18n/locales';
import { siteUrl as configuredSiteUrl } from '@/lib/seo/site';

/**
 * Every URL in a feed is absolute: feed readers resolve relative links against the feed URL
 * inconsistently, and share-card images must load from anywhere. The origin comes from
 * SITE_URL through lib/seo/site.ts (zod-validated, default http://localhost:3000), the same
 * value canonical links and the sitemap use, so they can never disagree.
 */
export function feedOrigin(siteUrl: string = configuredSiteUrl): string {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new Error(`Feed origin must be an absolute http(s) URL, got "${siteUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Feed origin must be an absolute http(s) URL, got "${siteUrl}"`);
  }
  // Keep a deployment under a sub-path (https://host/outage-watch), drop the trailing slash.
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

const segment = (value: string) => encodeURIComponent(value);

export const feedPaths = {
  rss: (locale: Locale) => `/${locale}/feed.xml`,
  atom: (locale: Locale) => `/${locale}/atom.xml`,
  json: (locale: Locale) => `/${locale}/feed.json`,
  incidentRss: (locale: Locale, incidentId: string) => `/${locale}/incidents/${segment(incidentId)}/feed.xml`,
} as const;

export const pagePaths = {
  home: (locale: Locale) => `/${locale}`,
  article: (locale: Locale, slug: string) => `/${locale}/articles/${segment(slug)}`,
  shareCard: (locale: Locale, slug: string) => `/${locale}/articles/${segment(slug)}/card.png`,
  topic: (locale: Locale, category: string) => `/${locale}/topics/${segment(category)}`,
  incident: (locale: Locale, incidentId: string) => `/${locale}/incidents/${segment(incidentId)}`,
  incidentUpdate: (locale: Locale, incidentId: string, updateId: string) =>
    `/${locale}/incidents/${segment(incidentId)}#update-${segment(updateId)}`,
} as const;

export function absolute(origin: string, path: string): string {
  if (!path.startsWith('/')) throw new Error(`Expected a path starting with "/", got "${path}"`);
  return `${origin}${path}`;
}
