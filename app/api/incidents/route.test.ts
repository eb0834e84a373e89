import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { disposeIncidentRuntime } from '@/lib/incidents/runtime';
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

describe('GET /api/incidents', () => {
  it('lists incidents with derived status and storage state, cacheable for 5 s with a strong ETag', async () => {
    const response = await GET(new Request('http://localhost/api/incidents'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=30');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const body: unknown = await response.json();
    expect(body).toMatchObject({
      incidents: [{ incident: { id: 'cloudflare-2025-11-18' }, status: 'postmortem' }],
      storage: { backend: 'sqlite', degraded: false },
    });
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const etag = (await GET(new Request('http://localhost/api/incidents'))).headers.get('etag') ?? '';
    const again = await GET(new Request('http://localhost/api/incidents', { headers: { 'if-none-match': etag } }));
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
  });
});
