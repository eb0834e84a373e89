/**
 * The one locale registry. Everything that depends on the language — `<html lang dir>`,
 * number and date formatting, fonts, Open Graph locale — reads from here, never from
 * a hard-coded string elsewhere.
 */
export const locales = ['ar', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ar';

export type Direction = 'rtl' | 'ltr';

export interface LocaleConfig {
  /** BCP 47 tag used for `lang` and for Intl. */
  readonly tag: string;
  /** Intl locale with extensions: digits and calendar are chosen once, here. */
  readonly intlLocale: string;
  readonly dir: Direction;
  readonly numberingSystem: 'latn' | 'arab';
  readonly calendar: 'gregory';
  /** Open Graph locale (language_TERRITORY). */
  readonly ogLocale: string;
  /** Name of the language in itself, for the language switch. */
  readonly nativeName: string;
  /** Which font family token the layout applies (see app/web-fonts.ts). */
  readonly font: 'arabic' | 'latin';
  /** Words per minute for reading time; Arabic prose is read more slowly per word. */
  readonly wordsPerMinute: number;
}

export const localeRegistry: Readonly<Record<Locale, LocaleConfig>> = {
  ar: {
    tag: 'ar',
    // Western digits, as most Arab news sites print them (docs/decisions/0002-digits.md).
    intlLocale: 'ar-u-nu-latn-ca-gregory',
    dir: 'rtl',
    numberingSystem: 'latn',
    calendar: 'gregory',
    ogLocale: 'ar_AR',
    nativeName: 'العربية',
    font: 'arabic',
    wordsPerMinute: 180,
  },
  en: {
    tag: 'en',
    intlLocale: 'en-GB-u-nu-latn-ca-gregory',
    dir: 'ltr',
    numberingSystem: 'latn',
    calendar: 'gregory',
    ogLocale: 'en_GB',
    nativeName: 'English',
    font: 'latin',
    wordsPerMinute: 230,
  },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function localeConfig(locale: Locale): LocaleConfig {
  return localeRegistry[locale];
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'ar' ? 'en' : 'ar';
}
