import type { SafeHtml } from '@/lib/feeds/html';
import type { Locale } from '@/lib/i18n/locales';

/**
 * What the feeds need from an article: the content loader adapts its `Article` to this, so the
 * feeds do not depend on how articles are stored or compiled.
 */
export interface FeedArticle {
  slug: string;
  locale: Locale;
  /** Plain text. */
  title: string;
  /** Plain text. */
  summary: string;
  /** The full rendered article body as HTML, produced by our own pipeline (trusted). */
  html: string;
  /** Category slug, e.g. "causes": the Atom term and the topic URL. */
  category: string;
  /** Category name in the article's language, e.g. "الأسباب". */
  categoryLabel: string;
  author: string;
  published: Date;
  updated: Date;
  draft?: boolean;
}

/** One timeline update, already resolved to the feed's language. */
export interface FeedIncidentUpdate {
  /** Update id; the permalink is `/{locale}/incidents/{incidentId}#update-{id}`. */
  id: string;
  at: Date;
  /** Status in the feed's language, e.g. "قيد التحقيق". */
  statusLabel: string;
  /** Plain text: the item title is made from it, and it is the body unless `html` is given. */
  text: string;
  /**
   * The body as already-escaped HTML of the newsroom's markdown subset (lib/desk/markdown.ts
   * `editorialHtml`: only <p>, <strong>, <a href="http(s)…">), when the text is ours.
   */
  html?: SafeHtml;
  sourceName: string;
  sourceUrl: string;
}

/** The channel-level texts, in the feed's language (from messages/). */
export interface FeedChannel {
  locale: Locale;
  /** e.g. "مرصد الانقطاعات". */
  title: string;
  description: string;
  /** The feed's author, and the author of items that name none. */
  newsroom: string;
  /** Public origin; defaults to SITE_URL as validated by lib/seo/site.ts. */
  siteUrl?: string;
  /** Used as the feed's last-updated time only when it has no items. */
  emptyUpdated?: Date;
}
