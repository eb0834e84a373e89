import { getLocale, getTranslations } from 'next-intl/server';
import { isLocale, defaultLocale } from '@/lib/i18n/locales';

export default async function LocaleNotFound() {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : defaultLocale;
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return (
    <div className="page not-found-page">
      <h1>{t('title')}</h1>
      <p className="lede">{t('body')}</p>
      <p>
        <a href={`/${locale}`}>{t('home')}</a>
      </p>
    </div>
  );
}
