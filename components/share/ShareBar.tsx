import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { shareLinks } from '@/lib/share/links';
import { ShareActions } from '@/components/share/ShareActions.client';

interface Props {
  locale: Locale;
  url: string;
  title: string;
  /** Distinguishes several share bars on one page (timeline updates). */
  compact?: boolean;
}

/** Share links that work without JavaScript, plus native share and copy where scripts run. */
export async function ShareBar({ locale, url, title, compact = false }: Props) {
  const t = await getTranslations({ locale, namespace: 'Share' });
  return (
    <div className={compact ? 'share-bar share-bar-compact' : 'share-bar'}>
      {compact ? null : <p className="share-title">{t('title')}</p>}
      <ul aria-label={t('label')}>
        {shareLinks(url, title).map((l) => (
          <li key={l.network}>
            <a href={l.href} target="_blank" rel="noopener noreferrer" data-network={l.network} aria-label={t('via', { network: t(`networks.${l.network}`) })}>
              {t(`networks.${l.network}`)}
            </a>
          </li>
        ))}
        <ShareActions url={url} title={title} labels={{ share: t('native'), copy: t('copy'), copied: t('copied') }} />
      </ul>
    </div>
  );
}
