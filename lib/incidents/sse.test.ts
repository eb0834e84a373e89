import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundledIncidents } from '@/lib/incidents/bundle';
import { IncidentHub } from '@/lib/incidents/hub';
import { MemoryIncidentStore } from '@/lib/incidents/memory-store';
import type { Update } from '@/lib/incidents/model';
import { IncidentService } from '@/lib/incidents/service';
import { HeartbeatTicker, incidentEventsResponse, maxQueuedChunks, SseGate, type SseDeps } from '@/lib/incidents/sse';
import { seedFromBundles } from '@/lib/incidents/store';
import { sseReader, type SseMessage } from '@/lib/incidents/testing';

const incidentId = 'cloudflare-2025-11-18';
const total = loadBundledIncidents()[0]?.updates.length ?? 0;

let deps: SseDeps;
const open: AbortController[] = [];

beforeEach(async () => {
  const store = new MemoryIncidentStore();
  await seedFromBundles(store, loadBundledIncidents());
  const hub = new IncidentHub();
  deps = { service: new IncidentService(store, hub), hub, gate: new SseGate(3), heartbeat: new HeartbeatTicker(40) };
});

afterEach(() => {
  for (const c of open.splice(0)) c.abort();
});

function connect(options: { lastEventId?: string; query?: string; id?: string } = {}): Promise<Response> {
  const controller = new AbortController();
  open.push(controller);
  const headers = new Headers();
  if (options.lastEventId !== undefined) headers.set('last-event-id', options.lastEventId);
  const url = `http://localhost/api/incidents/${options.id ?? incidentId}/events${options.query ?? ''}`;
  return incidentEventsResponse(new Request(url, { headers, signal: controller.signal }), options.id ?? incidentId, async () => deps);
}

const extra = (n: number, extraFields: Partial<Update> = {}): Update => ({
  id: `live-${n}`,
  incidentId,
  at: `2025-11-19T0${n}:00:00Z`,
  status: 'postmortem',
  text: { en: `Live update ${n}`, ar: `تحديث ${n}` },
  source: { name: 'Newsroom', url: 'https://example.com/' },
  kind: 'editorial',
  key: false,
  ...extraFields,
});

const ids = (messages: readonly SseMessage[]): number[] => messages.filter((m) => m.id !== null).map((m) => Number(m.id));
const hasReady = (messages: readonly SseMessage[]): boolean => messages.some((m) => m.event === 'ready');

describe('incident event stream', () => {
  it('replays the whole timeline to a new reader, then says it is ready', async () => {
    const response = await connect();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    const reader = sseReader(response);
    const messages = await reader.readUntil(hasReady);
    expect(reader.retries).toEqual([5000]);
    expect(ids(messages)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(messages.at(-1)).toMatchObject({ event: 'ready', id: null });
    const first = messages[0];
    expect(first?.event).toBe('update');
    expect(JSON.parse(first?.data ?? '{}')).toMatchObject({ incidentId, seq: 1, status: 'postmortem', entry: { id: 'cf-pm-1105' } });
  });

  it('resumes from Last-Event-ID without loss or duplicates across a disconnect', async () => {
    const first = sseReader(await connect({ lastEventId: String(total - 2) }));
    expect(ids(await first.readUntil(hasReady))).toEqual([total - 1, total]);
    await deps.service.append(extra(1));
    const live = await first.readUntil((m) => ids(m).includes(total + 1));
    expect(ids(live)).toEqual([total - 1, total, total + 1]);
    await first.cancel();
    open.splice(0).forEach((c) => c.abort());

    // While the reader is away, two more updates arrive.
    await deps.service.append(extra(2));
    await deps.service.append(extra(3));
    const second = sseReader(await connect({ lastEventId: String(total + 1) }));
    await second.readUntil(hasReady);
    await deps.service.append(extra(4));
    const resumed = await second.readUntil((m) => ids(m).includes(total + 4));
    expect(ids(resumed)).toEqual([total + 2, total + 3, total + 4]);
  });

  it('loses nothing published while the replay is still being read', async () => {
    // A store whose next read returns a snapshot, then stalls: updates land while replay is "in flight".
    let release = (): void => {};
    const stalled = new Promise<void>((resolve) => {
      release = resolve;
    });
    class StallingStore extends MemoryIncidentStore {
      armed = false;
      override async listUpdates(...args: Parameters<MemoryIncidentStore['listUpdates']>) {
        const snapshot = await super.listUpdates(...args);
        if (this.armed) {
          this.armed = false;
          await stalled;
        }
        return snapshot;
      }
    }
    const store = new StallingStore();
    await seedFromBundles(store, loadBundledIncidents());
    deps = { ...deps, service: new IncidentService(store, deps.hub) };
    store.armed = true;
    const reader = sseReader(await connect({ lastEventId: String(total - 1) }));
    await new Promise((r) => setTimeout(r, 10));
    await deps.service.append(extra(1));
    await deps.service.append(extra(2));
    release();
    await deps.service.append(extra(3));
    const messages = await reader.readUntil((m) => ids(m).includes(total + 3));
    expect(ids(messages)).toEqual([total, total + 1, total + 2, total + 3]);
  });

  it('accepts ?lastEventId= for EventSource polyfills; the header wins when both are sent', async () => {
    const viaQuery = sseReader(await connect({ query: `?lastEventId=${total - 1}` }));
    expect(ids(await viaQuery.readUntil(hasReady))).toEqual([total]);
    const both = sseReader(await connect({ query: '?lastEventId=1', lastEventId: String(total - 1) }));
    expect(ids(await both.readUntil(hasReady))).toEqual([total]);
  });

  it('sends a correction as a change event carrying the revised entry', async () => {
    const reader = sseReader(await connect({ lastEventId: String(total) }));
    await reader.readUntil(hasReady);
    await deps.service.append(extra(9, { id: 'fix-1148', at: '2025-11-19T10:00:00Z', status: 'investigating', corrects: 'cf-sp-1148', text: { en: 'Corrected wording.', ar: 'صياغة مصححة.' } }));
    const messages = await reader.readUntil((m) => m.some((x) => x.event === 'change'));
    const change = messages.find((m) => m.event === 'change');
    expect(change?.id).toBe(String(total + 1));
    expect(JSON.parse(change?.data ?? '{}')).toMatchObject({
      revisionId: 'fix-1148',
      entry: { id: 'cf-sp-1148', text: { en: 'Corrected wording.' }, correctedAt: '2025-11-19T10:00:00Z', original: { status: 'investigating' } },
    });
  });

  it('sends health changes without an id, so they never move the resume point', async () => {
    const reader = sseReader(await connect({ lastEventId: String(total) }));
    await reader.readUntil(hasReady);
    deps.hub.publish({ type: 'health', feed: { provider: 'cloudflare', state: 'failing', lastSuccessAt: null, failingSince: '2025-11-18T12:00:00.000Z', lastError: 'x' } });
    const messages = await reader.readUntil((m) => m.some((x) => x.event === 'health'));
    expect(messages.find((m) => m.event === 'health')).toMatchObject({ id: null });
  });

  it('sends a change to the incident record as an `incident` frame with its title, without an id', async () => {
    const reader = sseReader(await connect({ lastEventId: String(total) }));
    await reader.readUntil(hasReady);
    const incident = await deps.service.store.getIncident(incidentId);
    if (incident === undefined) throw new Error('not seeded');
    const title = { ...incident.title, ar: 'عنوان جديد للحادثة' };
    await deps.service.upsertIncident({ ...incident, title });
    const messages = await reader.readUntil((m) => m.filter((x) => x.event === 'incident').length === 2);
    const frame = messages.filter((m) => m.event === 'incident').at(-1);
    expect(frame?.id).toBeNull();
    // Only what the page shows of the record: no source, no upstream ids.
    expect(JSON.parse(frame?.data ?? '{}')).toEqual({ incidentId, title });
    // It did not move the resume point: the next update still comes with the next sequence number.
    await deps.service.append(extra(1));
    expect(ids(await reader.readUntil((m) => ids(m).includes(total + 1)))).toEqual([total + 1]);
  });

  it('tells a new reader the current title before it is ready, for a page rendered just before a change', async () => {
    const messages = await sseReader(await connect({ lastEventId: String(total) })).readUntil(hasReady);
    const frame = messages.find((m) => m.event === 'incident');
    expect(frame?.id).toBeNull();
    expect(JSON.parse(frame?.data ?? '{}')).toEqual({ incidentId, title: (await deps.service.store.getIncident(incidentId))?.title });
    expect(messages.at(-1)?.event).toBe('ready');
  });

  it('tells a new reader the current feed health before it is ready, since only transitions are announced', async () => {
    const quiet = sseReader(await connect({ lastEventId: String(total) }));
    expect((await quiet.readUntil(hasReady)).some((m) => m.event === 'health')).toBe(false);
    const failing = { provider: 'cloudflare', baseUrl: 'https://www.cloudflarestatus.com', state: 'failing' as const, lastAttemptAt: '2025-11-18T12:05:00.000Z', lastSuccessAt: null, failingSince: '2025-11-18T12:00:00.000Z', lastError: 'http: HTTP 500', consecutiveFailures: 2 };
    await deps.service.recordFeedHealth(failing, false);
    const reader = sseReader(await connect({ lastEventId: String(total) }));
    const messages = await reader.readUntil(hasReady);
    const health = messages.find((m) => m.event === 'health');
    expect(health?.id).toBeNull();
    expect(JSON.parse(health?.data ?? '{}')).toMatchObject({ feed: { provider: 'cloudflare', state: 'failing', failingSince: '2025-11-18T12:00:00.000Z' } });
    expect(messages.at(-1)?.event).toBe('ready');
  });

  it('sends heartbeat comments on the shared ticker', async () => {
    const reader = sseReader(await connect({ lastEventId: String(total) }));
    await reader.readUntil(hasReady);
    await new Promise((r) => setTimeout(r, 120));
    await reader.readUntil(() => reader.comments.length > 0, 1000);
    expect(reader.comments).toContain('heartbeat');
  });

  it('tells a reader whose id this store never issued to start over', async () => {
    const reader = sseReader(await connect({ lastEventId: '999999' }));
    const messages = await reader.readUntil(hasReady);
    expect(messages[0]).toMatchObject({ event: 'reset', id: null });
    expect(ids(messages)).toHaveLength(total);
  });

  it.each(['abc', '-1', '1.5', '1e3', '9'.repeat(16), ' 12x'])('answers 400 to Last-Event-ID %j', async (value) => {
    const response = await connect({ lastEventId: value });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid-last-event-id', message: expect.any(String) });
    expect(deps.gate.active).toBe(0);
  });

  it('answers 400 to a malformed ?lastEventId= and to malformed incident ids, 404 to unknown ones', async () => {
    expect((await connect({ query: '?lastEventId=%00' })).status).toBe(400);
    for (const id of ['BAD', 'a'.repeat(100), '../etc', 'x', 'semi;colon']) {
      const response = await connect({ id });
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).not.toMatch(/\bat .+:\d+:\d+/);
    }
    const missing = await connect({ id: 'no-such-incident' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'unknown-incident' });
  });

  it('refuses readers past the cap with 503 and Retry-After, and frees the slot on disconnect', async () => {
    const readers = [await connect(), await connect(), await connect()];
    expect(readers.map((r) => r.status)).toEqual([200, 200, 200]);
    const refused = await connect();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('15');
    expect(await refused.json()).toMatchObject({ error: 'too-many-connections' });

    open[0]?.abort();
    await expect.poll(() => deps.gate.active).toBe(2);
    expect((await connect()).status).toBe(200);
  });

  it('cleans up everything when the reader goes away', async () => {
    const reader = sseReader(await connect());
    await reader.readUntil(hasReady);
    expect(deps.hub.subscriberCount).toBe(1);
    expect(deps.heartbeat.size).toBe(1);
    open.splice(0).forEach((c) => c.abort());
    await expect.poll(() => deps.gate.active).toBe(0);
    expect(deps.hub.subscriberCount).toBe(0);
    expect(deps.heartbeat.size).toBe(0);
  });

  it('also cleans up when the consumer cancels the body', async () => {
    const reader = sseReader(await connect());
    await reader.readUntil(hasReady);
    await reader.cancel();
    expect(deps.gate.active).toBe(0);
    expect(deps.hub.subscriberCount).toBe(0);
  });

  it('drops a reader that stops reading instead of buffering without limit', async () => {
    const response = await connect({ lastEventId: String(total) });
    expect(response.status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    const entry = (await deps.service.getIncidentView(incidentId))?.updates[0];
    if (entry === undefined) throw new Error('no entry');
    for (let i = 1; i <= maxQueuedChunks + 20; i += 1) {
      deps.hub.publish({ type: 'update', incidentId, seq: total + i, entry, status: 'postmortem' });
    }
    expect(deps.gate.active).toBe(0);
    expect(deps.hub.subscriberCount).toBe(0);
  });
});
