import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { isLocale, localeConfig, locales } from '@/lib/i18n/locales';
import { beforeCssCss } from '@/app/before-css';
import { fontFaceCss, fontPreloads } from '@/app/web-fonts';
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
  return (
    <html lang={cfg.tag} dir={cfg.dir}>
      <head>
        {/* Each language preloads the faces its first paint needs, and only those (app/web-fonts.ts).
            Written as elements, not react-dom's preload(): on a page rendered per request (the
            incident page) the preload() hints reached the flight data but not the HTML head. */}
        {fontPreloads(cfg.font).map((file) => (
          <link key={file} rel="preload" href={file} as="font" type="font/woff2" crossOrigin="anonymous" />
        ))}
        {/* The font faces, and the deferral of long blocks before the stylesheet arrives (app/before-css.ts). */}
        <style>{fontFaceCss + beforeCssCss}</style>
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
