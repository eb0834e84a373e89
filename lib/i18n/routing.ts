import { defineRouting } from 'next-intl/routing';
import { defaultLocale, locales } from '@/lib/i18n/locales';

export const routing = defineRouting({
  locales,
  defaultLocale,
  // Every URL carries its language: /ar/… and /en/… are separate, shareable, cacheable pages.
  localePrefix: 'always',
});
