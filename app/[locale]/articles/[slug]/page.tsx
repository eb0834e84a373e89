import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, localeConfig, locales, otherLocale } from '@/lib/i18n/locales';
import { getArticle, getArticleLocales, getArticles } from '@/lib/content/articles';
import { renderArticle } from '@/lib/content/render';
import { staticBlock } from '@/lib/content/static-html';
import { pageMetadata } from '@/lib/seo/metadata';
import { ArticleMeta } from '@/components/article/ArticleMeta';
import { TableOfContents } from '@/components/article/TableOfContents';
import { SourcesList } from '@/components/article/SourcesList';
import { Breadcrumb } from '@/components/layout/Breadcrumb';
import { JsonLd } from '@/components/seo/JsonLd';
import { ShareBar } from '@/components/share/ShareBar';
import { absoluteUrl } from '@/lib/seo/site';
import { breadcrumbLd, newsArticleLd } from '@/lib/seo/structured-data';

type Params = Promise<{ locale: string; slug: string }>;

export function generateStaticParams() {
  return locales.flatMap((locale) => getArticles(locale).map((a) => ({ locale, slug: a.slug })));
}

export const dynamicParams = false;

async function load(params: Params) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const article = getArticle(locale, slug);
  if (!article) notFound();
  return { locale, article };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, article } = await load(params);
  const site = await getTranslations({ locale, namespace: 'Site' });
  const cat = await getTranslations({ locale, namespace: 'Categories' });
  const f = article.frontmatter;
  return pageMetadata({
    locale,
    path: `/articles/${article.slug}`,
    title: `${f.title} | ${site('name')}`,
    description: f.summary,
    siteName: site('name'),
    type: 'article',
    availableIn: getArticleLocales(article.slug),
    publishedTime: f.published,
    modifiedTime: f.updated,
    section: cat(f.category),
    image: { url: `/${locale}/articles/${article.slug}/card.png`, alt: f.title },
  });
}

export default async function ArticlePage({ params }: { params: Params }) {
  const { locale, article } = await load(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Article' });
  const nav = await getTranslations({ locale, namespace: 'Nav' });
  const cat = await getTranslations({ locale, namespace: 'Categories' });
  const term = await getTranslations({ locale, namespace: 'Term' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  const { content, toc } = await renderArticle(article, {
    anchorLabel: t('headingAnchor'),
    footnoteLabel: t('footnotesLabel'),
    footnoteBackLabel: t('footnoteBack'),
    glossaryLinkLabel: term('glossaryLink'),
    tableLabel: t('table'),
  });
  const f = article.frontmatter;
  const other = otherLocale(locale);
  const hasOther = getArticleLocales(article.slug).includes(other);
  return (
    <div className="page article-page">
      <JsonLd data={newsArticleLd(article, locale, { siteName: site('name'), newsroom: site('newsroom'), homeLabel: nav('home'), categoryLabel: cat(f.category) })} />
      <JsonLd
        data={breadcrumbLd([
          { name: nav('home'), path: `/${locale}` },
          { name: cat(f.category), path: `/${locale}/topics/${f.category}` },
          { name: f.title, path: `/${locale}/articles/${article.slug}` },
        ])}
      />
      <Breadcrumb
        locale={locale}
        label={t('breadcrumb')}
        items={[
          { href: `/${locale}`, label: nav('home') },
          { href: `/${locale}/topics/${f.category}`, label: cat(f.category) },
        ]}
      />
      <article className="article" aria-labelledby="article-title">
        <header className="article-header">
          <p className="kicker">
            <a href={`/${locale}/topics/${f.category}`}>{cat(f.category)}</a>
          </p>
          <h1 id="article-title">{f.title}</h1>
          <p className="lede">{f.summary}</p>
          <ArticleMeta article={article} locale={locale} />
          {f.hero ? (
            <figure className="article-hero">
              {/* The hero is the likely LCP element: loaded eagerly, with its box reserved by CSS aspect-ratio. */}
              <img src={f.hero.src} alt={f.hero.alt} decoding="async" fetchPriority="high" />
              <figcaption>
                {f.hero.caption} <span className="figure-credit">{f.hero.credit}</span>
              </figcaption>
            </figure>
          ) : null}
          {hasOther ? (
            <p className="other-language">
              <a href={`/${other}/articles/${article.slug}`} hrefLang={other} data-testid="article-other-language">
                {t('otherLanguage')}
              </a>
            </p>
          ) : null}
        </header>
        <div className="article-layout">
          <aside className="article-aside">
            {await staticBlock(<TableOfContents entries={toc} label={t('toc')} />)}
          </aside>
          <div className="article-body prose" data-testid="article-body">
            {content}
            <ShareBar locale={locale} url={absoluteUrl(`/${locale}/articles/${article.slug}`)} title={f.title} />
            {await staticBlock(<SourcesList sources={f.sources} locale={locale} title={t('sources')} />)}
          </div>
        </div>
      </article>
    </div>
  );
}
