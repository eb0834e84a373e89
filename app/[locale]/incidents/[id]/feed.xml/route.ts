import { getTranslations } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';
import { incidentIdPattern } from '@/lib/incidents/model';
import { getIncidentService } from '@/lib/incidents/runtime';
import { localizeText, shownText } from '@/lib/incidents/view';
import { buildIncidentRss } from '@/lib/feeds/incident';
import { feedResponse } from '@/lib/feeds/site-feeds';
import { readableText, usesEditorialMarkup } from '@/components/timeline/format';
import { editorialHtml } from '@/lib/desk/markdown';
import { html, trustedHtml } from '@/lib/feeds/html';

// The timeline changes while an incident unfolds: read the store on each request (the
// response is cacheable for a minute, like a status page's history feed).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** A labelled line ("retracted", "awaiting Arabic", "corrected") as its own paragraph, or nothing. */
const note = (text: string) => (text.trim() === '' ? trustedHtml('') : html`<p>${text.trim()}</p>`);

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  if (!isLocale(locale) || !incidentIdPattern.test(id)) return notFound();
  const view = await (await getIncidentService()).getIncidentView(id);
  if (!view) return notFound();
  const t = await getTranslations({ locale });
  const title = view.incident.title[locale] ?? view.incident.title.en ?? view.incident.title.ar ?? id;
  const updates = view.updates.map((e) => {
    const text = localizeText(e.text, locale);
    const shown = shownText(text);
    const awaiting = text.missing ? `${t('Feeds.awaitingTranslation')} ` : '';
    const retracted = e.retracted ? `${t('Feeds.retracted')} ` : '';
    const corrected = e.correctedAt ? ` ${t('Feeds.corrected')}` : '';
    // The title is plain text (editorial markup reduced to its words); the body keeps the
    // newsroom's bold and links as escaped HTML. A provider's own words stay literal text.
    const plain = shown === null ? '' : readableText(shown.text, e.kind, shown.lang);
    const rich = shown !== null && usesEditorialMarkup(e.kind, shown.lang);
    return {
      id: e.id,
      at: new Date(e.at),
      statusLabel: t(`Feeds.status.${e.status}`),
      text: `${retracted}${awaiting}${plain}${corrected}`,
      html: rich ? html`${note(`${retracted}${awaiting}`)}${trustedHtml(editorialHtml(shown.text))}${note(corrected)}` : undefined,
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
