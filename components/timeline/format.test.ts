import { describe, expect, it } from 'vitest';
import { localeConfig } from '@/lib/i18n/locales';
import { formatEntryTime } from '@/lib/incidents/view';
import { clockTextStableForMs, excerpt, fill, formatDuration, formatInstant, formatRelative, paragraphs, pluralLabel, splitAround } from '@/components/timeline/format';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';

const AR = localeConfig('ar').intlLocale;
const EN = localeConfig('en').intlLocale;
const minutes = (n: number) => n * 60_000;

describe('formatDuration', () => {
  it('en: hours and minutes joined as a list', () => {
    expect(formatDuration(minutes(5 * 60 + 46), EN)).toBe('5 hours and 46 minutes');
  });
  it('ar: hours and minutes with Arabic units and Western digits', () => {
    const s = formatDuration(minutes(5 * 60 + 46), AR);
    expect(s).toBe('5 ساعات و46 دقيقة');
    expect(s).not.toMatch(/[٠-٩]/);
  });
  it('leaves out zero parts, keeps days, and never goes negative', () => {
    expect(formatDuration(minutes(24 * 60 + 3 * 60), EN)).toBe('1 day and 3 hours');
    expect(formatDuration(minutes(2 * 60), AR)).toBe('ساعتان');
    expect(formatDuration(-5000, EN)).toBe('0 minutes');
    expect(formatDuration(59_000, AR)).toBe('0 دقيقة');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2025-11-18T12:00:00Z');
  it('en: minutes, hours, days ago; "now" under a minute', () => {
    expect(formatRelative(now - minutes(5), now, EN)).toBe('5 minutes ago');
    expect(formatRelative(now - minutes(60), now, EN)).toBe('1 hour ago');
    expect(formatRelative(now - 20_000, now, EN)).toBe('now');
    expect(formatRelative(now + minutes(3), now, EN)).toBe('now');
  });
  it('ar: Arabic phrasing with Western digits', () => {
    expect(formatRelative(now - minutes(5), now, AR)).toBe('قبل 5 دقائق');
    expect(formatRelative(now - 10_000, now, AR)).toBe('الآن');
    expect(formatRelative(now - 3 * 24 * 3_600_000, now, AR)).toMatch(/3 أيام/);
  });
});

describe('clockTextStableForMs (how long an incident page may be kept as printed)', () => {
  const now = Date.parse('2026-11-29T21:00:00.250Z');
  // A spread of ages: seconds, minutes, hours, days, weeks, months, years, and near the
  // thresholds where a larger unit takes over (7 days, 4 weeks → a month, 12 months → a year).
  const ages = [0, 800, 59_400, 61_700, minutes(59) + 29_000, 3_600_000 * 5 + 1234, 86_400_000 * 6 + 3_600_000 * 23 + 59_000, 86_400_000 * 29 + 5_000, 86_400_000 * 364 + 777, 86_400_000 * 376, -minutes(2)];
  it('is exactly how long formatRelative keeps printing the same text', () => {
    for (const age of ages) {
      const at = now - age;
      const stable = clockTextStableForMs([at], now);
      expect(stable, `age ${age} ms`).toBeGreaterThanOrEqual(1000);
      const printed = formatRelative(at, now, EN);
      // Under a second to go, it says one second (the floor): the text has changed by then.
      if (stable > 1000) expect(formatRelative(at, now + stable - 1, EN), `age ${age} ms`).toBe(printed);
      expect(formatRelative(at, now + stable, EN), `age ${age} ms`).not.toBe(printed);
    }
  });
  it("takes the soonest change among all the times, and an ongoing incident's elapsed minutes", () => {
    const day = 86_400_000;
    const many = [now - 400 * day, now - 3 * day, now - 2 * 3_600_000 - 1000];
    const soonest = Math.min(...many.map((at) => clockTextStableForMs([at], now)));
    expect(clockTextStableForMs(many, now)).toBe(soonest);
    expect(soonest).toBeLessThanOrEqual(3_600_000);
    const started = now - 400 * day - 15_000;
    const withElapsed = clockTextStableForMs([now - 400 * day], now, started);
    expect(formatDuration(now + withElapsed - 1 - started, EN)).toBe(formatDuration(now - started, EN));
    expect(formatDuration(now + withElapsed - started, EN)).not.toBe(formatDuration(now - started, EN));
  });
  it('is unbounded by times when there are none, and a finished year-old incident is stable for days', () => {
    expect(clockTextStableForMs([], now)).toBe(Infinity);
    expect(clockTextStableForMs([Date.parse('2025-11-18T11:20:00Z')], now)).toBeGreaterThan(86_400_000);
  });
});

describe('pluralLabel (the "N new updates" button)', () => {
  it('en: one and other', () => {
    expect(pluralLabel(en.Timeline.newUpdates, 1, EN)).toBe('One new update');
    expect(pluralLabel(en.Timeline.newUpdates, 3, EN)).toBe('3 new updates');
  });
  it('ar: the six CLDR forms', () => {
    expect(pluralLabel(ar.Timeline.newUpdates, 1, AR)).toBe('تحديث جديد واحد');
    expect(pluralLabel(ar.Timeline.newUpdates, 2, AR)).toBe('تحديثان جديدان');
    expect(pluralLabel(ar.Timeline.newUpdates, 3, AR)).toBe('3 تحديثات جديدة');
    expect(pluralLabel(ar.Timeline.newUpdates, 11, AR)).toBe('11 تحديثاً جديداً');
    expect(pluralLabel(ar.Timeline.newUpdates, 100, AR)).toBe('100 تحديث جديد');
  });
});

describe('absolute times built in the browser match the server', () => {
  for (const locale of ['ar', 'en'] as const) {
    it(`${locale}: minute and day precision`, () => {
      const intl = localeConfig(locale).intlLocale;
      expect(formatInstant('2025-11-18T11:48:00Z', intl, 'minute', 'utc')).toBe(formatEntryTime('2025-11-18T11:48:00Z', locale));
      expect(formatInstant('2025-11-18T23:59:00Z', intl, 'day', 'utc')).toBe(formatEntryTime('2025-11-18T23:59:00Z', locale, 'day'));
    });
  }
});

describe('message helpers', () => {
  it('fill replaces known placeholders and leaves unknown ones', () => {
    expect(fill('Corrected at {time}', { time: '12:00' })).toBe('Corrected at 12:00');
    expect(fill('صُحّح في {time} {x}', { time: '12:00' })).toBe('صُحّح في 12:00 {x}');
  });
  it('splitAround puts an element where the placeholder is, in either language', () => {
    expect(splitAround(en.Timeline.correctedAt, 'time')).toEqual(['Corrected at ', '']);
    expect(splitAround(ar.Timeline.feedFailing, 'time')[0]).toBe('تعذّر الوصول إلى الصفحة الرسمية منذ ');
    expect(splitAround('no placeholder', 'time')).toEqual(['no placeholder', '']);
  });
  it('excerpt and paragraphs keep text as text', () => {
    expect(excerpt('a  b\n c')).toBe('a b c');
    expect(excerpt('x'.repeat(200), 10)).toHaveLength(10);
    expect(paragraphs('<b>one</b>\n\n two \n\n\n')).toEqual(['<b>one</b>', 'two']);
  });
});
