import { localeConfig, type Locale } from '@/lib/i18n/locales';
import { absoluteUrl } from '@/lib/seo/site';
import type { Article } from '@/lib/content/articles';

interface Names {
  siteName: string;
  newsroom: string;
  homeLabel: string;
  categoryLabel: string;
}

export function newsArticleLd(article: Article, locale: Locale, n: Names): Record<string, unknown> {
  const f = article.frontmatter;
  const url = absoluteUrl(`/${locale}/articles/${article.slug}`);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: f.title,
    description: f.summary,
    inLanguage: localeConfig(locale).tag,
    datePublished: f.published.toISOString(),
    dateModified: f.updated.toISOString(),
    mainEntityOfPage: url,
    url,
    articleSection: n.categoryLabel,
    image: [absoluteUrl(`/${locale}/articles/${article.slug}/card.png`)],
    author: [{ '@type': 'Organization', name: f.author ?? n.newsroom, url: absoluteUrl(`/${locale}/about`) }],
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: n.siteName,
      url: absoluteUrl(`/${locale}`),
      logo: { '@type': 'ImageObject', url: absoluteUrl('/icons/icon-512.png'), width: 512, height: 512 },
    },
    citation: f.sources.map((s) => ({ '@type': 'CreativeWork', name: s.title, url: s.url, publisher: s.publisher })),
  };
}

export function breadcrumbLd(items: { name: string; path: string }[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: absoluteUrl(item.path) })),
  };
}
