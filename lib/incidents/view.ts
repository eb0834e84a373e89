import type { Incident, LocalizedText, StoredUpdate, UpdateStatus } from '@/lib/incidents/model';
import type { FeedHealth } from '@/lib/incidents/store';
import { deriveStatus, foldTimeline, type TimelineEntry } from '@/lib/incidents/timeline';
import { localeConfig, type Direction, type Locale } from '@/lib/i18n/locales';

/** What readers (pages, the JSON API, live events) get: derived, folded, and nothing internal. */

export interface PublicFeedHealth {
  readonly provider: string;
  readonly state: FeedHealth['state'];
  readonly lastSuccessAt: string | null;
  /** Set while the official feed is failing: "official feed unreachable since …". */
  readonly failingSince: string | null;
  readonly lastError: string | null;
}

export interface IncidentView {
  readonly incident: Incident;
  /** Derived from the latest update still standing; null before the first update. */
  readonly status: UpdateStatus | null;
  /** Highest sequence number included: pass it as lastEventId to resume live events. */
  readonly lastSeq: number;
  readonly updates: readonly TimelineEntry[];
  readonly feed: PublicFeedHealth | null;
}

export function toPublicFeedHealth(h: FeedHealth): PublicFeedHealth {
  return { provider: h.provider, state: h.state, lastSuccessAt: h.lastSuccessAt, failingSince: h.failingSince, lastError: h.lastError };
}

export function buildIncidentView(incident: Incident, updates: readonly StoredUpdate[], feeds: readonly FeedHealth[]): IncidentView {
  const entries = foldTimeline(updates);
  const feed = feeds.find((f) => f.provider === incident.provider);
  return {
    incident,
    status: deriveStatus(entries),
    lastSeq: updates.reduce((max, u) => Math.max(max, u.seq), 0),
    updates: entries,
    feed: feed === undefined ? null : toPublicFeedHealth(feed),
  };
}

export type LocalizedTextView =
  | { readonly missing: false; readonly text: string; readonly lang: Locale; readonly dir: Direction }
  /**
   * Not available in the reader's language ("awaiting Arabic"). `original` is the text in the
   * language it exists in, to be shown marked with its own lang/dir, never passed off as a translation.
   */
  | { readonly missing: true; readonly original: { readonly text: string; readonly lang: Locale; readonly dir: Direction } | null };

export function localizeText(text: LocalizedText, locale: Locale): LocalizedTextView {
  const own = text[locale];
  if (own !== undefined) return { missing: false, text: own, lang: locale, dir: localeConfig(locale).dir };
  const other: Locale = locale === 'ar' ? 'en' : 'ar';
  const fallback = text[other];
  return { missing: true, original: fallback === undefined ? null : { text: fallback, lang: other, dir: localeConfig(other).dir } };
}

/** What a localized text shows the reader: their language's text, else the original in its own; null if neither. */
export function shownText(view: LocalizedTextView): { readonly text: string; readonly lang: Locale } | null {
  return view.missing ? view.original : { text: view.text, lang: view.lang };
}

/** Absolute UTC time for a timeline entry, e.g. "18 Nov 2025, 11:48 UTC"; date only for day precision. */
export function formatEntryTime(at: string, locale: Locale, precision: 'minute' | 'day' = 'minute'): string {
  const options: Intl.DateTimeFormatOptions =
    precision === 'day'
      ? { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }
      : { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
  return new Intl.DateTimeFormat(localeConfig(locale).intlLocale, options).format(new Date(at));
}
