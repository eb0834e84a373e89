import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database, { type Database as SqliteDatabase, type Statement } from 'better-sqlite3';
import { z } from 'zod';
import { runMigrations } from '@/lib/incidents/migrations';
import { IncidentSchema, UpdateSchema, type Incident, type StoredUpdate, type Update } from '@/lib/incidents/model';
import {
  FeedHealthSchema,
  StoreRejection,
  type AppendResult,
  type FeedHealth,
  type IncidentStore,
  type ListUpdatesOptions,
} from '@/lib/incidents/store';
import { checkRevision } from '@/lib/incidents/timeline';

export const databaseFileName = 'outage-watch.sqlite';

const DataRow = z.object({ data: z.string() });
const UpdateRow = z.object({ seq: z.number().int().positive(), data: z.string() });
const SeqRow = z.object({ seq: z.number().int().nullable() });

type Warn = (message: string) => void;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * SQLite in WAL mode with synchronous=FULL: an append that returned is on disk, even across a
 * power cut, at the price of an fsync per commit (appends are rare: a few per minute at most).
 */
export class SqliteIncidentStore implements IncidentStore {
  readonly backend = 'sqlite';
  private readonly statements = new Map<string, Statement>();

  private constructor(
    private readonly db: SqliteDatabase,
    private readonly warn: Warn,
  ) {}

  /** Opens (creating if needed) and migrates. Throws if the directory or file is unusable. */
  static open(dataDir: string, options: { warn?: Warn } = {}): SqliteIncidentStore {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(path.join(dataDir, databaseFileName), { timeout: 5000 });
    try {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`could not switch the database to WAL (got ${String(mode)})`);
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      runMigrations(db);
      return new SqliteIncidentStore(db, options.warn ?? ((m) => console.warn(`[incidents] ${m}`)));
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Statements are compiled once: the JSON API reads on every request. */
  private sql(source: string): Statement {
    let statement = this.statements.get(source);
    if (statement === undefined) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  private parseIncident(row: unknown): Incident | undefined {
    const r = DataRow.safeParse(row);
    const parsed = r.success ? IncidentSchema.safeParse(parseJson(r.data.data)) : undefined;
    if (parsed?.success === true) return parsed.data;
    this.warn('skipped an incident row that no longer validates');
    return undefined;
  }

  private parseUpdate(row: unknown): StoredUpdate | undefined {
    const r = UpdateRow.safeParse(row);
    if (!r.success) return undefined;
    const parsed = UpdateSchema.safeParse(parseJson(r.data.data));
    if (parsed.success) return { ...parsed.data, seq: r.data.seq };
    this.warn(`skipped update row seq=${r.data.seq} that no longer validates`);
    return undefined;
  }

  async listIncidents(): Promise<Incident[]> {
    const rows = this.sql('SELECT data FROM incidents ORDER BY started_at DESC, id').all();
    return rows.map((r) => this.parseIncident(r)).filter((i): i is Incident => i !== undefined);
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    const row = this.sql('SELECT data FROM incidents WHERE id = ?').get(id);
    return row === undefined ? undefined : this.parseIncident(row);
  }

  async upsertIncident(incident: Incident): Promise<void> {
    const parsed = IncidentSchema.safeParse(incident);
    if (!parsed.success) throw new StoreRejection('invalid', `invalid incident: ${parsed.error.message}`);
    const i = parsed.data;
    this.sql(
      `INSERT INTO incidents (id, provider, started_at, data, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET provider = excluded.provider, started_at = excluded.started_at,
         data = excluded.data, updated_at = excluded.updated_at`,
    ).run(i.id, i.provider, i.startedAt, JSON.stringify(i), new Date().toISOString());
  }

  async listUpdates(incidentId: string, options: ListUpdatesOptions = {}): Promise<StoredUpdate[]> {
    const rows = this.sql('SELECT seq, data FROM incident_updates WHERE incident_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(
      incidentId,
      options.sinceSeq ?? 0,
      options.limit ?? -1,
    );
    return rows.map((r) => this.parseUpdate(r)).filter((u): u is StoredUpdate => u !== undefined);
  }

  async appendUpdate(update: Update): Promise<AppendResult> {
    const parsed = UpdateSchema.safeParse(update);
    if (!parsed.success) throw new StoreRejection('invalid', `invalid update: ${parsed.error.message}`);
    const u = parsed.data;
    const append = this.db.transaction((): AppendResult => {
      if (this.sql('SELECT 1 AS one FROM incidents WHERE id = ?').get(u.incidentId) === undefined) {
        throw new StoreRejection('unknown-incident', `no incident "${u.incidentId}"`);
      }
      const existingRow = this.sql('SELECT seq, data FROM incident_updates WHERE incident_id = ? AND id = ?').get(u.incidentId, u.id);
      const existing = existingRow === undefined ? undefined : this.parseUpdate(existingRow);
      if (existing !== undefined) return { outcome: 'duplicate', update: existing };
      if (existingRow !== undefined) throw new StoreRejection('invalid', `update "${u.id}" exists but is unreadable`);
      if (u.corrects !== undefined || u.retracts !== undefined) {
        const log = this.sql('SELECT seq, data FROM incident_updates WHERE incident_id = ? ORDER BY seq')
          .all(u.incidentId)
          .map((r) => this.parseUpdate(r))
          .filter((s): s is StoredUpdate => s !== undefined);
        const problem = checkRevision(log, u);
        if (problem !== null) throw new StoreRejection(problem, `update "${u.id}" rejected: ${problem}`);
      }
      const result = this.sql('INSERT INTO incident_updates (incident_id, id, at, data, appended_at) VALUES (?, ?, ?, ?, ?)').run(
        u.incidentId,
        u.id,
        u.at,
        JSON.stringify(u),
        new Date().toISOString(),
      );
      return { outcome: 'appended', update: { ...u, seq: Number(result.lastInsertRowid) } };
    });
    return append.immediate();
  }

  async lastSeq(incidentId: string): Promise<number> {
    const row = SeqRow.parse(this.sql('SELECT MAX(seq) AS seq FROM incident_updates WHERE incident_id = ?').get(incidentId));
    return row.seq ?? 0;
  }

  async getFeedHealth(): Promise<FeedHealth[]> {
    const rows = this.sql('SELECT data FROM feed_health ORDER BY provider').all();
    const out: FeedHealth[] = [];
    for (const row of rows) {
      const r = DataRow.safeParse(row);
      const parsed = r.success ? FeedHealthSchema.safeParse(parseJson(r.data.data)) : undefined;
      if (parsed?.success === true) out.push(parsed.data);
    }
    return out;
  }

  async setFeedHealth(health: FeedHealth): Promise<void> {
    const parsed = FeedHealthSchema.safeParse(health);
    if (!parsed.success) throw new StoreRejection('invalid', `invalid feed health: ${parsed.error.message}`);
    this.sql(
      `INSERT INTO feed_health (provider, data, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (provider) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    ).run(parsed.data.provider, JSON.stringify(parsed.data), new Date().toISOString());
  }

  /** The durability settings actually in force on this connection (for health checks and tests). */
  durability(): { journalMode: string; synchronous: number } {
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
