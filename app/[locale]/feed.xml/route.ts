import { notFound } from 'next/navigation';
import { isLocale, locales } from '@/lib/i18n/locales';
import { buildArticlesRss } from '@/lib/feeds/articles';
import { feedResponse, siteFeedInput } from '@/lib/feeds/site-feeds';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const { channel, articles } = await siteFeedInput(locale);
  return feedResponse(buildArticlesRss(channel, articles), 'application/rss+xml');
}
