import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';

type Params = Promise<{ locale: string }>;

// The desk is for editors only: never indexed, never cached (pages read the session cookie, so
// Next renders them per request with Cache-Control: no-store).
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: 'Desk' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  return {
    title: `${t('title')} | ${site('name')}`,
    description: t('description'),
    robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
    referrer: 'same-origin',
  };
}

export default function DeskLayout({ children }: { children: ReactNode }) {
  return <div className="page desk">{children}</div>;
}
