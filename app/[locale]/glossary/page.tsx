import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { staticBlock } from '@/lib/content/static-html';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, localeConfig, otherLocale } from '@/lib/i18n/locales';
import { getGlossarySorted, getTerm } from '@/lib/content/glossary';
import { pageMetadata } from '@/lib/seo/metadata';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const site = await getTranslations({ locale, namespace: 'Site' });
  const t = await getTranslations({ locale, namespace: 'Glossary' });
  return pageMetadata({ locale, path: '/glossary', title: `${t('title')} | ${site('name')}`, description: t('description'), siteName: site('name') });
}

export default async function GlossaryPage({ params }: { params: Params }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Glossary' });
  const other = otherLocale(locale);
  const otherCfg = localeConfig(other);
  const entries = getGlossarySorted(locale);
  // Static content: one element of HTML instead of ~600 to hydrate (0064).
  const list = await staticBlock(
    <dl className="glossary">
      {entries.map((e) => (
        <div key={e.id} id={e.id} className="glossary-entry">
          <dt>
            <a href={`#${e.id}`} className="glossary-term">
              {e[locale].term}
            </a>{' '}
            {/* The other language's name for the term helps readers who met it there. */}
            <span className="glossary-other" lang={otherCfg.tag} dir={otherCfg.dir}>
              {e[other].term}
            </span>
          </dt>
          <dd>
            <p>{e[locale].definition}</p>
            {e.related?.length ? (
              <div className="glossary-related">
                <span>{t('related')}:</span>
                <ul>
                  {e.related.map((r) => {
                    const rel = getTerm(r);
                    return rel ? (
                      <li key={r}>
                        <a href={`#${r}`}>{rel[locale].term}</a>
                      </li>
                    ) : null;
                  })}
                </ul>
              </div>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
  return (
    <div className="page glossary-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
        <p className="lede">{t('description')}</p>
      </header>
      {list}
    </div>
  );
}
