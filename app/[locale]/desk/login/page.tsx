import { notFound, redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';
import { currentEditor } from '@/lib/desk/page-auth';
import { TextField } from '@/components/desk/Field';

export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const notices = { invalid: 'errorInvalid', locked: 'errorLocked', forbidden: 'errorForbidden' } as const;

export default async function DeskLoginPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const current = await currentEditor();
  if (current === 'unavailable') redirect(`/${locale}/desk/unavailable`);
  if (current !== null) redirect(`/${locale}/desk`);
  const t = await getTranslations({ locale, namespace: 'Desk' });
  const search = await searchParams;
  const error = typeof search.error === 'string' && search.error in notices ? notices[search.error as keyof typeof notices] : null;
  return (
    <div className="desk-login">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {error !== null ? (
        <p className="desk-alert" role="alert" data-testid="login-error">
          {t(`signIn.${error}`)}
        </p>
      ) : null}
      {search.signedOut === '1' ? (
        <p className="desk-notice" role="status">
          {t('signIn.signedOut')}
        </p>
      ) : null}
      <form method="post" action="/api/desk/login" className="desk-form">
        <input type="hidden" name="locale" value={locale} />
        <TextField name="email" type="email" dirAuto label={t('signIn.email')} autoComplete="username" required maxLength={254} />
        <TextField name="password" type="password" dirAuto label={t('signIn.password')} autoComplete="current-password" required maxLength={1024} />
        <div className="desk-actions">
          <button type="submit" className="desk-button">
            {t('signIn.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
