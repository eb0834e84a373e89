import type { Locale } from '@/lib/i18n/locales';
import { formatDate } from '@/lib/i18n/format';
import type { Article } from '@/lib/content/articles';

interface Props {
  article: Article;
  locale: Locale;
  categoryLabel: string;
  /** The lead story gets the big headline. */
  lead?: boolean;
  headingLevel?: 'h2' | 'h3';
}

export function ArticleCard({ article, locale, categoryLabel, lead = false, headingLevel = 'h3' }: Props) {
  const H = headingLevel;
  const { title, summary, published, category } = article.frontmatter;
  return (
    <article className={lead ? 'card card-lead' : 'card'}>
      <p className="kicker">
        <a href={`/${locale}/topics/${category}`}>{categoryLabel}</a>
      </p>
      <H className="card-title">
        <a href={`/${locale}/articles/${article.slug}`}>{title}</a>
      </H>
      <p className="card-summary">{summary}</p>
      <p className="card-date">
        <time dateTime={published.toISOString()}>{formatDate(locale, published)}</time>
      </p>
    </article>
  );
}
