import { getTranslations } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';
import { getIncidentService } from '@/lib/incidents/runtime';
import { localizeText } from '@/lib/incidents/view';
import type { LiveBannerItem } from '@/components/timeline/live-banner-data';
import { isOngoing } from '@/components/timeline/logic';
import { incidentPath } from '@/components/timeline/paths';

/**
 * The incidents in progress, localized, for the home page's banner. The home page stays
 * prerendered: its inline scripts are allowed by build-time hashes (docs/decisions/0040-csp.md),
 * so it cannot be regenerated at run time (ISR would change those scripts); the banner asks here
 * instead. Small and cacheable for 15 s, unlike the full /api/incidents snapshot.
 */
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ locale: string }> }): Promise<Response> {
  const { locale } = await context.params;
  if (!isLocale(locale)) return Response.json({ error: 'unknown-locale' }, { status: 404, headers: { 'cache-control': 'no-store' } });
  try {
    const t = await getTranslations({ locale, namespace: 'Timeline' });
    const { incidents } = await (await getIncidentService()).listIncidentViews();
    const live: LiveBannerItem[] = incidents
      .filter((v) => isOngoing(v.incident, v.status))
      .sort((a, b) => (a.incident.startedAt < b.incident.startedAt ? 1 : -1))
      .map((v) => {
        const title = localizeText(v.incident.title, locale);
        const shown = title.missing ? (title.original ?? { text: v.incident.id, lang: locale, dir: 'ltr' as const }) : title;
        return {
          href: incidentPath(locale, v.incident.id),
          title: shown.text,
          lang: shown.lang,
          dir: shown.dir,
          status: v.status ?? 'none',
          statusLabel: t(`status.${v.status ?? 'none'}`),
        };
      });
    return Response.json({ incidents: live }, { headers: { 'cache-control': 'public, max-age=15, stale-while-revalidate=30' } });
  } catch (error) {
    console.error('[timeline] live banner data failed', error);
    return Response.json({ error: 'unavailable' }, { status: 503, headers: { 'cache-control': 'no-store', 'retry-after': '30' } });
  }
}
