import type { Item } from 'feed';
import { z } from 'zod';
import { localeConfig } from '@/lib/i18n/locales';
import { attributeSafe, createChannelFeed, withAtomLanguage, withDirection } from '@/lib/feeds/channel';
import { escapeHtml, trustedHtml } from '@/lib/feeds/html';
import type { FeedArticle, FeedChannel } from '@/lib/feeds/types';
import { absolute, feedOrigin, feedPaths, pagePaths } from '@/lib/feeds/urls';

export interface ArticleFeedOptions {
  /** Most recent articles to include. */
  limit?: number;
}

const DEFAULT_LIMIT = 50;

/** Published articles in the channel's language, newest first. Drafts never reach a feed. */
export function feedArticles(channel: FeedChannel, articles: readonly FeedArticle[], options: ArticleFeedOptions = {}): FeedArticle[] {
  return articles
    .filter((a) => a.locale === channel.locale && a.draft !== true)
    .sort((a, b) => b.published.getTime() - a.published.getTime() || a.slug.localeCompare(b.slug))
    .slice(0, options.limit ?? DEFAULT_LIMIT);
}

type Format = 'rss' | 'atom' | 'json';

/**
 * One item per article. Which fields are HTML differs per format: an RSS/JSON title is plain
 * text, an Atom title is written by the package as type="html", and every summary/body slot
 * is HTML; plain text is escaped exactly where a reader will parse it as markup.
 */
function articleItem(channel: FeedChannel, article: FeedArticle, format: Format): Item {
  const origin = feedOrigin(channel.siteUrl);
  const url = absolute(origin, pagePaths.article(article.locale, article.slug));
  const author = article.author.trim() || channel.newsroom;
  const label = attributeSafe(article.categoryLabel);
  const item: Item = {
    id: url,
    link: url,
    title: format === 'atom' ? escapeHtml(article.title) : article.title,
    description: format === 'json' ? article.summary : escapeHtml(article.summary),
    content: withDirection(article.locale, trustedHtml(article.html)).value,
    date: article.updated,
    published: article.published,
    image: absolute(origin, pagePaths.shareCard(article.locale, article.slug)),
    category: [
      {
        name: label,
        term: article.category,
        domain: absolute(origin, pagePaths.topic(article.locale, article.category)),
        scheme: absolute(origin, `/${article.locale}/topics/`),
      },
    ],
  };
  if (format === 'rss') {
    // RSS <author> must be an e-mail address; the name goes in Dublin Core's creator, which
    // the package already declares for content:encoded.
    item.extensions = [{ name: 'dc:creator', objects: { _text: author } }];
  } else {
    item.author = [{ name: author }];
  }
  return item;
}

function articleFeed(channel: FeedChannel, articles: readonly FeedArticle[], format: Format, options: ArticleFeedOptions) {
  const items = feedArticles(channel, articles, options);
  const { locale } = channel;
  const feed = createChannelFeed(
    channel,
    { home: pagePaths.home(locale), rss: feedPaths.rss(locale), atom: feedPaths.atom(locale), json: feedPaths.json(locale) },
    items.map((a) => a.updated),
  );
  for (const article of items) feed.addItem(articleItem(channel, article, format));
  return feed;
}

/** RSS 2.0 for `/{locale}/feed.xml`. */
export function buildArticlesRss(channel: FeedChannel, articles: readonly FeedArticle[], options: ArticleFeedOptions = {}): string {
  return articleFeed(channel, articles, 'rss', options).rss2();
}

/** Atom 1.0 for `/{locale}/atom.xml`. */
export function buildArticlesAtom(channel: FeedChannel, articles: readonly FeedArticle[], options: ArticleFeedOptions = {}): string {
  return withAtomLanguage(articleFeed(channel, articles, 'atom', options).atom1(), channel.locale);
}

// The shape the feed package writes (JSON Feed 1.0), read back without casts.
const packageAuthor = z.object({ name: z.string().optional(), url: z.string().optional(), avatar: z.string().optional() });
const packageItem = z.strictObject({
  id: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  summary: z.string().optional(),
  content_html: z.string().optional(),
  image: z.string().optional(),
  date_published: z.string().optional(),
  date_modified: z.string().optional(),
  author: packageAuthor.optional(),
  tags: z.array(z.string()).optional(),
});
// Strict, so a package upgrade that adds or renames a field fails a test instead of being dropped.
const packageJsonFeed = z.strictObject({
  version: z.string(),
  title: z.string(),
  home_page_url: z.string().optional(),
  feed_url: z.string().optional(),
  description: z.string().optional(),
  icon: z.string().optional(),
  author: packageAuthor.optional(),
  items: z.array(packageItem),
});

/**
 * JSON Feed 1.1 for `/{locale}/feed.json`. The package writes version 1 (single `author`, no
 * `language`); 1.1 replaces `author` with `authors` and adds `language`, which readers use to
 * pick the text direction.
 */
export function buildArticlesJsonFeed(channel: FeedChannel, articles: readonly FeedArticle[], options: ArticleFeedOptions = {}): string {
  const written = packageJsonFeed.parse(JSON.parse(articleFeed(channel, articles, 'json', options).json1()));
  const { version: _version1, author, items, ...rest } = written;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    ...rest,
    language: localeConfig(channel.locale).tag,
    ...(author ? { authors: [author] } : {}),
    items: items.map(({ author: itemAuthor, ...item }) => ({ ...item, ...(itemAuthor ? { authors: [itemAuthor] } : {}) })),
  };
  return JSON.stringify(feed, null, 2);
}
