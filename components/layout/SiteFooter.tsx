import { getTranslations } from 'next-intl/server';
import { localeConfig, otherLocale, type Locale } from '@/lib/i18n/locales';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Footer' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  const other = localeConfig(otherLocale(locale));
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p className="site-footer-name">
          {site('name')} <span lang={other.tag} dir={other.dir}>· {site('otherName')}</span>
        </p>
        <ul>
          <li>
            <a href={`/${locale}/about`}>{t('about')}</a>
          </li>
          <li>
            <a href={`/${locale}/about#corrections`}>{t('corrections')}</a>
          </li>
        </ul>
        <p className="site-footer-feeds">
          {t('subscribe')}{' '}
          <a href={`/${locale}/feed.xml`} type="application/rss+xml">
            RSS
          </a>{' '}
          ·{' '}
          <a href={`/${locale}/atom.xml`} type="application/atom+xml">
            Atom
          </a>{' '}
          ·{' '}
          <a href={`/${locale}/feed.json`} type="application/feed+json">
            JSON Feed
          </a>
        </p>
        <p className="site-footer-note">{t('copyright')}</p>
      </div>
    </footer>
  );
}
