import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDesk, getDeskConfig } from '@/lib/desk/runtime';
import type { DeskService, DeskSession } from '@/lib/desk/service';
import type { FieldErrors } from '@/lib/desk/input';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Desk pages start here: no durable storage → the 503 page; no live session → sign-in. Nothing
 * about the desk (not even whether an incident exists) is looked up before the session is.
 */
export async function requireEditor(locale: Locale): Promise<{ desk: DeskService; session: DeskSession }> {
  const available = await getDesk();
  if (!available.ok) redirect(`/${locale}/desk/unavailable`);
  const token = (await cookies()).get(getDeskConfig().cookieName)?.value;
  const session = await available.desk.authenticate(token);
  if (session === null) redirect(`/${locale}/desk/login`);
  return { desk: available.desk, session };
}

/** The signed-in editor if any, without redirecting (the sign-in page). */
export async function currentEditor(): Promise<DeskSession | null | 'unavailable'> {
  const available = await getDesk();
  if (!available.ok) return 'unavailable';
  const token = (await cookies()).get(getDeskConfig().cookieName)?.value;
  return available.desk.authenticate(token);
}

const FieldErrorSchema = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
const DraftSchema = z.object({
  values: z.record(z.string(), z.string()),
  errors: z.record(z.string(), FieldErrorSchema),
  preview: z.boolean(),
});

export interface FormDraft {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: FieldErrors;
  readonly preview: boolean;
}

/** A form that came back (preview or errors), if `?draft=` names one of this session's drafts. */
export async function loadDraft(desk: DeskService, session: DeskSession, search: Record<string, string | string[] | undefined>): Promise<FormDraft | null> {
  const id = search.draft;
  if (typeof id !== 'string') return null;
  const parsed = DraftSchema.safeParse(await desk.getDraft(session.session, id));
  return parsed.success ? (parsed.data as FormDraft) : null;
}
