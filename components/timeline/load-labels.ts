import 'server-only';
import { getTranslations } from 'next-intl/server';
import { localeConfig, type Locale } from '@/lib/i18n/locales';
import type { TimelineLabels } from '@/components/timeline/labels';

/** The part of a next-intl translator used here (getTranslations on the server, createTranslator in tests). */
export interface Translate {
  (key: string): string;
  raw(key: string): unknown;
}

export async function loadTimelineLabels(locale: Locale): Promise<TimelineLabels> {
  const t = await getTranslations({ locale, namespace: 'Timeline' });
  const s = await getTranslations({ locale, namespace: 'Share' });
  return buildTimelineLabels(t, s, localeConfig(locale).intlLocale);
}

export function buildTimelineLabels(t: Translate, s: Translate, intlLocale: string): TimelineLabels {
  // Templates are taken raw: the island fills them itself, without an ICU runtime.
  const raw = (key: string): string => {
    const value = t.raw(key);
    if (typeof value !== 'string') throw new Error(`Timeline.${key} must be a string message`);
    return value;
  };
  return {
    intlLocale,
    title: t('title'),
    live: t('live'),
    ended: t('ended'),
    status: {
      investigating: t('status.investigating'),
      identified: t('status.identified'),
      monitoring: t('status.monitoring'),
      resolved: t('status.resolved'),
      postmortem: t('status.postmortem'),
      none: t('status.none'),
    },
    currentStatus: t('currentStatus'),
    started: t('started'),
    endedAt: t('endedAt'),
    elapsed: t('elapsed'),
    duration: t('duration'),
    affected: t('affected'),
    officialSource: t('officialSource'),
    feedFailing: raw('feedFailing'),
    feedRecovered: t('feedRecovered'),
    kind: { official: t('kind.official'), editorial: t('kind.editorial') },
    source: t('source'),
    keyEvent: t('keyEvent'),
    permalink: t('permalink'),
    awaiting: t('awaiting'),
    textUnavailable: t('textUnavailable'),
    correctedAt: raw('correctedAt'),
    showOriginal: t('showOriginal'),
    firstPublished: raw('firstPublished'),
    earlierVersion: raw('earlierVersion'),
    retractedAt: raw('retractedAt'),
    retractionReason: t('retractionReason'),
    order: t('order'),
    newestFirst: t('newestFirst'),
    oldestFirst: t('oldestFirst'),
    show: t('show'),
    allUpdates: t('allUpdates'),
    keyOnly: t('keyOnly'),
    times: t('times'),
    utc: t('utc'),
    local: t('local'),
    newUpdates: {
      zero: raw('newUpdates.zero'),
      one: raw('newUpdates.one'),
      two: raw('newUpdates.two'),
      few: raw('newUpdates.few'),
      many: raw('newUpdates.many'),
      other: raw('newUpdates.other'),
    },
    announceUpdate: raw('announceUpdate'),
    announceChange: raw('announceChange'),
    shareTitle: raw('shareTitle'),
    share: {
      label: s('label'),
      networks: {
        x: s('networks.x'),
        whatsapp: s('networks.whatsapp'),
        telegram: s('networks.telegram'),
        facebook: s('networks.facebook'),
        linkedin: s('networks.linkedin'),
        email: s('networks.email'),
      },
      native: s('native'),
      copy: s('copy'),
      copied: s('copied'),
    },
  };
}
