import { unstable_cache } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import type { LocalizedText, UpdateStatus } from '@/lib/incidents/model';
import { getIncidentService } from '@/lib/incidents/runtime';
import { formatEntryTime, localizeText } from '@/lib/incidents/view';
import { isOngoing } from '@/components/timeline/logic';

interface LiveIncident {
  readonly id: string;
  readonly title: LocalizedText;
  readonly status: UpdateStatus | null;
  readonly startedAt: string;
}

/** Seconds the home page may show a stale banner; see the note on LiveIncidentBanner. */
export const bannerRevalidateSeconds = 15;

const liveIncidents = unstable_cache(
  async (): Promise<LiveIncident[]> => {
    const { incidents } = await (await getIncidentService()).listIncidentViews();
    return incidents
      .filter((v) => isOngoing(v.incident, v.status))
      .sort((a, b) => (a.incident.startedAt < b.incident.startedAt ? 1 : -1))
      .map((v) => ({ id: v.incident.id, title: v.incident.title, status: v.status, startedAt: v.incident.startedAt }));
  },
  ['timeline-live-incidents'],
  { revalidate: bannerRevalidateSeconds },
);

/**
 * The home page's "incident in progress" banner. The home page stays static (●): reading the
 * store through unstable_cache with a revalidate time makes Next prerender it with that same
 * revalidate (ISR), so it is rebuilt from the live store at most every 15 s while readers come,
 * instead of being rendered per request. At build time the store is the bundled, ended timeline,
 * so the prerendered page carries no banner.
 */
export async function LiveIncidentBanner({ locale }: { locale: Locale }) {
  const live = await liveIncidents();
  if (live.length === 0) return null;
  const t = await getTranslations({ locale, namespace: 'Timeline' });
  return (
    <aside className="live-banner" aria-labelledby="live-banner-title" data-testid="live-banner">
      <p id="live-banner-title" className="live-banner-label">
        <span className="tl-phase" data-live="1">
          {t('live')}
        </span>
        {t('bannerLabel')}
      </p>
      <ul className="live-banner-list">
        {live.slice(0, 3).map((i) => {
          const title = localizeText(i.title, locale);
          return (
            <li key={i.id}>
              <a href={`/${locale}/incidents/${i.id}`} className="live-banner-link">
                {title.missing ? <span lang={title.original?.lang} dir={title.original?.dir}>{title.original?.text ?? i.id}</span> : title.text}
              </a>
              <span className="live-banner-meta">
                <span className="tl-status" data-status={i.status ?? 'none'}>
                  {t(`status.${i.status ?? 'none'}`)}
                </span>
                <time dateTime={i.startedAt}>{formatEntryTime(i.startedAt, locale)}</time>
              </span>
            </li>
          );
        })}
      </ul>
      <p className="live-banner-more">
        <a href={`/${locale}/incidents`}>{t('bannerFollow')}</a>
      </p>
    </aside>
  );
}
