import { describe, expect, it } from 'vitest';
import { defaultLocale, isLocale, localeConfig, locales, otherLocale } from '@/lib/i18n/locales';
import { formatDate, formatDateTimeUtc, formatMinutes } from '@/lib/i18n/format';

describe('locale registry', () => {
  it('makes Arabic the default, right-to-left', () => {
    expect(defaultLocale).toBe('ar');
    expect(localeConfig('ar').dir).toBe('rtl');
    expect(localeConfig('en').dir).toBe('ltr');
  });

  it('gives every locale an Open Graph locale and a native name', () => {
    for (const l of locales) {
      expect(localeConfig(l).ogLocale).toMatch(/^[a-z]{2}_[A-Z]{2}$/);
      expect(localeConfig(l).nativeName.length).toBeGreaterThan(1);
    }
  });

  it('rejects anything that is not a locale', () => {
    expect(isLocale('ar')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale('AR')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
    expect(otherLocale('ar')).toBe('en');
  });
});

describe('formatting follows the registry', () => {
  const d = new Date('2025-11-18T11:20:00Z');
  it('formats Arabic dates with Arabic month names and the chosen digits', () => {
    const s = formatDate('ar', d);
    expect(s).toContain('نوفمبر');
    expect(s).toContain('2025');
    expect(s).not.toMatch(/[٠-٩]/);
  });
  it('formats English dates', () => {
    expect(formatDate('en', d)).toBe('18 November 2025');
    expect(formatDateTimeUtc('en', d)).toContain('11:20');
  });
  it('formats reading time in each language', () => {
    expect(formatMinutes('en', 7)).toBe('7 minutes');
    expect(formatMinutes('ar', 7)).toContain('دقائق');
  });
});
