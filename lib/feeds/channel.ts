import { Feed } from 'feed';
import { localeConfig, type Locale } from '@/lib/i18n/locales';
import { html, type SafeHtml } from '@/lib/feeds/html';
import type { FeedChannel } from '@/lib/feeds/types';
import { absolute, feedOrigin, pagePaths } from '@/lib/feeds/urls';

export interface ChannelLinks {
  /** Page the feed mirrors (its alternate link). */
  home: string;
  rss?: string;
  atom?: string;
  json?: string;
}

/** The `Feed` with channel-level fields only: language, absolute links, a deterministic date. */
export function createChannelFeed(channel: FeedChannel, links: ChannelLinks, itemDates: readonly Date[]): Feed {
  const origin = feedOrigin(channel.siteUrl);
  const home = absolute(origin, links.home);
  const feedLinks: Record<string, string> = {};
  if (links.rss) feedLinks.rss = absolute(origin, links.rss);
  if (links.atom) feedLinks.atom = absolute(origin, links.atom);
  if (links.json) feedLinks.json = absolute(origin, links.json);
  return new Feed({
    id: home,
    title: channel.title,
    description: channel.description,
    link: home,
    language: localeConfig(channel.locale).tag,
    // Newest item, never "now": the same content gives the same bytes, so HTTP caches and
    // readers' conditional requests work, and prerendered feeds do not churn.
    updated: newest(itemDates) ?? channel.emptyUpdated ?? new Date(0),
    // The default would advertise the library's GitHub URL in every feed.
    generator: false,
    feedLinks,
    author: { name: channel.newsroom, link: absolute(origin, pagePaths.home(channel.locale)) },
  });
}

export function newest(dates: readonly Date[]): Date | undefined {
  let best: Date | undefined;
  for (const d of dates) if (!best || d.getTime() > best.getTime()) best = d;
  return best;
}

/**
 * Item HTML carries its own direction and language: most feed readers show every feed in one
 * LTR layout and ignore the channel language, so Arabic bodies would otherwise be left-aligned.
 */
export function withDirection(locale: Locale, body: SafeHtml): SafeHtml {
  const { dir, tag } = localeConfig(locale);
  return html`<div dir="${dir}" lang="${tag}">${body}</div>`;
}

const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

/**
 * The feed package has no Atom language option. Atom declares it with xml:lang on the root,
 * so it is added to the one known root tag the package writes; the value is the registry's
 * tag, never input. Fails loudly if a package upgrade changes the root.
 */
export function withAtomLanguage(xml: string, locale: Locale): string {
  const at = xml.indexOf(ATOM_ROOT);
  if (at === -1 || xml.indexOf(ATOM_ROOT, at + 1) !== -1) {
    throw new Error('Unexpected Atom root element from the feed package; cannot set xml:lang');
  }
  const tag = localeConfig(locale).tag;
  return xml.replace(ATOM_ROOT, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${tag}">`);
}

/** Attribute values (Atom category labels) must not contain "<"; the package escapes only "&". */
export function attributeSafe(text: string): string {
  return text.replace(/[<>]/g, '');
}
