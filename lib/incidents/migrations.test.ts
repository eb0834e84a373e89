import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MigrationError, migrations, runMigrations, type Migration } from '@/lib/incidents/migrations';

const tables = (db: SqliteDatabase): string[] =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((r) => (typeof r === 'object' && r !== null && 'name' in r ? String(r.name) : ''));

describe('runMigrations', () => {
  it('applies every migration once, in order, and records it', () => {
    const db = new Database(':memory:');
    expect(runMigrations(db).applied).toEqual(migrations.map((m) => m.version));
    expect(runMigrations(db).applied).toEqual([]);
    expect(tables(db)).toEqual(expect.arrayContaining(['incidents', 'incident_updates', 'feed_health', 'schema_migrations']));
    db.close();
  });

  it('applies only what is new when a migration is appended', () => {
    const db = new Database(':memory:');
    runMigrations(db);
    const next: Migration = { version: migrations.length + 1, name: 'newsroom desk', up: (d) => void d.exec('CREATE TABLE editors (id TEXT PRIMARY KEY) STRICT') };
    expect(runMigrations(db, [...migrations, next]).applied).toEqual([next.version]);
    expect(tables(db)).toContain('editors');
    db.close();
  });

  it('rolls everything back when a migration fails', () => {
    const db = new Database(':memory:');
    const broken: Migration = {
      version: migrations.length + 1,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half_done (id TEXT) STRICT');
        throw new Error('boom');
      },
    };
    expect(() => runMigrations(db, [...migrations, broken])).toThrow('boom');
    expect(tables(db)).toEqual(['schema_migrations']);
    db.close();
  });

  it('refuses a list out of order and a database newer than the code', () => {
    const db = new Database(':memory:');
    const first = migrations[0];
    if (first === undefined) throw new Error('no migrations');
    expect(() => runMigrations(db, [{ ...first, version: 2 }])).toThrow(MigrationError);
    runMigrations(db, [...migrations, { version: migrations.length + 1, name: 'future', up: () => {} }]);
    expect(() => runMigrations(db, migrations)).toThrow(/newer than this code/);
    db.close();
  });
});
