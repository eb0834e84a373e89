import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';
import { formatDateTimeUtc } from '@/lib/i18n/format';
import { requireEditor } from '@/lib/desk/page-auth';
import { DeskHeader } from '@/components/desk/DeskHeader';

export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const pageSize = 100;

export default async function DeskAuditPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { desk, session } = await requireEditor(locale);
  const t = await getTranslations({ locale, namespace: 'Desk' });
  const before = Number((await searchParams).before);
  const rows = await desk.listAudit({ beforeSeq: Number.isSafeInteger(before) && before > 0 ? before : undefined, limit: pageSize });
  const last = rows.at(-1);
  return (
    <>
      <DeskHeader locale={locale} session={session} current="audit" />
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <div className="desk-table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0}>
          <table className="desk-table" data-testid="audit-table">
            <caption id="audit-caption" className="sr-only">
              {t('audit.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.via')}</th>
                <th scope="col">{t('audit.result')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.seq} data-action={r.action}>
                  <td>
                    <time dateTime={r.at}>{formatDateTimeUtc(locale, new Date(r.at))}</time>
                  </td>
                  <td>{r.editorName ?? '—'}</td>
                  <td>{t(`audit.actions.${r.action.replace(/\./g, '_')}`)}</td>
                  <td>
                    <span dir="ltr" className="desk-ids">
                      {[r.incidentId, r.updateId, r.subject].filter((x) => x !== null && x !== '').join(' · ') || '—'}
                    </span>
                    {typeof r.detail.excerpt === 'string' && r.detail.excerpt !== '' ? (
                      <span dir="auto" className="desk-excerpt">
                        {r.detail.excerpt}
                      </span>
                    ) : null}
                    {r.action === 'incident.retitled' && typeof r.detail.to === 'string' ? (
                      <>
                        <span lang="ar" dir="rtl" className="desk-excerpt">
                          {r.detail.to}
                        </span>
                        {typeof r.detail.from === 'string' ? (
                          <span dir="auto" className="desk-excerpt">
                            {t('audit.previousTitle', { title: r.detail.from })}
                          </span>
                        ) : null}
                      </>
                    ) : null}
                  </td>
                  <td dir="ltr">{[r.via, r.ip].filter((x) => x !== null).join(' · ')}</td>
                  <td>{r.stored === null ? '' : r.stored ? t('audit.stored') : t('audit.notStored')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length === pageSize && last !== undefined ? (
        <p>
          <a href={`/${locale}/desk/audit?before=${last.seq}`}>{t('audit.older')}</a>
        </p>
      ) : null}
    </>
  );
}
