import 'server-only';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isLocale, locales, type Locale } from '@/lib/i18n/locales';
import { getArticles } from '@/lib/content/articles';
import { articleBodyToFeedHtml } from '@/lib/content/feed-html';
import type { FeedArticle, FeedChannel } from '@/lib/feeds/types';

/** Adapts the content loader's articles to what the feed builders need, in one language. */
export async function siteFeedInput(locale: Locale): Promise<{ channel: FeedChannel; articles: FeedArticle[] }> {
  const t = await getTranslations({ locale });
  const channel: FeedChannel = { locale, title: t('Site.name'), description: t('Site.description'), newsroom: t('Site.newsroom') };
  const labels = { diagram: t('Feeds.diagram'), timeline: t('Article.followTimeline'), footnotes: t('Article.footnotesLabel'), backref: t('Article.footnoteBack') };
  const articles = await Promise.all(
    getArticles(locale).map(async (a): Promise<FeedArticle> => {
      const f = a.frontmatter;
      return {
        slug: a.slug,
        locale,
        title: f.title,
        summary: f.summary,
        html: await articleBodyToFeedHtml(a.body, { locale, slug: a.slug, labels }),
        category: f.category,
        categoryLabel: t(`Categories.${f.category}`),
        author: f.author ?? t('Site.newsroom'),
        published: f.published,
        updated: f.updated,
        draft: f.draft,
      };
    }),
  );
  return { channel, articles };
}

export function feedResponse(body: string, contentType: string): Response {
  return new Response(body, {
    headers: {
      'content-type': `${contentType}; charset=utf-8`,
      // Feed readers poll: let caches keep it for minutes and serve stale while refreshing.
      'cache-control': 'public, max-age=300, stale-while-revalidate=3600',
    },
  });
}

/** One GET handler per article feed format; the three routes differ only in builder and type. */
export function articleFeedHandler(build: (channel: FeedChannel, articles: FeedArticle[]) => string, contentType: string) {
  return async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
    const { locale } = await params;
    if (!isLocale(locale)) notFound();
    const { channel, articles } = await siteFeedInput(locale);
    return feedResponse(build(channel, articles), contentType);
  };
}

export function localeParams() {
  return locales.map((locale) => ({ locale }));
}
