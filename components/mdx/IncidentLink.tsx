import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';

/** In an article: a prominent link to the incident's live timeline page. */
export async function IncidentLink({ id, locale }: { id: string; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Article' });
  return (
    <p className="incident-link not-prose">
      <a href={`/${locale}/incidents/${id}`}>{t('followTimeline')}</a>
    </p>
  );
}
