import { afterEach, describe, expect, it } from 'vitest';
import { loadBundledIncidents } from '@/lib/incidents/bundle';
import { MemoryIncidentStore } from '@/lib/incidents/memory-store';
import type { Incident, Update } from '@/lib/incidents/model';
import { SqliteIncidentStore } from '@/lib/incidents/sqlite-store';
import { seedFromBundles, StoreRejection, type FeedHealth, type IncidentStore } from '@/lib/incidents/store';
import { tempDir } from '@/lib/incidents/testing';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const backends: Array<[string, () => IncidentStore]> = [
  ['memory', () => new MemoryIncidentStore()],
  [
    'sqlite',
    () => {
      const t = tempDir();
      const store = SqliteIncidentStore.open(t.dir);
      cleanups.push(() => store.close(), t.remove);
      return store;
    },
  ],
];

const incident: Incident = {
  id: 'example-incident',
  provider: 'example',
  title: { en: 'Example outage' },
  affectedServices: ['API'],
  startedAt: '2025-11-18T11:00:00Z',
  source: { name: 'Example Status', url: 'https://status.example.com/incidents/x' },
  origin: 'statuspage',
};
const update = (id: string, at: string, extra: Partial<Update> = {}): Update => ({
  id,
  incidentId: incident.id,
  at,
  status: 'investigating',
  text: { en: `${id}` },
  source: incident.source,
  kind: 'official',
  key: false,
  ...extra,
});

describe.each(backends)('%s store contract', (_name, make) => {
  it('seeds the bundled timelines idempotently, in file order', async () => {
    const store = make();
    const bundles = loadBundledIncidents();
    const first = await seedFromBundles(store, bundles);
    const before = await store.listUpdates('cloudflare-2025-11-18');
    const second = await seedFromBundles(store, bundles);
    const after = await store.listUpdates('cloudflare-2025-11-18');
    expect(first.appended).toBe(bundles[0]?.updates.length);
    expect(second.appended).toBe(0);
    expect(after).toEqual(before);
    expect(after.map((u) => u.id)).toEqual(bundles[0]?.updates.map((u) => u.id));
    expect(await store.lastSeq('cloudflare-2025-11-18')).toBe(after.at(-1)?.seq);
  });

  it('gives appends increasing sequence numbers across incidents and lists them since a point', async () => {
    const store = make();
    await store.upsertIncident(incident);
    await store.upsertIncident({ ...incident, id: 'other-incident' });
    const a = await store.appendUpdate(update('a-one', '2025-11-18T11:10:00Z'));
    const b = await store.appendUpdate({ ...update('b-one', '2025-11-18T11:05:00Z'), incidentId: 'other-incident' });
    const c = await store.appendUpdate(update('c-one', '2025-11-18T11:01:00Z'));
    expect(a.update.seq).toBeLessThan(b.update.seq);
    expect(b.update.seq).toBeLessThan(c.update.seq);
    expect((await store.listUpdates(incident.id)).map((u) => u.id)).toEqual(['a-one', 'c-one']);
    expect((await store.listUpdates(incident.id, { sinceSeq: a.update.seq })).map((u) => u.id)).toEqual(['c-one']);
    expect((await store.listUpdates(incident.id, { limit: 1 })).map((u) => u.id)).toEqual(['a-one']);
    expect(await store.lastSeq('no-such-incident')).toBe(0);
  });

  it('treats a repeated id as a duplicate, not a second record', async () => {
    const store = make();
    await store.upsertIncident(incident);
    const first = await store.appendUpdate(update('a-one', '2025-11-18T11:10:00Z'));
    const again = await store.appendUpdate({ ...update('a-one', '2025-11-18T11:10:00Z'), text: { en: 'different' } });
    expect(again.outcome).toBe('duplicate');
    expect(again.update).toEqual(first.update);
    expect(await store.listUpdates(incident.id)).toHaveLength(1);
  });

  it('refuses updates for unknown incidents, invalid records and bad revisions', async () => {
    const store = make();
    await store.upsertIncident(incident);
    await expect(store.appendUpdate({ ...update('a-one', '2025-11-18T11:10:00Z'), incidentId: 'nope-nope' })).rejects.toMatchObject({ code: 'unknown-incident' });
    const bogus: unknown = { ...update('b-one', '2025-11-18T11:10:00Z'), status: 'exploded' };
    // Simulates data that bypassed the type system (e.g. parsed elsewhere): the store validates anyway.
    await expect(store.appendUpdate(bogus as Update)).rejects.toBeInstanceOf(StoreRejection);
    await expect(store.appendUpdate(update('c-one', '2025-11-18T11:10:00Z', { corrects: 'missing' }))).rejects.toMatchObject({ code: 'unknown-target' });
    expect(await store.listUpdates(incident.id)).toEqual([]);
  });

  it('keeps feed health per provider', async () => {
    const store = make();
    const health: FeedHealth = {
      provider: 'example',
      baseUrl: 'https://status.example.com',
      state: 'failing',
      lastAttemptAt: '2025-11-18T12:00:00.000Z',
      lastSuccessAt: null,
      failingSince: '2025-11-18T11:00:00.000Z',
      lastError: 'incidents.json: http: HTTP 500',
      consecutiveFailures: 2,
    };
    await store.setFeedHealth(health);
    await store.setFeedHealth({ ...health, state: 'ok', failingSince: null, lastError: null, consecutiveFailures: 0 });
    expect(await store.getFeedHealth()).toEqual([{ ...health, state: 'ok', failingSince: null, lastError: null, consecutiveFailures: 0 }]);
  });

  it('lists incidents newest first and refreshes incident metadata on upsert', async () => {
    const store = make();
    await store.upsertIncident(incident);
    await store.upsertIncident({ ...incident, id: 'newer-incident', startedAt: '2025-12-05T08:47:00Z' });
    await store.upsertIncident({ ...incident, endedAt: '2025-11-18T17:06:00Z' });
    expect((await store.listIncidents()).map((i) => i.id)).toEqual(['newer-incident', 'example-incident']);
    expect((await store.getIncident(incident.id))?.endedAt).toBe('2025-11-18T17:06:00Z');
  });
});
