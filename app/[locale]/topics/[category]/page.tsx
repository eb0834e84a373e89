import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, locales } from '@/lib/i18n/locales';
import { categories, isCategory } from '@/lib/content/categories';
import { getArticlesByCategory } from '@/lib/content/articles';
import { pageMetadata } from '@/lib/seo/metadata';
import { ArticleCard } from '@/components/article/ArticleCard';

type Params = Promise<{ locale: string; category: string }>;

export function generateStaticParams() {
  return locales.flatMap((locale) => categories.map((category) => ({ locale, category })));
}

export const dynamicParams = false;

async function load(params: Params) {
  const { locale, category } = await params;
  if (!isLocale(locale) || !isCategory(category)) notFound();
  return { locale, category };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, category } = await load(params);
  const site = await getTranslations({ locale, namespace: 'Site' });
  const cat = await getTranslations({ locale, namespace: 'Categories' });
  const desc = await getTranslations({ locale, namespace: 'CategoryDescriptions' });
  return pageMetadata({ locale, path: `/topics/${category}`, title: `${cat(category)} | ${site('name')}`, description: desc(category), siteName: site('name') });
}

export default async function TopicPage({ params }: { params: Params }) {
  const { locale, category } = await load(params);
  setRequestLocale(locale);
  const cat = await getTranslations({ locale, namespace: 'Categories' });
  const desc = await getTranslations({ locale, namespace: 'CategoryDescriptions' });
  const t = await getTranslations({ locale, namespace: 'Topic' });
  const home = await getTranslations({ locale, namespace: 'Home' });
  const articles = getArticlesByCategory(locale, category);
  return (
    <div className="page topic-page">
      <header className="page-header">
        <h1>{cat(category)}</h1>
        <p className="lede">{desc(category)}</p>
        <p className="muted">{t('count', { count: articles.length })}</p>
      </header>
      {articles.length ? (
        <div className="card-list">
          {articles.map((a) => (
            <ArticleCard key={a.slug} article={a} locale={locale} categoryLabel={cat(category)} headingLevel="h2" />
          ))}
        </div>
      ) : (
        <p>{home('empty')}</p>
      )}
    </div>
  );
}
