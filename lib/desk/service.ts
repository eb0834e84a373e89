import { z } from 'zod';
import type { DeskConfig } from '@/lib/desk/config';
import { randomSlug, randomToken, safeEqual, tokenDigest } from '@/lib/desk/crypto';
import { incidentSlug, newUpdateId } from '@/lib/desk/ids';
import {
  DeskCommandSchema,
  NewIncidentSchema,
  RetitleSchema,
  fieldErrors,
  type DeskCommand,
  type FieldErrors,
  type NewIncidentCommand,
} from '@/lib/desk/input';
import { editorialPlainText } from '@/lib/desk/markdown';
import { hashPassword, maxPasswordBytes, minPasswordLength, needsRehash, verifyDummy, verifyPassword } from '@/lib/desk/password';
import { DeskConflict, type AuditEntry, type DeskStore, type Editor, type NewAuditEntry, type SessionRecord } from '@/lib/desk/store';
import type { Incident, LocalizedText, Source, StoredUpdate, Update } from '@/lib/incidents/model';
import { UpdateSchema } from '@/lib/incidents/model';
import { loadBundledIncidents } from '@/lib/incidents/bundle';
import type { IncidentService } from '@/lib/incidents/service';
import { StoreRejection } from '@/lib/incidents/store';
import { checkRevision, foldTimeline, type RevisionProblem, type TimelineEntry } from '@/lib/incidents/timeline';
import type { IncidentView } from '@/lib/incidents/view';

/**
 * The desk's use cases: sign-in with throttling, sessions, API tokens, the four timeline writes
 * (publish, correct, retract, add a translation) and an incident's Arabic title, each audited and
 * each written through IncidentService, so live readers are told about it the moment it is
 * committed.
 */

export interface Actor {
  readonly editor: Editor;
  /** 'desk' (browser session), 'token:<id>' (API), 'cli'. */
  readonly via: string;
  readonly ip: string | null;
}

export interface DeskSession {
  readonly editor: Editor;
  readonly session: SessionRecord;
}

export type LoginResult =
  | { readonly ok: true; readonly token: string; readonly session: SessionRecord; readonly editor: Editor }
  | { readonly ok: false; readonly reason: 'invalid' | 'locked' | 'rate-limited' };

export type ExecuteResult =
  | { readonly outcome: 'appended' | 'duplicate'; readonly update: StoredUpdate; readonly command: DeskCommand }
  | { readonly outcome: 'invalid'; readonly errors: FieldErrors }
  | { readonly outcome: 'unknown-incident' }
  | { readonly outcome: 'conflict'; readonly errors: FieldErrors };

export type RetitleResult =
  /** `before`: the Arabic title it replaced, null if there was none. */
  | { readonly outcome: 'retitled'; readonly incident: Incident; readonly before: string | null }
  | { readonly outcome: 'unchanged'; readonly incident: Incident }
  | { readonly outcome: 'invalid'; readonly errors: FieldErrors }
  | { readonly outcome: 'unknown-incident' }
  | { readonly outcome: 'conflict'; readonly errors: FieldErrors };

export type CreateIncidentResult = { readonly ok: true; readonly incident: Incident } | { readonly ok: false; readonly errors: FieldErrors };

export const apiTokenPattern = /^owd_([a-z2-7]{12})_([A-Za-z0-9_-]{43})$/;
const sessionTokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

export const EditorInputSchema = z.object({
  email: z.string().transform(normalizeEmail).pipe(z.email().max(254)),
  name: z.string().trim().min(1).max(100),
  password: z
    .string()
    .min(minPasswordLength, `the password needs at least ${minPasswordLength} characters`)
    .refine((p) => Buffer.byteLength(p, 'utf8') <= maxPasswordBytes, `the password may have at most ${maxPasswordBytes} bytes`),
});

const revisionErrors: Readonly<Record<RevisionProblem, FieldErrors>> = {
  'unknown-target': { target: { key: 'unknownTarget' } },
  'target-is-revision': { target: { key: 'notRevisable' } },
  'target-retracted': { target: { key: 'notRevisable' } },
  'already-retracted': { target: { key: 'alreadyRetracted' } },
};

/** A short, plain excerpt of what was written, for the audit log. */
function excerpt(text: LocalizedText): string {
  const flat = editorialPlainText(text.ar ?? text.en ?? '').replace(/\s+/g, ' ');
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
}

function sameUpdate(a: Update, b: Update): boolean {
  const strip = (u: Update) => JSON.stringify(UpdateSchema.parse({ ...u, at: '2000-01-01T00:00:00Z' }));
  return strip(a) === strip(b);
}

export interface DeskServiceOptions {
  readonly store: DeskStore;
  readonly incidents: IncidentService;
  readonly config: DeskConfig;
  readonly now?: () => Date;
  /** Public origin, for the newsroom's default source link. */
  readonly siteOrigin?: string;
  /**
   * Incidents whose record comes from a file shipped with the site (content/incidents/*.json):
   * it is written over on every start, so their titles are changed in the file, not at the desk.
   * Defaults to the bundled incidents.
   */
  readonly bundledIncidentIds?: ReadonlySet<string>;
}

export class DeskService {
  readonly store: DeskStore;
  readonly incidents: IncidentService;
  readonly config: DeskConfig;
  private readonly now: () => Date;
  private readonly dummyTokenHash = tokenDigest(randomToken());
  private readonly bundledIncidentIds: ReadonlySet<string>;

  constructor(options: DeskServiceOptions) {
    this.store = options.store;
    this.incidents = options.incidents;
    this.config = options.config;
    this.now = options.now ?? (() => new Date());
    this.bundledIncidentIds = options.bundledIncidentIds ?? new Set(loadBundledIncidents().map((b) => b.incident.id));
  }

  private iso(offsetMs = 0): string {
    return new Date(this.now().getTime() + offsetMs).toISOString();
  }

  audit(entry: Omit<NewAuditEntry, 'at'>): Promise<number | null> {
    return this.store.appendAudit({ ...entry, at: this.iso() });
  }

  /* ---------- editors and tokens (CLI) ---------- */

  async createEditor(input: { email: string; name: string; password: string }, via = 'cli'): Promise<Editor> {
    const parsed = EditorInputSchema.parse(input);
    const editor = {
      id: `e-${randomSlug(10)}`,
      email: parsed.email,
      name: parsed.name,
      passwordHash: await hashPassword(parsed.password, this.config.scrypt),
      createdAt: this.iso(),
      disabledAt: null,
    };
    await this.store.createEditor(editor);
    await this.audit({ action: 'editor.created', editorId: editor.id, subject: editor.email, via });
    const { passwordHash: _omit, ...pub } = editor;
    return pub;
  }

  async setPassword(email: string, password: string, via = 'cli'): Promise<Editor> {
    const editor = await this.store.findEditorByEmail(normalizeEmail(email));
    if (editor === undefined) throw new DeskConflict(`no editor with the address ${email}`);
    const parsed = EditorInputSchema.shape.password.parse(password);
    await this.store.setPasswordHash(editor.id, await hashPassword(parsed, this.config.scrypt));
    await this.store.deleteSessionsOf(editor.id);
    await this.audit({ action: 'editor.password-changed', editorId: editor.id, via });
    return editor;
  }

  /** A new API token for scripts. The token is returned once; only its hash is kept. */
  async issueApiToken(email: string, label: string, via = 'cli'): Promise<{ token: string; id: string; editor: Editor }> {
    const editor = await this.store.findEditorByEmail(normalizeEmail(email));
    if (editor === undefined) throw new DeskConflict(`no editor with the address ${email}`);
    const id = randomSlug(12);
    const secret = randomToken(32);
    await this.store.createApiToken({ id, editorId: editor.id, tokenHash: tokenDigest(secret), label: label.slice(0, 100), createdAt: this.iso(), lastUsedAt: null, revokedAt: null });
    await this.audit({ action: 'token.created', editorId: editor.id, subject: id, via, detail: { label } });
    return { token: `owd_${id}_${secret}`, id, editor };
  }

  async revokeApiToken(id: string, via = 'cli'): Promise<boolean> {
    const token = await this.store.getApiToken(id);
    if (token === undefined) return false;
    const revoked = await this.store.revokeApiToken(id, this.iso());
    if (revoked) await this.audit({ action: 'token.revoked', editorId: token.editorId, subject: id, via });
    return revoked;
  }

  /* ---------- sign-in ---------- */

  private async ipBlocked(ip: string): Promise<boolean> {
    const { windowMs, ipMaxFailures } = this.config.throttle;
    return (await this.store.countLoginFailures({ ip }, this.iso(-windowMs))) >= ipMaxFailures;
  }

  /** Counts a failure for the address; audits the moment it crosses the limit (once, not per attempt). */
  private async countIpFailure(ip: string, account: string): Promise<void> {
    await this.store.recordLoginFailure({ at: this.iso(), ip, account });
    const { windowMs, ipMaxFailures } = this.config.throttle;
    if ((await this.store.countLoginFailures({ ip }, this.iso(-windowMs))) === ipMaxFailures) {
      await this.audit({ action: 'login.rate-limited', subject: ip, ip, via: 'desk', detail: { failures: ipMaxFailures } });
    }
  }

  async login(input: { email: string; password: string; ip: string }): Promise<LoginResult> {
    const account = normalizeEmail(input.email).slice(0, 254);
    const { windowMs, accountMaxFailures, lockoutMs } = this.config.throttle;
    if (await this.ipBlocked(input.ip)) return { ok: false, reason: 'rate-limited' };
    const lock = await this.store.getLockout(account);
    if (lock !== undefined && lock.until > this.iso()) return { ok: false, reason: 'locked' };

    const editor = await this.store.findEditorByEmail(account);
    let valid = false;
    if (editor === undefined) await verifyDummy(input.password, this.config.scrypt);
    else valid = (await verifyPassword(input.password, editor.passwordHash)) && editor.disabledAt === null;

    if (editor === undefined || !valid) {
      await this.countIpFailure(input.ip, account);
      await this.audit({ action: 'login.failed', editorId: editor?.id ?? null, subject: account, ip: input.ip, via: 'desk' });
      const since = lock !== undefined && lock.until > this.iso(-windowMs) ? lock.until : this.iso(-windowMs);
      if ((await this.store.countLoginFailures({ account }, since)) >= accountMaxFailures) {
        await this.store.setLockout(account, this.iso(), this.iso(lockoutMs));
        await this.audit({ action: 'login.lockout', editorId: editor?.id ?? null, subject: account, ip: input.ip, via: 'desk', detail: { minutes: Math.round(lockoutMs / 60_000) } });
        return { ok: false, reason: 'locked' };
      }
      return { ok: false, reason: 'invalid' };
    }

    await this.store.clearLoginFailures(account);
    if (needsRehash(editor.passwordHash, this.config.scrypt)) await this.store.setPasswordHash(editor.id, await hashPassword(input.password, this.config.scrypt));
    const token = randomToken(32);
    const session: SessionRecord = {
      tokenHash: tokenDigest(token),
      editorId: editor.id,
      csrfToken: randomToken(32),
      createdAt: this.iso(),
      lastSeenAt: this.iso(),
      expiresAt: this.iso(this.config.sessionAbsoluteMs),
    };
    await this.store.createSession(session);
    await this.audit({ action: 'login', editorId: editor.id, ip: input.ip, via: 'desk' });
    // Housekeeping rides on sign-ins: rare, and never on a reader's request.
    await this.store.deleteExpiredSessions(this.iso(), this.iso(-this.config.sessionIdleMs));
    await this.store.pruneLoginFailures(this.iso(-24 * 60 * 60_000));
    await this.store.pruneDrafts(this.iso(-24 * 60 * 60_000));
    const { passwordHash: _omit, ...pub } = editor;
    return { ok: true, token, session, editor: pub };
  }

  /** The session for a cookie value, or null if unknown, idle too long, past its end, or its editor is disabled. */
  async authenticate(token: string | undefined): Promise<DeskSession | null> {
    if (token === undefined || !sessionTokenPattern.test(token)) return null;
    const tokenHash = tokenDigest(token);
    const session = await this.store.getSession(tokenHash);
    if (session === undefined) return null;
    const now = this.now().getTime();
    const idle = now - Date.parse(session.lastSeenAt) > this.config.sessionIdleMs;
    if (idle || now >= Date.parse(session.expiresAt)) {
      await this.store.deleteSession(tokenHash).catch(() => undefined);
      return null;
    }
    const editor = await this.store.getEditor(session.editorId);
    if (editor === undefined || editor.disabledAt !== null) return null;
    if (now - Date.parse(session.lastSeenAt) > this.config.touchIntervalMs) {
      // Reading must keep working on a full or read-only disk: a missed touch only shortens the session.
      await this.store.touchSession(tokenHash, this.iso()).catch(() => undefined);
    }
    return { editor, session };
  }

  /** Constant-time check of a submitted synchronizer token against the session's. */
  checkCsrf(session: SessionRecord, submitted: string | null | undefined): boolean {
    return typeof submitted === 'string' && safeEqual(submitted, session.csrfToken);
  }

  async logout(session: DeskSession, ip: string): Promise<void> {
    await this.store.deleteSession(session.session.tokenHash);
    await this.audit({ action: 'logout', editorId: session.editor.id, ip, via: 'desk' });
  }

  /** `Authorization: Bearer owd_…` → the token's editor, or null (malformed, unknown, revoked, throttled). */
  async authenticateBearer(authorization: string | null, ip: string): Promise<{ editor: Editor; tokenId: string } | null> {
    if (await this.ipBlocked(ip)) return null;
    const match = apiTokenPattern.exec(/^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '');
    const id = match?.[1];
    const secret = match?.[2];
    const record = id === undefined ? undefined : await this.store.getApiToken(id);
    // Compare against something even when there is nothing to compare with: same work either way.
    const matches = safeEqual(tokenDigest(secret ?? ''), record?.tokenHash ?? this.dummyTokenHash) && record !== undefined;
    const editor = matches && record.revokedAt === null ? await this.store.getEditor(record.editorId) : undefined;
    if (editor === undefined || editor.disabledAt !== null || record === undefined) {
      await this.countIpFailure(ip, `token:${id ?? 'malformed'}`);
      await this.audit({ action: 'token.rejected', editorId: record?.editorId ?? null, subject: id ?? null, ip, via: 'api' });
      return null;
    }
    await this.store.touchApiToken(record.id, this.iso());
    await this.audit({ action: 'token.used', editorId: editor.id, subject: record.id, ip, via: `token:${record.id}` });
    return { editor, tokenId: record.id };
  }

  /* ---------- form drafts ---------- */

  async saveDraft(session: SessionRecord, data: unknown): Promise<string> {
    const id = randomSlug(16);
    await this.store.saveDraft({ id, sessionHash: session.tokenHash, createdAt: this.iso(), data: JSON.stringify(data) });
    return id;
  }

  async getDraft(session: SessionRecord, id: string): Promise<unknown> {
    if (!/^[a-z2-7]{16}$/.test(id)) return undefined;
    const draft = await this.store.getDraft(id, session.tokenHash);
    if (draft === undefined) return undefined;
    try {
      return JSON.parse(draft.data);
    } catch {
      return undefined;
    }
  }

  /* ---------- incidents ---------- */

  async deskIncidents(): Promise<{ ours: IncidentView[]; official: IncidentView[] }> {
    const [{ incidents }, tracked] = await Promise.all([this.incidents.listIncidentViews(), this.store.listTrackedIncidents()]);
    const trackedIds = new Set(tracked.map((t) => t.incidentId));
    const ours = incidents.filter((v) => v.incident.origin === 'curated' || trackedIds.has(v.incident.id));
    const official = incidents.filter((v) => !ours.includes(v));
    return { ours, official };
  }

  async createIncident(actor: Actor, input: unknown): Promise<CreateIncidentResult> {
    const parsed = NewIncidentSchema.safeParse(input);
    if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
    const cmd: NewIncidentCommand = parsed.data;
    const now = this.now();
    let id = cmd.id;
    if (id !== undefined) {
      if ((await this.incidents.store.getIncident(id)) !== undefined) return { ok: false, errors: { id: { key: 'incidentExists' } } };
    } else {
      const base = incidentSlug(cmd.title.en, cmd.provider, now);
      id = base;
      for (let n = 2; (await this.incidents.store.getIncident(id)) !== undefined; n += 1) id = `${base}-${n}`;
    }
    const url = new URL(cmd.source.url);
    const incident: Incident = {
      id,
      provider: cmd.provider,
      title: { ...(cmd.title.ar !== undefined ? { ar: cmd.title.ar } : {}), ...(cmd.title.en !== undefined ? { en: cmd.title.en } : {}) },
      affectedServices: cmd.affected,
      startedAt: cmd.startedAt ?? now.toISOString(),
      source: { name: cmd.source.name ?? url.hostname, url: cmd.source.url },
      origin: 'curated',
    };
    await this.audit({ action: 'incident.created', editorId: actor.editor.id, incidentId: id, via: actor.via, ip: actor.ip, detail: { title: incident.title.ar ?? incident.title.en ?? '' } });
    await this.incidents.upsertIncident(incident);
    return { ok: true, incident };
  }

  /** "Start covering" an incident the status-page poller found. Returns false if unknown. */
  async trackIncident(actor: Actor, incidentId: string): Promise<boolean> {
    const incident = await this.incidents.store.getIncident(incidentId);
    if (incident === undefined) return false;
    if (await this.store.trackIncident({ incidentId, editorId: actor.editor.id, at: this.iso() })) {
      await this.audit({ action: 'incident.tracked', editorId: actor.editor.id, incidentId, via: actor.via, ip: actor.ip });
    }
    return true;
  }

  /**
   * Whether the desk may set this incident's Arabic title: any incident the newsroom or the poller
   * keeps in the store. Not a bundled one (its file is written over it on every start).
   */
  canRetitle(incident: Incident): boolean {
    return !this.bundledIncidentIds.has(incident.id);
  }

  /**
   * Sets or corrects the Arabic title of an incident; the English title is left alone (for an
   * official incident it is the provider's, and follows its status page). Audited with the old
   * and new title, announced to readers and caches by IncidentService. Editing an official
   * incident's title starts covering it, as writing in its timeline does.
   */
  async retitleIncident(actor: Actor, incidentId: string, input: unknown): Promise<RetitleResult> {
    const parsed = RetitleSchema.safeParse(input);
    if (!parsed.success) return { outcome: 'invalid', errors: fieldErrors(parsed.error) };
    const ar = parsed.data.title.ar;
    const existing = await this.incidents.store.getIncident(incidentId);
    if (existing === undefined) return { outcome: 'unknown-incident' };
    if (!this.canRetitle(existing)) return { outcome: 'conflict', errors: { 'title.ar': { key: 'titleFromContent' } } };
    // Audited inside the incident's lock, so `from` is exactly the title this write replaces;
    // audited before the write, so a crash in between never leaves a title without its author.
    const result = await this.incidents.reviseIncident(incidentId, async (current) => {
      if (current.title.ar === ar) return null;
      await this.audit({
        action: 'incident.retitled',
        editorId: actor.editor.id,
        incidentId,
        via: actor.via,
        ip: actor.ip,
        detail: { language: 'ar', from: current.title.ar ?? null, to: ar, en: current.title.en ?? null },
      });
      return { ...current, title: { ...current.title, ar } };
    });
    if (result === undefined) return { outcome: 'unknown-incident' };
    if (!result.changed) return { outcome: 'unchanged', incident: result.after };
    if (result.after.origin === 'statuspage') await this.store.trackIncident({ incidentId, editorId: actor.editor.id, at: this.iso() });
    return { outcome: 'retitled', incident: result.after, before: result.before.title.ar ?? null };
  }

  /* ---------- timeline writes ---------- */

  private newsroomSource(): Source {
    return { name: 'Outage Watch · مرصد الانقطاعات', url: `${this.config.siteOrigin}/ar/about` };
  }

  private sourceFrom(input: { url?: string; name?: string } | undefined, fallback: Source): Source {
    if (input?.url === undefined) return fallback;
    return { url: input.url, name: input.name ?? new URL(input.url).hostname };
  }

  /** Validates and turns a command into the record to append, or says what is wrong with it. */
  private build(cmd: DeskCommand, log: readonly StoredUpdate[], entries: readonly TimelineEntry[]): { update: Update } | { errors: FieldErrors } {
    const now = this.now();
    const id = cmd.id ?? newUpdateId(now);
    if (cmd.action === 'publish') {
      if (cmd.at !== undefined && Date.parse(cmd.at) > now.getTime() + 5 * 60_000) return { errors: { at: { key: 'futureTime' } } };
      return {
        update: {
          id,
          incidentId: cmd.incident,
          at: cmd.at ?? now.toISOString(),
          status: cmd.status,
          text: cmd.text,
          source: this.sourceFrom(cmd.source, this.newsroomSource()),
          kind: 'editorial',
          key: cmd.key,
        },
      };
    }
    const target = entries.find((e) => e.id === cmd.target);
    if (target === undefined) {
      const revision = log.find((u) => u.id === cmd.target);
      return { errors: { target: { key: revision === undefined ? 'unknownTarget' : 'notRevisable' } } };
    }
    if (target.retracted !== null) return { errors: { target: { key: target.retracted !== null && cmd.action === 'retract' ? 'alreadyRetracted' : 'notRevisable' } } };
    const at = now.toISOString();
    if (cmd.action === 'translate') {
      // Adds (or fixes) the other language and nothing else. Official text is the provider's
      // English: only the Arabic version is ours to write.
      const given = (['ar', 'en'] as const).filter((l) => cmd.text[l] !== undefined);
      const allowed = target.kind === 'official' ? ['ar'] : ['ar', 'en'];
      if (given.length !== 1 || !allowed.includes(given[0] ?? '')) return { errors: { text: { key: 'translationOnlyMissing' } } };
      const lang = given[0] ?? 'ar';
      const text: LocalizedText = { ...target.text, [lang]: cmd.text[lang] };
      if (target.text[lang] === text[lang]) return { errors: { text: { key: 'nothingToTranslate' } } };
      return { update: { id, incidentId: cmd.incident, at, status: target.status, text, source: target.source, kind: target.kind, key: target.key, corrects: target.id } };
    }
    // The provider's own words are not ours to correct or retract: the newsroom translates them,
    // or publishes its own note beside them.
    if (target.kind === 'official') return { errors: { target: { key: 'notRevisable' } } };
    if (cmd.action === 'correct') {
      return {
        update: { id, incidentId: cmd.incident, at, status: cmd.status, text: cmd.text, source: this.sourceFrom(cmd.source, target.source), kind: 'editorial', key: target.key, corrects: target.id },
      };
    }
    return { update: { id, incidentId: cmd.incident, at, status: target.status, text: cmd.reason, source: this.newsroomSource(), kind: 'editorial', key: false, retracts: target.id } };
  }

  /** Parses without writing: for previews and for the API's validation errors. */
  parseCommand(input: unknown): { ok: true; command: DeskCommand } | { ok: false; errors: FieldErrors } {
    const parsed = DeskCommandSchema.safeParse(input);
    return parsed.success ? { ok: true, command: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
  }

  async execute(actor: Actor, input: unknown): Promise<ExecuteResult> {
    const parsed = this.parseCommand(input);
    if (!parsed.ok) return { outcome: 'invalid', errors: parsed.errors };
    const cmd = parsed.command;
    const incident = await this.incidents.store.getIncident(cmd.incident);
    if (incident === undefined) return { outcome: 'unknown-incident' };
    const log = await this.incidents.store.listUpdates(cmd.incident);

    if (cmd.id !== undefined) {
      // A retried request (same id) is answered with what was stored, not appended twice.
      const existing = log.find((u) => u.id === cmd.id);
      if (existing !== undefined) return this.replay(cmd, existing, log);
    }
    const built = this.build(cmd, log, foldTimeline(log));
    if ('errors' in built) return { outcome: 'invalid', errors: built.errors };
    const update = built.update;
    const problem = checkRevision(log, update);
    if (problem !== null) return { outcome: 'conflict', errors: revisionErrors[problem] };

    // Audited before it is appended: a crash in between leaves an audit row marked "not stored",
    // never a stored update without its author.
    await this.audit({
      action: `update.${cmd.action}`,
      editorId: actor.editor.id,
      incidentId: update.incidentId,
      updateId: update.id,
      via: actor.via,
      ip: actor.ip,
      detail: { target: update.corrects ?? update.retracts ?? null, status: update.status, key: update.key, excerpt: excerpt(update.text) },
    });
    if (incident.origin === 'statuspage') await this.store.trackIncident({ incidentId: incident.id, editorId: actor.editor.id, at: this.iso() });
    try {
      const result = await this.incidents.append(update);
      if (result.outcome === 'duplicate' && !sameUpdate(result.update, update)) return { outcome: 'conflict', errors: { formId: { key: 'idConflict' } } };
      return { outcome: result.outcome, update: result.update, command: cmd };
    } catch (error) {
      if (!(error instanceof StoreRejection)) throw error;
      await this.audit({ action: 'update.rejected', editorId: actor.editor.id, incidentId: update.incidentId, updateId: update.id, via: actor.via, ip: actor.ip, detail: { code: error.code } });
      if (error.code === 'unknown-incident') return { outcome: 'unknown-incident' };
      return { outcome: 'conflict', errors: error.code === 'invalid' ? { _: { key: 'invalid' } } : revisionErrors[error.code] };
    }
  }

  private replay(cmd: DeskCommand, existing: StoredUpdate, log: readonly StoredUpdate[]): ExecuteResult {
    const rebuilt = this.build(cmd, log.filter((u) => u.seq < existing.seq), foldTimeline(log.filter((u) => u.seq < existing.seq)));
    if ('errors' in rebuilt || !sameUpdate(existing, rebuilt.update)) return { outcome: 'conflict', errors: { formId: { key: 'idConflict' } } };
    return { outcome: 'duplicate', update: existing, command: cmd };
  }

  /* ---------- audit ---------- */

  listAudit(options: { beforeSeq?: number; limit?: number; incidentId?: string } = {}): Promise<AuditEntry[]> {
    return this.store.listAudit(options);
  }

  /** Who wrote each desk record of an incident: update id → editor name. */
  async authorship(incidentId: string): Promise<Map<string, { editor: string; action: string; at: string }>> {
    const rows = await this.store.listAudit({ incidentId, limit: 500 });
    const out = new Map<string, { editor: string; action: string; at: string }>();
    for (const r of rows) {
      if (r.updateId !== null && r.action.startsWith('update.') && r.action !== 'update.rejected') out.set(r.updateId, { editor: r.editorName ?? '?', action: r.action, at: r.at });
    }
    return out;
  }
}
