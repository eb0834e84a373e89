import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';
import { getIncidentRuntime } from '@/lib/incidents/runtime';
import { pageMetadata } from '@/lib/seo/metadata';
import { IncidentCard, orderIncidents, providerRows, ProviderStatus, type ProviderLabels } from '@/components/timeline/IncidentList';
import { loadTimelineLabels } from '@/components/timeline/load-labels';

// Per request, like the incident pages (see [id]/page.tsx): live incidents and feed health
// exist only in the running server's store, never in the build.
export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const site = await getTranslations({ locale, namespace: 'Site' });
  const t = await getTranslations({ locale, namespace: 'Timeline' });
  return pageMetadata({ locale, path: '/incidents', title: `${t('listTitle')} | ${site('name')}`, description: t('listMetaDescription'), siteName: site('name') });
}

export default async function IncidentsPage({ params }: { params: Params }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Timeline' });
  const labels = await loadTimelineLabels(locale);
  const runtime = getIncidentRuntime();
  const { service } = await runtime.ready;
  const { incidents: views, feeds } = await service.listIncidentViews();
  const { live, past } = orderIncidents(views);
  const rows = providerRows(runtime.config.statuspage.sources, feeds, views);
  const nowMs = Date.now();
  const providerLabels: ProviderLabels = {
    state: { ok: t('providerState.ok'), failing: t('providerState.failing'), disabled: t('providerState.disabled'), unknown: t('providerState.unknown') },
    lastChecked: String(t.raw('providerLastChecked')),
    failingSince: String(t.raw('providerFailingSince')),
    open: String(t.raw('providerOpen')),
    noneOpen: t('providerNoneOpen'),
  };
  const updatesLabel = String(t.raw('updatesCount'));
  return (
    <div className="page incidents-page">
      <header className="page-header">
        <h1>{t('listTitle')}</h1>
        <p className="lede">{t('listDescription')}</p>
      </header>
      {views.length === 0 ? <p>{t('noIncidents')}</p> : null}
      {[
        { id: 'live', title: t('liveList'), items: live },
        { id: 'past', title: t('pastList'), items: past },
      ].map((group) =>
        group.items.length === 0 ? null : (
          <section key={group.id} aria-labelledby={`incidents-${group.id}`} className="incidents-group">
            <h2 id={`incidents-${group.id}`} className="section-label">
              {group.title}
            </h2>
            <ul className="incident-cards">
              {group.items.map((v) => (
                <IncidentCard key={v.incident.id} view={v} locale={locale} labels={labels} nowMs={nowMs} updatesLabel={updatesLabel} />
              ))}
            </ul>
          </section>
        ),
      )}
      <section aria-labelledby="incidents-providers" className="incidents-group">
        <h2 id="incidents-providers" className="section-label">
          {t('providersTitle')}
        </h2>
        <p className="muted">{t('providersNote')}</p>
        {rows.length === 0 ? (
          <p>{t('noProviders')}</p>
        ) : (
          <ul className="providers">
            {rows.map((r) => (
              <ProviderStatus key={r.provider} row={r} locale={locale} labels={providerLabels} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
