import type { Database } from 'better-sqlite3';
import { z } from 'zod';

/**
 * Schema changes, in order. Append new entries at the end with the next version number;
 * never edit or reorder one that has shipped (databases in the field have already run it).
 * Other features sharing the database (e.g. newsroom accounts, sessions, audit) add theirs here.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database) => void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'incidents, append-only updates, feed health',
    up: (db) => {
      db.exec(`
        CREATE TABLE incidents (
          id TEXT PRIMARY KEY,
          provider TEXT NOT NULL,
          started_at TEXT NOT NULL,
          data TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;

        -- seq orders every append across incidents; AUTOINCREMENT guarantees it never goes back,
        -- even after the newest row is lost, so SSE clients never see an id reused.
        CREATE TABLE incident_updates (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          incident_id TEXT NOT NULL REFERENCES incidents(id),
          id TEXT NOT NULL,
          at TEXT NOT NULL,
          data TEXT NOT NULL,
          appended_at TEXT NOT NULL,
          UNIQUE (incident_id, id)
        ) STRICT;
        CREATE INDEX incident_updates_by_incident ON incident_updates (incident_id, seq);

        CREATE TRIGGER incident_updates_append_only_update BEFORE UPDATE ON incident_updates
        BEGIN SELECT RAISE(ABORT, 'incident_updates is append-only'); END;
        CREATE TRIGGER incident_updates_append_only_delete BEFORE DELETE ON incident_updates
        BEGIN SELECT RAISE(ABORT, 'incident_updates is append-only'); END;

        CREATE TABLE feed_health (
          provider TEXT PRIMARY KEY,
          data TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    name: 'desk: editors, sessions, API tokens, login throttling, form drafts, append-only audit',
    up: (db) => {
      db.exec(`
        CREATE TABLE desk_editors (
          id TEXT PRIMARY KEY,
          email TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          password_hash TEXT NOT NULL,
          created_at TEXT NOT NULL,
          disabled_at TEXT
        ) STRICT;

        -- Only the SHA-256 of the cookie value is stored: a copy of the database opens no session.
        CREATE TABLE desk_sessions (
          token_hash TEXT PRIMARY KEY,
          editor_id TEXT NOT NULL REFERENCES desk_editors(id),
          csrf_token TEXT NOT NULL,
          created_at TEXT NOT NULL,
          last_seen_at TEXT NOT NULL,
          expires_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX desk_sessions_by_editor ON desk_sessions (editor_id);

        CREATE TABLE desk_api_tokens (
          id TEXT PRIMARY KEY,
          editor_id TEXT NOT NULL REFERENCES desk_editors(id),
          token_hash TEXT NOT NULL,
          label TEXT NOT NULL,
          created_at TEXT NOT NULL,
          last_used_at TEXT,
          revoked_at TEXT
        ) STRICT;

        CREATE TABLE desk_login_failures (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          ip TEXT NOT NULL,
          account TEXT NOT NULL
        ) STRICT;
        CREATE INDEX desk_login_failures_by_ip ON desk_login_failures (ip, at);
        CREATE INDEX desk_login_failures_by_account ON desk_login_failures (account, at);

        CREATE TABLE desk_lockouts (
          account TEXT PRIMARY KEY,
          locked_at TEXT NOT NULL,
          until TEXT NOT NULL
        ) STRICT;

        -- What an editor typed when a form came back (validation error or preview), per session.
        CREATE TABLE desk_form_drafts (
          id TEXT PRIMARY KEY,
          session_hash TEXT NOT NULL,
          created_at TEXT NOT NULL,
          data TEXT NOT NULL
        ) STRICT;

        CREATE TABLE desk_tracked_incidents (
          incident_id TEXT PRIMARY KEY,
          editor_id TEXT NOT NULL REFERENCES desk_editors(id),
          at TEXT NOT NULL
        ) STRICT;

        -- A write to the timeline is audited *before* it is appended (one row per action and
        -- update id), so no stored update lacks its author even if the process dies in between;
        -- whether it landed is read from incident_updates.
        CREATE TABLE desk_audit (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          action TEXT NOT NULL,
          editor_id TEXT,
          subject TEXT,
          incident_id TEXT,
          update_id TEXT,
          via TEXT NOT NULL,
          ip TEXT,
          detail TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX desk_audit_one_write ON desk_audit (action, incident_id, update_id) WHERE update_id IS NOT NULL;
        CREATE INDEX desk_audit_by_editor ON desk_audit (editor_id, seq);
        CREATE TRIGGER desk_audit_append_only_update BEFORE UPDATE ON desk_audit
        BEGIN SELECT RAISE(ABORT, 'desk_audit is append-only'); END;
        CREATE TRIGGER desk_audit_append_only_delete BEFORE DELETE ON desk_audit
        BEGIN SELECT RAISE(ABORT, 'desk_audit is append-only'); END;
      `);
    },
  },
];

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

const AppliedRow = z.object({ version: z.number().int() });

function assertOrdered(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`migration #${i} has version ${m.version}; versions must be 1, 2, 3… in order`);
  });
}

/**
 * Runs every pending migration in one IMMEDIATE transaction: two processes opening the same
 * file at once serialise here, and a failure leaves the schema exactly as it was.
 */
export function runMigrations(db: Database, list: readonly Migration[] = migrations): { applied: number[] } {
  assertOrdered(list);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);

  const migrate = db.transaction((): number[] => {
    const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    const applied = new Set(rows.map((r) => AppliedRow.parse(r).version));
    const newest = Math.max(0, ...applied);
    if (newest > list.length) {
      throw new MigrationError(`database schema is at version ${newest}, newer than this code knows (${list.length})`);
    }
    const done: number[] = [];
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of list) {
      if (applied.has(m.version)) continue;
      m.up(db);
      record.run(m.version, m.name, new Date().toISOString());
      done.push(m.version);
    }
    return done;
  });
  return { applied: migrate.immediate() };
}
