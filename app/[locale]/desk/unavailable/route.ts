import { notFound } from 'next/navigation';
import { handleUnavailable } from '@/lib/desk/http';
import { deskHttpDeps } from '@/lib/desk/next';
import { isLocale } from '@/lib/i18n/locales';

// A route handler, not a page: only a handler can answer a real 503 (see docs/decisions/0050).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(_request: Request, context: { params: Promise<{ locale: string }> }): Promise<Response> {
  const { locale } = await context.params;
  if (!isLocale(locale)) notFound();
  return handleUnavailable(locale, deskHttpDeps());
}
