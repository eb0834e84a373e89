import { getTranslations } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';
import { incidentIdPattern, UpdateIdSchema } from '@/lib/incidents/model';
import { getIncidentService } from '@/lib/incidents/runtime';
import { formatEntryTime } from '@/lib/incidents/view';
import { absoluteUrl } from '@/lib/seo/site';
import { isNetwork, shareLink } from '@/lib/share/links';
import { fill } from '@/components/timeline/format';
import { entryAnchor, incidentPath, plainTitle } from '@/components/timeline/paths';

/**
 * GET /{locale}/incidents/{id}/share/{network}/{updateId}: answers 303 with the network's own
 * "share a URL" address for one update of the timeline.
 *
 * Why a redirect rather than the network's URL in the page: the incident page carried six such
 * URLs per update (the percent-encoded Arabic title alone is six bytes a letter), 34 updates
 * deep, twice (the HTML and the RSC payload): about half of a 440 KB page. The short
 * first-party links still work without JavaScript; the long URL is built here, once per click.
 *
 * Never an open redirect: every part of the path is checked against an allow-list (a known
 * locale, network, incident and update of that incident), and the target is built only from our
 * own canonical permalink of the update and its title, through lib/share/links.ts. Anything else
 * is a 404, before the store is even read for malformed values.
 */
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Params = Promise<{ locale: string; id: string; network: string; updateId: string }>;

const notFound = () =>
  new Response('Not found', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=60', 'x-robots-tag': 'noindex' },
  });

export async function GET(_request: Request, { params }: { params: Params }): Promise<Response> {
  const { locale, id, network, updateId } = await params;
  if (!isLocale(locale) || !incidentIdPattern.test(id) || !isNetwork(network) || !UpdateIdSchema.safeParse(updateId).success) return notFound();
  const view = await (await getIncidentService()).getIncidentView(id);
  const entry = view?.updates.find((e) => e.id === updateId);
  if (view === undefined || entry === undefined) return notFound();
  const t = await getTranslations({ locale, namespace: 'Timeline' });
  const template = t.raw('shareTitle');
  const title = fill(typeof template === 'string' ? template : '{title}', {
    title: plainTitle(view, locale),
    time: formatEntryTime(entry.at, locale, entry.atPrecision),
  });
  const target = shareLink(network, absoluteUrl(`${incidentPath(locale, view.incident.id)}#${entryAnchor(entry.id)}`), title);
  return new Response(null, {
    status: 303,
    headers: {
      location: target,
      // The title follows the incident's (a translation may arrive): cached briefly, like the page's data.
      'cache-control': 'public, max-age=60',
      // Applies to the redirected request too (Fetch: the redirect's policy wins): the network
      // learns nothing of where the reader came from.
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex, nofollow',
    },
  });
}
