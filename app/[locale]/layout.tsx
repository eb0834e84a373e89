import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { isLocale, localeConfig, locales } from '@/lib/i18n/locales';
import { preload } from 'react-dom';
import { arabicFontFaceCss, arabicFontFile, latinFont } from '@/app/fonts';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { SiteFooter } from '@/components/layout/SiteFooter';
import '@/app/globals.css';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

// Only the two locales exist; anything else is a 404, not a render attempt.
export const dynamicParams = false;

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const cfg = localeConfig(locale);
  // The Arabic face is needed at first paint on Arabic pages only (app/fonts.ts).
  if (cfg.font === 'arabic') preload(arabicFontFile, { as: 'font', type: 'font/woff2', crossOrigin: 'anonymous' });
  return (
    <html lang={cfg.tag} dir={cfg.dir} className={latinFont.variable}>
      <head>
        <style>{arabicFontFaceCss}</style>
      </head>
      <body>
        {/* Client islands receive their strings as props: no i18n runtime or messages ship to the browser. */}
        <SiteHeader locale={locale} />
        <main id="content" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
