import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundledIncidents } from '@/lib/incidents/bundle';
import { IncidentHub, type IncidentEvent } from '@/lib/incidents/hub';
import { MemoryIncidentStore } from '@/lib/incidents/memory-store';
import { IncidentService } from '@/lib/incidents/service';
import { SqliteIncidentStore } from '@/lib/incidents/sqlite-store';
import { seedFromBundles, type IncidentStore } from '@/lib/incidents/store';
import fixture from '@/lib/incidents/statuspage/fixtures/incidents.json';
import { backoffDelayMs, maxCorrectionsPerUpdate, StatuspagePoller } from '@/lib/incidents/statuspage/poller';
import { snapshotPath } from '@/lib/incidents/statuspage/snapshot';
import { startFixtureServer, tempDir, type FixtureServer } from '@/lib/incidents/testing';
import { foldTimeline } from '@/lib/incidents/timeline';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Harness {
  server: FixtureServer;
  dir: string;
  store: IncidentStore;
  service: IncidentService;
  hub: IncidentHub;
  logs: string[];
  poller: (options?: { provider?: string; store?: IncidentStore }) => StatuspagePoller;
}

let h: Harness;
const cleanups: Array<() => Promise<void> | void> = [];

const clone = <T>(value: T): T => structuredClone(value);

/** Serves Statuspage documents with ETags and 304s, like the real thing. */
function serveDocs(docs: { incidents: unknown; unresolved?: unknown; summary?: unknown }): Handler {
  return (req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    const doc =
      p === '/api/v2/incidents.json'
        ? docs.incidents
        : p === '/api/v2/incidents/unresolved.json'
          ? (docs.unresolved ?? { page: fixture.page, incidents: [] })
          : p === '/api/v2/summary.json'
            ? (docs.summary ?? { page: fixture.page, status: { indicator: 'major', description: 'Partial outage' }, incidents: [] })
            : undefined;
    if (doc === undefined) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.stringify(doc);
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag }).end(body);
  };
}

const good = (): Handler => serveDocs({ incidents: fixture });

async function timeline(store: IncidentStore): Promise<unknown> {
  const incidents = await store.listIncidents();
  return Promise.all(incidents.map(async (i) => ({ incident: i, updates: await store.listUpdates(i.id) })));
}

beforeEach(async () => {
  const t = tempDir();
  const server = await startFixtureServer();
  const store = SqliteIncidentStore.open(t.dir);
  await seedFromBundles(store, loadBundledIncidents());
  const hub = new IncidentHub();
  const service = new IncidentService(store, hub);
  const logs: string[] = [];
  cleanups.push(t.remove, () => server.close(), () => store.close());
  h = {
    server,
    dir: t.dir,
    store,
    service,
    hub,
    logs,
    poller: (options = {}) => {
      const poller = new StatuspagePoller({
        sources: [{ provider: options.provider ?? 'example', baseUrl: server.url }],
        service: options.store === undefined ? service : new IncidentService(options.store, hub),
        dataDir: t.dir,
        intervalMs: 60_000,
        timeoutMs: 300,
        maxBytes: 64 * 1024,
        random: () => 0.5,
        logger: { info: (m) => logs.push(`info ${m}`), warn: (m) => logs.push(`warn ${m}`) },
      });
      cleanups.push(() => poller.stop());
      return poller;
    },
  };
});

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('ingest from a healthy feed', () => {
  it('tracks major and critical incidents, skips minor ones, and derives status from updates', async () => {
    h.server.setHandler(good());
    const report = await h.poller().pollOnce('example');
    expect(report).toMatchObject({ outcome: 'ok', errors: [], appended: 5, corrected: 0, rejected: 1 });

    const ids = (await h.store.listIncidents()).map((i) => i.id).sort();
    expect(ids).toEqual(['cloudflare-2025-11-18', 'example-p1major0001', 'example-p3crit0001']);
    const view = await h.service.getIncidentView('example-p1major0001');
    expect(view?.status).toBe('monitoring');
    expect(view?.updates.map((e) => e.text)).toEqual([
      { en: 'We are investigating elevated errors.' },
      { en: 'The issue has been identified and a fix is being implemented.' },
      { en: 'A fix has been implemented and we are monitoring the results.' },
    ]);
    // The update with the undocumented status "degraded" was rejected; the rest of that incident kept.
    expect((await h.store.listUpdates('example-p3crit0001')).map((u) => u.id)).toEqual(['sp-updc001', 'sp-updc003']);
    expect((await h.service.getIncidentView('example-p3crit0001'))?.status).toBe('resolved');

    const [health] = await h.store.getFeedHealth();
    expect(health).toMatchObject({ provider: 'example', state: 'ok', failingSince: null, lastError: null, consecutiveFailures: 0 });
    expect(health?.lastSuccessAt).not.toBeNull();
    expect(h.logs.filter((l) => l.startsWith('warn'))).toEqual(['warn statuspage example: 1 item(s) rejected by validation; the rest was kept']);
  });

  it('uses conditional requests: a 304 changes nothing', async () => {
    h.server.setHandler(good());
    const poller = h.poller();
    await poller.pollOnce('example');
    const before = await timeline(h.store);
    const report = await poller.pollOnce('example');
    expect(report).toMatchObject({ outcome: 'ok', notModified: 3, appended: 0 });
    const second = h.server.requests.slice(3);
    expect(second.every((r) => typeof r.headers['if-none-match'] === 'string')).toBe(true);
    expect(await timeline(h.store)).toEqual(before);
  });

  it('never writes into a curated incident linked to the same upstream incident', async () => {
    const upstream = { ...clone(fixture.incidents[0]), id: '8gmgl950y3h7', impact: 'critical' };
    h.server.setHandler(serveDocs({ incidents: { page: fixture.page, incidents: [upstream] } }));
    const before = await h.store.listUpdates('cloudflare-2025-11-18');
    const report = await h.poller({ provider: 'cloudflare' }).pollOnce('cloudflare');
    expect(report.outcome).toBe('ok');
    expect(await h.store.listUpdates('cloudflare-2025-11-18')).toEqual(before);
    expect(await h.store.getIncident('cloudflare-8gmgl950y3h7')).toBeUndefined();
  });

  it('keeps the newsroom’s Arabic title while the English title and the rest follow upstream, announcing each real change once', async () => {
    h.server.setHandler(good());
    await h.poller().pollOnce('example');
    const first = await h.store.getIncident('example-p1major0001');
    if (first === undefined) throw new Error('not ingested');
    expect(first.title.ar).toBeUndefined();
    // An editor gives it its Arabic title (the desk writes the same record).
    await h.store.upsertIncident({ ...first, title: { ...first.title, ar: 'أخطاء متزايدة في الواجهة البرمجية' } });

    const events: IncidentEvent[] = [];
    h.hub.subscribe('example-p1major0001', (e) => events.push(e));
    const renamed = clone(fixture);
    const major = renamed.incidents[0];
    if (major === undefined) throw new Error('fixture');
    major.name = 'Elevated API errors in all regions';
    h.server.setHandler(serveDocs({ incidents: renamed }));
    await h.poller().pollOnce('example');
    const stored = await h.store.getIncident('example-p1major0001');
    expect(stored?.title).toEqual({ en: 'Elevated API errors in all regions', ar: 'أخطاء متزايدة في الواجهة البرمجية' });
    expect(events.filter((e) => e.type === 'incident')).toEqual([{ type: 'incident', incidentId: 'example-p1major0001', incident: stored }]);

    // Polling the same documents again (a restart: the snapshot is ingested again) changes and announces nothing.
    await h.poller().pollOnce('example');
    expect((await h.store.getIncident('example-p1major0001'))?.title.ar).toBe('أخطاء متزايدة في الواجهة البرمجية');
    expect(events.filter((e) => e.type === 'incident')).toHaveLength(1);
  });
});

describe('hostile or failing upstream', () => {
  const huge = 'x'.repeat(80 * 1024);
  const cases: Array<[string, Handler, RegExp]> = [
    ['5xx', (_req, res) => void res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"down"}'), /http: HTTP 503/],
    ['timeout', () => {}, /timeout/],
    [
      'truncated body',
      (_req, res) => {
        const body = JSON.stringify(fixture);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
        res.write(body.slice(0, 200), () => res.socket?.destroy());
      },
      /truncated|network/,
    ],
    ['non-JSON body', (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"incidents": [oops'), /invalid-json/],
    ['wrong content-type (valid JSON as text/plain)', (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(JSON.stringify(fixture)), /content-type: expected JSON, got text\/plain/],
    ['HTML error page', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><script>alert(1)</script></html>'), /content-type/],
    [
      'huge body, streamed without a length',
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(`{"incidents":[],"pad":"${huge}`);
        res.end(`${huge}"}`);
      },
      /too-large: body exceeded/,
    ],
    ['huge body, declared', (_req, res) => void res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) }).end(), /too-large: declared/],
    ['JSON of the wrong shape', (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"page":{"name":42},"incidents":{"x":1}}'), /schema/],
    ['a redirect elsewhere', (_req, res) => void res.writeHead(302, { location: 'http://169.254.169.254/' }).end(), /network/],
  ];

  it.each(cases)('%s: keeps the stored timeline, reports the failure, and recovers by itself', async (_name, hostile, error) => {
    h.server.setHandler(good());
    const poller = h.poller();
    await poller.pollOnce('example');
    const before = await timeline(h.store);

    h.server.setHandler(hostile);
    const failed = await poller.pollOnce('example');
    expect(failed.outcome).toBe('failed');
    expect(failed.errors.join(' ')).toMatch(error);
    expect(await timeline(h.store)).toEqual(before);
    const [failing] = await h.store.getFeedHealth();
    expect(failing?.state).toBe('failing');
    expect(failing?.failingSince).not.toBeNull();
    expect(failing?.lastError).toMatch(error);
    expect(failing?.lastError).not.toMatch(/at .*\.ts:\d+/);

    h.server.setHandler(good());
    const recovered = await poller.pollOnce('example');
    expect(recovered.outcome).toBe('ok');
    const [ok] = await h.store.getFeedHealth();
    expect(ok).toMatchObject({ state: 'ok', failingSince: null, lastError: null, consecutiveFailures: 0 });
    expect(await timeline(h.store)).toEqual(before);
  });

  it('keeps failingSince from the first failure and logs one line per state change, not per poll', async () => {
    h.server.setHandler((_req, res) => void res.writeHead(500).end());
    const poller = h.poller();
    await poller.pollOnce('example');
    const since = (await h.store.getFeedHealth())[0]?.failingSince;
    for (let i = 0; i < 4; i += 1) await poller.pollOnce('example');
    const health = (await h.store.getFeedHealth())[0];
    expect(health?.failingSince).toBe(since);
    expect(health?.consecutiveFailures).toBe(5);
    h.server.setHandler(good());
    await poller.pollOnce('example');
    await poller.pollOnce('example');
    expect(h.logs).toEqual([
      expect.stringMatching(/^warn statuspage example: official feed failing \(incidents\.json: http: HTTP 500; /),
      'warn statuspage example: 1 item(s) rejected by validation; the rest was kept',
      'info statuspage example: official feed recovered',
    ]);
  });

  it('announces health to live readers only when the state changes', async () => {
    const events: IncidentEvent[] = [];
    h.hub.subscribe('example-p1major0001', (e) => events.push(e));
    const poller = h.poller();
    h.server.setHandler((_req, res) => void res.writeHead(500).end());
    await poller.pollOnce('example');
    await poller.pollOnce('example');
    h.server.setHandler(good());
    await poller.pollOnce('example');
    await poller.pollOnce('example');
    const states = events.filter((e) => e.type === 'health').map((e) => (e.type === 'health' ? e.feed.state : ''));
    expect(states).toEqual(['failing', 'ok']);
  });

  it('strips HTML and script from text fields before storing', async () => {
    const doc = clone(fixture);
    const incident = doc.incidents[0];
    const update = incident?.incident_updates[0];
    if (incident === undefined || update === undefined) throw new Error('fixture');
    incident.name = 'Outage <img src=x onerror="alert(1)">now';
    update.body = '<p>Fix <script>fetch("//evil")</script>deployed &lt;script&gt;alert(2)&lt;/script&gt;</p>';
    h.server.setHandler(serveDocs({ incidents: doc }));
    await h.poller().pollOnce('example');
    const stored = await h.store.getIncident('example-p1major0001');
    expect(stored?.title.en).toBe('Outage now');
    const texts = (await h.store.listUpdates('example-p1major0001')).map((u) => u.text.en ?? '');
    expect(texts).toContain('Fix deployed');
    for (const t of texts) expect(t).not.toMatch(/<|script/i);
  });

  it('stores duplicated incidents and updates once', async () => {
    const [major] = fixture.incidents;
    if (major === undefined) throw new Error('fixture');
    const repeated = { ...clone(major), incident_updates: [...clone(major.incident_updates), ...clone(major.incident_updates)] };
    const doc = { page: fixture.page, incidents: [repeated, clone(major), ...clone(fixture.incidents)] };
    h.server.setHandler(serveDocs({ incidents: doc, unresolved: { incidents: [clone(major)] }, summary: { incidents: [clone(major)] } }));
    await h.poller().pollOnce('example');
    const ids = (await h.store.listUpdates('example-p1major0001')).map((u) => u.id);
    expect(ids).toEqual(['sp-upd0001', 'sp-upd0002', 'sp-upd0003']);
    expect((await h.store.listIncidents()).filter((i) => i.id === 'example-p1major0001')).toHaveLength(1);
  });

  it('appends out-of-order updates in time order', async () => {
    const doc = clone(fixture);
    const major = doc.incidents[0];
    if (major === undefined) throw new Error('fixture');
    const [u3, u2, u1] = major.incident_updates;
    if (u1 === undefined || u2 === undefined || u3 === undefined) throw new Error('fixture');
    major.incident_updates = [u2, u3, u1];
    h.server.setHandler(serveDocs({ incidents: doc }));
    await h.poller().pollOnce('example');
    const stored = await h.store.listUpdates('example-p1major0001');
    expect(stored.map((u) => u.id)).toEqual(['sp-upd0001', 'sp-upd0002', 'sp-upd0003']);
    expect(stored.map((u) => u.at)).toEqual([...stored.map((u) => u.at)].sort());
  });

  it('records an upstream edit as a correction, keeping the original', async () => {
    h.server.setHandler(good());
    const poller = h.poller();
    await poller.pollOnce('example');
    const edited = clone(fixture);
    const u2 = edited.incidents[0]?.incident_updates[1];
    if (u2 === undefined) throw new Error('fixture');
    u2.body = 'The issue has been identified: a bad configuration file. A fix is being implemented.';
    u2.updated_at = '2025-11-18T08:30:00.000-05:00';
    h.server.setHandler(serveDocs({ incidents: edited }));
    expect(await poller.pollOnce('example')).toMatchObject({ appended: 0, corrected: 1 });
    expect(await poller.pollOnce('example')).toMatchObject({ appended: 0, corrected: 0 });

    const log = await h.store.listUpdates('example-p1major0001');
    expect(log.map((u) => [u.id, u.corrects ?? null])).toEqual([
      ['sp-upd0001', null],
      ['sp-upd0002', null],
      ['sp-upd0003', null],
      ['sp-upd0002-c1', 'sp-upd0002'],
    ]);
    const entry = foldTimeline(log).find((e) => e.id === 'sp-upd0002');
    expect(entry?.text.en).toBe(u2.body);
    expect(entry?.original?.text.en).toBe('The issue has been identified and a fix is being implemented.');
    expect(entry?.correctedAt).toBe('2025-11-18T13:30:00.000Z');
  });

  it('caps corrections of an update that keeps changing', async () => {
    const poller = h.poller();
    for (let i = 0; i <= maxCorrectionsPerUpdate + 2; i += 1) {
      const doc = clone(fixture);
      const u = doc.incidents[0]?.incident_updates[0];
      if (u === undefined) throw new Error('fixture');
      u.body = `Monitoring, revision ${i}.`;
      h.server.setHandler(serveDocs({ incidents: doc }));
      await poller.pollOnce('example');
    }
    const corrections = (await h.store.listUpdates('example-p1major0001')).filter((u) => u.corrects === 'sp-upd0003');
    expect(corrections).toHaveLength(maxCorrectionsPerUpdate);
  });

  it('ignores unknown fields everywhere', async () => {
    h.server.setHandler(good());
    await h.poller().pollOnce('example');
    const plain = await timeline(h.store);

    const second = tempDir();
    cleanups.push(second.remove);
    const other = SqliteIncidentStore.open(second.dir);
    cleanups.push(() => other.close());
    await seedFromBundles(other, loadBundledIncidents());
    const noisy = {
      ...clone(fixture),
      extra: { nested: [1, 2, 3] },
      incidents: fixture.incidents.map((i) => ({
        ...clone(i),
        brand_new_field: 'x',
        incident_updates: i.incident_updates.map((u) => ({ ...u, reactions: 12, translated_body: '<b>hi</b>' })),
      })),
    };
    h.server.setHandler(serveDocs({ incidents: noisy }));
    await h.poller({ store: other }).pollOnce('example');
    const strip = (t: unknown): unknown => JSON.parse(JSON.stringify(t, (k: string, v: unknown) => (k === 'seq' ? undefined : v)));
    expect(strip(await timeline(other))).toEqual(strip(plain));
  });

  it('rejects an update with an unknown status and keeps the rest, with the feed still healthy', async () => {
    const doc = clone(fixture);
    const u = doc.incidents[0]?.incident_updates[1];
    if (u === undefined) throw new Error('fixture');
    u.status = 'partially_fixed';
    h.server.setHandler(serveDocs({ incidents: doc }));
    const report = await h.poller().pollOnce('example');
    expect(report.outcome).toBe('ok');
    expect(report.rejected).toBe(2);
    expect((await h.store.listUpdates('example-p1major0001')).map((x) => x.id)).toEqual(['sp-upd0001', 'sp-upd0003']);
  });

  it('survives a broken store without throwing and reports it', async () => {
    h.server.setHandler(good());
    const broken = new MemoryIncidentStore();
    broken.listIncidents = () => Promise.reject(new Error('disk I/O error'));
    const report = await h.poller({ store: broken }).pollOnce('example');
    expect(report.outcome).toBe('failed');
    expect(report.errors.join()).toMatch(/internal: disk I\/O error/);
  });
});

describe('storage that fails mid-run (disk full)', () => {
  it('loses no update: validators only advance with what was stored, and health shows the problem', async () => {
    h.server.setHandler(good());
    let full = true;
    const diskFull = () => Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    const store = new MemoryIncidentStore();
    await seedFromBundles(store, loadBundledIncidents());
    const append = store.appendUpdate.bind(store);
    const setHealth = store.setFeedHealth.bind(store);
    store.appendUpdate = (u) => (full ? diskFull() : append(u));
    store.setFeedHealth = (x) => (full ? diskFull() : setHealth(x));
    const service = new IncidentService(store, h.hub);
    const poller = new StatuspagePoller({ sources: [{ provider: 'example', baseUrl: h.server.url }], service, dataDir: null, intervalMs: 60_000, timeoutMs: 300, random: () => 0.5, logger: { info: () => {}, warn: () => {} } });
    cleanups.push(() => poller.stop());

    const failed = await poller.pollOnce('example');
    expect(failed.errors.join()).toMatch(/internal: database or disk is full/);
    // Nothing reached the disk, yet readers see the feed's real state.
    expect(await store.getFeedHealth()).toEqual([]);
    const { feeds } = await service.listIncidentViews();
    expect(feeds).toMatchObject([{ provider: 'example', state: 'failing', lastError: expect.stringMatching(/database or disk is full/) }]);

    full = false;
    const recovered = await poller.pollOnce('example');
    // The documents were fetched again (no 304 on validators of data never stored) and ingested.
    expect(recovered).toMatchObject({ outcome: 'ok', appended: 5, notModified: 0 });
    expect((await store.getFeedHealth())[0]).toMatchObject({ provider: 'example', state: 'ok' });
    expect((await service.listIncidentViews()).feeds).toMatchObject([{ provider: 'example', state: 'ok', lastError: null }]);
  });
});

describe('snapshot, kill switch and scheduling', () => {
  it('persists the last good answers atomically and loads them on start', async () => {
    h.server.setHandler(good());
    await h.poller().pollOnce('example');
    const file = snapshotPath(h.dir, 'example');
    const saved: unknown = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ version: 1, provider: 'example', baseUrl: h.server.url });
    expect(readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // A restart onto an empty in-memory store, with the upstream now failing.
    const fresh = new MemoryIncidentStore();
    await seedFromBundles(fresh, loadBundledIncidents());
    h.server.setHandler((_req, res) => void res.writeHead(500).end());
    const count = h.server.requests.length;
    const report = await h.poller({ store: fresh }).pollOnce('example');
    expect(report.outcome).toBe('failed');
    expect((await fresh.listUpdates('example-p1major0001')).map((u) => u.id)).toEqual(['sp-upd0001', 'sp-upd0002', 'sp-upd0003']);
    expect(h.server.requests.slice(count).every((r) => typeof r.headers['if-none-match'] === 'string')).toBe(true);
  });

  it('ignores a corrupt snapshot', async () => {
    const file = snapshotPath(h.dir, 'example');
    h.server.setHandler(good());
    await h.poller().pollOnce('example');
    writeFileSync(file, '{"version":1,"provider":"example"');
    const fresh = new MemoryIncidentStore();
    await seedFromBundles(fresh, loadBundledIncidents());
    const count = h.server.requests.length;
    expect((await h.poller({ store: fresh }).pollOnce('example')).outcome).toBe('ok');
    expect(h.server.requests.slice(count).some((r) => r.headers['if-none-match'] !== undefined)).toBe(false);
  });

  it('pauses on $DATA_DIR/ingest.disabled without touching the network, and resumes when it goes', async () => {
    h.server.setHandler(good());
    const poller = h.poller();
    const flag = path.join(h.dir, 'ingest.disabled');
    writeFileSync(flag, '');
    const report = await poller.pollOnce('example');
    expect(report.outcome).toBe('disabled');
    expect(h.server.requests).toHaveLength(0);
    expect((await h.store.getFeedHealth())[0]?.state).toBe('disabled');
    rmSync(flag);
    expect(existsSync(flag)).toBe(false);
    expect((await poller.pollOnce('example')).outcome).toBe('ok');
    expect(h.logs).toContain('info statuspage example: official feed resumed');
  });

  it('backs off exponentially with full jitter, capped, and polls at the interval when healthy', () => {
    expect(backoffDelayMs(1, 60_000, 900_000, () => 1)).toBe(120_000);
    expect(backoffDelayMs(3, 60_000, 900_000, () => 1)).toBe(480_000);
    expect(backoffDelayMs(10, 60_000, 900_000, () => 1)).toBe(900_000);
    expect(backoffDelayMs(10, 60_000, 900_000, () => 0)).toBe(5000);
    expect(backoffDelayMs(2, 60_000, 900_000, () => 0.5)).toBe(120_000);
  });

  it('uses the backoff after failures and the interval after success', async () => {
    const poller = h.poller();
    h.server.setHandler((_req, res) => void res.writeHead(500).end());
    await poller.pollOnce('example');
    await poller.pollOnce('example');
    expect(poller.nextDelayMs('example')).toBe(120_000);
    h.server.setHandler(good());
    await poller.pollOnce('example');
    expect(poller.nextDelayMs('example')).toBe(60_000);
  });

  it('start() polls on its own and stop() ends it, aborting a request in flight', async () => {
    h.server.setHandler(() => {});
    const poller = h.poller();
    poller.start();
    await expect.poll(() => h.server.requests.length).toBe(3);
    await poller.stop();
    const after = h.server.requests.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(h.server.requests.length).toBe(after);
  });
});
