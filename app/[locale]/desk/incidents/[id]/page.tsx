import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, locales, localeConfig, type Locale } from '@/lib/i18n/locales';
import { IncidentIdSchema } from '@/lib/incidents/model';
import { newUpdateId } from '@/lib/desk/ids';
import { loadDraft, requireEditor } from '@/lib/desk/page-auth';
import { previewFromValues } from '@/lib/desk/preview';
import { DeskHeader } from '@/components/desk/DeskHeader';
import { DeskTimeline } from '@/components/desk/DeskTimeline';
import { UpdateForm } from '@/components/desk/UpdateForm';
import { UpdatePreview } from '@/components/desk/UpdatePreview';
import { TitleForm } from '@/components/desk/TitleForm';

export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string; id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function DeskIncidentPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { desk, session } = await requireEditor(locale);
  const parsedId = IncidentIdSchema.safeParse(id);
  if (!parsedId.success) notFound();
  const view = await desk.incidents.getIncidentView(parsedId.data);
  if (view === undefined) notFound();
  const search = await searchParams;
  const anyDraft = await loadDraft(desk, session, search);
  // A draft belongs to one of the page's two forms: the title form marks its own.
  const titleDraft = anyDraft?.values.kind === 'title' ? anyDraft : null;
  const draft = titleDraft === null ? anyDraft : null;
  const retitled = search.retitled === '1' ? 'saved' : search.retitled === '0' ? 'unchanged' : null;
  const authors = await desk.authorship(view.incident.id);
  const t = await getTranslations({ locale, namespace: 'Desk' });
  const tl = await getTranslations({ locale, namespace: 'Timeline' });

  const values = draft?.values ?? { status: view.status === null || view.status === 'postmortem' ? 'investigating' : view.status };
  const formId = values.formId ?? newUpdateId(new Date());
  const preview = draft?.preview === true && Object.keys(draft.errors).length === 0 ? previewFromValues(desk, values, null, new Date()) : null;
  const published = typeof search.published === 'string' ? search.published : typeof search.revised === 'string' ? search.revised : null;
  const path = `/${locale}/desk/incidents/${view.incident.id}`;

  return (
    <>
      <DeskHeader locale={locale} session={session} current="incidents" />
      <h1 className="desk-incident-heading">
        {locales
          .filter((l) => view.incident.title[l] !== undefined)
          .map((l: Locale) => (
            <span key={l} lang={localeConfig(l).tag} dir={localeConfig(l).dir}>
              {view.incident.title[l]}
            </span>
          ))}
      </h1>
      <p>{t('incident.currentStatus', { status: view.status === null ? t('home.statusNone') : tl(`status.${view.status}`) })}</p>
      <p>
        {t('incident.readerLinks')}{' '}
        <a href={`/ar/incidents/${view.incident.id}`} hrefLang="ar">
          {t('incident.readerAr')}
        </a>{' '}
        ·{' '}
        <a href={`/en/incidents/${view.incident.id}`} hrefLang="en">
          {t('incident.readerEn')}
        </a>
      </p>
      {published !== null ? (
        <p className="desk-notice" role="status" data-testid="desk-published">
          {t(typeof search.published === 'string' ? 'incident.published' : 'incident.revised')}{' '}
          <a href={`/${locale}/incidents/${view.incident.id}#update-${published}`}>{view.incident.id}#{published}</a>
        </p>
      ) : null}
      {desk.canRetitle(view.incident) ? (
        <TitleForm locale={locale} csrf={session.session.csrfToken} incident={view.incident} values={titleDraft?.values ?? {}} errors={titleDraft?.errors ?? {}} notice={retitled} />
      ) : (
        <p className="desk-hint">{t('titleForm.fromContent')}</p>
      )}
      <UpdateForm
        locale={locale}
        csrf={session.session.csrfToken}
        incidentId={view.incident.id}
        action="publish"
        formId={formId}
        returnTo={path}
        values={values}
        errors={draft?.errors ?? {}}
        submitLabel={t('updateForm.publish')}
        heading={t('updateForm.title')}
      />
      {preview !== null ? <UpdatePreview locale={locale} entry={preview} /> : null}
      <section aria-labelledby="timeline-title" className="desk-section">
        <h2 id="timeline-title">{t('incident.timeline')}</h2>
        <DeskTimeline locale={locale} incidentId={view.incident.id} entries={view.updates} authors={authors} />
      </section>
    </>
  );
}
