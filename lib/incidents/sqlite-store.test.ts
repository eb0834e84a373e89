import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '@/lib/incidents/model';
import { databaseFileName, SqliteIncidentStore } from '@/lib/incidents/sqlite-store';
import { tempDir } from '@/lib/incidents/testing';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const incident: Incident = {
  id: 'example-incident',
  provider: 'example',
  title: { en: 'Example outage' },
  affectedServices: [],
  startedAt: '2025-11-18T11:00:00Z',
  source: { name: 'Example Status', url: 'https://status.example.com/incidents/x' },
  origin: 'statuspage',
};
const update = (id: string) => ({
  id,
  incidentId: incident.id,
  at: '2025-11-18T11:10:00Z',
  status: 'investigating' as const,
  text: { en: id },
  source: incident.source,
  kind: 'official' as const,
  key: false,
});

describe('SqliteIncidentStore', () => {
  it('opens in WAL mode with synchronous=FULL', () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const store = SqliteIncidentStore.open(t.dir);
    cleanups.push(() => store.close());
    // synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
    expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
  });

  it('keeps data and never reuses sequence numbers across a reopen', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const first = SqliteIncidentStore.open(t.dir);
    await first.upsertIncident(incident);
    const a = await first.appendUpdate(update('a-one'));
    await first.close();

    const second = SqliteIncidentStore.open(t.dir);
    cleanups.push(() => second.close());
    expect((await second.listUpdates(incident.id)).map((u) => u.id)).toEqual(['a-one']);
    const b = await second.appendUpdate(update('b-one'));
    expect(b.update.seq).toBeGreaterThan(a.update.seq);
  });

  it('enforces append-only history in the database itself', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const store = SqliteIncidentStore.open(t.dir);
    cleanups.push(() => store.close());
    await store.upsertIncident(incident);
    await store.appendUpdate(update('a-one'));
    const db = new Database(path.join(t.dir, databaseFileName));
    cleanups.push(() => void db.close());
    expect(() => db.prepare("UPDATE incident_updates SET data = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM incident_updates').run()).toThrow(/append-only/);
  });

  it('skips a row that was tampered with instead of serving it', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const store = SqliteIncidentStore.open(t.dir, { warn: () => {} });
    cleanups.push(() => store.close());
    await store.upsertIncident(incident);
    await store.appendUpdate(update('a-one'));
    const db = new Database(path.join(t.dir, databaseFileName));
    cleanups.push(() => void db.close());
    db.prepare('INSERT INTO incident_updates (incident_id, id, at, data, appended_at) VALUES (?, ?, ?, ?, ?)').run(
      incident.id,
      'evil-one',
      '2025-11-18T11:11:00Z',
      JSON.stringify({ ...update('evil-one'), status: 'pwned' }),
      '2025-11-18T11:11:00Z',
    );
    expect((await store.listUpdates(incident.id)).map((u) => u.id)).toEqual(['a-one']);
  });

  it('throws on an unusable data directory (the runtime then falls back to memory)', () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const file = path.join(t.dir, 'not-a-directory');
    writeFileSync(file, 'x');
    expect(() => SqliteIncidentStore.open(path.join(file, 'data'))).toThrow();
  });
});
