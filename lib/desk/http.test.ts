import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleLogin, handleRetitle, handleUpdates, handleUnavailable, type DeskHttpDeps } from '@/lib/desk/http';
import { DeskUnavailable } from '@/lib/desk/errors';
import { deskFixture, testConfig, testIncident, testTranslator, type DeskFixture } from '@/lib/desk/testing';
import type { DeskService } from '@/lib/desk/service';

const origin = 'http://127.0.0.1:41400';
let f: DeskFixture;
let deps: DeskHttpDeps;

beforeEach(async () => {
  f = await deskFixture();
  await f.desk.createEditor({ email: 'layla@example.org', name: 'ليلى', password: 'a long enough password' });
  deps = { desk: async () => ({ ok: true, desk: f.desk }), config: testConfig(), translator: async (l) => testTranslator(l) };
});
afterEach(async () => {
  await f.close();
});

function form(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

function json(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const res = await handleLogin(form('/api/desk/login', { email: 'layla@example.org', password: 'a long enough password', locale: 'ar' }), deps);
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/ar/desk');
  const setCookie = res.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/^desk_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
  const cookie = setCookie.split(';')[0] ?? '';
  const session = await f.desk.authenticate(cookie.split('=')[1]);
  if (session === null) throw new Error('no session');
  return { cookie, csrf: session.session.csrfToken };
}

const publishFields = (csrf: string): Record<string, string> => ({
  csrf,
  locale: 'ar',
  action: 'publish',
  incident: testIncident.id,
  intent: 'publish',
  status: 'identified',
  textAr: 'حُدد السبب.',
  textEn: 'The cause is identified.',
  returnTo: `/ar/desk/incidents/${testIncident.id}`,
});

describe('cookies', () => {
  it('are __Host- and Secure when the site is https, plain on http loopback only', async () => {
    const { readDeskConfig } = await import('@/lib/desk/config');
    expect(readDeskConfig({ SITE_URL: 'https://outagewatch.example' })).toMatchObject({ secureCookies: true, cookieName: '__Host-desk_session' });
    expect(readDeskConfig({ SITE_URL: 'http://news.example' })).toMatchObject({ secureCookies: true, cookieName: '__Host-desk_session' });
    expect(readDeskConfig({ SITE_URL: 'http://127.0.0.1:41400' })).toMatchObject({ secureCookies: false, cookieName: 'desk_session' });
    const { sessionCookie } = await import('@/lib/desk/cookies');
    expect(sessionCookie(readDeskConfig({ SITE_URL: 'https://outagewatch.example' }), 'tok', 1000)).toBe('__Host-desk_session=tok; Path=/; HttpOnly; SameSite=Strict; Max-Age=1; Secure');
  });
});

describe('POST /api/desk/login', () => {
  it('gives the same answer for an unknown address and a wrong password', async () => {
    const a = await handleLogin(form('/api/desk/login', { email: 'nobody@example.org', password: 'whatever it is', locale: 'en' }), deps);
    const b = await handleLogin(form('/api/desk/login', { email: 'layla@example.org', password: 'whatever it is', locale: 'en' }), deps);
    expect([a.status, a.headers.get('location'), await a.text()]).toEqual([303, '/en/desk/login?error=invalid', '']);
    expect([b.status, b.headers.get('location'), await b.text()]).toEqual([303, '/en/desk/login?error=invalid', '']);
    const ja = await handleLogin(json('/api/desk/login', { email: 'nobody@example.org', password: 'x' }, { origin, 'accept-language': 'ar' }), deps);
    const jb = await handleLogin(json('/api/desk/login', { email: 'layla@example.org', password: 'x' }, { origin, 'accept-language': 'ar' }), deps);
    expect(ja.status).toBe(401);
    expect(await ja.text()).toBe(await jb.text());
  });

  it('refuses a sign-in posted from another origin', async () => {
    const res = await handleLogin(form('/api/desk/login', { email: 'layla@example.org', password: 'a long enough password' }, { origin: 'https://evil.example' }), deps);
    expect(res.headers.get('location')).toBe('/ar/desk/login?error=forbidden');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('says locked after repeated failures', async () => {
    for (let i = 0; i < 5; i += 1) await handleLogin(form('/api/desk/login', { email: 'layla@example.org', password: 'wrong wrong', locale: 'en' }), deps);
    const res = await handleLogin(form('/api/desk/login', { email: 'layla@example.org', password: 'a long enough password', locale: 'en' }), deps);
    expect(res.headers.get('location')).toBe('/en/desk/login?error=locked');
  });
});

describe('POST /api/desk/updates (forms)', () => {
  it('publishes with the session and its CSRF token, then sends the editor back to the incident', async () => {
    const { cookie, csrf } = await signIn();
    const res = await handleUpdates(form('/api/desk/updates', publishFields(csrf), { cookie }), deps);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(new RegExp(`^/ar/desk/incidents/${testIncident.id}\\?published=ed-[a-z0-9-]+#desk-update-ed-`));
    expect(await f.incidentStore.listUpdates(testIncident.id)).toHaveLength(1);
  });

  it('answers 403 without or with a wrong CSRF token, and from another origin, storing nothing', async () => {
    const { cookie, csrf } = await signIn();
    const { csrf: _drop, ...noToken } = publishFields(csrf);
    for (const req of [
      form('/api/desk/updates', noToken, { cookie }),
      form('/api/desk/updates', { ...publishFields(csrf), csrf: 'x'.repeat(43) }, { cookie }),
      form('/api/desk/updates', publishFields(csrf), { cookie, origin: 'https://evil.example' }),
      new Request(`${origin}/api/desk/updates`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: new URLSearchParams(publishFields(csrf)).toString() }),
    ]) {
      const res = await handleUpdates(req, deps);
      expect(res.status).toBe(403);
      const body = await res.text();
      expect(body).not.toContain('حُدد السبب');
      expect(body).not.toMatch(/stack|Error:|at /);
    }
    expect(await f.incidentStore.listUpdates(testIncident.id)).toEqual([]);
    expect((await f.desk.listAudit()).filter((a) => a.action === 'csrf.rejected')).toHaveLength(2);
  });

  it('answers 401 without a session, keeping what was typed', async () => {
    const res = await handleUpdates(form('/api/desk/updates', publishFields('x')), deps);
    expect(res.status).toBe(401);
    const body = await res.text();
    expect(body).toContain('lang="ar" dir="rtl"');
    expect(body).toContain('حُدد السبب.');
    expect(body).toContain('href="/ar/desk/login"');
  });

  it('keeps what was typed and the errors, in the editor’s language, when validation fails', async () => {
    const { cookie, csrf } = await signIn();
    const res = await handleUpdates(form('/api/desk/updates', { ...publishFields(csrf), textAr: '<script>alert(1)</script> [x](javascript:alert(1))', textEn: '' }, { cookie }), deps);
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/ar\/desk\/incidents\/test-outage-2025-11-20\?draft=[a-z2-7]{16}#form$/);
    const session = await f.desk.authenticate(cookie.split('=')[1]);
    if (session === null) throw new Error('no session');
    const draft = (await f.desk.getDraft(session.session, new URL(location, origin).searchParams.get('draft') ?? '')) as { values: Record<string, string>; errors: Record<string, { key: string }> };
    expect(draft.values.textAr).toBe('<script>alert(1)</script> [x](javascript:alert(1))');
    expect(draft.errors['text.ar']?.key).toBe('linkScheme');
    expect(testTranslator('ar')(`errors.${draft.errors['text.ar']?.key}`, { url: 'javascript:alert(1)' })).toBe('يجب أن تبدأ الروابط بـ https:// أو http:// (javascript:alert(1)).');
  });

  it('previews without writing', async () => {
    const { cookie, csrf } = await signIn();
    const res = await handleUpdates(form('/api/desk/updates', { ...publishFields(csrf), intent: 'preview' }, { cookie }), deps);
    expect(res.headers.get('location')).toMatch(/\?draft=[a-z2-7]{16}#preview$/);
    expect(await f.incidentStore.listUpdates(testIncident.id)).toEqual([]);
  });
});

describe('POST /api/desk/updates (Bearer token)', () => {
  it('publishes with a token: 201, then 200 for the same id; identical 401 for any bad token', async () => {
    const { token } = await f.desk.issueApiToken('layla@example.org', 'test');
    const body = { action: 'publish', incident: testIncident.id, status: 'monitoring', text: { en: 'A fix is deployed.' }, id: 'ed-script-1' };
    const created = await handleUpdates(json('/api/desk/updates', body, { authorization: `Bearer ${token}` }), deps);
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(await created.json()).toMatchObject({ update: { id: 'ed-script-1', text: { en: 'A fix is deployed.' } }, pages: { ar: `/ar/incidents/${testIncident.id}#update-ed-script-1` } });
    expect((await handleUpdates(json('/api/desk/updates', body, { authorization: `Bearer ${token}` }), deps)).status).toBe(200);
    const bodies = new Set<string>();
    const tampered = `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
    for (const auth of ['Bearer nope', `Bearer ${tampered}`, 'Basic abc']) {
      const res = await handleUpdates(json('/api/desk/updates', body, { authorization: auth, 'accept-language': 'en' }), deps);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="desk"');
      bodies.add(await res.text());
    }
    expect([...bodies]).toEqual(['{"error":"unauthorized","message":"Authentication required."}']);
  });

  it('gives field errors in the requested language, with "<" escaped', async () => {
    const { token } = await f.desk.issueApiToken('layla@example.org', 'test');
    const res = await handleUpdates(json('/api/desk/updates', { action: 'publish', incident: testIncident.id, status: 'investigating', text: { ar: 'x'.repeat(4001) }, locale: 'ar' }, { authorization: `Bearer ${token}` }), deps);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: 'invalid', message: 'التحديث غير صالح.', fields: { 'text.ar': 'النص طويل جدًا: 4000 حرف على الأكثر.' } });
    const xss = await handleUpdates(json('/api/desk/updates', { action: 'publish', incident: testIncident.id, status: 'investigating', text: { en: '<script>alert(1)</script>' } }, { authorization: `Bearer ${token}` }), deps);
    expect(xss.status).toBe(201);
    expect(await xss.text()).not.toContain('<script>');
  });

  it('refuses bodies over the limit and other content types', async () => {
    const { token } = await f.desk.issueApiToken('layla@example.org', 'test');
    const big = await handleUpdates(json('/api/desk/updates', { pad: 'x'.repeat(70_000) }, { authorization: `Bearer ${token}` }), deps);
    expect(big.status).toBe(413);
    const xml = await handleUpdates(new Request(`${origin}/api/desk/updates`, { method: 'POST', headers: { 'content-type': 'text/xml', authorization: `Bearer ${token}` }, body: '<x/>' }), deps);
    expect(xml.status).toBe(415);
  });
});

describe('POST /api/desk/incidents/{id}/title', () => {
  const path = `/api/desk/incidents/${testIncident.id}/title`;
  const retitle = (req: Request, id = testIncident.id) => handleRetitle(req, id, deps);

  it('sets the Arabic title from the desk form with the session and its CSRF token, and sends the editor back', async () => {
    const { cookie, csrf } = await signIn();
    const res = await retitle(form(path, { csrf, locale: 'en', titleAr: 'انقطاع تجريبي مصحح' }, { cookie }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/en/desk/incidents/${testIncident.id}?retitled=1#title-form`);
    expect((await f.incidentStore.getIncident(testIncident.id))?.title).toEqual({ ar: 'انقطاع تجريبي مصحح', en: 'Test outage' });
    const same = await retitle(form(path, { csrf, locale: 'en', titleAr: 'انقطاع تجريبي مصحح' }, { cookie }));
    expect(same.headers.get('location')).toBe(`/en/desk/incidents/${testIncident.id}?retitled=0#title-form`);
  });

  it('answers 403 without or with a wrong CSRF token, and from another origin, changing nothing', async () => {
    const { cookie, csrf } = await signIn();
    for (const req of [
      form(path, { locale: 'ar', titleAr: 'عنوان مزوّر' }, { cookie }),
      form(path, { csrf: 'x'.repeat(43), locale: 'ar', titleAr: 'عنوان مزوّر' }, { cookie }),
      form(path, { csrf, locale: 'ar', titleAr: 'عنوان مزوّر' }, { cookie, origin: 'https://evil.example' }),
      json(path, { title: { ar: 'عنوان مزوّر' } }, { cookie, origin }),
    ]) {
      const res = await retitle(req);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('عنوان مزوّر');
    }
    expect((await f.incidentStore.getIncident(testIncident.id))?.title).toEqual(testIncident.title);
    expect((await f.desk.listAudit()).filter((a) => a.action === 'incident.retitled')).toEqual([]);
  });

  it('keeps what was typed and the error, marked as the title form’s, when validation fails', async () => {
    const { cookie, csrf } = await signIn();
    const res = await retitle(form(path, { csrf, locale: 'ar', titleAr: 'Test outage' }, { cookie }));
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^/ar/desk/incidents/${testIncident.id}\\?draft=[a-z2-7]{16}#title-form$`));
    const session = await f.desk.authenticate(cookie.split('=')[1]);
    if (session === null) throw new Error('no session');
    const draft = await f.desk.getDraft(session.session, new URL(location, origin).searchParams.get('draft') ?? '');
    expect(draft).toEqual({ values: { locale: 'ar', titleAr: 'Test outage', kind: 'title' }, errors: { 'title.ar': { key: 'arabicRequired', params: {} } }, preview: false });
    expect(testTranslator('ar')('errors.arabicRequired')).toBe('اكتب العنوان بحروف عربية.');
  });

  it('takes JSON with a Bearer token, refusing unknown fields and answering errors in the requested language', async () => {
    const { token } = await f.desk.issueApiToken('layla@example.org', 'test');
    const auth = { authorization: `Bearer ${token}` };
    const ok = await retitle(json(path, { title: { ar: 'انقطاع في كلاودفلير' } }, auth));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.json()).toEqual({
      incident: { id: testIncident.id, title: { ar: 'انقطاع في كلاودفلير', en: 'Test outage' } },
      changed: true,
      previous: { ar: 'انقطاع تجريبي' },
      pages: { ar: `/ar/incidents/${testIncident.id}`, en: `/en/incidents/${testIncident.id}` },
    });
    const again = await retitle(json(path, { title: { ar: 'انقطاع في كلاودفلير' } }, auth));
    expect(await again.json()).toMatchObject({ changed: false });
    expect((await f.desk.listAudit()).find((a) => a.action === 'incident.retitled')).toMatchObject({ via: expect.stringMatching(/^token:/), detail: { from: 'انقطاع تجريبي', to: 'انقطاع في كلاودفلير' } });

    const unknown = await retitle(json(path, { title: { ar: 'عنوان', en: 'Title' }, status: 'x', locale: 'en' }, auth));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: 'invalid', message: 'The title is not valid.', fields: { _: 'Unknown field: status.', title: 'Unknown field: en.' } });
    const short = await retitle(json(path, { title: { ar: 'عن' }, locale: 'ar' }, auth));
    expect(await short.json()).toEqual({ error: 'invalid', message: 'العنوان غير صالح.', fields: { 'title.ar': 'النص قصير جدًا: 3 أحرف على الأقل.' } });
    const missing = await retitle(json(path, { title: { ar: 'عنوان' } }, auth), 'no-such-incident');
    expect(missing.status).toBe(404);
    const malformed = await retitle(json(path, { title: { ar: 'عنوان' } }, auth), 'NOT AN ID');
    expect(malformed.status).toBe(404);
    const asForm = await retitle(form(path, { titleAr: 'عنوان' }, auth));
    expect(asForm.status).toBe(415);
    const bad = await retitle(json(path, { title: { ar: 'عنوان' } }, { authorization: 'Bearer nope' }));
    expect(bad.status).toBe(401);
  });

  it('refuses a bundled incident with 409', async () => {
    const { loadBundledIncidents } = await import('@/lib/incidents/bundle');
    const bundled = loadBundledIncidents()[0]?.incident;
    if (bundled === undefined) throw new Error('no bundled incident');
    await f.incidents.upsertIncident(bundled);
    const { token } = await f.desk.issueApiToken('layla@example.org', 'test');
    const res = await retitle(json(`/api/desk/incidents/${bundled.id}/title`, { title: { ar: 'عنوان آخر' }, locale: 'en' }, { authorization: `Bearer ${token}` }), bundled.id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'conflict', fields: { 'title.ar': expect.stringContaining('content files') } });
  });
});

describe('storage failures', () => {
  it('answer 503 with a localized message (JSON) and keep the typed text (forms); the store error never leaks', async () => {
    const { cookie, csrf } = await signIn();
    const { token } = await f.desk.issueApiToken('layla@example.org', 'test');
    // An injected store whose writes fail as a read-only database does.
    const failing = new Proxy(f.desk, {
      get(target, prop, receiver) {
        if (prop === 'execute') return async () => Promise.reject(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }));
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as DeskService;
    const failingDeps: DeskHttpDeps = { ...deps, desk: async () => ({ ok: true, desk: failing }) };
    const api = await handleUpdates(json('/api/desk/updates', { action: 'publish', incident: testIncident.id, status: 'investigating', text: { en: 'x' }, locale: 'ar' }, { authorization: `Bearer ${token}` }), failingDeps);
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('30');
    expect(await api.json()).toEqual({ error: 'storage-unavailable', message: testTranslator('ar')('api.storage') });
    const page = await handleUpdates(form('/api/desk/updates', publishFields(csrf), { cookie }), failingDeps);
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain('لم يُحفظ: لا يستطيع المكتب الكتابة الآن');
    expect(html).toContain('حُدد السبب.');
    expect(html).not.toContain('readonly database');
  });

  it('answer 503 when the desk is not on durable storage at all (in-memory fallback)', async () => {
    const down: DeskHttpDeps = { ...deps, desk: async () => ({ ok: false, reason: 'storage', error: 'EISDIR' }) };
    const login = await handleLogin(form('/api/desk/login', { email: 'layla@example.org', password: 'a long enough password', locale: 'en' }), down);
    expect(login.status).toBe(503);
    expect(await login.text()).toContain('Not saved: the desk cannot write right now');
    const page = await handleUnavailable('ar', down);
    expect(page.status).toBe(503);
    expect(page.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(await page.text()).toContain('لا يستطيع مكتب التحرير الحفظ الآن');
    expect(new DeskUnavailable('x').name).toBe('DeskUnavailable');
  });
});
