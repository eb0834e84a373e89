import type { Locale } from '@/lib/i18n/locales';
import type { LocalizedText, UpdateKind } from '@/lib/incidents/model';
import { editorialTextElements } from '@/lib/desk/markdown-dom';
import type { TimelineEntry } from '@/lib/incidents/timeline';
import { formatEntryTime, localizeText, shownText } from '@/lib/incidents/view';
import { networks } from '@/lib/share/links';
import { fill, formatInstant, formatRelative, paragraphs, readableText, splitAround, usesEditorialMarkup } from '@/components/timeline/format';
import type { TimelineLabels } from '@/components/timeline/labels';
import { revisionSignature } from '@/components/timeline/logic';
import { entryAnchor, entrySharePath } from '@/components/timeline/paths';

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
  /** Absolute URL of the page, for copying an update's link and the system share sheet. */
  readonly pageUrl: string;
  /** The incident's title in plain text, for the system share sheet's title. */
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
  const shown = shownText(localizeText(text, locale));
  return shown === null ? '' : readableText(shown.text, kind, shown.lang);
}

/** The same share disclosure as EntryShare in TimelineEntry.tsx. */
function entryShare(pagePath: string, updateId: string, labels: TimelineLabels): HTMLElement {
  const items = networks.map((n) =>
    el('li', {}, [
      el('a', { href: entrySharePath(pagePath, n, updateId), target: '_blank', rel: 'noreferrer', 'data-network': n }, [labels.share.networks[n]]),
    ]),
  );
  return el('details', { class: 'share-bar share-bar-compact tl-share' }, [el('summary', {}, [labels.share.label]), el('ul', {}, items)]);
}

/**
 * The two share actions that need JavaScript, added to a share disclosure's list the first time
 * it opens (on the server's entries and on live ones alike): the system share sheet where the
 * browser has the Web Share API, and copying the link where it has the Clipboard API. Built on
 * demand rather than rendered per update: 34 updates would otherwise mean 68 buttons, and as
 * many hydrated components, for an action a reader takes once if ever.
 */
export function addShareActions(details: HTMLDetailsElement, labels: TimelineLabels, can: { share: boolean; copy: boolean }): void {
  const list = details.querySelector(':scope > ul');
  if (list === null || list.querySelector('button') !== null) return;
  const button = (action: string, text: string) => el('li', {}, [el('button', { type: 'button', class: 'share-button', 'data-share': action }, [text])]);
  if (can.share) list.append(button('native', labels.share.native));
  if (can.copy) list.append(button('copy', labels.share.copy));
}

/** What the system share sheet and "Copy link" share for the update holding `node`. */
export function entryShareData(node: Element, ctx: BuildContext): { url: string; title: string } | null {
  const item = node.closest<HTMLElement>('li.tl-item');
  const id = item?.dataset.id;
  const at = item?.dataset.at;
  if (item === null || item === undefined || id === undefined || at === undefined) return null;
  const precision = item.querySelector<HTMLElement>('.tl-when time')?.dataset.precision === 'day' ? 'day' : 'minute';
  return {
    url: `${ctx.pageUrl}#${entryAnchor(id)}`,
    title: fill(ctx.labels.shareTitle, { title: ctx.incidentTitle, time: formatEntryTime(at, ctx.locale, precision) }),
  };
}

export function buildEntry(entry: TimelineEntry, ctx: BuildContext): HTMLLIElement {
  const { labels, locale } = ctx;
  const anchor = entryAnchor(entry.id);
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
  parts.push(entryShare(ctx.pagePath, entry.id, labels));

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
    const text = formatRelative(Date.parse(at), nowMs, intlLocale);
    // Unchanged text is not written again: a write, even of the same text, invalidates layout.
    if (rel.textContent !== text) rel.textContent = text;
  }
}
