import type { Locale } from '@/lib/i18n/locales';
import type { LocalizedText, UpdateKind } from '@/lib/incidents/model';
import { editorialTextElements } from '@/lib/desk/markdown-dom';
import type { TimelineEntry } from '@/lib/incidents/timeline';
import { formatEntryTime, localizeText } from '@/lib/incidents/view';
import { shareLinks } from '@/lib/share/links';
import { fill, formatInstant, formatRelative, paragraphs, readableText, splitAround, usesEditorialMarkup } from '@/components/timeline/format';
import type { TimelineLabels } from '@/components/timeline/labels';
import { revisionSignature } from '@/components/timeline/logic';

/**
 * Builds, in the browser, the same markup TimelineEntry.tsx renders on the server, for updates
 * that arrive after the page was served.
 *
 * Why DOM building rather than fetching a server-rendered fragment: the event stream already
 * carries the folded entry, so an arrival costs no second request (during an outage thousands of
 * readers would all fetch the same fragment at the same moment), and no HTML string is ever
 * parsed. Update text comes from an upstream status page and is untrusted: it only ever reaches
 * the page through `textContent`, never `innerHTML`. The cost is a second copy of the markup; the
 * browser test compares a live-built entry with the server's rendering of the same entry.
 */

export interface BuildContext {
  readonly locale: Locale;
  readonly labels: TimelineLabels;
  /** /ar/incidents/<id> */
  readonly pagePath: string;
  /** Absolute URL of the page, for share links. */
  readonly pageUrl: string;
  /** The incident's title in plain text, for share titles. */
  readonly incidentTitle: string;
}

type Attrs = Readonly<Record<string, string | undefined>>;
type Child = Node | string | null;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, children: readonly Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== null) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

export function timeEl(at: string, locale: Locale, precision: 'minute' | 'day' = 'minute'): HTMLElement {
  return el('time', { datetime: precision === 'day' ? at.slice(0, 10) : at, 'data-precision': precision }, [el('span', { class: 'tl-utc' }, [formatEntryTime(at, locale, precision)]), el('span', { class: 'tl-local' })]);
}

/** Template text with a `<time>` where `{time}` was. */
export function withTime(template: string, at: string, locale: Locale): Child[] {
  const [before, after] = splitAround(template, 'time');
  return [before, timeEl(at, locale), after];
}

function body(text: string, kind: UpdateKind, lang: Locale, struck: boolean): HTMLElement[] {
  if (usesEditorialMarkup(kind, lang)) return editorialTextElements(text, { struck });
  return paragraphs(text).map((p) => el('p', {}, [struck ? el('s', {}, [p]) : p]));
}

export function localizedBlock(text: LocalizedText, kind: UpdateKind, ctx: BuildContext, struck = false): HTMLElement {
  const view = localizeText(text, ctx.locale);
  if (!view.missing) return el('div', { class: 'tl-text' }, body(view.text, kind, view.lang, struck));
  if (view.original === null) return el('p', { class: 'tl-awaiting' }, [ctx.labels.textUnavailable]);
  return el('div', { class: 'tl-text tl-text-missing' }, [
    el('p', { class: 'tl-awaiting' }, [ctx.labels.awaiting]),
    el('div', { class: 'tl-original', lang: view.original.lang, dir: view.original.dir }, body(view.original.text, kind, view.original.lang, struck)),
  ]);
}

/** Plain text of an entry in the page language (or its original), for announcements and share titles. */
export function entryPlainText(text: LocalizedText, kind: UpdateKind, locale: Locale): string {
  const view = localizeText(text, locale);
  if (!view.missing) return readableText(view.text, kind, view.lang);
  return view.original === null ? '' : readableText(view.original.text, kind, view.original.lang);
}

function shareBar(url: string, title: string, labels: TimelineLabels): HTMLElement {
  const items = shareLinks(url, title).map((l) =>
    el('li', {}, [
      el(
        'a',
        { href: l.href, target: '_blank', rel: 'noopener noreferrer', 'data-network': l.network, 'aria-label': fill(labels.share.via, { network: labels.share.networks[l.network] }) },
        [labels.share.networks[l.network]],
      ),
    ]),
  );
  return el('div', { class: 'share-bar share-bar-compact' }, [el('ul', { 'aria-label': labels.share.label }, items)]);
}

export function buildEntry(entry: TimelineEntry, ctx: BuildContext): HTMLLIElement {
  const { labels, locale } = ctx;
  const anchor = `update-${entry.id}`;
  const retracted = entry.retracted;
  const permalink = `${ctx.pagePath}#${anchor}`;

  const tags = el('span', { class: 'tl-tags' }, [
    el('span', { class: 'tl-status', 'data-status': entry.status }, [labels.status[entry.status]]),
    el('span', { class: 'tl-kind', 'data-kind': entry.kind }, [labels.kind[entry.kind]]),
    entry.key ? el('span', { class: 'tl-key' }, [labels.keyEvent]) : null,
  ]);
  const head = el('header', { class: 'tl-entry-head' }, [
    el('h3', { id: `${anchor}-when`, class: 'tl-when' }, [timeEl(entry.at, locale, entry.atPrecision)]),
    el('span', { class: 'tl-rel', 'aria-hidden': 'true' }),
    tags,
  ]);

  const parts: Child[] = [head];
  if (retracted !== null) {
    parts.push(
      el('div', { class: 'tl-retraction' }, [
        el('p', { class: 'tl-retracted-label' }, [el('strong', {}, withTime(labels.retractedAt, retracted.at, locale))]),
        el('div', { class: 'tl-retraction-reason' }, [el('span', { class: 'tl-reason-label' }, [labels.retractionReason]), localizedBlock(retracted.text, 'editorial', ctx)]),
      ]),
    );
  }
  parts.push(localizedBlock(entry.text, entry.kind, ctx, retracted !== null));
  if (entry.original !== null && entry.correctedAt !== null) {
    const versions: HTMLElement[] = [
      el('summary', {}, [labels.showOriginal]),
      el('div', { class: 'tl-version' }, [
        el('p', { class: 'tl-version-label' }, [fill(labels.firstPublished, { status: labels.status[entry.original.status] })]),
        localizedBlock(entry.original.text, entry.kind, ctx),
      ]),
      ...entry.corrections.slice(0, -1).map((c) =>
        el('div', { class: 'tl-version' }, [
          el('p', { class: 'tl-version-label' }, [fill(labels.earlierVersion, { time: formatEntryTime(c.at, locale), status: labels.status[c.status] })]),
          localizedBlock(c.text, entry.kind, ctx),
        ]),
      ),
    ];
    parts.push(
      el('div', { class: 'tl-correction' }, [
        el('p', { class: 'tl-corrected-label' }, withTime(labels.correctedAt, entry.correctedAt, locale)),
        el('details', { class: 'tl-history' }, versions),
      ]),
    );
  }
  parts.push(
    el('footer', { class: 'tl-entry-foot' }, [
      el('span', { class: 'tl-source' }, [
        `${labels.source} `,
        el('a', { href: /^https?:\/\//.test(entry.source.url) ? entry.source.url : '#', rel: 'noopener noreferrer', class: 'tl-source-link' }, [el('bdi', {}, [entry.source.name])]),
      ]),
      el('a', { class: 'tl-permalink', href: permalink }, [labels.permalink]),
    ]),
  );
  const when = formatEntryTime(entry.at, locale, entry.atPrecision);
  parts.push(shareBar(`${ctx.pageUrl}#${anchor}`, fill(labels.shareTitle, { title: ctx.incidentTitle, time: when }), labels));

  const article = el(
    'article',
    { id: anchor, class: 'tl-entry', 'aria-labelledby': `${anchor}-when`, tabindex: '-1', 'data-retracted': retracted === null ? undefined : '1' },
    parts,
  );
  return el('li', { class: 'tl-item', 'data-id': entry.id, 'data-seq': String(entry.seq), 'data-at': entry.at, 'data-key': entry.key ? '1' : undefined, 'data-rev': revisionSignature(entry) }, [article]);
}

/** Writes local-time text into every `<time>` under `scope` that has none yet. */
export function fillLocalTimes(scope: ParentNode, intlLocale: string): void {
  for (const t of scope.querySelectorAll<HTMLTimeElement>('time[datetime]')) {
    const local = t.querySelector('.tl-local');
    if (local === null || local.textContent !== '') continue;
    // A date-only entry names a calendar day, not an instant: it reads the same everywhere.
    local.textContent = t.dataset.precision === 'day' ? (t.querySelector('.tl-utc')?.textContent ?? '') : formatInstant(t.dateTime, intlLocale, 'minute', 'local');
  }
}

/** "5 minutes ago" beside each entry's absolute time. */
export function updateRelativeTimes(scope: ParentNode, nowMs: number, intlLocale: string): void {
  for (const item of scope.querySelectorAll<HTMLElement>('.tl-item')) {
    const rel = item.querySelector('.tl-rel');
    const at = item.dataset.at;
    const precision = item.querySelector<HTMLElement>('.tl-when time')?.dataset.precision;
    if (rel === null || at === undefined || precision === 'day') continue;
    rel.textContent = formatRelative(Date.parse(at), nowMs, intlLocale);
  }
}
