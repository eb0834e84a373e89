import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { updateStatuses } from '@/lib/incidents/model';
import { limits, type FieldErrors } from '@/lib/desk/input';
import { CheckboxField, ErrorSummary, FormBasics, SelectField, TextArea, TextField } from '@/components/desk/Field';
import { errorFor, unplacedErrors } from '@/components/desk/errors';

/**
 * The one form for every timeline write, as a plain HTML form (works without JavaScript).
 * "Preview" comes first so that Enter in a field previews rather than publishes.
 */
export type FormAction = 'publish' | 'correct' | 'retract' | 'translate';

interface Props {
  readonly locale: Locale;
  readonly csrf: string;
  readonly incidentId: string;
  readonly action: FormAction;
  readonly target?: string;
  /** translate: the one language being written. */
  readonly translateTo?: Locale;
  readonly formId: string;
  readonly returnTo: string;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: FieldErrors;
  readonly submitLabel: string;
  readonly heading: string;
}

const fieldsOf = (action: FormAction, translateTo: Locale): string[] => {
  switch (action) {
    case 'publish':
      return ['status', 'textAr', 'textEn', 'key', 'sourceUrl', 'sourceName', 'at'];
    case 'correct':
      return ['status', 'textAr', 'textEn', 'sourceUrl', 'sourceName'];
    case 'retract':
      return ['reasonAr', 'reasonEn'];
    case 'translate':
      return [translateTo === 'ar' ? 'textAr' : 'textEn'];
  }
};

export async function UpdateForm(p: Props) {
  const t = await getTranslations({ locale: p.locale, namespace: 'Desk' });
  const tl = await getTranslations({ locale: p.locale, namespace: 'Timeline' });
  const fields = fieldsOf(p.action, p.translateTo ?? 'ar');
  const has = (f: string) => fields.includes(f);
  // A group error ("write at least one language") is shown on the first field of the group.
  const first = fields.find((f) => f.startsWith('text') || f.startsWith('reason'));
  const err = (f: string) => errorFor(t, p.errors, f) ?? (f === first ? (errorFor(t, p.errors, 'text') ?? errorFor(t, p.errors, 'reason')) : undefined);
  const summary = Object.keys(p.errors).length > 0;
  // Syntax examples are isolated (<bdi>) so their brackets do not reorder the sentence around them.
  const textHint = t.rich('updateForm.textHint', { max: limits.text, code: (chunks) => <bdi className="desk-code">{chunks}</bdi> });
  const stray = unplacedErrors(t, p.errors, [...fields, 'text', 'reason']);
  return (
    <form method="post" action="/api/desk/updates" className="desk-form" id="form" aria-labelledby="form-title" noValidate>
      <h2 id="form-title">{p.heading}</h2>
      {summary ? <ErrorSummary id="form-errors" summary={t('updateForm.errorSummary')} stray={stray} /> : null}
      <FormBasics csrf={p.csrf} locale={p.locale} returnTo={p.returnTo} />
      <input type="hidden" name="action" value={p.action} />
      <input type="hidden" name="incident" value={p.incidentId} />
      <input type="hidden" name="formId" value={p.formId} />
      {p.target !== undefined ? <input type="hidden" name="target" value={p.target} /> : null}
      {has('status') ? (
        <SelectField
          name="status"
          label={t('updateForm.status')}
          value={p.values.status ?? 'investigating'}
          error={err('status')}
          options={updateStatuses.map((s) => ({ value: s, label: tl(`status.${s}`) }))}
        />
      ) : null}
      {has('textAr') ? <TextArea name="textAr" lang="ar" label={t('updateForm.textAr')} hint={textHint} value={p.values.textAr} error={err('textAr')} rows={7} /> : null}
      {has('textEn') ? <TextArea name="textEn" lang="en" label={t('updateForm.textEn')} hint={textHint} value={p.values.textEn} error={err('textEn')} rows={7} /> : null}
      {has('reasonAr') ? <TextArea name="reasonAr" lang="ar" label={t('retract.reasonAr')} hint={t('retract.reasonHint', { max: limits.reason })} value={p.values.reasonAr} error={err('reasonAr')} rows={4} /> : null}
      {has('reasonEn') ? <TextArea name="reasonEn" lang="en" label={t('retract.reasonEn')} hint={t('retract.reasonHint', { max: limits.reason })} value={p.values.reasonEn} error={err('reasonEn')} rows={4} /> : null}
      {has('key') ? <CheckboxField name="key" label={t('updateForm.key')} hint={t('updateForm.keyHint')} checked={p.values.key === 'on'} /> : null}
      {has('sourceUrl') ? (
        <div className="desk-row">
          <TextField name="sourceUrl" type="url" dirAuto label={t('updateForm.sourceUrl')} hint={t('updateForm.sourceHint')} value={p.values.sourceUrl} error={err('sourceUrl')} />
          <TextField name="sourceName" dirAuto label={t('updateForm.sourceName')} value={p.values.sourceName} error={err('sourceName')} />
        </div>
      ) : null}
      {has('at') ? <TextField name="at" type="datetime-local" label={t('updateForm.at')} hint={t('updateForm.atHint')} value={p.values.at} error={err('at')} /> : null}
      <div className="desk-actions">
        <button type="submit" name="intent" value="preview" className="desk-button desk-button-quiet">
          {t('updateForm.preview')}
        </button>
        <button type="submit" name="intent" value="publish" className="desk-button">
          {p.submitLabel}
        </button>
      </div>
    </form>
  );
}
