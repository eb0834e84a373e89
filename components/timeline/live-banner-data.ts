import type { Direction, Locale } from '@/lib/i18n/locales';

/** What /{locale}/incidents/live.json sends the home page's banner: only what it shows. */
export interface LiveBannerItem {
  readonly href: string;
  readonly title: string;
  readonly lang: Locale;
  readonly dir: Direction;
  readonly status: string;
  readonly statusLabel: string;
}

function isItem(v: unknown): v is LiveBannerItem {
  if (typeof v !== 'object' || v === null) return false;
  const r: Record<string, unknown> = { ...v };
  return (
    typeof r.href === 'string' &&
    /^\/(ar|en)\/incidents\/[a-z0-9-]+$/.test(r.href) &&
    typeof r.title === 'string' &&
    (r.lang === 'ar' || r.lang === 'en') &&
    (r.dir === 'rtl' || r.dir === 'ltr') &&
    typeof r.status === 'string' &&
    typeof r.statusLabel === 'string'
  );
}

/** The banner's check of the answer; anything unexpected is treated as "nothing live". */
export function parseLiveBanner(v: unknown): LiveBannerItem[] {
  if (typeof v !== 'object' || v === null || !('incidents' in v) || !Array.isArray(v.incidents)) return [];
  return v.incidents.filter(isItem);
}
