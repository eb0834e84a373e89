import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { localeConfig, locales, type Locale } from '@/lib/i18n/locales';
import type { LocalizedText } from '@/lib/incidents/model';
import type { TimelineEntry } from '@/lib/incidents/timeline';
import { formatEntryTime } from '@/lib/incidents/view';
import { EditorialText } from '@/lib/desk/markdown-react';

/** A message with a `{time}` placeholder, the placeholder replaced by an element. */
function withTime(template: string, node: ReactNode): ReactNode {
  const at = template.indexOf('{time}');
  if (at === -1) return template;
  return (
    <>
      {template.slice(0, at)}
      {node}
      {template.slice(at + 6)}
    </>
  );
}

/**
 * The incident's timeline as the desk sees it: newest first, both languages side by side, who
 * wrote each newsroom entry, and what may be done with it (links to the revision forms).
 */
export async function DeskTimeline({
  locale,
  incidentId,
  entries,
  authors,
}: {
  locale: Locale;
  incidentId: string;
  entries: readonly TimelineEntry[];
  authors: ReadonlyMap<string, { editor: string }>;
}) {
  const t = await getTranslations({ locale, namespace: 'Desk' });
  const tl = await getTranslations({ locale, namespace: 'Timeline' });
  if (entries.length === 0) return <p>{t('incident.empty')}</p>;
  const time = (at: string) => <time dateTime={at}>{formatEntryTime(at, locale)}</time>;
  const texts = (text: LocalizedText, struck: boolean) => (
    <div className="desk-texts">
      {locales.map((l) => (
        <div key={l} className="desk-text" lang={localeConfig(l).tag} dir={localeConfig(l).dir}>
          <p className="desk-text-lang" lang={locale} dir={localeConfig(locale).dir}>
            {t(l === 'ar' ? 'incident.arabic' : 'incident.english')}
          </p>
          {text[l] !== undefined ? (
            <EditorialText text={text[l]} struck={struck} />
          ) : (
            <p className="desk-missing" lang={locale} dir={localeConfig(locale).dir}>
              {t('incident.missing')}
            </p>
          )}
        </div>
      ))}
    </div>
  );
  const base = `/${locale}/desk/incidents/${incidentId}/updates`;
  return (
    <ol className="desk-timeline" reversed>
      {[...entries].reverse().map((e) => {
        const author = authors.get(e.id) ?? authors.get(e.corrections.at(-1)?.id ?? '') ?? null;
        const open = e.retracted === null;
        const translateLabel = e.kind === 'official' ? (e.text.ar === undefined ? t('incident.addArabic') : t('incident.editArabic')) : t('incident.addTranslation');
        const missing = e.text.ar === undefined || e.text.en === undefined;
        return (
          <li key={e.id} id={`desk-update-${e.id}`} className="desk-entry" data-kind={e.kind} data-retracted={open ? undefined : '1'} data-testid="desk-entry" data-update-id={e.id}>
            <p className="desk-entry-head">
              <span className="desk-entry-time">{time(e.at)}</span>
              <span className="tl-status" data-status={e.status}>
                {tl(`status.${e.status}`)}
              </span>
              <span className="desk-tag">{t(e.kind === 'official' ? 'incident.official' : 'incident.editorial')}</span>
              {e.key ? <span className="desk-tag">{t('incident.key')}</span> : null}
              {author !== null ? <span className="desk-by">{t('incident.by', { name: author.editor })}</span> : null}
            </p>
            {e.retracted !== null ? (
              <p className="desk-flag" data-testid="desk-retracted">
                {withTime(String(t.raw('incident.retracted')), time(e.retracted?.at ?? e.at))}
              </p>
            ) : null}
            {e.correctedAt !== null ? (
              <p className="desk-flag" data-testid="desk-corrected">
                {withTime(String(t.raw('incident.corrected')), time(e.correctedAt ?? e.at))}
              </p>
            ) : null}
            {texts(e.text, !open)}
            {e.retracted !== null ? texts(e.retracted.text, false) : null}
            {open ? (
              <div role="group" className="desk-entry-actions" aria-label={t('incident.actions', { time: formatEntryTime(e.at, locale) })}>
                {e.kind === 'editorial' ? (
                  <>
                    <a href={`${base}/${e.id}/correct`}>{t('incident.correct')}</a>
                    <a href={`${base}/${e.id}/retract`}>{t('incident.retract')}</a>
                    {missing ? <a href={`${base}/${e.id}/translate`}>{translateLabel}</a> : null}
                  </>
                ) : (
                  <a href={`${base}/${e.id}/translate`}>{translateLabel}</a>
                )}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
