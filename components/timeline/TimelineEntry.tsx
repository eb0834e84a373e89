import type { Locale } from '@/lib/i18n/locales';
import type { LocalizedText, UpdateKind } from '@/lib/incidents/model';
import { renderEditorialText } from '@/lib/desk/markdown-react';
import type { TimelineEntry as Entry } from '@/lib/incidents/timeline';
import { formatEntryTime, localizeText } from '@/lib/incidents/view';
import { networks } from '@/lib/share/links';
import { fill, formatInstant, formatRelative, paragraphs, splitAround, usesEditorialMarkup } from '@/components/timeline/format';
import type { TimelineLabels } from '@/components/timeline/labels';
import { revisionSignature } from '@/components/timeline/logic';
import { entryAnchor, entrySharePath } from '@/components/timeline/paths';

export { entryAnchor };

/**
 * One update, as semantic HTML rendered on the server: an `<article>` with a permalink id, a
 * `<time datetime>`, its status, where it comes from, and its text in the page's language.
 * components/timeline/dom.ts builds the same markup in the browser for updates that arrive
 * live; keep the two in step (the browser test compares them).
 */

export function LocalizedBlock({ text, kind, locale, labels, struck = false }: { text: LocalizedText; kind: UpdateKind; locale: Locale; labels: TimelineLabels; struck?: boolean }) {
  const view = localizeText(text, locale);
  const body = (t: string, lang: Locale) =>
    usesEditorialMarkup(kind, lang) ? renderEditorialText(t, { struck }) : paragraphs(t).map((p, i) => <p key={i}>{struck ? <s>{p}</s> : p}</p>);
  if (!view.missing) return <div className="tl-text">{body(view.text, view.lang)}</div>;
  if (view.original === null) return <p className="tl-awaiting">{labels.textUnavailable}</p>;
  // Never passed off as a translation: the original is labelled and carries its own language.
  return (
    <div className="tl-text tl-text-missing">
      <p className="tl-awaiting">{labels.awaiting}</p>
      <div className="tl-original" lang={view.original.lang} dir={view.original.dir}>
        {body(view.original.text, view.original.lang)}
      </div>
    </div>
  );
}

function TimeAt({ at, intl, precision = 'minute' }: { at: string; intl: string; precision?: 'minute' | 'day' }) {
  return (
    // A date-only entry names a calendar day, not an instant.
    <time dateTime={precision === 'day' ? at.slice(0, 10) : at} data-precision={precision}>
      {/* formatInstant(…, 'utc') is formatEntryTime with a formatter kept per locale (format.test.ts holds the two together). */}
      <span className="tl-utc">{formatInstant(at, intl, precision, 'utc')}</span>
      {/* Filled in by the live island when the reader switches to local time. */}
      <span className="tl-local" />
    </time>
  );
}

function WithTime({ template, at, intl }: { template: string; at: string; intl: string }) {
  const [before, after] = splitAround(template, 'time');
  return (
    <>
      {before}
      <TimeAt at={at} intl={intl} />
      {after}
    </>
  );
}

export interface TimelineEntryProps {
  entry: Entry;
  locale: Locale;
  labels: TimelineLabels;
  /** Absolute path of the entry's permalink (page path + #update-id). */
  permalink: string;
  /** h3 on the incident page; the embed has no headings of its own inside an article. */
  heading: 'h3' | 'p';
  /** Element id; defaults to the permalink anchor. The embed prefixes it so ids stay unique. */
  anchorId?: string;
  /**
   * The incident page's path: when given, the update gets its share disclosure, whose links go
   * through the first-party redirect under `${sharePagePath}/share/…` (see paths.ts).
   */
  sharePagePath?: string;
  /**
   * The render time: when given, "5 minutes ago" is printed beside the time (shown only where
   * scripts run, and kept current by the island), so nothing shifts when the island starts.
   */
  nowMs?: number;
}

/**
 * An update's share affordance: a closed disclosure (its links cost no layout until opened)
 * with one short first-party link per network, which work without JavaScript. The links are
 * named by the network alone: they are only reachable (and in the accessibility tree) once the
 * reader has opened this update's "Share", which gives them their context. The island adds
 * "Copy link" and the system share sheet to the list when it is first opened (live.ts).
 */
export function EntryShare({ pagePath, updateId, labels }: { pagePath: string; updateId: string; labels: TimelineLabels }) {
  return (
    <details className="share-bar share-bar-compact tl-share">
      <summary>{labels.share.label}</summary>
      <ul>
        {networks.map((n) => (
          <li key={n}>
            <a href={entrySharePath(pagePath, n, updateId)} target="_blank" rel="noreferrer" data-network={n}>
              {labels.share.networks[n]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function TimelineEntry({ entry, locale, labels, permalink, heading: Heading, anchorId, sharePagePath, nowMs }: TimelineEntryProps) {
  const anchor = anchorId ?? entryAnchor(entry.id);
  const retracted = entry.retracted;
  const earlier = entry.corrections.slice(0, -1);
  return (
    <li className="tl-item" data-id={entry.id} data-seq={entry.seq} data-at={entry.at} data-key={entry.key ? '1' : undefined} data-rev={revisionSignature(entry)}>
      <article id={anchor} className="tl-entry" aria-labelledby={`${anchor}-when`} tabIndex={-1} data-retracted={retracted === null ? undefined : '1'}>
        <header className="tl-entry-head">
          <Heading id={`${anchor}-when`} className="tl-when">
            <TimeAt at={entry.at} intl={labels.intlLocale} precision={entry.atPrecision} />
          </Heading>
          <span className="tl-rel" aria-hidden="true">
            {nowMs === undefined || entry.atPrecision === 'day' ? null : formatRelative(Date.parse(entry.at), nowMs, labels.intlLocale)}
          </span>
          <span className="tl-tags">
            <span className="tl-status" data-status={entry.status}>
              {labels.status[entry.status]}
            </span>
            <span className="tl-kind" data-kind={entry.kind}>
              {labels.kind[entry.kind]}
            </span>
            {entry.key ? <span className="tl-key">{labels.keyEvent}</span> : null}
          </span>
        </header>
        {retracted !== null ? (
          <div className="tl-retraction">
            <p className="tl-retracted-label">
              <strong>
                <WithTime template={labels.retractedAt} at={retracted.at} intl={labels.intlLocale} />
              </strong>
            </p>
            <div className="tl-retraction-reason">
              <span className="tl-reason-label">{labels.retractionReason}</span>
              <LocalizedBlock text={retracted.text} kind="editorial" locale={locale} labels={labels} />
            </div>
          </div>
        ) : null}
        <LocalizedBlock text={entry.text} kind={entry.kind} locale={locale} labels={labels} struck={retracted !== null} />
        {entry.original !== null && entry.correctedAt !== null ? (
          <div className="tl-correction">
            <p className="tl-corrected-label">
              <WithTime template={labels.correctedAt} at={entry.correctedAt} intl={labels.intlLocale} />
            </p>
            <details className="tl-history">
              <summary>{labels.showOriginal}</summary>
              <div className="tl-version">
                <p className="tl-version-label">{fill(labels.firstPublished, { status: labels.status[entry.original.status] })}</p>
                <LocalizedBlock text={entry.original.text} kind={entry.kind} locale={locale} labels={labels} />
              </div>
              {earlier.map((c) => (
                <div className="tl-version" key={c.id}>
                  <p className="tl-version-label">
                    {fill(labels.earlierVersion, { time: formatEntryTime(c.at, locale), status: labels.status[c.status] })}
                  </p>
                  <LocalizedBlock text={c.text} kind={entry.kind} locale={locale} labels={labels} />
                </div>
              ))}
            </details>
          </div>
        ) : null}
        <footer className="tl-entry-foot">
          <span className="tl-source">
            {labels.source}{' '}
            <a href={entry.source.url} rel="noopener noreferrer" className="tl-source-link">
              <bdi>{entry.source.name}</bdi>
            </a>
          </span>
          <a className="tl-permalink" href={permalink}>
            {labels.permalink}
          </a>
        </footer>
        {sharePagePath === undefined ? null : <EntryShare pagePath={sharePagePath} updateId={entry.id} labels={labels} />}
      </article>
    </li>
  );
}
