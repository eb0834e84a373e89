import { getTranslations } from 'next-intl/server';
import { locales, localeConfig, otherLocale, type Locale } from '@/lib/i18n/locales';
import type { LocalizedText } from '@/lib/incidents/model';
import { formatEntryTime } from '@/lib/incidents/view';
import { EditorialText } from '@/lib/desk/markdown-react';
import type { PreviewEntry } from '@/lib/desk/preview';

/**
 * The update as readers will see it, once per reader language: the Arabic page (right to
 * left) and the English page (left to right), each with its own labels, time format and the
 * "awaiting translation" state when a language is missing. Text goes through the same
 * renderer the reader timeline uses for editorial text (lib/desk/markdown-react.tsx).
 */
async function Pane({ entry, page }: { entry: PreviewEntry; page: Locale }) {
  const tl = await getTranslations({ locale: page, namespace: 'Timeline' });
  const cfg = localeConfig(page);
  const time = (at: string) => (
    <time dateTime={at}>
      <span className="tl-utc">{formatEntryTime(at, page)}</span>
    </time>
  );
  const block = (text: LocalizedText, struck: boolean) => {
    const own = text[page];
    if (own !== undefined) return <div className="tl-text"><EditorialText text={own} struck={struck} /></div>;
    const other = otherLocale(page);
    const original = text[other];
    if (original === undefined) return <p className="tl-awaiting">{tl('textUnavailable')}</p>;
    return (
      <div className="tl-text tl-text-missing">
        <p className="tl-awaiting">{tl('awaiting')}</p>
        <div className="tl-original" lang={localeConfig(other).tag} dir={localeConfig(other).dir}>
          <EditorialText text={original} struck={struck} />
        </div>
      </div>
    );
  };
  const template = String(entry.retraction !== undefined ? tl.raw('retractedAt') : tl.raw('correctedAt'));
  const cut = template.indexOf('{time}');
  const withTime = cut === -1 ? <>{template}</> : <>{template.slice(0, cut)}{time(entry.at)}{template.slice(cut + 6)}</>;
  return (
    <div className="desk-preview-pane" lang={cfg.tag} dir={cfg.dir}>
      <article className="tl-entry desk-preview-entry" data-retracted={entry.retraction !== undefined ? '1' : undefined}>
        <header className="tl-entry-head">
          <p className="tl-when">{time(entry.at)}</p>
          <span className="tl-tags">
            <span className="tl-status" data-status={entry.status}>
              {tl(`status.${entry.status}`)}
            </span>
            <span className="tl-kind" data-kind={entry.kind}>
              {tl(`kind.${entry.kind}`)}
            </span>
            {entry.key ? <span className="tl-key">{tl('keyEvent')}</span> : null}
          </span>
        </header>
        {entry.retraction !== undefined ? (
          <div className="tl-retraction">
            <p className="tl-retracted-label">
              <strong>{withTime}</strong>
            </p>
            <div className="tl-retraction-reason">
              <span className="tl-reason-label">{tl('retractionReason')}</span>
              {block(entry.retraction, false)}
            </div>
          </div>
        ) : null}
        {block(entry.text, entry.retraction !== undefined)}
        {entry.corrected === true ? <p className="tl-corrected-label">{withTime}</p> : null}
      </article>
    </div>
  );
}

export async function UpdatePreview({ locale, entry }: { locale: Locale; entry: PreviewEntry }) {
  const t = await getTranslations({ locale, namespace: 'Desk' });
  return (
    <section id="preview" className="desk-preview" aria-labelledby="preview-title" tabIndex={-1}>
      <h2 id="preview-title">{t('preview.title')}</h2>
      <p className="desk-hint">{t('preview.note')}</p>
      <div className="desk-preview-grid">
        {locales.map((page) => (
          <section key={page} aria-label={t(page === 'ar' ? 'preview.arabicPage' : 'preview.englishPage')} data-testid={`preview-${page}`}>
            <h3 className="desk-preview-caption">{t(page === 'ar' ? 'preview.arabicPage' : 'preview.englishPage')}</h3>
            <Pane entry={entry} page={page} />
          </section>
        ))}
      </div>
    </section>
  );
}
