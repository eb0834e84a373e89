import { getTranslations } from 'next-intl/server';
import { localeConfig, type Locale } from '@/lib/i18n/locales';
import { LiveBanner } from '@/components/timeline/LiveBanner.client';

/**
 * The home page's live banner (see LiveBanner.client.tsx). The page itself stays prerendered
 * (●): the banner's state comes from /{locale}/incidents/live.json in the browser.
 */
export async function LiveIncidentBanner({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Timeline' });
  return (
    <LiveBanner
      endpoint={`/${locale}/incidents/live.json`}
      listHref={`/${locale}/incidents`}
      intlLocale={localeConfig(locale).intlLocale}
      labels={{ desk: t('bannerDesk'), live: t('live'), inProgress: t('bannerLabel'), more: String(t.raw('bannerMore')) }}
    />
  );
}
