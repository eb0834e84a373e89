import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database, { type Database as SqliteDatabase, type Statement } from 'better-sqlite3';
import { z } from 'zod';
import { runMigrations } from '@/lib/incidents/migrations';
import { databaseFileName } from '@/lib/incidents/sqlite-store';
import {
  AuditDetailSchema,
  DeskConflict,
  auditActions,
  type ApiTokenRecord,
  type AuditEntry,
  type DeskStore,
  type DraftRecord,
  type Editor,
  type EditorCredentials,
  type NewAuditEntry,
  type SessionRecord,
  type TrackedIncident,
} from '@/lib/desk/store';

const Text = z.string();
const NullableText = z.string().nullable();

const EditorRow = z.object({ id: Text, email: Text, name: Text, password_hash: Text, created_at: Text, disabled_at: NullableText });
const SessionRow = z.object({ token_hash: Text, editor_id: Text, csrf_token: Text, created_at: Text, last_seen_at: Text, expires_at: Text });
const TokenRow = z.object({ id: Text, editor_id: Text, token_hash: Text, label: Text, created_at: Text, last_used_at: NullableText, revoked_at: NullableText });
const CountRow = z.object({ n: z.number().int() });
const LockoutRow = z.object({ locked_at: Text, until: Text });
const DraftRow = z.object({ id: Text, session_hash: Text, created_at: Text, data: Text });
const TrackedRow = z.object({ incident_id: Text, editor_id: Text, at: Text });
const AuditRow = z.object({
  seq: z.number().int(),
  at: Text,
  action: z.enum(auditActions),
  editor_id: NullableText,
  editor_name: NullableText,
  subject: NullableText,
  incident_id: NullableText,
  update_id: NullableText,
  via: Text,
  ip: NullableText,
  detail: Text,
  stored: z.number().int().nullable(),
});

function editorFrom(row: z.infer<typeof EditorRow>): EditorCredentials {
  return { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash, createdAt: row.created_at, disabledAt: row.disabled_at };
}

function publicEditor(e: EditorCredentials): Editor {
  return { id: e.id, email: e.email, name: e.name, createdAt: e.createdAt, disabledAt: e.disabledAt };
}

function tokenFrom(row: z.infer<typeof TokenRow>): ApiTokenRecord {
  return { id: row.id, editorId: row.editor_id, tokenHash: row.token_hash, label: row.label, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

function parseDetail(text: string): AuditEntry['detail'] {
  try {
    const parsed = AuditDetailSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function isConstraint(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_CONSTRAINT');
}

/**
 * The desk's tables, on its own connection to the timeline's database file (WAL lets both
 * connections, and the CLI in another process, use it at once). Same durability settings as
 * the incident store: WAL + synchronous=FULL, so an acknowledged write survives a crash.
 */
export class SqliteDeskStore implements DeskStore {
  private readonly statements = new Map<string, Statement>();

  private constructor(private readonly db: SqliteDatabase) {}

  static open(dataDir: string): SqliteDeskStore {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(path.join(dataDir, databaseFileName), { timeout: 5000 });
    try {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`could not switch the database to WAL (got ${String(mode)})`);
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      runMigrations(db);
      return new SqliteDeskStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** For tests: the connection, e.g. to cap its size and provoke SQLITE_FULL. */
  connection(): SqliteDatabase {
    return this.db;
  }

  private sql(source: string): Statement {
    let statement = this.statements.get(source);
    if (statement === undefined) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  async createEditor(e: EditorCredentials): Promise<void> {
    try {
      this.sql('INSERT INTO desk_editors (id, email, name, password_hash, created_at, disabled_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        e.id,
        e.email,
        e.name,
        e.passwordHash,
        e.createdAt,
        e.disabledAt,
      );
    } catch (error) {
      if (isConstraint(error)) throw new DeskConflict(`an editor with the address ${e.email} exists`);
      throw error;
    }
  }

  async findEditorByEmail(email: string): Promise<EditorCredentials | undefined> {
    const row = this.sql('SELECT * FROM desk_editors WHERE email = ?').get(email);
    return row === undefined ? undefined : editorFrom(EditorRow.parse(row));
  }

  async getEditor(id: string): Promise<Editor | undefined> {
    const row = this.sql('SELECT * FROM desk_editors WHERE id = ?').get(id);
    return row === undefined ? undefined : publicEditor(editorFrom(EditorRow.parse(row)));
  }

  async listEditors(): Promise<Editor[]> {
    return this.sql('SELECT * FROM desk_editors ORDER BY created_at, id')
      .all()
      .map((r) => publicEditor(editorFrom(EditorRow.parse(r))));
  }

  async setPasswordHash(editorId: string, passwordHash: string): Promise<void> {
    this.sql('UPDATE desk_editors SET password_hash = ? WHERE id = ?').run(passwordHash, editorId);
  }

  async createSession(s: SessionRecord): Promise<void> {
    this.sql('INSERT INTO desk_sessions (token_hash, editor_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      s.tokenHash,
      s.editorId,
      s.csrfToken,
      s.createdAt,
      s.lastSeenAt,
      s.expiresAt,
    );
  }

  async getSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = this.sql('SELECT * FROM desk_sessions WHERE token_hash = ?').get(tokenHash);
    if (row === undefined) return undefined;
    const r = SessionRow.parse(row);
    return { tokenHash: r.token_hash, editorId: r.editor_id, csrfToken: r.csrf_token, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at };
  }

  async touchSession(tokenHash: string, lastSeenAt: string): Promise<void> {
    this.sql('UPDATE desk_sessions SET last_seen_at = ? WHERE token_hash = ?').run(lastSeenAt, tokenHash);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.sql('DELETE FROM desk_sessions WHERE token_hash = ?').run(tokenHash);
  }

  async deleteExpiredSessions(now: string, idleBefore: string): Promise<void> {
    this.sql('DELETE FROM desk_sessions WHERE expires_at <= ? OR last_seen_at < ?').run(now, idleBefore);
  }

  async deleteSessionsOf(editorId: string): Promise<void> {
    this.sql('DELETE FROM desk_sessions WHERE editor_id = ?').run(editorId);
  }

  async createApiToken(t: ApiTokenRecord): Promise<void> {
    this.sql('INSERT INTO desk_api_tokens (id, editor_id, token_hash, label, created_at, last_used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      t.id,
      t.editorId,
      t.tokenHash,
      t.label,
      t.createdAt,
      t.lastUsedAt,
      t.revokedAt,
    );
  }

  async getApiToken(id: string): Promise<ApiTokenRecord | undefined> {
    const row = this.sql('SELECT * FROM desk_api_tokens WHERE id = ?').get(id);
    return row === undefined ? undefined : tokenFrom(TokenRow.parse(row));
  }

  async listApiTokens(editorId: string): Promise<ApiTokenRecord[]> {
    return this.sql('SELECT * FROM desk_api_tokens WHERE editor_id = ? ORDER BY created_at')
      .all(editorId)
      .map((r) => tokenFrom(TokenRow.parse(r)));
  }

  async touchApiToken(id: string, at: string): Promise<void> {
    this.sql('UPDATE desk_api_tokens SET last_used_at = ? WHERE id = ?').run(at, id);
  }

  async revokeApiToken(id: string, at: string): Promise<boolean> {
    return this.sql('UPDATE desk_api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  async recordLoginFailure(f: { at: string; ip: string; account: string }): Promise<void> {
    this.sql('INSERT INTO desk_login_failures (at, ip, account) VALUES (?, ?, ?)').run(f.at, f.ip, f.account);
  }

  async countLoginFailures(key: { ip: string } | { account: string }, since: string): Promise<number> {
    const row =
      'ip' in key
        ? this.sql('SELECT COUNT(*) AS n FROM desk_login_failures WHERE ip = ? AND at > ?').get(key.ip, since)
        : this.sql('SELECT COUNT(*) AS n FROM desk_login_failures WHERE account = ? AND at > ?').get(key.account, since);
    return CountRow.parse(row).n;
  }

  async clearLoginFailures(account: string): Promise<void> {
    this.sql('DELETE FROM desk_login_failures WHERE account = ?').run(account);
  }

  async getLockout(account: string): Promise<{ lockedAt: string; until: string } | undefined> {
    const row = this.sql('SELECT locked_at, until FROM desk_lockouts WHERE account = ?').get(account);
    if (row === undefined) return undefined;
    const r = LockoutRow.parse(row);
    return { lockedAt: r.locked_at, until: r.until };
  }

  async setLockout(account: string, lockedAt: string, until: string): Promise<void> {
    this.sql('INSERT INTO desk_lockouts (account, locked_at, until) VALUES (?, ?, ?) ON CONFLICT (account) DO UPDATE SET locked_at = excluded.locked_at, until = excluded.until').run(
      account,
      lockedAt,
      until,
    );
  }

  async pruneLoginFailures(before: string): Promise<void> {
    this.sql('DELETE FROM desk_login_failures WHERE at < ?').run(before);
    this.sql('DELETE FROM desk_lockouts WHERE until < ?').run(before);
  }

  async saveDraft(d: DraftRecord): Promise<void> {
    this.sql('INSERT INTO desk_form_drafts (id, session_hash, created_at, data) VALUES (?, ?, ?, ?)').run(d.id, d.sessionHash, d.createdAt, d.data);
  }

  async getDraft(id: string, sessionHash: string): Promise<DraftRecord | undefined> {
    const row = this.sql('SELECT * FROM desk_form_drafts WHERE id = ? AND session_hash = ?').get(id, sessionHash);
    if (row === undefined) return undefined;
    const r = DraftRow.parse(row);
    return { id: r.id, sessionHash: r.session_hash, createdAt: r.created_at, data: r.data };
  }

  async pruneDrafts(before: string): Promise<void> {
    this.sql('DELETE FROM desk_form_drafts WHERE created_at < ?').run(before);
  }

  async trackIncident(t: TrackedIncident): Promise<boolean> {
    return this.sql('INSERT INTO desk_tracked_incidents (incident_id, editor_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(t.incidentId, t.editorId, t.at).changes === 1;
  }

  async listTrackedIncidents(): Promise<TrackedIncident[]> {
    return this.sql('SELECT * FROM desk_tracked_incidents ORDER BY at DESC')
      .all()
      .map((r) => {
        const row = TrackedRow.parse(r);
        return { incidentId: row.incident_id, editorId: row.editor_id, at: row.at };
      });
  }

  async appendAudit(e: NewAuditEntry): Promise<number | null> {
    const result = this.sql(
      `INSERT INTO desk_audit (at, action, editor_id, subject, incident_id, update_id, via, ip, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(e.at, e.action, e.editorId ?? null, e.subject ?? null, e.incidentId ?? null, e.updateId ?? null, e.via, e.ip ?? null, JSON.stringify(AuditDetailSchema.parse(e.detail ?? {})));
    return result.changes === 1 ? Number(result.lastInsertRowid) : null;
  }

  async listAudit(options: { beforeSeq?: number; limit?: number; incidentId?: string } = {}): Promise<AuditEntry[]> {
    const rows = this.sql(
      `SELECT a.*, e.name AS editor_name,
         CASE WHEN a.update_id IS NULL OR a.action NOT LIKE 'update.%' OR a.action = 'update.rejected' THEN NULL
              ELSE EXISTS (SELECT 1 FROM incident_updates u WHERE u.incident_id = a.incident_id AND u.id = a.update_id) END AS stored
       FROM desk_audit a LEFT JOIN desk_editors e ON e.id = a.editor_id
       WHERE a.seq < ? AND (? IS NULL OR a.incident_id = ?)
       ORDER BY a.seq DESC LIMIT ?`,
    ).all(options.beforeSeq ?? Number.MAX_SAFE_INTEGER, options.incidentId ?? null, options.incidentId ?? null, Math.min(options.limit ?? 100, 500));
    return rows.map((raw) => {
      const r = AuditRow.parse(raw);
      return {
        seq: r.seq,
        at: r.at,
        action: r.action,
        editorId: r.editor_id,
        editorName: r.editor_name,
        subject: r.subject,
        incidentId: r.incident_id,
        updateId: r.update_id,
        via: r.via,
        ip: r.ip,
        detail: parseDetail(r.detail),
        stored: r.stored === null ? null : r.stored === 1,
      };
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
