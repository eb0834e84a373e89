import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Update } from '@/lib/incidents/model';
import { disposeIncidentRuntime, getIncidentService } from '@/lib/incidents/runtime';
import { sseReader, tempDir, type SseMessage } from '@/lib/incidents/testing';
import { GET } from './route';

const incidentId = 'cloudflare-2025-11-18';
let removeDir: () => void = () => {};
const controllers: AbortController[] = [];

beforeEach(async () => {
  await disposeIncidentRuntime();
  const t = tempDir();
  removeDir = t.remove;
  vi.stubEnv('DATA_DIR', t.dir);
  vi.stubEnv('SSE_MAX_CONNECTIONS', '2');
  vi.stubEnv('STATUSPAGE_INGEST', 'off');
});

afterEach(async () => {
  for (const c of controllers.splice(0)) c.abort();
  await disposeIncidentRuntime();
  vi.unstubAllEnvs();
  removeDir();
});

function get(id: string, headers: Record<string, string> = {}, query = ''): Promise<Response> {
  const controller = new AbortController();
  controllers.push(controller);
  const request = new Request(`http://localhost/api/incidents/${encodeURIComponent(id)}/events${query}`, { headers, signal: controller.signal });
  return GET(request, { params: Promise.resolve({ id }) });
}

const ids = (messages: readonly SseMessage[]): number[] => messages.filter((m) => m.id !== null).map((m) => Number(m.id));
const ready = (messages: readonly SseMessage[]): boolean => messages.some((m) => m.event === 'ready');

const note = (n: number): Update => ({
  id: `desk-note-${n}`,
  incidentId,
  at: `2025-11-20T0${n}:00:00Z`,
  status: 'postmortem',
  text: { ar: `ملاحظة ${n}`, en: `Note ${n}` },
  source: { name: 'Outage Watch', url: 'https://example.com/notes' },
  kind: 'editorial',
  key: false,
});

describe('GET /api/incidents/[id]/events', () => {
  it('resumes from Last-Event-ID without loss or duplicates', async () => {
    const service = await getIncidentService();
    const head = (await service.getIncidentView(incidentId))?.lastSeq ?? 0;
    expect(head).toBeGreaterThan(30);

    const first = sseReader(await get(incidentId, { 'last-event-id': String(head - 1) }));
    expect(ids(await first.readUntil(ready))).toEqual([head]);
    await service.append(note(1));
    expect(ids(await first.readUntil((m) => ids(m).includes(head + 1)))).toEqual([head, head + 1]);
    controllers.splice(0).forEach((c) => c.abort());

    await service.append(note(2));
    await service.append(note(3));
    const second = sseReader(await get(incidentId, { 'last-event-id': String(head + 1) }));
    expect(ids(await second.readUntil(ready))).toEqual([head + 2, head + 3]);
  });

  it('answers malformed ids and Last-Event-IDs with 400 and a plain JSON body', async () => {
    for (const response of [await get('Not_A_Slug'), await get('a'.repeat(200)), await get(incidentId, { 'last-event-id': 'garbage' }), await get(incidentId, {}, '?lastEventId=-5')]) {
      expect(response.status).toBe(400);
      const body: unknown = await response.json();
      expect(body).toEqual({ error: expect.stringMatching(/^invalid-/), message: expect.any(String) });
    }
    expect((await get('no-such-incident')).status).toBe(404);
  });

  it('caps concurrent streams at SSE_MAX_CONNECTIONS with a clean 503', async () => {
    expect((await get(incidentId)).status).toBe(200);
    expect((await get(incidentId)).status).toBe(200);
    const refused = await get(incidentId);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(await refused.json()).toMatchObject({ error: 'too-many-connections' });
  });
});
