import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import type { IncidentView } from '@/lib/incidents/view';
import { formatNumber } from '@/lib/i18n/format';
import { loadDraft, requireEditor } from '@/lib/desk/page-auth';
import { DeskHeader } from '@/components/desk/DeskHeader';
import { IncidentForm } from '@/components/desk/IncidentForm';
import { FormBasics } from '@/components/desk/Field';

export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

function titleOf(view: IncidentView, locale: Locale): { text: string; lang: Locale } {
  const own = view.incident.title[locale];
  if (own !== undefined) return { text: own, lang: locale };
  const other: Locale = locale === 'ar' ? 'en' : 'ar';
  return { text: view.incident.title[other] ?? view.incident.id, lang: other };
}

export default async function DeskHomePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { desk, session } = await requireEditor(locale);
  const draft = await loadDraft(desk, session, await searchParams);
  const t = await getTranslations({ locale, namespace: 'Desk' });
  const tl = await getTranslations({ locale, namespace: 'Timeline' });
  const { ours, official } = await desk.deskIncidents();

  const item = (view: IncidentView, cover: boolean) => {
    const title = titleOf(view, locale);
    return (
      <li key={view.incident.id} className="desk-incident" data-testid="desk-incident" data-incident-id={view.incident.id}>
        <p className="desk-incident-title">
          <a href={`/${locale}/desk/incidents/${view.incident.id}`} lang={title.lang}>
            {title.text}
          </a>
        </p>
        <p className="desk-incident-meta">
          <span className="tl-status" data-status={view.status ?? 'none'}>
            {view.status === null ? t('home.statusNone') : tl(`status.${view.status}`)}
          </span>
          <span>{t(`home.origin.${view.incident.origin}`)}</span>
          <span>{t('home.updates', { count: formatNumber(locale, view.updates.length) })}</span>
          {view.incident.title.ar === undefined ? <span className="desk-tag">{t('home.noArabicTitle')}</span> : null}
        </p>
        {cover ? (
          <form method="post" action={`/api/desk/incidents/${view.incident.id}/track`}>
            <FormBasics csrf={session.session.csrfToken} locale={locale} />
            <button type="submit" className="desk-button desk-button-quiet">
              {t('home.cover')}
            </button>
          </form>
        ) : null}
      </li>
    );
  };

  return (
    <>
      <DeskHeader locale={locale} session={session} current="incidents" />
      <h1>{t('home.title')}</h1>
      <section aria-labelledby="ours-title">
        <h2 id="ours-title">{t('home.ours')}</h2>
        {ours.length === 0 ? <p>{t('home.none')}</p> : <ul className="desk-incidents">{ours.map((v) => item(v, false))}</ul>}
      </section>
      <section aria-labelledby="official-title">
        <h2 id="official-title">{t('home.official')}</h2>
        <p className="desk-hint">{t('home.officialNote')}</p>
        {official.length === 0 ? <p>{t('home.noneOfficial')}</p> : <ul className="desk-incidents">{official.map((v) => item(v, true))}</ul>}
      </section>
      <IncidentForm locale={locale} csrf={session.session.csrfToken} values={draft?.values ?? {}} errors={draft?.errors ?? {}} />
    </>
  );
}
