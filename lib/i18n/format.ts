import { localeConfig, type Locale } from '@/lib/i18n/locales';

/**
 * Every date, time and number on the site is formatted here, through Intl with the
 * registry's locale tag, so digits and calendar are the same on the server, in the
 * browser and in feeds, whatever the runtime's ICU defaults are.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: Locale, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(localeConfig(locale).intlLocale, options);
    cache.set(id, f);
  }
  return f;
}

export function formatDate(locale: Locale, date: Date): string {
  return dateTimeFormat(locale, 'date', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatDateTimeUtc(locale: Locale, date: Date): string {
  return dateTimeFormat(locale, 'datetime-utc', {
    year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23', timeZone: 'UTC', timeZoneName: 'short',
  }).format(date);
}

export function formatTimeUtc(locale: Locale, date: Date): string {
  return dateTimeFormat(locale, 'time-utc', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(date);
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(localeConfig(locale).intlLocale, options).format(value);
}

/** "7 min read" style durations: minutes only, through Intl's unit formatting. */
export function formatMinutes(locale: Locale, minutes: number): string {
  return new Intl.NumberFormat(localeConfig(locale).intlLocale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}
