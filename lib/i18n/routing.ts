import { defineRouting } from 'next-intl/routing';
import { localeCookieName } from '@/lib/i18n/choice';
import { defaultLocale, locales } from '@/lib/i18n/locales';

export const routing = defineRouting({
  locales,
  defaultLocale,
  // Every URL carries its language: /ar/… and /en/… are separate, shareable, cacheable pages.
  localePrefix: 'always',
  localeCookie: { name: localeCookieName },
});
