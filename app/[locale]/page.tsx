import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';
import { categories } from '@/lib/content/categories';
import { getArticles } from '@/lib/content/articles';
import { pageMetadata } from '@/lib/seo/metadata';
import { ArticleCard } from '@/components/article/ArticleCard';
import { LiveIncidentBanner } from '@/components/timeline/LiveIncidentBanner';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const site = await getTranslations({ locale, namespace: 'Site' });
  const home = await getTranslations({ locale, namespace: 'Home' });
  return pageMetadata({ locale, path: '', title: home('title'), description: site('description'), siteName: site('name') });
}

export default async function HomePage({ params }: { params: Params }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Home' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  const cat = await getTranslations({ locale, namespace: 'Categories' });
  const articles = getArticles(locale);
  // The lead story is the newest news report, else the newest article.
  const lead = articles.find((a) => a.frontmatter.category === 'news') ?? articles[0];
  const rest = articles.filter((a) => a !== lead);
  return (
    <div className="page home-page">
      <h1 className="home-title">
        {site('name')}
        <span className="home-tagline">{site('tagline')}</span>
      </h1>
      <LiveIncidentBanner locale={locale} />
      {lead ? (
        <section aria-labelledby="lead-heading" className="home-lead">
          <h2 id="lead-heading" className="section-label">
            {t('lead')}
          </h2>
          <ArticleCard article={lead} locale={locale} categoryLabel={cat(lead.frontmatter.category)} lead headingLevel="h3" />
        </section>
      ) : null}
      <div className="home-sections">
        {categories.map((c) => {
          const items = rest.filter((a) => a.frontmatter.category === c);
          if (items.length === 0) return null;
          return (
            <section key={c} aria-labelledby={`section-${c}`} className="home-section">
              <h2 id={`section-${c}`} className="section-label">
                <a href={`/${locale}/topics/${c}`}>{cat(c)}</a>
              </h2>
              {items.slice(0, 3).map((a) => (
                <ArticleCard key={a.slug} article={a} locale={locale} categoryLabel={cat(c)} />
              ))}
            </section>
          );
        })}
      </div>
    </div>
  );
}
