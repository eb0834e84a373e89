import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { isLocale, locales } from '@/lib/i18n/locales';
import { formatDate } from '@/lib/i18n/format';
import { getArticle, getArticles } from '@/lib/content/articles';
import { renderShareCard } from '@/lib/share-cards/render';
import { siteUrl } from '@/lib/seo/site';

// Cards are rendered once, at build time, for every article in both languages.
export const runtime = 'nodejs';
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return locales.flatMap((locale) => getArticles(locale).map((a) => ({ locale, slug: a.slug })));
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const article = getArticle(locale, slug);
  if (!article) notFound();
  const t = await getTranslations({ locale });
  const png = await renderShareCard({
    locale,
    title: article.frontmatter.title,
    kicker: t(`Categories.${article.frontmatter.category}`),
    date: formatDate(locale, article.frontmatter.published),
    siteName: `${t('Site.name')} · ${t('Site.otherName')}`,
    domain: new URL(siteUrl).host,
  });
  return new Response(new Uint8Array(png), {
    headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400, stale-while-revalidate=604800' },
  });
}
