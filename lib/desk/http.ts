import { z } from 'zod';
import type { DeskConfig } from '@/lib/desk/config';
import { clearSessionCookie, readCookie, sessionCookie } from '@/lib/desk/cookies';
import { isStorageFailure } from '@/lib/desk/errors';
import { commandInputFromForm, LoginSchema, newIncidentInputFromForm, retitleInputFromForm, type FieldErrors, type FormLike } from '@/lib/desk/input';
import { clientAddress, sameOrigin } from '@/lib/desk/origin';
import { problemPageHtml } from '@/lib/desk/problem-page';
import type { DeskAvailability } from '@/lib/desk/runtime';
import type { Actor, DeskService, DeskSession } from '@/lib/desk/service';
import { IncidentIdSchema } from '@/lib/incidents/model';
import { isLocale, locales, type Locale } from '@/lib/i18n/locales';
import { pagePaths } from '@/lib/feeds/urls';

/**
 * The desk's HTTP endpoints, free of Next.js so tests call them with plain Requests
 * (app/api/desk/* are one-line wrappers).
 *
 * Browser forms are plain HTML posts (they work without JavaScript): the answer is a 303 to a
 * desk page, and a form that comes back (preview, validation error) is kept as a draft bound
 * to the session so the page can show exactly what was typed. Scripts send JSON with
 * `Authorization: Bearer` (updates, incident titles) and get JSON. Every state change by cookie needs the
 * same Origin and the session's synchronizer token; failures say nothing beyond their status.
 */

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface DeskHttpDeps {
  readonly desk: () => Promise<DeskAvailability>;
  readonly config: DeskConfig;
  /** The Desk namespace in one language. */
  readonly translator: (locale: Locale) => Promise<Translate>;
}

const baseHeaders = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' } as const;

/** JSON with "<" escaped, so no HTML parser can ever read markup in it. */
export function deskJson(payload: unknown, status: number, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify(payload).replace(/</g, '\\u003c');
  return new Response(body, { status, headers: { ...baseHeaders, 'content-type': 'application/json; charset=utf-8', ...headers } });
}

function seeOther(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { ...baseHeaders, location, ...headers } });
}

function htmlResponse(html: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(html, { status, headers: { ...baseHeaders, 'content-type': 'text/html; charset=utf-8', ...headers } });
}

type Body = { kind: 'form'; form: URLSearchParams } | { kind: 'json'; json: unknown } | { kind: 'too-large' } | { kind: 'unsupported' };

async function readBody(request: Request, maxBytes: number): Promise<Body> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return { kind: 'too-large' };
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/x-www-form-urlencoded' && type !== 'application/json') return { kind: 'unsupported' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body !== null) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { kind: 'too-large' };
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
  if (type === 'application/x-www-form-urlencoded') return { kind: 'form', form: new URLSearchParams(text) };
  try {
    return { kind: 'json', json: JSON.parse(text) };
  } catch {
    return { kind: 'json', json: undefined };
  }
}

function str(form: FormLike, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** The editor's language: the form's or body's `locale`, else Accept-Language, else Arabic. */
function localeOf(request: Request, body: Body): Locale {
  const fromBody = body.kind === 'form' ? str(body.form, 'locale') : body.kind === 'json' && typeof body.json === 'object' && body.json !== null && 'locale' in body.json ? body.json.locale : undefined;
  if (isLocale(fromBody)) return fromBody;
  const accept = (request.headers.get('accept-language') ?? '').toLowerCase();
  const first = accept.split(',').map((p) => p.trim().slice(0, 2)).find((p) => isLocale(p));
  return isLocale(first) ? first : 'ar';
}

const ReturnPath = z.string().regex(/^\/(ar|en)\/desk(\/[a-z0-9][a-z0-9/_-]{0,200})?$/);

function returnPath(form: URLSearchParams, locale: Locale): string {
  const parsed = ReturnPath.safeParse(str(form, 'returnTo'));
  return parsed.success ? parsed.data : `/${locale}/desk`;
}

/** What the editor typed, for the 401/503 pages: their words must not be lost. */
function unsavedParts(form: URLSearchParams): { lang: Locale; text: string }[] {
  const parts: { lang: Locale; text: string }[] = [];
  for (const [field, lang] of [['titleAr', 'ar'], ['textAr', 'ar'], ['reasonAr', 'ar'], ['textEn', 'en'], ['reasonEn', 'en']] as const) {
    const v = str(form, field);
    if (v !== undefined && v.trim() !== '') parts.push({ lang, text: v });
  }
  return parts;
}

type ProblemKind = 'forbidden' | 'unauthorized' | 'storage' | 'internal';
const problemStatus: Readonly<Record<ProblemKind, number>> = { forbidden: 403, unauthorized: 401, storage: 503, internal: 500 };

async function problemPage(deps: DeskHttpDeps, locale: Locale, kind: ProblemKind, form: URLSearchParams | null): Promise<Response> {
  const t = await deps.translator(locale);
  const signIn = kind === 'unauthorized';
  const html = problemPageHtml({
    locale,
    title: t(`problems.${kind}Title`),
    body: t(`problems.${kind}Body`),
    link: signIn ? { href: `/${locale}/desk/login`, label: t('problems.signIn') } : { href: form === null ? `/${locale}/desk` : returnPath(form, locale), label: t('problems.back') },
    // Echoed only to requests that passed the Origin check (403s never echo).
    unsaved: kind === 'forbidden' || form === null ? undefined : { label: t('problems.unsaved'), parts: unsavedParts(form) },
  });
  return htmlResponse(html, problemStatus[kind], kind === 'storage' ? { 'retry-after': '30' } : {});
}

async function apiProblem(deps: DeskHttpDeps, locale: Locale, status: number, code: string, messageKey: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Response> {
  const t = await deps.translator(locale);
  return deskJson({ error: code, message: t(`api.${messageKey}`), ...extra }, status, headers);
}

function localizeErrors(t: Translate, errors: FieldErrors): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, e] of Object.entries(errors)) out[path] = t(`errors.${e.key}`, { max: 0, min: 0, url: '', name: '', ...(e.params ?? {}) });
  return out;
}

/** Runs a handler, turning storage failures into the localized 503 and anything else into a bare 500. */
async function guarded(deps: DeskHttpDeps, locale: () => Locale, form: () => URLSearchParams | null, json: boolean, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    const storage = isStorageFailure(error);
    console.error(`[desk] request failed${storage ? ' (storage)' : ''}`, error);
    if (json) return apiProblem(deps, locale(), storage ? 503 : 500, storage ? 'storage-unavailable' : 'internal', storage ? 'storage' : 'internal', {}, storage ? { 'retry-after': '30' } : {});
    return problemPage(deps, locale(), storage ? 'storage' : 'internal', form());
  }
}

interface CookieContext {
  readonly desk: DeskService;
  readonly session: DeskSession;
  readonly actor: Actor;
}

/**
 * The cookie path's gate, in this order: same Origin (403, nothing echoed), durable storage
 * (503), a live session (401), the session's synchronizer token (403, audited).
 */
async function cookieGate(request: Request, deps: DeskHttpDeps, locale: Locale, form: URLSearchParams | null, csrfToken: string | null, json: boolean): Promise<CookieContext | Response> {
  const fail = (kind: ProblemKind, code: string, key: string) => (json ? apiProblem(deps, locale, problemStatus[kind], code, key) : problemPage(deps, locale, kind, form));
  if (!sameOrigin(request, deps.config.siteOrigin)) return fail('forbidden', 'forbidden', 'forbidden');
  const available = await deps.desk();
  if (!available.ok) return fail('storage', 'storage-unavailable', 'storage');
  const desk = available.desk;
  const session = await desk.authenticate(readCookie(request.headers.get('cookie'), deps.config.cookieName));
  if (session === null) return fail('unauthorized', 'unauthorized', 'unauthorized');
  const ip = clientAddress(request, deps.config.trustedProxies);
  if (!desk.checkCsrf(session.session, csrfToken)) {
    await desk.audit({ action: 'csrf.rejected', editorId: session.editor.id, ip, via: 'desk' });
    return fail('forbidden', 'forbidden', 'forbidden');
  }
  return { desk, session, actor: { editor: session.editor, via: 'desk', ip } };
}

interface WriterContext {
  readonly desk: DeskService;
  readonly actor: Actor;
  /** Null for API tokens. */
  readonly session: DeskSession | null;
}

/**
 * Who may write, for the endpoints scripts may use too: `Authorization: Bearer` (JSON only;
 * cookies ignored, CSRF does not apply since a browser never attaches this header on its own),
 * else the cookie gate with the form's or the `x-csrf-token` header's synchronizer token.
 */
async function writerGate(request: Request, deps: DeskHttpDeps, locale: Locale, body: Body, form: URLSearchParams | null, json: boolean): Promise<WriterContext | Response> {
  const bearer = request.headers.get('authorization');
  if (bearer !== null) {
    const available = await deps.desk();
    if (!available.ok) return apiProblem(deps, locale, 503, 'storage-unavailable', 'storage', {}, { 'retry-after': '30' });
    const ip = clientAddress(request, deps.config.trustedProxies);
    const auth = await available.desk.authenticateBearer(bearer, ip);
    if (auth === null) return apiProblem(deps, locale, 401, 'unauthorized', 'unauthorized', {}, { 'www-authenticate': 'Bearer realm="desk"' });
    if (body.kind !== 'json') return apiProblem(deps, locale, 415, 'unsupported', 'unsupported');
    return { desk: available.desk, actor: { editor: auth.editor, via: `token:${auth.tokenId}`, ip }, session: null };
  }
  const csrf = form !== null ? (str(form, 'csrf') ?? null) : request.headers.get('x-csrf-token');
  const gate = await cookieGate(request, deps, locale, form, csrf, json);
  if (gate instanceof Response) return gate;
  return { desk: gate.desk, actor: gate.actor, session: gate.session };
}

interface WriteRequest extends WriterContext {
  readonly body: Body;
  readonly locale: Locale;
  readonly form: URLSearchParams | null;
  readonly json: boolean;
}

/**
 * The common start of every write: the body read within its limit, the editor's language, the
 * guard (storage failures, stray errors), size and type refusals, then the writer gate (an API
 * token, or a session with its CSRF token).
 */
async function asWriter(request: Request, deps: DeskHttpDeps, maxBytes: number, work: (w: WriteRequest) => Promise<Response>): Promise<Response> {
  const body = await readBody(request, maxBytes);
  const locale = localeOf(request, body);
  const form = body.kind === 'form' ? body.form : null;
  const json = body.kind !== 'form';
  return guarded(deps, () => locale, () => form, json, async () => {
    if (body.kind === 'too-large') return apiProblem(deps, locale, 413, 'too-large', 'tooLarge');
    if (body.kind === 'unsupported') return apiProblem(deps, locale, 415, 'unsupported', 'unsupported');
    const gate = await writerGate(request, deps, locale, body, form, json);
    if (gate instanceof Response) return gate;
    return work({ ...gate, body, locale, form, json });
  });
}

/* ---------- POST /api/desk/login ---------- */

export async function handleLogin(request: Request, deps: DeskHttpDeps): Promise<Response> {
  const body = await readBody(request, 16 * 1024);
  const locale = localeOf(request, body);
  const json = body.kind === 'json';
  const form = body.kind === 'form' ? body.form : null;
  const loginPath = `/${locale}/desk/login`;
  return guarded(deps, () => locale, () => null, json, async () => {
    if (body.kind === 'too-large') return apiProblem(deps, locale, 413, 'too-large', 'tooLarge');
    if (body.kind === 'unsupported') return apiProblem(deps, locale, 415, 'unsupported', 'unsupported');
    // No session exists yet, so no synchronizer token: the Origin check alone stops login CSRF.
    if (!sameOrigin(request, deps.config.siteOrigin)) return json ? apiProblem(deps, locale, 403, 'forbidden', 'forbidden') : seeOther(`${loginPath}?error=forbidden`);
    const available = await deps.desk();
    if (!available.ok) return json ? apiProblem(deps, locale, 503, 'storage-unavailable', 'storage', {}, { 'retry-after': '30' }) : problemPage(deps, locale, 'storage', null);
    const input = LoginSchema.safeParse(form !== null ? { email: str(form, 'email'), password: str(form, 'password') } : body.kind === 'json' ? body.json : undefined);
    const ip = clientAddress(request, deps.config.trustedProxies);
    // A malformed request is answered exactly like a wrong password.
    const result = input.success ? await available.desk.login({ ...input.data, ip }) : ({ ok: false, reason: 'invalid' } as const);
    if (result.ok) {
      const cookie = sessionCookie(deps.config, result.token, deps.config.sessionAbsoluteMs);
      if (json) return deskJson({ ok: true, editor: { name: result.editor.name }, csrfToken: result.session.csrfToken }, 200, { 'set-cookie': cookie });
      return seeOther(`/${locale}/desk`, { 'set-cookie': cookie });
    }
    const limited = result.reason !== 'invalid';
    if (json) {
      return limited
        ? apiProblem(deps, locale, 429, 'rate-limited', 'rateLimited', {}, { 'retry-after': String(Math.ceil(deps.config.throttle.lockoutMs / 1000)) })
        : apiProblem(deps, locale, 401, 'invalid-credentials', 'unauthorized');
    }
    return seeOther(`${loginPath}?error=${limited ? 'locked' : 'invalid'}`);
  });
}

/* ---------- POST /api/desk/logout ---------- */

export async function handleLogout(request: Request, deps: DeskHttpDeps): Promise<Response> {
  const body = await readBody(request, 4 * 1024);
  const locale = localeOf(request, body);
  const form = body.kind === 'form' ? body.form : null;
  return guarded(deps, () => locale, () => form, false, async () => {
    const gate = await cookieGate(request, deps, locale, form, form === null ? request.headers.get('x-csrf-token') : (str(form, 'csrf') ?? null), body.kind === 'json');
    if (gate instanceof Response) return gate;
    await gate.desk.logout(gate.session, gate.actor.ip ?? 'unknown');
    return seeOther(`/${locale}/desk/login?signedOut=1`, { 'set-cookie': clearSessionCookie(deps.config) });
  });
}

/* ---------- POST /api/desk/updates ---------- */

function incidentDeskPath(locale: Locale, incidentId: string): string {
  return `/${locale}/desk/incidents/${incidentId}`;
}

/** What an editor typed, to keep in a draft: every field but the CSRF token. */
function draftValues(form: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...form.entries()].filter(([k]) => k !== 'csrf'));
}

/** Where readers see an incident (or one of its updates), in every language. */
function readerPages(incidentId: string, updateId?: string): Record<Locale, string> {
  return Object.fromEntries(locales.map((l) => [l, updateId === undefined ? pagePaths.incident(l, incidentId) : pagePaths.incidentUpdate(l, incidentId, updateId)])) as Record<Locale, string>;
}

export async function handleUpdates(request: Request, deps: DeskHttpDeps): Promise<Response> {
  return asWriter(request, deps, deps.config.maxBodyBytes, async ({ body, locale, form, desk, actor, session }) => {

    const input = form !== null ? commandInputFromForm(form) : body.kind === 'json' ? body.json : undefined;
    const t = await deps.translator(locale);

    if (form !== null && session !== null) {
      const back = returnPath(form, locale);
      const values = draftValues(form);
      if (str(form, 'intent') === 'preview') {
        const parsed = desk.parseCommand(input);
        const draft = await desk.saveDraft(session.session, { values, errors: parsed.ok ? {} : parsed.errors, preview: true });
        return seeOther(`${back}?draft=${draft}#preview`);
      }
      const result = await desk.execute(actor, input);
      if (result.outcome === 'appended' || result.outcome === 'duplicate') {
        const done = result.command.action === 'publish' ? 'published' : 'revised';
        return seeOther(`${incidentDeskPath(locale, result.update.incidentId)}?${done}=${result.update.id}#desk-update-${result.update.corrects ?? result.update.retracts ?? result.update.id}`);
      }
      if (result.outcome === 'unknown-incident') {
        const draft = await desk.saveDraft(session.session, { values, errors: { incident: { key: 'unknownTarget' } }, preview: false });
        return seeOther(`${back}?draft=${draft}#form`);
      }
      const errors = result.outcome === 'invalid' || result.outcome === 'conflict' ? result.errors : {};
      const draft = await desk.saveDraft(session.session, { values, errors, preview: false });
      return seeOther(`${back}?draft=${draft}#form`);
    }

    const result = await desk.execute(actor, input);
    switch (result.outcome) {
      case 'appended':
      case 'duplicate':
        return deskJson(
          {
            update: result.update,
            pages: readerPages(result.update.incidentId, result.update.corrects ?? result.update.retracts ?? result.update.id),
          },
          result.outcome === 'appended' ? 201 : 200,
        );
      case 'unknown-incident':
        return apiProblem(deps, locale, 404, 'unknown-incident', 'unknownIncident');
      case 'invalid':
        return apiProblem(deps, locale, 400, 'invalid', 'invalid', { fields: localizeErrors(t, result.errors) });
      case 'conflict':
        return apiProblem(deps, locale, 409, 'conflict', 'conflict', { fields: localizeErrors(t, result.errors) });
    }
  });
}

/* ---------- POST /api/desk/incidents ---------- */

export async function handleCreateIncident(request: Request, deps: DeskHttpDeps): Promise<Response> {
  const body = await readBody(request, deps.config.maxBodyBytes);
  const locale = localeOf(request, body);
  const form = body.kind === 'form' ? body.form : null;
  return guarded(deps, () => locale, () => form, form === null, async () => {
    if (body.kind === 'too-large') return apiProblem(deps, locale, 413, 'too-large', 'tooLarge');
    if (body.kind === 'unsupported' || form === null) return apiProblem(deps, locale, 415, 'unsupported', 'unsupported');
    const gate = await cookieGate(request, deps, locale, form, str(form, 'csrf') ?? null, false);
    if (gate instanceof Response) return gate;
    const result = await gate.desk.createIncident(gate.actor, newIncidentInputFromForm(form));
    if (result.ok) return seeOther(`${incidentDeskPath(locale, result.incident.id)}?opened=1`);
    const values = draftValues(form);
    const draft = await gate.desk.saveDraft(gate.session.session, { values, errors: result.errors, preview: false });
    return seeOther(`/${locale}/desk?draft=${draft}#new-incident`);
  });
}

/* ---------- POST /api/desk/incidents/{id}/track ---------- */

export async function handleTrack(request: Request, rawId: string, deps: DeskHttpDeps): Promise<Response> {
  const body = await readBody(request, 4 * 1024);
  const locale = localeOf(request, body);
  const form = body.kind === 'form' ? body.form : null;
  return guarded(deps, () => locale, () => form, form === null, async () => {
    if (form === null) return apiProblem(deps, locale, 415, 'unsupported', 'unsupported');
    const gate = await cookieGate(request, deps, locale, form, str(form, 'csrf') ?? null, false);
    if (gate instanceof Response) return gate;
    const id = IncidentIdSchema.safeParse(rawId);
    if (!id.success || !(await gate.desk.trackIncident(gate.actor, id.data))) return apiProblem(deps, locale, 404, 'unknown-incident', 'unknownIncident');
    return seeOther(incidentDeskPath(locale, id.data));
  });
}

/* ---------- POST /api/desk/incidents/{id}/title ---------- */

/**
 * Sets (or corrects) an incident's Arabic title. The desk page's form (session + CSRF, answered
 * with a 303 back to the incident) or JSON `{"title": {"ar": "…"}}` with a Bearer token, or a
 * session and `x-csrf-token`. Unknown fields are refused. 200 whether or not the title changed
 * (`changed` says which), so a retried request is harmless.
 */
export async function handleRetitle(request: Request, rawId: string, deps: DeskHttpDeps): Promise<Response> {
  return asWriter(request, deps, 16 * 1024, async ({ body, locale, form, desk, actor, session }) => {
    const id = IncidentIdSchema.safeParse(rawId);
    if (!id.success) return apiProblem(deps, locale, 404, 'unknown-incident', 'unknownIncident');
    const back = incidentDeskPath(locale, id.data);

    if (form !== null && session !== null) {
      const result = await desk.retitleIncident(actor, id.data, retitleInputFromForm(form));
      switch (result.outcome) {
        case 'retitled':
        case 'unchanged':
          return seeOther(`${back}?retitled=${result.outcome === 'retitled' ? '1' : '0'}#title-form`);
        case 'unknown-incident':
          return apiProblem(deps, locale, 404, 'unknown-incident', 'unknownIncident');
        case 'invalid':
        case 'conflict': {
          // `kind` tells the incident page which of its forms the draft belongs to.
          const values = { ...draftValues(form), kind: 'title' };
          const draft = await desk.saveDraft(session.session, { values, errors: result.errors, preview: false });
          return seeOther(`${back}?draft=${draft}#title-form`);
        }
      }
    }

    const result = await desk.retitleIncident(actor, id.data, body.kind === 'json' ? body.json : undefined);
    const t = await deps.translator(locale);
    switch (result.outcome) {
      case 'retitled':
      case 'unchanged':
        return deskJson(
          {
            incident: { id: result.incident.id, title: result.incident.title },
            changed: result.outcome === 'retitled',
            ...(result.outcome === 'retitled' ? { previous: { ar: result.before } } : {}),
            pages: readerPages(result.incident.id),
          },
          200,
        );
      case 'unknown-incident':
        return apiProblem(deps, locale, 404, 'unknown-incident', 'unknownIncident');
      case 'invalid':
        return apiProblem(deps, locale, 400, 'invalid', 'invalidTitle', { fields: localizeErrors(t, result.errors) });
      case 'conflict':
        return apiProblem(deps, locale, 409, 'conflict', 'titleConflict', { fields: localizeErrors(t, result.errors) });
    }
  });
}

/* ---------- GET /{locale}/desk/unavailable ---------- */

/** Where desk pages send editors when storage is down: a real 503, in their language. */
export async function handleUnavailable(locale: Locale, deps: DeskHttpDeps): Promise<Response> {
  const t = await deps.translator(locale);
  const html = problemPageHtml({ locale, title: t('storage.title'), body: t('storage.body'), link: { href: `/${locale}/desk`, label: t('storage.retry') } });
  return htmlResponse(html, 503, { 'retry-after': '30' });
}
