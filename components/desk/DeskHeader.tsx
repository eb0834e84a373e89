import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import type { DeskSession } from '@/lib/desk/service';
import { FormBasics } from '@/components/desk/Field';

/** The desk's own navigation under the site header: where the editor is, who they are, sign out. */
export async function DeskHeader({ locale, session, current }: { locale: Locale; session: DeskSession; current: 'incidents' | 'audit' | null }) {
  const t = await getTranslations({ locale, namespace: 'Desk' });
  return (
    <div className="desk-bar">
      <nav aria-label={t('nav.label')} className="desk-nav">
        <ul>
          <li>
            <a href={`/${locale}/desk`} aria-current={current === 'incidents' ? 'page' : undefined}>
              {t('nav.incidents')}
            </a>
          </li>
          <li>
            <a href={`/${locale}/desk/audit`} aria-current={current === 'audit' ? 'page' : undefined}>
              {t('nav.audit')}
            </a>
          </li>
        </ul>
      </nav>
      <div className="desk-who">
        <span data-testid="desk-signed-in">{t('nav.signedInAs', { name: session.editor.name })}</span>
        <form method="post" action="/api/desk/logout">
          <FormBasics csrf={session.session.csrfToken} locale={locale} />
          <button type="submit" className="desk-button desk-button-quiet">
            {t('nav.signOut')}
          </button>
        </form>
      </div>
    </div>
  );
}
