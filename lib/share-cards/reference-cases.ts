import type { ShareCardInput } from '@/lib/share-cards/render';

/**
 * The cards that are judged by eye, compared with Chromium and stored as visual references.
 * Dates are literal strings, not Intl output, so a Node/ICU upgrade cannot change the pixels.
 */
const arabicBrand = { siteName: 'مرصد الانقطاعات · Outage Watch', domain: 'outagewatch.example' } as const;
const englishBrand = { siteName: 'Outage Watch · مرصد الانقطاعات', domain: 'outagewatch.example' } as const;

export interface ReferenceCase {
  /** File name under lib/share-cards/__reference__/ (without .png) when stored as a reference. */
  readonly name: string;
  /** Whether the visual regression test compares this card against a stored image. */
  readonly stored: boolean;
  readonly input: ShareCardInput;
}

export const referenceCases: readonly ReferenceCase[] = [
  {
    // Latin names at the start, middle and end of an RTL line, harakat and tanween on
    // several letters (including a shadda with kasra), and long enough to wrap.
    name: 'ar-hard',
    stored: true,
    input: {
      locale: 'ar',
      title: 'عُطْلٌ عالميٌّ في كلاودفلير يُوقِفُ ChatGPT وإكس ويُربِكُ مطوّري Cloudflare Workers لساعاتٍ',
      kicker: 'أخبار',
      date: '18 نوفمبر 2025',
      ...arabicBrand,
    },
  },
  {
    name: 'en-hard',
    stored: true,
    input: {
      locale: 'en',
      title: 'A bad feature file at Cloudflare took down ChatGPT, X and Cloudflare Workers for hours on 18 November',
      kicker: 'Causes',
      date: '18 November 2025',
      ...englishBrand,
    },
  },
  {
    name: 'ar-short',
    stored: false,
    input: { locale: 'ar', title: 'انقطاع كلاودفلير بالتفصيل', kicker: 'تسلسل مباشر', date: '18 نوفمبر 2025', ...arabicBrand },
  },
  {
    name: 'ar-diacritics',
    stored: false,
    input: { locale: 'ar', title: 'عُطْلٌ عالميٌّ في كلاودفلير يُوقِفُ ChatGPT وإكس', kicker: 'الأسباب', date: '18 نوفمبر 2025', ...arabicBrand },
  },
  {
    // Exactly 140 characters, the frontmatter maximum, starting with a Latin name and ending in digits.
    name: 'ar-long',
    stored: false,
    input: {
      locale: 'ar',
      title:
        'ChatGPT وإكس وخدمات Cloudflare Workers خارج الخدمة: كيف أسقط ملف إعدادات تضاعف حجمه شبكة كلاودفلير حول العالم لساعات في أكبر انقطاع منذ 2019',
      kicker: 'التأثير',
      date: '18 نوفمبر 2025',
      ...arabicBrand,
    },
  },
  {
    name: 'en-short',
    stored: false,
    input: { locale: 'en', title: 'Cloudflare outage, minute by minute', kicker: 'Live incident', date: '18 November 2025', ...englishBrand },
  },
];
