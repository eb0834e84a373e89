import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, locales, localeConfig, type Locale } from '@/lib/i18n/locales';
import { IncidentIdSchema, UpdateIdSchema } from '@/lib/incidents/model';
import { formatEntryTime } from '@/lib/incidents/view';
import { newUpdateId } from '@/lib/desk/ids';
import { EditorialText } from '@/lib/desk/markdown-react';
import { loadDraft, requireEditor } from '@/lib/desk/page-auth';
import { previewFromValues } from '@/lib/desk/preview';
import { DeskHeader } from '@/components/desk/DeskHeader';
import { UpdateForm, type FormAction } from '@/components/desk/UpdateForm';
import { UpdatePreview } from '@/components/desk/UpdatePreview';

export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string; id: string; updateId: string; action: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const actions = ['correct', 'retract', 'translate'] as const;
type RevisionAction = (typeof actions)[number];
const isAction = (a: string): a is RevisionAction => (actions as readonly string[]).includes(a);

export default async function DeskRevisionPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale, id, updateId, action } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { desk, session } = await requireEditor(locale);
  const incidentId = IncidentIdSchema.safeParse(id);
  const targetId = UpdateIdSchema.safeParse(updateId);
  if (!incidentId.success || !targetId.success || !isAction(action)) notFound();
  const view = await desk.incidents.getIncidentView(incidentId.data);
  const entry = view?.updates.find((e) => e.id === targetId.data);
  if (view === undefined || entry === undefined || entry.retracted !== null) notFound();
  // Official posts are the provider's words: the newsroom only adds or fixes their Arabic version.
  if (entry.kind === 'official' && action !== 'translate') notFound();
  const translateTo: Locale = entry.kind === 'official' ? 'ar' : entry.text.ar === undefined ? 'ar' : 'en';
  if (action === 'translate' && entry.kind === 'editorial' && entry.text.ar !== undefined && entry.text.en !== undefined) notFound();

  const draft = await loadDraft(desk, session, await searchParams);
  const t = await getTranslations({ locale, namespace: 'Desk' });
  const defaults: Record<RevisionAction, Record<string, string>> = {
    correct: { status: entry.status, textAr: entry.text.ar ?? '', textEn: entry.text.en ?? '', sourceUrl: entry.source.url, sourceName: entry.source.name },
    retract: {},
    translate: { [translateTo === 'ar' ? 'textAr' : 'textEn']: entry.text[translateTo] ?? '' },
  };
  const values = draft?.values ?? defaults[action];
  const formId = values.formId ?? newUpdateId(new Date());
  const preview = draft?.preview === true && Object.keys(draft.errors).length === 0 ? previewFromValues(desk, values, entry, new Date()) : null;
  const path = `/${locale}/desk/incidents/${view.incident.id}/updates/${entry.id}/${action}`;
  const formAction: FormAction = action;

  return (
    <>
      <DeskHeader locale={locale} session={session} current="incidents" />
      <p>
        <a href={`/${locale}/desk/incidents/${view.incident.id}`}>{view.incident.title[locale] ?? view.incident.title.en ?? view.incident.title.ar}</a>
      </p>
      <h1>{t(`${action}.title`)}</h1>
      <p>{t(`${action}.intro`)}</p>
      <section aria-labelledby="current-title" className="desk-section">
        <h2 id="current-title">{t(action === 'translate' ? 'translate.original' : 'correct.current')}</h2>
        <p>
          <time dateTime={entry.at}>{formatEntryTime(entry.at, locale)}</time>
        </p>
        <div className="desk-texts">
          {locales
            .filter((l) => entry.text[l] !== undefined)
            .map((l) => (
              <div key={l} className="desk-text" lang={localeConfig(l).tag} dir={localeConfig(l).dir}>
                <EditorialText text={entry.text[l] ?? ''} />
              </div>
            ))}
        </div>
      </section>
      <UpdateForm
        locale={locale}
        csrf={session.session.csrfToken}
        incidentId={view.incident.id}
        action={formAction}
        target={entry.id}
        translateTo={translateTo}
        formId={formId}
        returnTo={path}
        values={values}
        errors={draft?.errors ?? {}}
        submitLabel={t(`${action}.submit`)}
        heading={t(`${action}.title`)}
      />
      {preview !== null ? <UpdatePreview locale={locale} entry={preview} /> : null}
    </>
  );
}
