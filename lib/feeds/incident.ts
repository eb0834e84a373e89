import { createChannelFeed, withDirection } from '@/lib/feeds/channel';
import { html } from '@/lib/feeds/html';
import type { FeedChannel, FeedIncidentUpdate } from '@/lib/feeds/types';
import { absolute, feedOrigin, feedPaths, pagePaths } from '@/lib/feeds/urls';

export interface IncidentFeedInput {
  /** Channel texts: title should name the incident, e.g. "انقطاع كلاودفلير · مرصد الانقطاعات". */
  channel: FeedChannel;
  incidentId: string;
  updates: readonly FeedIncidentUpdate[];
  /** "المصدر" / "Source", shown before the source link in each item. */
  sourceLabel: string;
  /** Most recent updates to include. */
  limit?: number;
}

const TITLE_EXCERPT = 90;

/** A reader's item list shows titles only, so the title carries the status and the gist. */
function updateTitle(update: FeedIncidentUpdate): string {
  const text = update.text.replace(/\s+/g, ' ').trim();
  const chars = [...text];
  if (chars.length <= TITLE_EXCERPT) return `${update.statusLabel}: ${text}`;
  const cut = chars.slice(0, TITLE_EXCERPT).join('');
  const atWord = cut.lastIndexOf(' ');
  return `${update.statusLabel}: ${(atWord > TITLE_EXCERPT / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** A source link must be http(s): a javascript: URL in a feed item is a link a reader may follow. */
function httpUrl(value: string, updateId: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`Incident update "${updateId}": source URL must be http(s), got "${value}"`);
  }
  return url.toString();
}

/**
 * RSS 2.0 for one incident's timeline (`/{locale}/incidents/{id}/feed.xml`): one item per
 * update, newest first, each linking to the update's permalink on the timeline page.
 */
export function buildIncidentRss(input: IncidentFeedInput): string {
  const { channel, incidentId, sourceLabel } = input;
  const { locale } = channel;
  const origin = feedOrigin(channel.siteUrl);
  const updates = [...input.updates]
    .sort((a, b) => b.at.getTime() - a.at.getTime() || a.id.localeCompare(b.id))
    .slice(0, input.limit ?? 100);
  const feed = createChannelFeed(
    channel,
    { home: pagePaths.incident(locale, incidentId), rss: feedPaths.incidentRss(locale, incidentId) },
    updates.map((u) => u.at),
  );
  for (const update of updates) {
    const url = absolute(origin, pagePaths.incidentUpdate(locale, incidentId, update.id));
    const sourceUrl = httpUrl(update.sourceUrl, update.id);
    const text = update.html ?? html`<p>${update.text}</p>`;
    const body = html`${text}<p>${sourceLabel}: <a href="${sourceUrl}">${update.sourceName}</a></p>`;
    feed.addItem({
      id: url,
      link: url,
      title: updateTitle(update),
      description: withDirection(locale, body).value,
      date: update.at,
      category: [{ name: update.statusLabel }],
    });
  }
  return feed.rss2();
}
