import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { limits, type FieldErrors } from '@/lib/desk/input';
import { FormBasics, TextArea, TextField } from '@/components/desk/Field';
import { errorFor } from '@/components/desk/errors';

/** Opening a newsroom incident: titles in either language, provider, main source. */
export async function IncidentForm({ locale, csrf, values, errors }: { locale: Locale; csrf: string; values: Readonly<Record<string, string>>; errors: FieldErrors }) {
  const t = await getTranslations({ locale, namespace: 'Desk' });
  const err = (f: string) => errorFor(t, errors, f);
  return (
    <form method="post" action="/api/desk/incidents" className="desk-form" id="new-incident" aria-labelledby="new-incident-title" noValidate>
      <h2 id="new-incident-title">{t('incidentForm.title')}</h2>
      {Object.keys(errors).length > 0 ? (
        <p className="desk-alert" role="alert">
          {t('updateForm.errorSummary')}
        </p>
      ) : null}
      <FormBasics csrf={csrf} locale={locale} />
      <div className="desk-row">
        <TextField name="titleAr" lang="ar" label={t('incidentForm.titleAr')} hint={t('incidentForm.titleHint')} value={values.titleAr} error={err('titleAr') ?? err('title')} maxLength={limits.title} />
        <TextField name="titleEn" lang="en" label={t('incidentForm.titleEn')} value={values.titleEn} error={err('titleEn')} maxLength={limits.title} />
      </div>
      <div className="desk-row">
        <TextField name="provider" dirAuto label={t('incidentForm.provider')} hint={t('incidentForm.providerHint')} value={values.provider ?? 'cloudflare'} error={err('provider')} />
        <TextField name="id" dirAuto label={t('incidentForm.id')} hint={t('incidentForm.idHint')} value={values.id} error={err('id')} />
      </div>
      <div className="desk-row">
        <TextField name="sourceUrl" type="url" dirAuto label={t('incidentForm.sourceUrl')} value={values.sourceUrl} error={err('sourceUrl')} />
        <TextField name="sourceName" dirAuto label={t('incidentForm.sourceName')} hint={t('incidentForm.sourceNameHint')} value={values.sourceName} error={err('sourceName')} />
      </div>
      <div className="desk-row">
        <TextField name="startedAt" type="datetime-local" label={t('incidentForm.startedAt')} hint={t('incidentForm.startedAtHint')} value={values.startedAt} error={err('startedAt')} />
        <TextArea name="affected" label={t('incidentForm.affected')} hint={t('incidentForm.affectedHint')} value={values.affected} error={err('affected')} rows={2} />
      </div>
      <div className="desk-actions">
        <button type="submit" className="desk-button">
          {t('incidentForm.submit')}
        </button>
      </div>
    </form>
  );
}
