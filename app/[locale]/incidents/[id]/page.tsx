import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { IncidentIdSchema } from '@/lib/incidents/model';
import { getIncidentService } from '@/lib/incidents/runtime';
import type { IncidentView } from '@/lib/incidents/view';
import { pageMetadata } from '@/lib/seo/metadata';
import { breadcrumbLd } from '@/lib/seo/structured-data';
import { Breadcrumb } from '@/components/layout/Breadcrumb';
import { JsonLd } from '@/components/seo/JsonLd';
import { IncidentTimeline } from '@/components/timeline/IncidentTimeline';
import { liveBlogPostingLd } from '@/components/timeline/live-blog-ld';
import { loadTimelineLabels } from '@/components/timeline/load-labels';
import { parseTimelineOptions } from '@/components/timeline/logic';
import { incidentPath, plainTitle } from '@/components/timeline/paths';

/**
 * Rendered per request (ƒ), not prerendered, nor ISR. Why:
 * - The page must show the store as it is now. `next build` cannot open the database (it reads
 *   the bundled timeline), and incidents found by the status-page poller only exist at run time.
 *   ISR would serve a page as old as the last regeneration to the first reader after a quiet
 *   spell (stale-while-revalidate), which readers without JavaScript would never see corrected.
 * - `?order=oldest` and `?key=1` make the two view controls work without JavaScript, with the
 *   list in the right DOM order (a CSS-only reversal would read in the wrong order to screen
 *   readers and keyboards). Query parameters need a dynamic page.
 * - ISR would also break the Content-Security-Policy: prerendered pages are allowed their inline
 *   scripts by hashes taken at build time (docs/decisions/0040-csp.md), and a regenerated page has
 *   different ones. Per-request rendering gets a nonce.
 * - The cost: one SQLite read and a render of every entry per view. Measured on the shared 2-core
 *   machine under load, the 34-update timeline renders at about 12 req/s (an article: about
 *   65 req/s). The per-update share bars were half of that cost and half of the 340–440 KB of
 *   HTML; they now link to a short first-party redirect (share/[network]/[updateId]/route.ts)
 *   behind a closed <details>, and the page is 260–290 KB (23–26 KB gzip). Readers follow the incident through the event stream and the cacheable JSON
 *   snapshot, not reloads; if page views became the bottleneck, a CDN micro-cache of a few
 *   seconds in front of this route is the first lever.
 */
export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string; id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

// generateMetadata and the page read the same view once per request.
const loadView = cache(async (id: string): Promise<IncidentView | undefined> => (await getIncidentService()).getIncidentView(id));

async function load(params: Params): Promise<{ locale: Locale; view: IncidentView }> {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  // A malformed id never reaches the store: it is a 404 like an unknown one.
  const parsed = IncidentIdSchema.safeParse(id);
  if (!parsed.success) notFound();
  const view = await loadView(parsed.data);
  if (view === undefined) notFound();
  return { locale, view };
}

function lastModified(view: IncidentView): Date | undefined {
  const instants = view.updates.flatMap((e) => [e.at, e.correctedAt, e.retracted?.at ?? null]).filter((x): x is string => x !== null);
  const max = instants.reduce<string | null>((m, x) => (m === null || x > m ? x : m), null);
  return max === null ? undefined : new Date(max);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, view } = await load(params);
  const site = await getTranslations({ locale, namespace: 'Site' });
  const t = await getTranslations({ locale, namespace: 'Timeline' });
  const title = plainTitle(view, locale);
  return pageMetadata({
    locale,
    path: `/incidents/${view.incident.id}`,
    title: `${title} | ${site('name')}`,
    description: t('metaDescription', { title }),
    siteName: site('name'),
    type: 'article',
    publishedTime: new Date(view.incident.startedAt),
    modifiedTime: lastModified(view),
  });
}

export default async function IncidentPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale, view } = await load(params);
  setRequestLocale(locale);
  const options = parseTimelineOptions(await searchParams);
  const labels = await loadTimelineLabels(locale);
  const site = await getTranslations({ locale, namespace: 'Site' });
  const nav = await getTranslations({ locale, namespace: 'Nav' });
  const article = await getTranslations({ locale, namespace: 'Article' });
  const t = await getTranslations({ locale, namespace: 'Timeline' });
  const title = plainTitle(view, locale);
  const path = incidentPath(locale, view.incident.id);
  return (
    <div className="page incident-page">
      <JsonLd
        data={liveBlogPostingLd(view, locale, {
          siteName: site('name'),
          newsroom: site('newsroom'),
          description: t('metaDescription', { title }),
          status: labels.status,
        })}
      />
      <JsonLd
        data={breadcrumbLd([
          { name: nav('home'), path: `/${locale}` },
          { name: t('listTitle'), path: `/${locale}/incidents` },
          { name: title, path },
        ])}
      />
      <Breadcrumb
        locale={locale}
        label={article('breadcrumb')}
        items={[
          { href: `/${locale}`, label: nav('home') },
          { href: `/${locale}/incidents`, label: t('listTitle') },
        ]}
      />
      <IncidentTimeline view={view} locale={locale} labels={labels} options={options} nowMs={Date.now()} />
    </div>
  );
}
