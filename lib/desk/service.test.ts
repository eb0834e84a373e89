import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenDigest } from '@/lib/desk/crypto';
import { deskFixture, testConfig, testIncident, type DeskFixture } from '@/lib/desk/testing';
import type { Actor } from '@/lib/desk/service';
import { loadBundledIncidents } from '@/lib/incidents/bundle';
import type { IncidentEvent } from '@/lib/incidents/hub';
import type { Incident } from '@/lib/incidents/model';

let f: DeskFixture;
let actor: Actor;

beforeEach(async () => {
  f = await deskFixture();
  const editor = await f.desk.createEditor({ email: 'Layla@Example.org ', name: 'ليلى', password: 'a long enough password' });
  actor = { editor, via: 'desk', ip: '192.0.2.1' };
});
afterEach(async () => {
  await f.close();
});

const publish = (over: Record<string, unknown> = {}) => ({
  action: 'publish',
  incident: testIncident.id,
  status: 'investigating',
  text: { ar: 'تحقق **كلاودفلير** من العطل.', en: 'Cloudflare is **investigating**.' },
  key: true,
  ...over,
});

describe('editors and sign-in', () => {
  it('normalises addresses and refuses a second editor with the same one', async () => {
    expect(actor.editor.email).toBe('layla@example.org');
    await expect(f.desk.createEditor({ email: 'LAYLA@example.org', name: 'x', password: 'another long password' })).rejects.toThrow(/exists/);
  });

  it('refuses short passwords', async () => {
    await expect(f.desk.createEditor({ email: 'b@example.org', name: 'b', password: 'short' })).rejects.toThrow();
  });

  it('signs in, stores only the hash of the session token, and audits it', async () => {
    const r = await f.desk.login({ email: 'layla@example.org', password: 'a long enough password', ip: '192.0.2.1' });
    if (!r.ok) throw new Error('login failed');
    expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.session.tokenHash).toBe(tokenDigest(r.token));
    const raw = f.deskStore.connection().prepare('SELECT * FROM desk_sessions').all();
    expect(JSON.stringify(raw)).not.toContain(r.token);
    expect((await f.desk.authenticate(r.token))?.editor.id).toBe(actor.editor.id);
    expect((await f.desk.listAudit()).map((a) => a.action)).toContain('login');
  });

  it('answers an unknown address exactly like a wrong password, after the same hashing work', async () => {
    const { scryptDerivations } = await import('@/lib/desk/password');
    await f.desk.login({ email: 'warm@example.org', password: 'warm up the dummy', ip: '192.0.2.9' });
    const before = scryptDerivations();
    await f.desk.login({ email: 'nobody@example.org', password: 'a long enough password', ip: '192.0.2.2' });
    const forUnknown = scryptDerivations() - before;
    await f.desk.login({ email: 'layla@example.org', password: 'not the password', ip: '192.0.2.3' });
    expect(scryptDerivations() - before - forUnknown).toBe(forUnknown);
    const unknown = await f.desk.login({ email: 'nobody@example.org', password: 'a long enough password', ip: '192.0.2.2' });
    const wrong = await f.desk.login({ email: 'layla@example.org', password: 'not the password', ip: '192.0.2.3' });
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    expect(wrong).toEqual(unknown);
  });

  it('locks an account after 5 failures within 15 minutes, even with the right password, then lets it in again', async () => {
    for (let i = 0; i < 4; i += 1) expect((await f.desk.login({ email: 'layla@example.org', password: 'wrong password!', ip: `198.51.100.${i}` })).ok).toBe(false);
    expect(await f.desk.login({ email: 'layla@example.org', password: 'wrong password!', ip: '198.51.100.9' })).toEqual({ ok: false, reason: 'locked' });
    expect(await f.desk.login({ email: 'layla@example.org', password: 'a long enough password', ip: '198.51.100.10' })).toEqual({ ok: false, reason: 'locked' });
    const actions = (await f.desk.listAudit()).map((a) => a.action);
    expect(actions.filter((a) => a === 'login.failed')).toHaveLength(5);
    expect(actions).toContain('login.lockout');
    f.clock.advance(15 * 60_000 + 1000);
    expect((await f.desk.login({ email: 'layla@example.org', password: 'a long enough password', ip: '198.51.100.10' })).ok).toBe(true);
  });

  it('locks unknown addresses too, so lockout reveals nothing', async () => {
    for (let i = 0; i < 5; i += 1) await f.desk.login({ email: 'ghost@example.org', password: 'whatever it is', ip: `203.0.113.${i}` });
    expect(await f.desk.login({ email: 'ghost@example.org', password: 'whatever it is', ip: '203.0.113.99' })).toEqual({ ok: false, reason: 'locked' });
  });

  it('throttles an address after 20 failures across accounts', async () => {
    for (let i = 0; i < 20; i += 1) await f.desk.login({ email: `user${i}@example.org`, password: 'whatever it is', ip: '192.0.2.50' });
    expect(await f.desk.login({ email: 'layla@example.org', password: 'a long enough password', ip: '192.0.2.50' })).toEqual({ ok: false, reason: 'rate-limited' });
    expect((await f.desk.login({ email: 'layla@example.org', password: 'a long enough password', ip: '192.0.2.51' })).ok).toBe(true);
    expect((await f.desk.listAudit()).filter((a) => a.action === 'login.rate-limited')).toHaveLength(1);
  });
});

describe('sessions', () => {
  async function signIn() {
    const r = await f.desk.login({ email: 'layla@example.org', password: 'a long enough password', ip: '192.0.2.1' });
    if (!r.ok) throw new Error('login failed');
    return r;
  }

  it('expire after an hour idle', async () => {
    const r = await signIn();
    f.clock.advance(59 * 60_000);
    expect(await f.desk.authenticate(r.token)).not.toBeNull();
    f.clock.advance(59 * 60_000);
    expect(await f.desk.authenticate(r.token)).not.toBeNull();
    f.clock.advance(61 * 60_000);
    expect(await f.desk.authenticate(r.token)).toBeNull();
  });

  it('expire after 12 hours whatever the activity', async () => {
    const r = await signIn();
    for (let i = 0; i < 12; i += 1) {
      f.clock.advance(55 * 60_000);
      expect(await f.desk.authenticate(r.token)).not.toBeNull();
    }
    f.clock.advance(61 * 60_000);
    expect(await f.desk.authenticate(r.token)).toBeNull();
  });

  it('end at sign-out and on a password change, and reject forged tokens', async () => {
    const r = await signIn();
    expect(await f.desk.authenticate('x'.repeat(43))).toBeNull();
    expect(await f.desk.authenticate(undefined)).toBeNull();
    const s = await f.desk.authenticate(r.token);
    if (s === null) throw new Error('no session');
    await f.desk.logout(s, '192.0.2.1');
    expect(await f.desk.authenticate(r.token)).toBeNull();
    const r2 = await signIn();
    await f.desk.setPassword('layla@example.org', 'a brand new long password');
    expect(await f.desk.authenticate(r2.token)).toBeNull();
  });

  it('bind a CSRF token to the session and compare it in constant time', async () => {
    const a = await signIn();
    const b = await signIn();
    expect(f.desk.checkCsrf(a.session, a.session.csrfToken)).toBe(true);
    expect(f.desk.checkCsrf(a.session, b.session.csrfToken)).toBe(false);
    expect(f.desk.checkCsrf(a.session, '')).toBe(false);
    expect(f.desk.checkCsrf(a.session, null)).toBe(false);
    expect(f.desk.checkCsrf(a.session, `${a.session.csrfToken}x`)).toBe(false);
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, accepted as Bearer, audited, and revocable', async () => {
    const { token, id } = await f.desk.issueApiToken('layla@example.org', 'wire script');
    expect(token).toMatch(/^owd_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
    const rows = JSON.stringify(f.deskStore.connection().prepare('SELECT * FROM desk_api_tokens').all());
    expect(rows).not.toContain(token.slice(18));
    expect((await f.desk.authenticateBearer(`Bearer ${token}`, '192.0.2.1'))?.editor.id).toBe(actor.editor.id);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await f.desk.authenticateBearer(`Bearer ${tampered}`, '192.0.2.1')).toBeNull();
    expect(await f.desk.authenticateBearer('Bearer nonsense', '192.0.2.1')).toBeNull();
    expect(await f.desk.authenticateBearer(null, '192.0.2.1')).toBeNull();
    await f.desk.revokeApiToken(id);
    expect(await f.desk.authenticateBearer(`Bearer ${token}`, '192.0.2.1')).toBeNull();
    const actions = (await f.desk.listAudit()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['token.created', 'token.used', 'token.rejected', 'token.revoked']));
  });
});

describe('timeline writes', () => {
  it('publishes through IncidentService: stored, announced to live readers, audited with its author', async () => {
    const r = await f.desk.execute(actor, publish());
    expect(r.outcome).toBe('appended');
    if (r.outcome !== 'appended') return;
    expect(r.update).toMatchObject({ kind: 'editorial', key: true, status: 'investigating', source: { name: 'Outage Watch · مرصد الانقطاعات' } });
    expect(r.update.id).toMatch(/^ed-20251120t1200-[a-z2-7]{8}$/);
    expect(f.events).toEqual([expect.objectContaining({ type: 'update', incidentId: testIncident.id, seq: r.update.seq })]);
    const audit = (await f.desk.listAudit()).find((a) => a.action === 'update.publish');
    expect(audit).toMatchObject({ editorId: actor.editor.id, editorName: 'ليلى', updateId: r.update.id, stored: true, via: 'desk' });
    expect((await f.desk.authorship(testIncident.id)).get(r.update.id)?.editor).toBe('ليلى');
  });

  it('is idempotent on a repeated id, and refuses the same id for different content', async () => {
    const first = await f.desk.execute(actor, publish({ id: 'ed-retry-1' }));
    const again = await f.desk.execute(actor, publish({ id: 'ed-retry-1' }));
    expect(first.outcome).toBe('appended');
    expect(again.outcome).toBe('duplicate');
    const other = await f.desk.execute(actor, publish({ id: 'ed-retry-1', text: { en: 'Something else' } }));
    expect(other).toEqual({ outcome: 'conflict', errors: { formId: { key: 'idConflict' } } });
    expect((await f.incidentStore.listUpdates(testIncident.id)).filter((u) => u.id === 'ed-retry-1')).toHaveLength(1);
    expect((await f.desk.listAudit()).filter((a) => a.action === 'update.publish')).toHaveLength(1);
  });

  it('corrects with a new record pointing at the original, and retracts with another', async () => {
    const p = await f.desk.execute(actor, publish());
    if (p.outcome !== 'appended') throw new Error('publish failed');
    f.clock.advance(60_000);
    const c = await f.desk.execute(actor, { action: 'correct', incident: testIncident.id, target: p.update.id, status: 'identified', text: { ar: 'نص مصحح', en: 'Corrected text' } });
    expect(c).toMatchObject({ outcome: 'appended', update: { corrects: p.update.id, status: 'identified', at: '2025-11-20T12:01:00.000Z' } });
    f.clock.advance(60_000);
    const r = await f.desk.execute(actor, { action: 'retract', incident: testIncident.id, target: p.update.id, reason: { ar: 'خطأ في المصدر', en: 'Wrong source' } });
    expect(r).toMatchObject({ outcome: 'appended', update: { retracts: p.update.id, text: { ar: 'خطأ في المصدر' } } });
    const view = await f.incidents.getIncidentView(testIncident.id);
    const entry = view?.updates.find((e) => e.id === p.update.id);
    expect(entry).toMatchObject({ text: { en: 'Corrected text' }, correctedAt: '2025-11-20T12:01:00.000Z', retracted: { at: '2025-11-20T12:02:00.000Z' } });
    expect(entry?.original?.text.en).toBe('Cloudflare is **investigating**.');
    expect(f.events.map((e) => e.type)).toEqual(['update', 'change', 'change']);
    const again = await f.desk.execute(actor, { action: 'retract', incident: testIncident.id, target: p.update.id, reason: { en: 'again' } });
    expect(again).toMatchObject({ outcome: 'invalid', errors: { target: { key: 'alreadyRetracted' } } });
  });

  it('adds an Arabic version to an English-only official update as a correction that keeps the English and the kind', async () => {
    await f.incidents.append({
      id: 'sp-abc',
      incidentId: testIncident.id,
      at: '2025-11-20T11:48:00.000Z',
      status: 'investigating',
      text: { en: 'Cloudflare is aware of, and investigating an issue.' },
      source: { name: 'Cloudflare Status', url: 'https://www.cloudflarestatus.com/incidents/x' },
      kind: 'official',
      key: false,
    });
    const wrongLang = await f.desk.execute(actor, { action: 'translate', incident: testIncident.id, target: 'sp-abc', text: { en: 'rewritten' } });
    expect(wrongLang).toMatchObject({ outcome: 'invalid', errors: { text: { key: 'translationOnlyMissing' } } });
    const notOurs = await f.desk.execute(actor, { action: 'correct', incident: testIncident.id, target: 'sp-abc', status: 'resolved', text: { en: 'x' } });
    expect(notOurs).toMatchObject({ outcome: 'invalid', errors: { target: { key: 'notRevisable' } } });
    const t = await f.desk.execute(actor, { action: 'translate', incident: testIncident.id, target: 'sp-abc', text: { ar: 'تعلم كلاودفلير بوجود مشكلة وتحقق فيها.' } });
    expect(t).toMatchObject({
      outcome: 'appended',
      update: { corrects: 'sp-abc', kind: 'official', status: 'investigating', text: { en: 'Cloudflare is aware of, and investigating an issue.', ar: 'تعلم كلاودفلير بوجود مشكلة وتحقق فيها.' }, source: { name: 'Cloudflare Status' } },
    });
    const audit = (await f.desk.listAudit()).find((a) => a.action === 'update.translate');
    expect(audit).toMatchObject({ editorName: 'ليلى', stored: true });
  });

  it('returns field errors (with message keys) and stores nothing for invalid input', async () => {
    const r = await f.desk.execute(actor, publish({ status: 'fine', text: { ar: '', en: '   ' }, source: { url: 'javascript:alert(1)' } }));
    expect(r).toMatchObject({ outcome: 'invalid' });
    if (r.outcome !== 'invalid') return;
    expect(r.errors.status?.key).toBe('invalidChoice');
    expect(r.errors.text?.key).toBe('textRequired');
    expect(r.errors['source.url']?.key).toBe('invalidUrl');
    expect(await f.incidentStore.listUpdates(testIncident.id)).toEqual([]);
    expect(await f.desk.execute(actor, publish({ incident: 'no-such-incident' }))).toEqual({ outcome: 'unknown-incident' });
    expect(await f.desk.execute(actor, publish({ at: '2025-11-20T13:00' }))).toMatchObject({ outcome: 'invalid', errors: { at: { key: 'futureTime' } } });
  });

  it('lands concurrent writes from two editors, all of them, each editor in the order sent', async () => {
    const other = await f.desk.createEditor({ email: 'omar@example.org', name: 'Omar', password: 'another long password' });
    const b: Actor = { editor: other, via: 'desk', ip: '192.0.2.9' };
    const run = async (who: Actor, prefix: string) => {
      const ids: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        const r = await f.desk.execute(who, publish({ id: `${prefix}-${i}`, text: { en: `${prefix} ${i}` } }));
        if (r.outcome !== 'appended') throw new Error(`${prefix}-${i}: ${r.outcome}`);
        ids.push(r.update.id);
      }
      return ids;
    };
    await Promise.all([run(actor, 'ed-layla'), run(b, 'ed-omar')]);
    const log = await f.incidentStore.listUpdates(testIncident.id);
    expect(log).toHaveLength(20);
    expect(new Set(log.map((u) => u.seq)).size).toBe(20);
    for (const prefix of ['ed-layla', 'ed-omar']) expect(log.filter((u) => u.id.startsWith(prefix)).map((u) => u.id)).toEqual([...Array(10).keys()].map((i) => `${prefix}-${i}`));
  });

  it('creates incidents with a readable slug and tracks official ones', async () => {
    const r = await f.desk.createIncident(actor, { provider: 'Cloudflare', title: { en: 'DNS resolver outage', ar: 'انقطاع خدمة DNS' }, source: { url: 'https://www.cloudflarestatus.com/' }, affected: ['DNS'] });
    expect(r).toMatchObject({ ok: true, incident: { id: 'dns-resolver-outage-2025-11-20', origin: 'curated', provider: 'cloudflare', source: { name: 'www.cloudflarestatus.com' } } });
    const dup = await f.desk.createIncident(actor, { id: 'dns-resolver-outage-2025-11-20', provider: 'cloudflare', title: { en: 'x' }, source: { url: 'https://a.example/' } });
    expect(dup).toEqual({ ok: false, errors: { id: { key: 'incidentExists' } } });
    const bad = await f.desk.createIncident(actor, { provider: 'cloudflare', title: {}, source: { url: 'ftp://x' } });
    expect(bad.ok).toBe(false);
    await f.incidents.upsertIncident({ ...testIncident, id: 'cloudflare-xyz', origin: 'statuspage', title: { en: 'Official' }, upstream: { provider: 'cloudflare', incidentId: 'xyz' } });
    expect((await f.desk.deskIncidents()).official.map((v) => v.incident.id)).toEqual(['cloudflare-xyz']);
    expect(await f.desk.trackIncident(actor, 'cloudflare-xyz')).toBe(true);
    expect((await f.desk.deskIncidents()).official).toEqual([]);
  });
});

describe('incident titles', () => {
  const official: Incident = {
    ...testIncident,
    id: 'cloudflare-sp1',
    origin: 'statuspage',
    title: { en: 'Elevated errors on Workers' },
    upstream: { provider: 'cloudflare', incidentId: 'sp1' },
  };
  const retitle = (ar: unknown, id = official.id) => f.desk.retitleIncident(actor, id, { title: { ar } });
  const retitles = async () => (await f.desk.listAudit()).filter((a) => a.action === 'incident.retitled');

  it('gives an official incident its Arabic title: English untouched, audited, announced, covered', async () => {
    await f.incidents.upsertIncident(official);
    const events: IncidentEvent[] = [];
    f.incidents.hub.subscribe(official.id, (e) => events.push(e));
    const r = await retitle('  أخطاء  متزايدة في\u202E خدمة Workers\n');
    expect(r).toMatchObject({ outcome: 'retitled', before: null, incident: { title: { en: 'Elevated errors on Workers', ar: 'أخطاء متزايدة في خدمة Workers' } } });
    expect((await f.incidentStore.getIncident(official.id))?.title).toEqual({ en: 'Elevated errors on Workers', ar: 'أخطاء متزايدة في خدمة Workers' });
    expect(events).toEqual([{ type: 'incident', incidentId: official.id, incident: expect.objectContaining({ title: { en: 'Elevated errors on Workers', ar: 'أخطاء متزايدة في خدمة Workers' } }) }]);
    const [audit] = await retitles();
    expect(audit).toMatchObject({ editorId: actor.editor.id, editorName: 'ليلى', incidentId: official.id, updateId: null, via: 'desk', stored: null, detail: { language: 'ar', from: null, to: 'أخطاء متزايدة في خدمة Workers', en: 'Elevated errors on Workers' } });
    // Giving an official incident its Arabic title is covering it.
    expect((await f.desk.deskIncidents()).ours.map((v) => v.incident.id)).toContain(official.id);
  });

  it('corrects a newsroom incident’s Arabic title, recording the old and new title; the same title again changes nothing', async () => {
    const r = await retitle('انقطاع تجريبي في كلاودفلير', testIncident.id);
    expect(r).toMatchObject({ outcome: 'retitled', before: 'انقطاع تجريبي' });
    expect((await retitles())[0]?.detail).toMatchObject({ from: 'انقطاع تجريبي', to: 'انقطاع تجريبي في كلاودفلير' });
    expect(f.events.map((e) => e.type)).toEqual(['incident']);
    expect(await retitle(' انقطاع تجريبي في كلاودفلير ', testIncident.id)).toMatchObject({ outcome: 'unchanged' });
    expect(await retitles()).toHaveLength(1);
    expect(f.events).toHaveLength(1);
  });

  it('keeps markup as the literal text of the title', async () => {
    await f.incidents.upsertIncident(official);
    expect(await retitle('عطل <b>كبير</b> **الآن**')).toMatchObject({ outcome: 'retitled', incident: { title: { ar: 'عطل <b>كبير</b> **الآن**' } } });
  });

  it('refuses bad titles with message keys, writing, auditing and announcing nothing', async () => {
    await f.incidents.upsertIncident(official);
    const cases: Array<[unknown, Record<string, unknown>]> = [
      ['اب', { 'title.ar': { key: 'tooShort', params: { min: 3 } } }],
      ['  \u202B \n ', { 'title.ar': { key: 'required' } }],
      [undefined, { 'title.ar': { key: 'required' } }],
      [42, { 'title.ar': { key: 'required' } }],
      ['ع'.repeat(301), { 'title.ar': { key: 'tooLong', params: { max: 300 } } }],
      ['x'.repeat(5000), { 'title.ar': { key: 'tooLong' } }],
      ['Elevated errors on Workers', { 'title.ar': { key: 'arabicRequired' } }],
    ];
    for (const [ar, errors] of cases) {
      const r = await retitle(ar);
      expect(r, String(JSON.stringify(ar)).slice(0, 40)).toMatchObject({ outcome: 'invalid', errors });
      expect(r.outcome === 'invalid' ? Object.keys(r.errors) : []).toEqual(['title.ar']);
    }
    expect(await retitles()).toEqual([]);
    expect((await f.incidentStore.getIncident(official.id))?.title).toEqual(official.title);
    expect(await retitle('ع'.repeat(300))).toMatchObject({ outcome: 'retitled' });
    await f.incidents.upsertIncident(official);
    const audited = (await retitles()).length;
    // Unknown fields are refused, not ignored: the English title is not the desk's to set here.
    expect(await f.desk.retitleIncident(actor, official.id, { title: { ar: 'عنوان صالح', en: 'Other' } })).toEqual({ outcome: 'invalid', errors: { title: { key: 'unknownField', params: { name: 'en' } } } });
    expect(await f.desk.retitleIncident(actor, official.id, { title: { ar: 'عنوان صالح' }, origin: 'curated' })).toEqual({ outcome: 'invalid', errors: { _: { key: 'unknownField', params: { name: 'origin' } } } });
    expect(await f.desk.retitleIncident(actor, official.id, { title: { ar: 'عنوان صالح' }, locale: 'en' })).toMatchObject({ outcome: 'retitled' });
    expect((await retitles()).length).toBe(audited + 1);
    expect(await f.desk.retitleIncident(actor, official.id, null)).toMatchObject({ outcome: 'invalid' });
  });

  it('refuses unknown incidents, and bundled ones (their file is written over them on every start)', async () => {
    expect(await retitle('عنوان صالح', 'no-such-incident')).toEqual({ outcome: 'unknown-incident' });
    const bundled = loadBundledIncidents()[0]?.incident;
    if (bundled === undefined) throw new Error('no bundled incident');
    await f.incidents.upsertIncident(bundled);
    expect(f.desk.canRetitle(bundled)).toBe(false);
    expect(await retitle('عنوان صالح', bundled.id)).toEqual({ outcome: 'conflict', errors: { 'title.ar': { key: 'titleFromContent' } } });
    expect((await f.incidentStore.getIncident(bundled.id))?.title).toEqual(bundled.title);
    expect(await retitles()).toEqual([]);
  });

  it('survives a poll that lands at the same moment: the editor’s Arabic and upstream’s English both stay', async () => {
    await f.incidents.upsertIncident(official);
    const poll = { ...official, title: { en: 'Elevated errors on Workers and Pages' } };
    await Promise.all([retitle('أخطاء في Workers وPages'), f.incidents.upsertUpstreamIncident(poll), f.incidents.upsertUpstreamIncident(poll)]);
    expect((await f.incidentStore.getIncident(official.id))?.title).toEqual({ en: 'Elevated errors on Workers and Pages', ar: 'أخطاء في Workers وPages' });
  });
});

describe('audit log', () => {
  it('is append-only in the database itself', async () => {
    await f.desk.execute(actor, publish());
    const db = f.deskStore.connection();
    expect(() => db.prepare('UPDATE desk_audit SET action = ?').run('login')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM desk_audit').run()).toThrow(/append-only/);
  });

  it('marks a write audited but never stored (process died in between) as not in the timeline', async () => {
    await f.desk.audit({ action: 'update.publish', editorId: actor.editor.id, incidentId: testIncident.id, updateId: 'ed-lost-1', via: 'desk' });
    expect((await f.desk.listAudit()).find((a) => a.updateId === 'ed-lost-1')?.stored).toBe(false);
  });
});

describe('storage failures', () => {
  it('surface as errors the HTTP layer maps to 503 (a full database: SQLITE_FULL)', async () => {
    const { isStorageFailure } = await import('@/lib/desk/errors');
    const db = f.deskStore.connection();
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages}`);
    let caught: unknown;
    try {
      for (let i = 0; i < 200; i += 1) await f.desk.audit({ action: 'login', editorId: actor.editor.id, via: 'desk', detail: { pad: 'x'.repeat(1500) } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'SQLITE_FULL' });
    expect(isStorageFailure(caught)).toBe(true);
    expect(isStorageFailure(Object.assign(new Error('ro'), { code: 'SQLITE_READONLY_DBMOVED' }))).toBe(true);
    expect(isStorageFailure(new TypeError('bug'))).toBe(false);
  });

  it('keeps reading (sessions still authenticate) when a write fails', async () => {
    const r = await f.desk.login({ email: 'layla@example.org', password: 'a long enough password', ip: '192.0.2.1' });
    if (!r.ok) throw new Error('login failed');
    f.deskStore.connection().pragma('query_only = ON');
    f.clock.advance(5 * 60_000);
    expect((await f.desk.authenticate(r.token))?.editor.name).toBe('ليلى');
    f.deskStore.connection().pragma('query_only = OFF');
  });

  it('uses cheap scrypt only in tests', () => {
    expect(testConfig().scrypt.N).toBeLessThan(2 ** 17);
  });
});
