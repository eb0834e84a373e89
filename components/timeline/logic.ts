import type { UpdateStatus } from '@/lib/incidents/model';
import type { TimelineEntry } from '@/lib/incidents/timeline';

/**
 * Decisions the timeline makes, kept free of React and the DOM so the server components, the
 * live island and the unit tests share them.
 */

export type Order = 'newest' | 'oldest';

export interface TimelineOptions {
  readonly order: Order;
  readonly keyOnly: boolean;
}

export const defaultOptions: TimelineOptions = { order: 'newest', keyOnly: false };

/**
 * `?order=oldest` and `?key=1`, the no-JavaScript form of the two toggles. Anything else is the
 * default view: a stray query string never turns the page into an error.
 */
export function parseTimelineOptions(search: Readonly<Record<string, string | string[] | undefined>>): TimelineOptions {
  const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
  return { order: one(search.order) === 'oldest' ? 'oldest' : 'newest', keyOnly: one(search.key) === '1' };
}

/** The query string for a view; the default view is the bare URL (the canonical one). */
export function optionsQuery(options: TimelineOptions): string {
  const params = new URLSearchParams();
  if (options.order === 'oldest') params.set('order', 'oldest');
  if (options.keyOnly) params.set('key', '1');
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

interface Sortable {
  readonly at: string;
  readonly seq: number;
}

/** Chronological comparison (ISO instants in UTC sort as strings); ties keep publication order. */
export function compareEntries(a: Sortable, b: Sortable): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.seq - b.seq;
}

export function sortEntries<T extends Sortable>(entries: readonly T[], order: Order): T[] {
  const sorted = [...entries].sort(compareEntries);
  return order === 'newest' ? sorted.reverse() : sorted;
}

/**
 * Where a new entry goes in a list displayed in `order`: the index of the first existing entry
 * it must precede (existing.length to append). Late entries with an earlier time land in place.
 */
export function insertionIndex(existing: readonly Sortable[], entry: Sortable, order: Order): number {
  const index = existing.findIndex((e) => (order === 'newest' ? compareEntries(entry, e) > 0 : compareEntries(entry, e) < 0));
  return index === -1 ? existing.length : index;
}

export const endedStatuses: ReadonlySet<UpdateStatus> = new Set(['resolved', 'postmortem']);

/** Live while the incident has no end time and its derived status is not a closing one. */
export function isOngoing(incident: { readonly endedAt?: string | undefined }, status: UpdateStatus | null): boolean {
  return incident.endedAt === undefined && (status === null || !endedStatuses.has(status));
}

/** When an incident that is over ended: its recorded end, else the time of the update that closed it. */
export function endOf(
  incident: { readonly endedAt?: string | undefined },
  entries: readonly (Sortable & { readonly status: UpdateStatus; readonly retracted: unknown })[],
): string | null {
  if (incident.endedAt !== undefined) return incident.endedAt;
  const closing = sortEntries(
    entries.filter((e) => e.retracted === null && endedStatuses.has(e.status)),
    'oldest',
  )[0];
  return closing?.at ?? null;
}

/**
 * Changes whenever a correction or retraction is attached to an entry. Rendered into the page as
 * `data-rev`, so the polling fallback can tell which entries to rebuild in place.
 */
export function revisionSignature(entry: Pick<TimelineEntry, 'corrections' | 'retracted'>): string {
  return `${entry.corrections.length}:${entry.retracted?.id ?? ''}`;
}

/**
 * The Guardian rule: never push content under the reader's eyes. An entry is inserted at once
 * when nothing the reader sees would move: the list is in oldest-first order (new entries go at
 * the end), the entry is hidden by the key-events filter, or the top of the list is in or below
 * the viewport. Otherwise it waits behind the "N new updates" button.
 */
export function shouldInsertNow(input: { readonly order: Order; readonly hiddenByFilter: boolean; readonly listTop: number; readonly tolerancePx?: number }): boolean {
  if (input.order === 'oldest' || input.hiddenByFilter) return true;
  return input.listTop >= -(input.tolerancePx ?? 48);
}

const statusSet: ReadonlySet<string> = new Set(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isText(v: unknown): boolean {
  return isRecord(v) && (typeof v.ar === 'string' || typeof v.en === 'string') && ['ar', 'en'].every((l) => v[l] === undefined || typeof v[l] === 'string');
}

function isSource(v: unknown): boolean {
  return isRecord(v) && typeof v.name === 'string' && typeof v.url === 'string' && /^https?:\/\//.test(v.url);
}

export function isStatus(v: unknown): v is UpdateStatus {
  return typeof v === 'string' && statusSet.has(v);
}

/**
 * A hand-written check of what the event stream or the JSON API sends, in place of the zod
 * schema (which would add tens of kilobytes to the island). Anything that fails it is ignored.
 */
export function isTimelineEntry(v: unknown): v is TimelineEntry {
  if (!isRecord(v)) return false;
  const revisionsOk =
    Array.isArray(v.corrections) &&
    v.corrections.every((c) => isRecord(c) && typeof c.id === 'string' && typeof c.at === 'string' && isStatus(c.status) && isText(c.text)) &&
    (v.retracted === null || (isRecord(v.retracted) && typeof v.retracted.id === 'string' && typeof v.retracted.at === 'string' && isText(v.retracted.text))) &&
    (v.original === null || (isRecord(v.original) && isStatus(v.original.status) && isText(v.original.text)));
  return (
    typeof v.id === 'string' &&
    /^[a-z0-9][a-z0-9-]{2,120}$/.test(v.id) &&
    typeof v.seq === 'number' &&
    typeof v.at === 'string' &&
    !Number.isNaN(Date.parse(v.at)) &&
    (v.atPrecision === 'minute' || v.atPrecision === 'day') &&
    isStatus(v.status) &&
    isText(v.text) &&
    isSource(v.source) &&
    (v.kind === 'official' || v.kind === 'editorial') &&
    typeof v.key === 'boolean' &&
    (v.correctedAt === null || typeof v.correctedAt === 'string') &&
    revisionsOk
  );
}
