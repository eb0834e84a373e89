import { describe, expect, it } from 'vitest';
import { IncidentHub, type IncidentEvent } from '@/lib/incidents/hub';
import { MemoryIncidentStore } from '@/lib/incidents/memory-store';
import type { Incident } from '@/lib/incidents/model';
import { IncidentService } from '@/lib/incidents/service';

const official: Incident = {
  id: 'example-sp-1',
  provider: 'example',
  title: { en: 'Elevated errors' },
  affectedServices: ['API'],
  startedAt: '2025-11-20T10:00:00.000Z',
  source: { name: 'Example status page', url: 'https://status.example.com/incidents/1' },
  origin: 'statuspage',
  upstream: { provider: 'example', incidentId: '1' },
};

function setup(store = new MemoryIncidentStore()) {
  const hub = new IncidentHub();
  const service = new IncidentService(store, hub);
  const events: IncidentEvent[] = [];
  // What a listener finds in the store when it hears the event: it must already be committed.
  const seenInStore: (Incident | undefined)[] = [];
  hub.subscribeAll((e) => {
    events.push(e);
    if (e.type === 'incident') void store.getIncident(e.incidentId).then((i) => seenInStore.push(i));
  });
  return { store, hub, service, events, seenInStore };
}

describe('IncidentService incident records', () => {
  it('announces a changed upsert once it is stored, and an unchanged one not at all', async () => {
    const { service, events, seenInStore } = setup();
    expect(await service.upsertIncident(official)).toBe(true);
    expect(await service.upsertIncident({ ...official })).toBe(false);
    const ended = { ...official, endedAt: '2025-11-20T12:00:00.000Z' };
    expect(await service.upsertIncident(ended)).toBe(true);
    expect(events).toEqual([
      { type: 'incident', incidentId: official.id, incident: official },
      { type: 'incident', incidentId: official.id, incident: ended },
    ]);
    await Promise.resolve();
    expect(seenInStore).toEqual([official, ended]);
  });

  it('announces nothing when the store refuses or fails the write', async () => {
    class FullStore extends MemoryIncidentStore {
      override async upsertIncident(): Promise<void> {
        throw Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' });
      }
    }
    const { service, events } = setup(new FullStore());
    await expect(service.upsertIncident(official)).rejects.toThrow('disk full');
    expect(events).toEqual([]);
    // The lock is released after a failure: the next write to the incident is not stuck behind it.
    await expect(service.upsertIncident(official)).rejects.toThrow('disk full');
  });

  it('an upstream upsert keeps the stored Arabic title, and takes everything else from upstream', async () => {
    const { service, store } = setup();
    await service.upsertIncident({ ...official, title: { en: 'Elevated errors', ar: 'أخطاء متزايدة' } });
    expect(await service.upsertUpstreamIncident({ ...official, title: { en: 'Elevated errors in Europe' }, affectedServices: ['API', 'Dashboard'] })).toBe(true);
    expect(await store.getIncident(official.id)).toMatchObject({ title: { en: 'Elevated errors in Europe', ar: 'أخطاء متزايدة' }, affectedServices: ['API', 'Dashboard'] });
    // Nothing new upstream: nothing written, even though upstream's record has no Arabic.
    expect(await service.upsertUpstreamIncident({ ...official, title: { en: 'Elevated errors in Europe' }, affectedServices: ['API', 'Dashboard'] })).toBe(false);
    // The plain upsert (the newsroom's own writes) replaces the record as given.
    await service.upsertIncident(official);
    expect((await store.getIncident(official.id))?.title).toEqual({ en: 'Elevated errors' });
  });

  it('revises a record under its lock: null leaves it alone, an unknown id is undefined, the id cannot change', async () => {
    const { service, events } = setup();
    await service.upsertIncident(official);
    events.length = 0;
    expect(await service.reviseIncident('no-such-incident', (i) => i)).toBeUndefined();
    expect(await service.reviseIncident(official.id, () => null)).toMatchObject({ changed: false });
    const r = await service.reviseIncident(official.id, (i) => ({ ...i, title: { ...i.title, ar: 'أخطاء' } }));
    expect(r).toMatchObject({ changed: true, before: { title: { en: 'Elevated errors' } }, after: { title: { en: 'Elevated errors', ar: 'أخطاء' } } });
    await expect(service.reviseIncident(official.id, (i) => ({ ...i, id: 'another-id' }))).rejects.toThrow(/id/);
    expect(events.map((e) => e.type)).toEqual(['incident']);
  });

  it('runs concurrent writes to one incident one after the other, so none is lost', async () => {
    const { service, store } = setup();
    await service.upsertIncident(official);
    await Promise.all([
      service.reviseIncident(official.id, async (i) => {
        await new Promise((r) => setTimeout(r, 20));
        return { ...i, title: { ...i.title, ar: 'أخطاء متزايدة' } };
      }),
      service.upsertUpstreamIncident({ ...official, title: { en: 'Elevated errors, now fixed' } }),
    ]);
    expect((await store.getIncident(official.id))?.title).toEqual({ en: 'Elevated errors, now fixed', ar: 'أخطاء متزايدة' });
  });
});
