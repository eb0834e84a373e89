import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { disposeIncidentRuntime, getIncidentService } from '@/lib/incidents/runtime';
import { tempDir } from '@/lib/incidents/testing';
import { GET } from './route';

let removeDir: () => void = () => {};

beforeEach(async () => {
  await disposeIncidentRuntime();
  const t = tempDir();
  removeDir = t.remove;
  vi.stubEnv('DATA_DIR', t.dir);
  vi.stubEnv('STATUSPAGE_INGEST', 'off');
});

afterEach(async () => {
  await disposeIncidentRuntime();
  vi.unstubAllEnvs();
  removeDir();
});

const get = (id: string, headers: Record<string, string> = {}): Promise<Response> =>
  GET(new Request(`http://localhost/api/incidents/${encodeURIComponent(id)}`, { headers }), { params: Promise.resolve({ id }) });

describe('GET /api/incidents/[id]', () => {
  it('returns the folded timeline with its derived status and resume point', async () => {
    const response = await get('cloudflare-2025-11-18');
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(body).toMatchObject({ incident: { id: 'cloudflare-2025-11-18' }, status: 'postmortem', lastSeq: 34, storage: { degraded: false } });
  });

  it('revalidates with 304, weak or strong, and changes its ETag when the timeline changes', async () => {
    const etag = (await get('cloudflare-2025-11-18')).headers.get('etag') ?? '';
    expect((await get('cloudflare-2025-11-18', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('cloudflare-2025-11-18', { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);

    const service = await getIncidentService();
    await service.append({
      id: 'fix-1148',
      incidentId: 'cloudflare-2025-11-18',
      at: '2025-11-20T09:00:00Z',
      status: 'investigating',
      corrects: 'cf-sp-1148',
      text: { ar: 'صياغة مصححة.', en: 'Corrected wording.' },
      source: { name: 'Outage Watch', url: 'https://example.com/corrections' },
      kind: 'editorial',
      key: false,
    });
    const changed = await get('cloudflare-2025-11-18', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('answers 400 for malformed ids and 404 for unknown ones, with no internals in the body', async () => {
    const bad = await get('../../etc/passwd');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('cache-control')).toBe('no-store');
    expect(await bad.json()).toEqual({ error: 'invalid-incident-id', message: expect.any(String) });
    const missing = await get('no-such-incident');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'unknown-incident', message: 'No incident with this id.' });
  });
});
