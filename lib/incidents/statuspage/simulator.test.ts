import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundledIncidents } from '@/lib/incidents/bundle';
import { IncidentHub } from '@/lib/incidents/hub';
import { MemoryIncidentStore } from '@/lib/incidents/memory-store';
import { IncidentService } from '@/lib/incidents/service';
import { seedFromBundles } from '@/lib/incidents/store';
import { StatuspagePoller } from '@/lib/incidents/statuspage/poller';
import { officialReplay, simulatorModes, startStatuspageSimulator, type StatuspageSimulator } from '@/lib/incidents/statuspage/simulator';
import { tempDir } from '@/lib/incidents/testing';

let sim: StatuspageSimulator;
let service: IncidentService;
let poller: StatuspagePoller;
let removeDir: () => void;

beforeEach(async () => {
  sim = await startStatuspageSimulator({ autoplay: false });
  const store = new MemoryIncidentStore();
  await seedFromBundles(store, loadBundledIncidents());
  service = new IncidentService(store, new IncidentHub());
  const t = tempDir();
  removeDir = t.remove;
  poller = new StatuspagePoller({
    sources: [{ provider: 'cloudflare', baseUrl: sim.url }],
    service,
    dataDir: t.dir,
    intervalMs: 5000,
    timeoutMs: 300,
    maxBytes: 2 * 1024 * 1024,
    logger: { info: () => {}, warn: () => {} },
  });
});

afterEach(async () => {
  await poller.stop();
  await sim.close();
  removeDir();
});

const control = (path: string, body?: unknown): Promise<Response> =>
  fetch(`${sim.url}${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

describe('statuspage simulator + poller', () => {
  it('replays the bundled status-page posts, re-dated to now', () => {
    const replay = officialReplay();
    expect(replay.updates).toHaveLength(18);
    expect(replay.updates[0]?.id).toBe('cf-sp-1148');
    expect(replay.updates.at(-1)?.status).toBe('resolved');
  });

  it('is ingested update by update as POST /__control/publish pushes them', async () => {
    expect((await poller.pollOnce('cloudflare')).outcome).toBe('ok');
    const localId = `cloudflare-${sim.state().incidentId}`;
    expect(await service.getIncidentView(localId)).toBeUndefined();

    expect((await control('/__control/publish')).status).toBe(200);
    await poller.pollOnce('cloudflare');
    const first = await service.getIncidentView(localId);
    expect(first?.status).toBe('investigating');
    expect(first?.updates[0]?.text).toEqual({ en: officialReplay().updates[0]?.text.en });
    expect(Date.parse(first?.updates[0]?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);

    for (let i = 0; i < 6; i += 1) await control('/__control/publish');
    await poller.pollOnce('cloudflare');
    const later = await service.getIncidentView(localId);
    expect(later?.updates).toHaveLength(7);
    expect(later?.status).toBe('identified');

    expect((await poller.pollOnce('cloudflare')).notModified).toBe(3);
  });

  it.each(simulatorModes.filter((m) => m !== 'ok'))('mode %s: fails cleanly, keeps the timeline, recovers on ok', async (mode) => {
    await control('/__control/publish');
    await poller.pollOnce('cloudflare');
    const localId = `cloudflare-${sim.state().incidentId}`;
    const before = await service.store.listUpdates(localId);

    expect((await control('/__control', { mode })).status).toBe(200);
    await control('/__control/publish');
    const failed = await poller.pollOnce('cloudflare');
    expect(failed.outcome).toBe('failed');
    expect(await service.store.listUpdates(localId)).toEqual(before);
    expect((await service.store.getFeedHealth())[0]?.state).toBe('failing');

    await control('/__control', { mode: 'ok' });
    expect((await poller.pollOnce('cloudflare')).outcome).toBe('ok');
    expect(await service.store.listUpdates(localId)).toHaveLength(2);
    expect((await service.store.getFeedHealth())[0]).toMatchObject({ state: 'ok', failingSince: null, lastError: null });
  });

  it('turns an edit into a correction and the last post into resolved', async () => {
    await control('/__control/publish');
    await poller.pollOnce('cloudflare');
    expect((await control('/__control/edit', { body: 'We are investigating an internal service degradation (corrected).' })).status).toBe(200);
    expect(await poller.pollOnce('cloudflare')).toMatchObject({ corrected: 1 });
    while ((await control('/__control/publish')).status === 200);
    await poller.pollOnce('cloudflare');
    const view = await service.getIncidentView(`cloudflare-${sim.state().incidentId}`);
    expect(view?.status).toBe('resolved');
    expect(view?.updates[0]?.correctedAt).not.toBeNull();
    expect(view?.incident.endedAt).toBeDefined();
  });

  it('refuses a bad control request and publishing past the end', async () => {
    expect((await control('/__control', { mode: 'explode' })).status).toBe(400);
    expect((await control('/__control/edit')).status).toBe(409);
    for (let i = 0; i < 18; i += 1) await control('/__control/publish');
    expect((await control('/__control/publish')).status).toBe(409);
  });
});
