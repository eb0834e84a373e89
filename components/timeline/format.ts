/**
 * Time formatting shared by the server components and the live island. It takes the registry's
 * Intl locale tag as a string (the island receives it as a prop) and uses nothing but Intl, so
 * it adds no library to the browser bundle and gives the same digits on both sides.
 *
 * The server prints absolute times through lib/incidents/view.ts (formatEntryTime); the
 * `entryTimeOptions` below mirror its options so that entries built in the browser look exactly
 * like the server's (a unit test holds the two together).
 */

import { editorialPlainText } from '@/lib/desk/markdown';

export type Precision = 'minute' | 'day';
export type Zone = 'utc' | 'local';

export function entryTimeOptions(precision: Precision, zone: Zone): Intl.DateTimeFormatOptions {
  const timeZone = zone === 'utc' ? 'UTC' : undefined;
  return precision === 'day'
    ? { timeZone, day: 'numeric', month: 'long', year: 'numeric' }
    : { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
}

// Intl constructors are costly next to the formatting itself (they resolve locale data): one
// formatter per locale and options, kept for the life of the server process or of the page.
const instantFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

export function formatInstant(at: string, intlLocale: string, precision: Precision, zone: Zone): string {
  const key = `${intlLocale}|${precision}|${zone}`;
  let f = instantFormats.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(intlLocale, entryTimeOptions(precision, zone));
    instantFormats.set(key, f);
  }
  return f.format(new Date(at));
}

const minuteMs = 60_000;

/**
 * "5 hours and 46 minutes" / "5 ساعات و46 دقيقة": whole minutes, largest units first, zero
 * parts left out. Intl.DurationFormat would do this but Node 20 lacks it, so units are
 * formatted one by one and joined with Intl.ListFormat.
 */
export function formatDuration(ms: number, intlLocale: string): string {
  const total = Math.max(0, Math.floor(ms / minuteMs));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const unit = (value: number, u: 'day' | 'hour' | 'minute'): string =>
    new Intl.NumberFormat(intlLocale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(value);
  const parts: string[] = [];
  if (days > 0) parts.push(unit(days, 'day'));
  if (hours > 0) parts.push(unit(hours, 'hour'));
  if (minutes > 0 || parts.length === 0) parts.push(unit(minutes, 'minute'));
  return new Intl.ListFormat(intlLocale, { style: 'long', type: 'conjunction' }).format(parts);
}

const steps: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 60 * 60],
  ['month', 30 * 24 * 60 * 60],
  ['week', 7 * 24 * 60 * 60],
  ['day', 24 * 60 * 60],
  ['hour', 60 * 60],
  ['minute', 60],
];

/** "5 minutes ago" / "قبل 5 دقائق"; under a minute is "now". Future instants (clock skew) read as now. */
export function formatRelative(atMs: number, nowMs: number, intlLocale: string): string {
  let rtf = relativeFormats.get(intlLocale);
  if (rtf === undefined) {
    rtf = new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto' });
    relativeFormats.set(intlLocale, rtf);
  }
  const seconds = Math.max(0, Math.round((nowMs - atMs) / 1000));
  for (const [u, size] of steps) {
    if (seconds >= size) return rtf.format(-Math.floor(seconds / size), u);
  }
  return rtf.format(0, 'second');
}

/**
 * How long, from `nowMs`, every text the clock drives on a timeline stays as printed: the relative
 * times of `atMs` ("5 minutes ago" reads so until the sixth minute; "4 weeks ago" until it becomes
 * "last month") and, with `elapsedSinceMs`, an ongoing incident's elapsed time, which counts
 * minutes. The page cache keeps a copy of an incident page that long before it makes a new one
 * (`data-fresh-ms`, lib/server/page-cache.ts); a change to the incident itself drops the copy at
 * once whatever this says. Never below one second.
 */
export function clockTextStableForMs(atMs: readonly number[], nowMs: number, elapsedSinceMs: number | null = null): number {
  let stable = Infinity;
  for (const at of atMs) {
    // formatRelative rounds to whole seconds, then prints the largest unit that fits: the text
    // changes at the unit's next multiple or where the next larger unit takes over, whichever is
    // first ("now" until one minute).
    const ago = nowMs - at;
    const seconds = Math.max(0, Math.round(ago / 1000));
    let next = 60 - seconds;
    for (let i = 0; i < steps.length; i++) {
      const size = steps[i]?.[1] ?? 1;
      if (seconds < size) continue;
      const larger = steps[i - 1]?.[1] ?? Infinity;
      next = Math.min(size - (seconds % size), larger - seconds);
      break;
    }
    // Rounded to seconds, `seconds + next` is first printed half a second early.
    stable = Math.min(stable, (seconds + next) * 1000 - 500 - ago);
  }
  if (elapsedSinceMs !== null) stable = Math.min(stable, 60_000 - (Math.max(0, nowMs - elapsedSinceMs) % 60_000));
  return Math.max(1000, stable);
}

/** Fills `{name}` placeholders of a message the server handed over raw (the island has no ICU runtime). */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export type PluralForms = Readonly<Record<Intl.LDMLPluralRule, string>>;

/** Picks the CLDR plural form (Arabic has six) and fills in the formatted count. */
export function pluralLabel(forms: PluralForms, count: number, intlLocale: string): string {
  const form = new Intl.PluralRules(intlLocale).select(count);
  return fill(forms[form], { count: new Intl.NumberFormat(intlLocale).format(count) });
}

/**
 * Splits a message around one placeholder, so an element (a `<time>`) can sit where `{name}` is:
 * "Corrected at {time}" → ["Corrected at ", ""]. A message without it keeps its text before.
 */
export function splitAround(template: string, name: string): readonly [string, string] {
  const marker = `{${name}}`;
  const at = template.indexOf(marker);
  return at === -1 ? [template, ''] : [template.slice(0, at), template.slice(at + marker.length)];
}

/** A short single-line excerpt for announcements and share titles. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Paragraphs of a plain-text update (blank-line separated); never HTML. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Whose words a text is. The newsroom writes editorial entries and every Arabic text (the status
 * pages we follow publish in English), in the desk's markdown subset (paragraphs, bold, http(s)
 * links: lib/desk/markdown.ts). A provider's own words are shown as plain text, markup and all:
 * an upstream page never gets to put a link on ours.
 */
export function usesEditorialMarkup(kind: 'official' | 'editorial', lang: 'ar' | 'en'): boolean {
  return kind === 'editorial' || lang === 'ar';
}

/** The text as a reader would read it aloud: editorial markup reduced to its words. */
export function readableText(text: string, kind: 'official' | 'editorial', lang: 'ar' | 'en'): string {
  return usesEditorialMarkup(kind, lang) ? editorialPlainText(text) : text;
}
