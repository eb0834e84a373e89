import { expect, test, type Page } from '@playwright/test';
import arMessages from '../messages/ar.json' with { type: 'json' };
import enMessages from '../messages/en.json' with { type: 'json' };
import { collectPageErrors, dirOf, expectNoAxeViolations, locales, readerActs, saveScreenshot, type Locale } from './helpers';
import { addEditor, freshDataDir, seedOfficialIncident, startDeskServer, type DeskServer } from './desk-server';

/**
 * The editor desk end to end, in both languages, against a production server of its own
 * (e2e/desk-server.ts): sign-in, incidents, writing with the two-direction preview, publishing,
 * the reader page, corrections, retractions, the Arabic version of an official post and the
 * Arabic title of an official incident, failed sign-ins and lockout, CSRF, API tokens, live
 * delivery, accessibility.
 */

const PORT = Number(process.env.DESK_E2E_PORT ?? 21410);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'correct horse battery staple';
const OFFICIAL = 'cloudflare-e2e-official';
const msgs = { ar: arMessages.Desk, en: enMessages.Desk } as const;
const editors = { ar: { email: 'layla@example.org', name: 'ليلى حداد' }, en: { email: 'sam@example.org', name: 'Sam Carter' } } as const;

let server: DeskServer;
let token = '';

// Own servers and CLI runs: more than the main config's 30 s per test on a busy 2-core machine.
test.describe.configure({ mode: 'serial', timeout: 90_000 });
test.use({ baseURL: BASE });

test.beforeAll(async () => {
  const dir = freshDataDir();
  await seedOfficialIncident(dir, OFFICIAL);
  token = (await addEditor(dir, editors.ar.email, editors.ar.name, PASSWORD, true)) ?? '';
  await addEditor(dir, editors.en.email, editors.en.name, PASSWORD);
  for (const l of locales) await addEditor(dir, `victim-${l}@example.org`, 'Victim', PASSWORD);
  server = await startDeskServer(PORT, dir);
});

test.afterAll(async () => {
  await server?.stop();
});

async function signIn(page: Page, locale: Locale, email: string, ip: string): Promise<void> {
  // Each test signs in from its own address, so per-address throttling never couples tests.
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
  await page.goto(`/${locale}/desk`);
  await expect(page).toHaveURL(`${BASE}/${locale}/desk/login`);
  await page.getByLabel(msgs[locale].signIn.email).fill(email);
  await page.getByLabel(msgs[locale].signIn.password).fill(PASSWORD);
  await page.getByRole('button', { name: msgs[locale].signIn.submit }).click();
  await expect(page).toHaveURL(`${BASE}/${locale}/desk`);
}

interface ReaderEntry {
  id: string;
  text: { ar?: string; en?: string };
  kind: string;
  correctedAt: string | null;
  original: unknown;
  retracted: { at: string } | null;
}

async function readerEntries(page: Page, incidentId: string): Promise<ReaderEntry[]> {
  const res = await page.request.get(`/api/incidents/${incidentId}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { updates: ReaderEntry[] }).updates;
}

for (const locale of locales) {
  test.describe(locale, () => {
    const m = msgs[locale];

    test('the sign-in page: language, direction, noindex, no-store, accessible', async ({ page }) => {
      const errors = collectPageErrors(page);
      const response = await page.goto(`/${locale}/desk/login`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['cache-control']).toContain('no-store');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', dirOf[locale]);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.signIn.title);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, `desk-login-${locale}`);
      expect(errors).toEqual([]);
    });

    test('the whole flow: sign in, open an incident, write with preview, publish, read, correct, retract, audit', async ({ page, context, browser }) => {
      const errors = collectPageErrors(page);
      await signIn(page, locale, editors[locale].email, `10.1.0.${locale === 'ar' ? 1 : 2}`);

      const cookie = (await context.cookies()).find((c) => c.name === 'desk_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false, path: '/' });
      await expect(page.getByTestId('desk-signed-in')).toContainText(editors[locale].name);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
      await expect(page.locator('html')).toHaveAttribute('dir', dirOf[locale]);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, `desk-home-${locale}`);

      // Open a new incident.
      const stamp = Date.now().toString(36);
      await page.getByLabel(m.incidentForm.titleAr).fill(`انقطاع تجريبي ${stamp}`);
      await page.getByLabel(m.incidentForm.titleEn).fill(`Desk test outage ${locale} ${stamp}`);
      await page.getByLabel(m.incidentForm.sourceUrl).fill('https://www.cloudflarestatus.com/');
      await page.getByRole('button', { name: m.incidentForm.submit }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/desk/incidents/desk-test-outage-${locale}-${stamp}-\\d{4}-\\d{2}-\\d{2}\\?opened=1$`));
      const incidentId = new URL(page.url()).pathname.split('/').at(-1) ?? '';

      // Write, with a preview in both directions.
      await page.getByLabel(m.updateForm.status).selectOption('identified');
      const textAr = 'السبب **تغيير في الإعدادات**.\n\nالتفاصيل في [مدونة كلاودفلير](https://blog.cloudflare.com/) <script>alert(1)</script>';
      const textEn = 'The cause is **a configuration change**.\n\nDetails on [the Cloudflare blog](https://blog.cloudflare.com/) <script>alert(1)</script>';
      await page.getByLabel(m.updateForm.textAr).fill(textAr);
      await page.getByLabel(m.updateForm.textEn).fill(textEn);
      await page.getByLabel(m.updateForm.key, { exact: true }).check();
      await page.getByRole('button', { name: m.updateForm.preview }).click();
      await expect(page).toHaveURL(/\?draft=[a-z2-7]{16}#preview$/);
      const arPane = page.getByTestId('preview-ar').locator('.desk-preview-pane');
      const enPane = page.getByTestId('preview-en').locator('.desk-preview-pane');
      await expect(arPane).toHaveAttribute('dir', 'rtl');
      await expect(arPane).toHaveAttribute('lang', 'ar');
      await expect(enPane).toHaveAttribute('dir', 'ltr');
      await expect(arPane.locator('strong')).toHaveText('تغيير في الإعدادات');
      await expect(enPane.locator('strong')).toHaveText('a configuration change');
      await expect(arPane.locator('a')).toHaveAttribute('href', 'https://blog.cloudflare.com/');
      await expect(arPane.locator('.tl-status')).toHaveText(arMessages.Timeline.status.identified);
      await expect(enPane.locator('.tl-status')).toHaveText(enMessages.Timeline.status.identified);
      await expect(arPane).toContainText('<script>alert(1)</script>');
      expect(await page.locator('.desk-preview script').count()).toBe(0);
      // The form still holds exactly what was typed.
      await expect(page.getByLabel(m.updateForm.textAr)).toHaveValue(textAr);
      await expect(page.getByLabel(m.updateForm.textEn)).toHaveValue(textEn);
      await expect(page.getByLabel(m.updateForm.key, { exact: true })).toBeChecked();
      await expectNoAxeViolations(page);
      await saveScreenshot(page, `desk-preview-${locale}`);

      // A reader has the incident page open before it is published.
      const reader = await browser.newPage();
      const readerResponse = await reader.goto(`${BASE}/${locale}/incidents/${incidentId}`);
      expect(readerResponse?.status()).toBe(200);
      await readerActs(reader);
      await expect(reader.locator('[data-stream="ready"]')).toHaveCount(1);

      // Publish.
      await page.getByRole('button', { name: m.updateForm.publish }).click();
      await expect(page.getByTestId('desk-published')).toContainText(m.incident.published);
      const entry = page.getByTestId('desk-entry').first();
      const updateId = (await entry.getAttribute('data-update-id')) ?? '';
      expect(updateId).toMatch(/^ed-[a-z0-9]+-[a-z0-9]{4}$|^ed-\d{8}t\d{4}-[a-z2-7]{8}$/);
      await expect(entry).toContainText(m.incident.by.replace('{name}', editors[locale].name));
      await saveScreenshot(page, `desk-incident-${locale}`);

      // Readers see it on the incident page, live (built in the browser) and after a reload
      // (rendered on the server), with the editor's bold and link and nothing that runs.
      const strongText = locale === 'ar' ? 'تغيير في الإعدادات' : 'a configuration change';
      for (const how of ['live', 'reloaded']) {
        if (how === 'reloaded') await reader.reload();
        const published = reader.locator(`[id="update-${updateId}"]`);
        await expect(published, how).toContainText(locale === 'ar' ? 'السبب' : 'The cause is');
        await expect(published.locator('.tl-text strong'), how).toHaveText(strongText);
        await expect(published.locator('.tl-text a'), how).toHaveAttribute('href', 'https://blog.cloudflare.com/');
        await expect(published.locator('.tl-text'), how).toContainText('<script>alert(1)</script>');
        await expect(published.locator('.tl-text'), how).not.toContainText('**');
        expect(await published.locator('script').count(), how).toBe(0);
      }
      await reader.close();
      expect((await readerEntries(page, incidentId)).find((e) => e.id === updateId)?.text).toEqual({ ar: textAr, en: textEn });

      // Correct: a new record; readers see the correction and when it was made.
      await entry.getByRole('link', { name: m.incident.correct }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.correct.title);
      await expect(page.getByLabel(m.updateForm.textEn)).toHaveValue(textEn);
      await page.getByLabel(m.updateForm.textEn).fill('The cause is **a database permissions change**.');
      await page.getByRole('button', { name: m.correct.submit }).click();
      await expect(page.getByTestId('desk-published')).toContainText(m.incident.revised);
      await expect(page.locator(`[id="desk-update-${updateId}"]`).getByTestId('desk-corrected')).toBeVisible();
      const corrected = (await readerEntries(page, incidentId)).find((e) => e.id === updateId);
      expect(corrected?.correctedAt).not.toBeNull();
      expect(corrected?.original).toMatchObject({ text: { en: textEn } });
      expect(corrected?.text.en).toBe('The cause is **a database permissions change**.');

      // Retract: the entry stays, marked retracted at a time, with a reason.
      await page.locator(`[id="desk-update-${updateId}"]`).getByRole('link', { name: m.incident.retract }).click();
      await page.getByLabel(m.retract.reasonAr).fill('نُشر قبل التحقق من المصدر.');
      await page.getByLabel(m.retract.reasonEn).fill('Published before the source was verified.');
      await page.getByRole('button', { name: m.updateForm.preview }).click();
      await expect(page.getByTestId(`preview-${locale}`).locator('s').first()).toBeVisible();
      await page.getByRole('button', { name: m.retract.submit }).click();
      await expect(page.locator(`[id="desk-update-${updateId}"]`).getByTestId('desk-retracted')).toBeVisible();
      const retracted = (await readerEntries(page, incidentId)).find((e) => e.id === updateId);
      expect(retracted?.retracted?.at).toBeTruthy();
      const readerAgain = await browser.newPage();
      await readerAgain.goto(`${BASE}/${locale}/incidents/${incidentId}`);
      await expect(readerAgain.locator(`[id="update-${updateId}"]`)).toBeVisible();
      await readerAgain.close();

      // The audit log names who did what.
      await page.getByRole('link', { name: m.nav.audit }).click();
      const table = page.getByTestId('audit-table');
      for (const action of ['update_publish', 'update_correct', 'update_retract', 'incident_created', 'login'] as const) {
        await expect(table.locator('tbody tr', { hasText: m.audit.actions[action] }).first()).toContainText(editors[locale].name);
      }
      await expectNoAxeViolations(page);
      await saveScreenshot(page, `desk-audit-${locale}`);

      // Sign out ends the session.
      await page.getByRole('button', { name: m.nav.signOut }).click();
      await expect(page).toHaveURL(`${BASE}/${locale}/desk/login?signedOut=1`);
      await page.goto(`/${locale}/desk/audit`);
      await expect(page).toHaveURL(`${BASE}/${locale}/desk/login`);
      expect(errors).toEqual([]);
    });

    test('validation errors are shown in the editor’s language and keep what was typed', async ({ page }) => {
      await signIn(page, locale, editors[locale].email, `10.2.0.${locale === 'ar' ? 1 : 2}`);
      await page.goto(`/${locale}/desk/incidents/${OFFICIAL}`);
      const typed = 'نص **مهم** مع [رابط](javascript:alert(1))';
      await page.getByLabel(m.updateForm.textAr).fill(typed);
      await page.getByLabel(m.updateForm.sourceUrl).fill('not a url');
      await page.getByRole('button', { name: m.updateForm.publish }).click();
      await expect(page.locator('#form-errors')).toContainText(m.updateForm.errorSummary);
      await expect(page.locator('#field-textAr-error')).toHaveText(m.errors.linkScheme.replace('{url}', 'javascript:alert(1'));
      await expect(page.locator('#field-sourceUrl-error')).toHaveText(m.errors.invalidUrl);
      await expect(page.getByLabel(m.updateForm.textAr)).toHaveValue(typed);
      await expect(page.getByLabel(m.updateForm.textAr)).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page);
      await saveScreenshot(page, `desk-errors-${locale}`);
      const api = await readerEntries(page, OFFICIAL);
      expect(api.some((e) => e.text.ar === typed)).toBe(false);
    });

    test('failed sign-ins say nothing about the account, and five lock it for everyone', async ({ page }) => {
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.3.0.${locale === 'ar' ? 1 : 2}` });
      const attempt = async (email: string, password: string) => {
        await page.goto(`/${locale}/desk/login`);
        await page.getByLabel(m.signIn.email).fill(email);
        await page.getByLabel(m.signIn.password).fill(password);
        await page.getByRole('button', { name: m.signIn.submit }).click();
        return (await page.getByTestId('login-error').textContent()) ?? '';
      };
      const unknown = await attempt(`nobody-${locale}@example.org`, 'wrong password here');
      const wrong = await attempt(`victim-${locale}@example.org`, 'wrong password here');
      expect(unknown).toBe(m.signIn.errorInvalid);
      expect(wrong).toBe(unknown);
      for (let i = 0; i < 3; i += 1) await attempt(`victim-${locale}@example.org`, `wrong ${i} password`);
      expect(await attempt(`victim-${locale}@example.org`, 'wrong 4 password')).toBe(m.signIn.errorLocked);
      // Locked even with the right password.
      expect(await attempt(`victim-${locale}@example.org`, PASSWORD)).toBe(m.signIn.errorLocked);
      await expect(page).toHaveURL(`${BASE}/${locale}/desk/login?error=locked`);
      await expectNoAxeViolations(page);
    });
  });
}

test('an Arabic version for an official update that arrived in English only', async ({ page }) => {
  await signIn(page, 'ar', editors.ar.email, '10.4.0.1');
  const official = page.locator(`[data-testid="desk-incident"][data-incident-id="${OFFICIAL}"]`);
  await official.getByRole('button', { name: msgs.ar.home.cover }).click();
  await expect(page).toHaveURL(`${BASE}/ar/desk/incidents/${OFFICIAL}`);
  const entry = page.locator('[id="desk-update-sp-e2e-first"]');
  await expect(entry).toContainText(msgs.ar.incident.missing);
  await entry.getByRole('link', { name: msgs.ar.incident.addArabic }).click();
  await expect(page.getByLabel(msgs.ar.updateForm.textEn)).toHaveCount(0);
  await page.getByLabel(msgs.ar.updateForm.textAr).fill('نتحقق من ارتفاع معدلات الأخطاء في خدمة Workers.');
  await page.getByRole('button', { name: msgs.ar.updateForm.preview }).click();
  await expect(page.getByTestId('preview-ar').locator('.tl-text')).toContainText('نتحقق من ارتفاع');
  await expect(page.getByTestId('preview-en').locator('.tl-text')).toContainText('We are investigating');
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'desk-translate-ar');
  await page.getByRole('button', { name: msgs.ar.translate.submit }).click();
  await expect(page.getByTestId('desk-published')).toBeVisible();
  const stored = (await readerEntries(page, OFFICIAL)).find((e) => e.id === 'sp-e2e-first');
  expect(stored).toMatchObject({ kind: 'official', text: { en: 'We are investigating elevated error rates on Workers.', ar: 'نتحقق من ارتفاع معدلات الأخطاء في خدمة Workers.' } });
  expect(stored?.correctedAt).not.toBeNull();
  await page.goto('/ar/desk/audit');
  await expect(page.getByTestId('audit-table').locator('tbody tr', { hasText: msgs.ar.audit.actions.update_translate }).first()).toContainText(editors.ar.name);
  await expect(page.getByTestId('audit-table').locator('tbody tr', { hasText: msgs.ar.audit.actions.incident_tracked }).first()).toContainText(editors.ar.name);
});

test('an Arabic title for an official incident that arrived in English only', async ({ page, browser }) => {
  const errors = collectPageErrors(page);
  const m = msgs.ar;
  const english = 'Elevated errors on Cloudflare Workers';
  const arabic = `ارتفاع معدلات الأخطاء في خدمة Workers من كلاودفلير ${Date.now().toString(36)}`;
  await signIn(page, 'ar', editors.ar.email, '10.4.0.2');

  // A reader already has the Arabic page open (and the page cache has a copy of it).
  const reader = await browser.newPage();
  await reader.goto(`${BASE}/ar/incidents/${OFFICIAL}`);
  await readerActs(reader);
  await expect(reader.locator('[data-stream="ready"]')).toHaveCount(1);
  await expect(reader.locator('h1.tl-h1')).toHaveText(english);

  await page.goto(`/ar/desk/incidents/${OFFICIAL}`);
  const form = page.locator('#title-form');
  await expect(form.getByRole('heading', { level: 2 })).toHaveText(m.titleForm.title);
  await expect(form).toContainText(m.titleForm.missing);
  const field = form.getByLabel(m.titleForm.label, { exact: true });
  await expect(field).toHaveAttribute('dir', 'rtl');
  await expect(field).toHaveAttribute('lang', 'ar');

  // The English pasted by mistake: refused, in the editor's language, and kept in the field.
  await field.fill(english);
  await form.getByRole('button', { name: m.titleForm.submit }).click();
  await expect(page).toHaveURL(/\?draft=[a-z2-7]{16}#title-form$/);
  await expect(page.locator('#title-form-errors')).toContainText(m.titleForm.errorSummary);
  await expect(page.locator('#field-titleAr-error')).toHaveText(m.errors.arabicRequired);
  await expect(field).toHaveValue(english);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await field.fill(`  ${arabic}  `);
  await form.getByRole('button', { name: m.titleForm.submit }).click();
  await expect(page).toHaveURL(`${BASE}/ar/desk/incidents/${OFFICIAL}?retitled=1#title-form`);
  await expect(page.getByTestId('desk-retitled')).toHaveText(m.titleForm.saved);
  await expect(page.locator('h1 span[lang="ar"]')).toHaveText(arabic);
  await expect(field).toHaveValue(arabic);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'desk-title-ar');

  // The open page changes its heading in place, and its tab title.
  await expect(reader.locator('h1.tl-h1')).toHaveText(arabic);
  await expect(reader).toHaveTitle(new RegExp(`^${arabic}`));
  await reader.close();

  // Served again (the cached copy was dropped): the Arabic page has the Arabic title, the English page keeps upstream's.
  const ar = await page.goto(`/ar/incidents/${OFFICIAL}`);
  expect(ar?.status()).toBe(200);
  await expect(page.locator('h1.tl-h1')).toHaveText(arabic);
  await expect(page).toHaveTitle(new RegExp(`^${arabic} \\| `));
  await page.goto(`/en/incidents/${OFFICIAL}`);
  await expect(page.locator('h1.tl-h1')).toHaveText(english);
  await expect(page).toHaveTitle(new RegExp(`^${english} \\| `));
  const api = (await (await page.request.get(`/api/incidents/${OFFICIAL}`)).json()) as { incident: { title: unknown } };
  expect(api.incident.title).toEqual({ en: english, ar: arabic });

  await page.goto('/ar/desk/audit');
  const row = page.getByTestId('audit-table').locator('tbody tr', { hasText: m.audit.actions.incident_retitled }).first();
  await expect(row).toContainText(editors.ar.name);
  await expect(row).toContainText(arabic);
  expect(errors).toEqual([]);
});

test('CSRF: a state-changing POST without, or with a wrong, synchronizer token is refused with 403', async ({ page }) => {
  await signIn(page, 'en', editors.en.email, '10.5.0.1');
  const form = { action: 'publish', incident: OFFICIAL, status: 'monitoring', textEn: 'CSRF attempt', intent: 'publish', locale: 'en' };
  const headers = { origin: BASE };
  const without = await page.request.post('/api/desk/updates', { form, headers, maxRedirects: 0 });
  expect(without.status()).toBe(403);
  const wrong = await page.request.post('/api/desk/updates', { form: { ...form, csrf: 'A'.repeat(43) }, headers, maxRedirects: 0 });
  expect(wrong.status()).toBe(403);
  expect(await wrong.text()).not.toContain('CSRF attempt');
  // The right token from another origin is refused too.
  const csrf = (await page.locator('input[name="csrf"]').first().getAttribute('value')) ?? '';
  const crossSite = await page.request.post('/api/desk/updates', { form: { ...form, csrf }, headers: { origin: 'https://evil.example' }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
  const logout = await page.request.post('/api/desk/logout', { form: { locale: 'en' }, headers, maxRedirects: 0 });
  expect(logout.status()).toBe(403);
  expect((await readerEntries(page, OFFICIAL)).some((e) => e.text.en === 'CSRF attempt')).toBe(false);
  // And the same page's own form, with its token, works.
  const ok = await page.request.post('/api/desk/updates', { form: { ...form, csrf, textEn: 'Legitimate post' }, headers, maxRedirects: 0 });
  expect(ok.status()).toBe(303);
});

test('API tokens: Bearer publishing, identical 401s, and nothing for readers', async ({ request }) => {
  const body = { action: 'publish', incident: OFFICIAL, status: 'monitoring', text: { ar: 'طُبّق إصلاح.', en: 'A fix has been applied.' }, id: 'ed-e2e-token-1' };
  const created = await request.post('/api/desk/updates', { data: body, headers: { authorization: `Bearer ${token}` } });
  expect(created.status()).toBe(201);
  expect(created.headers()['cache-control']).toBe('no-store');
  expect(created.headers()['x-robots-tag']).toBe('noindex, nofollow');
  const again = await request.post('/api/desk/updates', { data: body, headers: { authorization: `Bearer ${token}` } });
  expect(again.status()).toBe(200);
  const answers = new Set<string>();
  for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: `Bearer ${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}` }] as Record<string, string>[]) {
    const res = await request.post('/api/desk/updates', { data: body, headers: { ...headers, 'x-forwarded-for': '10.6.0.1' } });
    expect([401, 403]).toContain(res.status());
    const text = await res.text();
    expect(text).not.toMatch(/stack|at .*\(|Error:/);
    if (res.status() === 401) answers.add(text);
  }
  expect(answers.size).toBe(1);
  // Readers: the desk redirects to sign-in; nothing under /api/desk answers a GET.
  expect((await request.get('/api/desk/updates')).status()).toBe(405);
  const desk = await request.get('/en/desk/audit', { maxRedirects: 0 });
  expect(desk.status()).toBe(307);
  expect(desk.headers().location).toBe('/en/desk/login');
});

test('a published update reaches open reader streams within a second', async ({ request }) => {
  const controller = new AbortController();
  const stream = await fetch(`${BASE}/api/incidents/${OFFICIAL}/events`, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  expect(stream.status).toBe(200);
  const reader = stream.body?.getReader();
  if (reader === undefined) throw new Error('no stream');
  const decoder = new TextDecoder();
  let buffer = '';
  const until = async (pred: (s: string) => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!pred(buffer)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`not seen in ${ms} ms: ${buffer.slice(-300)}`);
      const r = await Promise.race([reader.read(), new Promise<'t'>((res) => setTimeout(() => res('t'), left))]);
      if (r === 't' || r.done) continue;
      buffer += decoder.decode(r.value, { stream: true });
    }
  };
  await until((s) => s.includes('event: ready'), 5000);
  const id = `ed-e2e-live-${Date.now().toString(36)}`;
  const started = Date.now();
  const res = await request.post('/api/desk/updates', { data: { action: 'publish', incident: OFFICIAL, status: 'monitoring', text: { en: 'Live check' }, id }, headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(201);
  await until((s) => s.includes(id), 1000);
  const elapsed = Date.now() - started;
  console.log(`desk publish → reader stream: ${elapsed} ms`);
  expect(elapsed).toBeLessThan(1000);
  controller.abort();
});
