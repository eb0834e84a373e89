import { z } from 'zod';

/**
 * What the desk needs from storage. Async like IncidentStore, so the SQLite implementation
 * (sqlite-desk-store.ts) can be replaced by a server database without touching callers; the
 * tables live in the same database as the timeline (migration 2 in lib/incidents/migrations.ts).
 */

export interface Editor {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

export interface EditorCredentials extends Editor {
  readonly passwordHash: string;
}

export interface SessionRecord {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  readonly tokenHash: string;
  readonly editorId: string;
  /** Synchronizer token for this session's forms. */
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** Absolute end of the session, whatever the activity. */
  readonly expiresAt: string;
}

export interface ApiTokenRecord {
  /** Public part of the token (`owd_<id>_<secret>`), used to find the row. */
  readonly id: string;
  readonly editorId: string;
  readonly tokenHash: string;
  readonly label: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export const auditActions = [
  'login',
  'login.failed',
  'login.lockout',
  'login.rate-limited',
  'logout',
  'token.created',
  'token.used',
  'token.rejected',
  'token.revoked',
  'editor.created',
  'editor.password-changed',
  'incident.created',
  'incident.tracked',
  'incident.retitled',
  'update.publish',
  'update.correct',
  'update.retract',
  'update.translate',
  'update.rejected',
  'csrf.rejected',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const AuditDetailSchema = z.record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]));
export type AuditDetail = z.infer<typeof AuditDetailSchema>;

export interface NewAuditEntry {
  readonly at: string;
  readonly action: AuditAction;
  readonly editorId?: string | null;
  /** What the action was about when it is not an editor: the address tried, a token id. */
  readonly subject?: string | null;
  readonly incidentId?: string | null;
  readonly updateId?: string | null;
  /** 'desk' (signed-in browser), 'token:<id>' (API), 'cli'. */
  readonly via: string;
  readonly ip?: string | null;
  readonly detail?: AuditDetail;
}

export interface AuditEntry extends Required<Omit<NewAuditEntry, 'detail'>> {
  readonly seq: number;
  readonly editorName: string | null;
  readonly detail: AuditDetail;
  /** For timeline writes: whether the update is in the timeline. Null for other actions. */
  readonly stored: boolean | null;
}

export interface TrackedIncident {
  readonly incidentId: string;
  readonly editorId: string;
  readonly at: string;
}

export interface DraftRecord {
  readonly id: string;
  readonly sessionHash: string;
  readonly createdAt: string;
  readonly data: string;
}

/** A write refused because of what it says (a taken address), not because storage failed. */
export class DeskConflict extends Error {
  override readonly name = 'DeskConflict';
}

export interface DeskStore {
  createEditor(editor: EditorCredentials): Promise<void>;
  findEditorByEmail(email: string): Promise<EditorCredentials | undefined>;
  getEditor(id: string): Promise<Editor | undefined>;
  listEditors(): Promise<Editor[]>;
  setPasswordHash(editorId: string, passwordHash: string): Promise<void>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | undefined>;
  touchSession(tokenHash: string, lastSeenAt: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Sessions past their absolute end or idle since before `idleBefore`. */
  deleteExpiredSessions(now: string, idleBefore: string): Promise<void>;
  deleteSessionsOf(editorId: string): Promise<void>;

  createApiToken(token: ApiTokenRecord): Promise<void>;
  getApiToken(id: string): Promise<ApiTokenRecord | undefined>;
  listApiTokens(editorId: string): Promise<ApiTokenRecord[]>;
  touchApiToken(id: string, at: string): Promise<void>;
  revokeApiToken(id: string, at: string): Promise<boolean>;

  recordLoginFailure(failure: { at: string; ip: string; account: string }): Promise<void>;
  countLoginFailures(key: { ip: string } | { account: string }, since: string): Promise<number>;
  clearLoginFailures(account: string): Promise<void>;
  getLockout(account: string): Promise<{ lockedAt: string; until: string } | undefined>;
  setLockout(account: string, lockedAt: string, until: string): Promise<void>;
  /** Drops throttling rows older than `before` (they no longer count). */
  pruneLoginFailures(before: string): Promise<void>;

  saveDraft(draft: DraftRecord): Promise<void>;
  getDraft(id: string, sessionHash: string): Promise<DraftRecord | undefined>;
  pruneDrafts(before: string): Promise<void>;

  /** Returns false if the incident was already tracked. */
  trackIncident(tracked: TrackedIncident): Promise<boolean>;
  listTrackedIncidents(): Promise<TrackedIncident[]>;

  /** Returns the new row's seq, or null if an identical timeline write was already audited. */
  appendAudit(entry: NewAuditEntry): Promise<number | null>;
  listAudit(options?: { beforeSeq?: number; limit?: number; incidentId?: string }): Promise<AuditEntry[]>;

  close(): Promise<void>;
}
