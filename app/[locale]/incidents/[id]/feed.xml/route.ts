import { getTranslations } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';
import { incidentIdPattern } from '@/lib/incidents/model';
import { getIncidentService } from '@/lib/incidents/runtime';
import { localizeText } from '@/lib/incidents/view';
import { buildIncidentRss } from '@/lib/feeds/incident';
import { feedResponse } from '@/lib/feeds/site-feeds';
import { readableText } from '@/components/timeline/format';

// The timeline changes while an incident unfolds: read the store on each request (the
// response is cacheable for a minute, like a status page's history feed).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  if (!isLocale(locale) || !incidentIdPattern.test(id)) return notFound();
  const view = await (await getIncidentService()).getIncidentView(id);
  if (!view) return notFound();
  const t = await getTranslations({ locale });
  const title = view.incident.title[locale] ?? view.incident.title.en ?? view.incident.title.ar ?? id;
  const updates = view.updates.map((e) => {
    const text = localizeText(e.text, locale);
    // Plain text: editorial markup is reduced to its words (lib/feeds/html.ts escapes it).
    const body = text.missing
      ? `${t('Feeds.awaitingTranslation')} ${text.original === null ? '' : readableText(text.original.text, e.kind, text.original.lang)}`
      : readableText(text.text, e.kind, text.lang);
    const retracted = e.retracted ? `${t('Feeds.retracted')} ` : '';
    const corrected = e.correctedAt ? ` ${t('Feeds.corrected')}` : '';
    return {
      id: e.id,
      at: new Date(e.at),
      statusLabel: t(`Feeds.status.${e.status}`),
      text: `${retracted}${body}${corrected}`,
      sourceName: e.source.name,
      sourceUrl: e.source.url,
    };
  });
  const xml = buildIncidentRss({
    channel: { locale, title: `${title} · ${t('Site.name')}`, description: t('Feeds.incidentDescription', { title }), newsroom: t('Site.newsroom') },
    incidentId: id,
    updates,
    sourceLabel: t('Feeds.source'),
  });
  const response = feedResponse(xml, 'application/rss+xml');
  response.headers.set('cache-control', 'public, max-age=60, stale-while-revalidate=300');
  return response;
}
