import { getTranslations } from 'next-intl/server';
import { localeConfig, otherLocale, type Locale } from '@/lib/i18n/locales';
import { categories } from '@/lib/content/categories';
import { LanguageSwitch } from '@/components/layout/LanguageSwitch.client';

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Site' });
  const nav = await getTranslations({ locale, namespace: 'Nav' });
  const cat = await getTranslations({ locale, namespace: 'Categories' });
  const sw = await getTranslations({ locale, namespace: 'LanguageSwitch' });
  const other = otherLocale(locale);
  return (
    <header className="site-header">
      <a href="#content" className="skip-link">
        {t('skipToContent')}
      </a>
      <div className="site-header-inner">
        <a href={`/${locale}`} className="site-name" aria-label={t('name')}>
          <span className="site-name-mark" aria-hidden="true" />
          <span>{t('name')}</span>
        </a>
        <LanguageSwitch current={locale} target={other} label={sw('short')} description={sw('label')} targetDir={localeConfig(other).dir} />
      </div>
      <nav aria-label={nav('label')} className="site-nav">
        <ul>
          {categories.map((c) => (
            <li key={c}>
              <a href={`/${locale}/topics/${c}`}>{cat(c)}</a>
            </li>
          ))}
          <li>
            <a href={`/${locale}/incidents`}>{nav('incidents')}</a>
          </li>
          <li>
            <a href={`/${locale}/glossary`}>{nav('glossary')}</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
