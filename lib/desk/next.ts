import { getTranslations } from 'next-intl/server';
import type { DeskHttpDeps, Translate } from '@/lib/desk/http';
import { getDesk, getDeskConfig } from '@/lib/desk/runtime';
import type { Locale } from '@/lib/i18n/locales';

/** The desk's dependencies inside Next: the process runtime and next-intl's server translator. */
export function deskHttpDeps(): DeskHttpDeps {
  return {
    desk: getDesk,
    config: getDeskConfig(),
    translator: async (locale: Locale): Promise<Translate> => {
      const t = await getTranslations({ locale, namespace: 'Desk' });
      return (key, values) => t(key, values);
    },
  };
}
