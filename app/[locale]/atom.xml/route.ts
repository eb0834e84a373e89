import { buildArticlesAtom } from '@/lib/feeds/articles';
import { articleFeedHandler, localeParams } from '@/lib/feeds/site-feeds';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = localeParams;
export const GET = articleFeedHandler(buildArticlesAtom, 'application/atom+xml');
