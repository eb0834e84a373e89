import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';
import { pageMetadata } from '@/lib/seo/metadata';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const site = await getTranslations({ locale, namespace: 'Site' });
  const t = await getTranslations({ locale, namespace: 'About' });
  return pageMetadata({ locale, path: '/about', title: `${t('title')} | ${site('name')}`, description: t('description'), siteName: site('name') });
}

const sections = [
  { id: 'what', keys: ['what1', 'what2'] },
  { id: 'standards', keys: ['standards1', 'standards2', 'standards3', 'standards4'] },
  { id: 'corrections', keys: ['corrections1', 'corrections2'] },
  { id: 'contact', keys: ['contact1'] },
] as const;

export default async function AboutPage({ params }: { params: Params }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'About' });
  return (
    <div className="page about-page prose">
      <h1>{t('title')}</h1>
      <p className="lede">{t('description')}</p>
      {sections.map((s) => (
        <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`}>
          <h2 id={`${s.id}-title`}>{t(`${s.id}Title`)}</h2>
          {s.keys.map((k) => (
            <p key={k}>{t(k)}</p>
          ))}
        </section>
      ))}
    </div>
  );
}
