import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { disposeIncidentRuntime, getIncidentRuntime, getIncidentService, getStorageHealth, startIncidentIngest } from '@/lib/incidents/runtime';
import { startStatuspageSimulator } from '@/lib/incidents/statuspage/simulator';
import { tempDir } from '@/lib/incidents/testing';
import { incidentResponse } from '@/lib/incidents/api';

const cleanups: Array<() => Promise<void> | void> = [];

beforeEach(async () => {
  await disposeIncidentRuntime();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  await disposeIncidentRuntime();
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function dataDir(): string {
  const t = tempDir();
  cleanups.push(t.remove);
  return t.dir;
}

describe('incident runtime', () => {
  it('is one instance per process, kept on globalThis under a registered symbol', () => {
    vi.stubEnv('DATA_DIR', dataDir());
    const runtime = getIncidentRuntime();
    expect(getIncidentRuntime()).toBe(runtime);
    expect(Reflect.get(globalThis, Symbol.for('outage-watch.incidents.runtime'))).toBe(runtime);
  });

  it('serves the bundled timeline from memory when the data directory is unusable, and says so', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    vi.stubEnv('DATA_DIR', path.join(file, 'data'));
    const storage = await getStorageHealth();
    expect(storage).toMatchObject({ backend: 'memory', ok: false, reason: 'unavailable' });
    expect(storage.error).toEqual(expect.any(String));
    const view = await (await getIncidentService()).getIncidentView('cloudflare-2025-11-18');
    expect(view?.status).toBe('postmortem');
    expect(view?.updates).toHaveLength(34);

    const response = await incidentResponse(new Request('http://localhost/api/incidents/cloudflare-2025-11-18'), 'cloudflare-2025-11-18', () => getIncidentRuntime().ready);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ storage: { backend: 'memory', degraded: true } });
  });

  it('never opens the database during next build', async () => {
    const dir = path.join(dataDir(), 'never-created');
    vi.stubEnv('DATA_DIR', dir);
    vi.stubEnv('NEXT_PHASE', 'phase-production-build');
    expect(await getStorageHealth()).toEqual({ backend: 'memory', ok: true, reason: 'build', error: null });
    startIncidentIngest();
    expect(getIncidentRuntime().ingestStarted).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });

  it('with STATUSPAGE_INGEST=off starts no poller and marks the feed disabled', async () => {
    vi.stubEnv('DATA_DIR', dataDir());
    vi.stubEnv('STATUSPAGE_INGEST', 'off');
    startIncidentIngest();
    const service = await getIncidentService();
    await expect.poll(async () => (await service.store.getFeedHealth()).map((h) => [h.provider, h.state])).toEqual([['cloudflare', 'disabled']]);
    expect(getIncidentRuntime().poller).toBeNull();
  });

  it('starts the poller once and ingests from the configured feed', async () => {
    const sim = await startStatuspageSimulator({ autoplay: false });
    cleanups.push(() => sim.close());
    sim.publishNext();
    vi.stubEnv('DATA_DIR', dataDir());
    vi.stubEnv('STATUSPAGE_URLS', `cloudflare=${sim.url}`);
    vi.stubEnv('STATUSPAGE_POLL_SECONDS', '5');
    startIncidentIngest();
    startIncidentIngest();
    const service = await getIncidentService();
    const localId = `cloudflare-${sim.state().incidentId}`;
    await expect.poll(async () => (await service.getIncidentView(localId))?.status, { timeout: 5000 }).toBe('investigating');
    const poller = getIncidentRuntime().poller;
    expect(poller).not.toBeNull();
    sim.publishNext();
    await poller?.pollOnce('cloudflare');
    expect((await service.getIncidentView(localId))?.updates).toHaveLength(2);
  });
});
