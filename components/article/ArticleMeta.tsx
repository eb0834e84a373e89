import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { formatDate, formatMinutes } from '@/lib/i18n/format';
import type { Article } from '@/lib/content/articles';

/** Byline, dates (absolute, server-rendered in <time>) and reading time. */
export async function ArticleMeta({ article, locale }: { article: Article; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Article' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  const { published, updated, author } = article.frontmatter;
  const wasUpdated = updated.getTime() - published.getTime() > 60 * 60 * 1000;
  return (
    <p className="article-meta">
      <span>{t('by', { author: author ?? site('newsroom') })}</span>
      <span>
        {t('published')} <time dateTime={published.toISOString()}>{formatDate(locale, published)}</time>
      </span>
      {wasUpdated ? (
        <span>
          {t('updated')} <time dateTime={updated.toISOString()}>{formatDate(locale, updated)}</time>
        </span>
      ) : null}
      <span>{t('readingTime', { minutes: formatMinutes(locale, article.readingMinutes) })}</span>
    </p>
  );
}
