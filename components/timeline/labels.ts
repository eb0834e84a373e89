import type { UpdateStatus } from '@/lib/incidents/model';
import type { Network } from '@/lib/share/links';
import type { PluralForms } from '@/components/timeline/format';

/**
 * Every string the timeline shows, resolved once per request on the server. The live island gets
 * the same object as a prop (no i18n runtime ships to the browser); templates keep their `{name}`
 * placeholders and are filled with `fill()` from format.ts.
 */
export interface TimelineLabels {
  readonly intlLocale: string;
  readonly title: string;
  readonly live: string;
  readonly ended: string;
  readonly status: Readonly<Record<UpdateStatus | 'none', string>>;
  readonly currentStatus: string;
  readonly started: string;
  readonly endedAt: string;
  readonly elapsed: string;
  readonly duration: string;
  readonly affected: string;
  readonly officialSource: string;
  /** Template: {time} */
  readonly feedFailing: string;
  readonly feedRecovered: string;
  readonly kind: Readonly<Record<'official' | 'editorial', string>>;
  readonly source: string;
  readonly keyEvent: string;
  readonly permalink: string;
  readonly awaiting: string;
  readonly textUnavailable: string;
  /** Template: {time} */
  readonly correctedAt: string;
  readonly showOriginal: string;
  /** Template: {status} */
  readonly firstPublished: string;
  /** Template: {time} {status} */
  readonly earlierVersion: string;
  /** Template: {time} */
  readonly retractedAt: string;
  readonly retractionReason: string;
  readonly order: string;
  readonly newestFirst: string;
  readonly oldestFirst: string;
  readonly show: string;
  readonly allUpdates: string;
  readonly keyOnly: string;
  readonly times: string;
  readonly utc: string;
  readonly local: string;
  readonly newUpdates: PluralForms;
  /** Template: {status} {text} */
  readonly announceUpdate: string;
  /** Template: {time} */
  readonly announceChange: string;
  /** Template: {title} {time} */
  readonly shareTitle: string;
  readonly share: {
    readonly label: string;
    readonly networks: Readonly<Record<Network, string>>;
    /** The system share sheet (Web Share API), copying the link, and its confirmation. */
    readonly native: string;
    readonly copy: string;
    readonly copied: string;
  };
}
