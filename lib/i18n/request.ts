import { getRequestConfig } from 'next-intl/server';
import { hasLocale } from 'next-intl';
import { routing } from '@/lib/i18n/routing';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';

const messages = { ar, en } as const;

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  // Dates and numbers are formatted through lib/i18n/format.ts, which takes digits and
  // calendar from the locale registry; next-intl only supplies the messages here.
  return { locale, messages: messages[locale], timeZone: 'UTC' };
});
