import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import type { Incident } from '@/lib/incidents/model';
import { limits, type FieldErrors } from '@/lib/desk/input';
import { ErrorSummary, FormBasics, TextField } from '@/components/desk/Field';
import { errorFor, unplacedErrors } from '@/components/desk/errors';

/**
 * Setting or correcting an incident's Arabic title: one field, typed right to left on either
 * desk. A plain HTML form (works without JavaScript), posted with the session's token.
 */
export async function TitleForm({
  locale,
  csrf,
  incident,
  values,
  errors,
  notice,
}: {
  locale: Locale;
  csrf: string;
  incident: Incident;
  values: Readonly<Record<string, string>>;
  errors: FieldErrors;
  /** After a post: saved, or nothing to change. */
  notice: 'saved' | 'unchanged' | null;
}) {
  const t = await getTranslations({ locale, namespace: 'Desk' });
  const stray = unplacedErrors(t, errors, ['titleAr', 'title']);
  const error = errorFor(t, errors, 'titleAr') ?? errorFor(t, errors, 'title');
  return (
    <form method="post" action={`/api/desk/incidents/${incident.id}/title`} className="desk-form" id="title-form" aria-labelledby="title-form-title" noValidate>
      <h2 id="title-form-title">{t('titleForm.title')}</h2>
      <p className="desk-hint">{t(incident.origin === 'statuspage' ? 'titleForm.introOfficial' : 'titleForm.intro')}</p>
      {incident.title.ar === undefined ? <p className="desk-missing">{t('titleForm.missing')}</p> : null}
      {notice !== null ? (
        <p className="desk-notice" role="status" data-testid="desk-retitled">
          {t(notice === 'saved' ? 'titleForm.saved' : 'titleForm.unchanged')}
        </p>
      ) : null}
      {Object.keys(errors).length > 0 ? <ErrorSummary id="title-form-errors" summary={t('titleForm.errorSummary')} stray={stray} /> : null}
      <FormBasics csrf={csrf} locale={locale} />
      <TextField
        name="titleAr"
        lang="ar"
        label={t('titleForm.label')}
        hint={t('titleForm.hint', { min: limits.arabicTitleMin, max: limits.arabicTitle })}
        value={values.titleAr ?? incident.title.ar ?? ''}
        error={error}
        required
      />
      <div className="desk-actions">
        <button type="submit" className="desk-button">
          {t('titleForm.submit')}
        </button>
      </div>
    </form>
  );
}
