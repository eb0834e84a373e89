import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { loadBundledIncidents } from '@/lib/incidents/bundle';
import type { Update, UpdateStatus } from '@/lib/incidents/model';

/**
 * A Statuspage-v2-compatible server on loopback that replays the bundled incident's public
 * status-page updates, re-dated to now, and can be switched into hostile modes. Used by the
 * live demo (scripts/statuspage-sim.ts, scripts/demo-live.ts) and by the ingest tests.
 */

export const simulatorModes = ['ok', '500', 'timeout', 'garbage', 'truncated', 'huge', 'html', 'wrong-type'] as const;
export type SimulatorMode = (typeof simulatorModes)[number];

export interface SimulatorOptions {
  readonly port?: number;
  /** Seconds between updates when `speed` is not given. */
  readonly intervalSeconds?: number;
  /** Replay at this multiple of real time (60 = one real minute per second) instead of a fixed interval. */
  readonly speed?: number | null;
  /** Publish on a timer; when false, only POST /__control/publish (or publishNext) advances. */
  readonly autoplay?: boolean;
  readonly incidentId?: string;
  readonly log?: (message: string) => void;
}

export interface SimulatorState {
  readonly mode: SimulatorMode;
  readonly published: number;
  readonly total: number;
  readonly incidentId: string;
}

export interface StatuspageSimulator {
  readonly url: string;
  readonly port: number;
  publishNext(): boolean;
  editLatest(body?: string): boolean;
  setMode(mode: SimulatorMode): void;
  state(): SimulatorState;
  close(): Promise<void>;
}

interface PublishedUpdate {
  readonly id: string;
  readonly status: UpdateStatus;
  body: string;
  readonly createdAt: string;
  updatedAt: string;
}

const ControlBody = z.object({ mode: z.enum(simulatorModes) });
const EditBody = z.object({ body: z.string().min(1).max(5000).optional() });

const curatedId = 'cloudflare-2025-11-18';

/** The status-page posts of the bundled incident, in order: what the official feed published. */
export function officialReplay(): { title: string; services: readonly string[]; updates: readonly Update[] } {
  const bundle = loadBundledIncidents().find((b) => b.incident.id === curatedId);
  if (bundle === undefined) throw new Error(`bundled incident ${curatedId} is missing`);
  const statusPage = bundle.incident.source.url;
  return {
    title: bundle.incident.title.en ?? bundle.incident.id,
    services: bundle.incident.affectedServices,
    updates: bundle.updates.filter((u) => u.kind === 'official' && u.source.url === statusPage),
  };
}

async function readSmallBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.byteLength;
    if (size > limit) throw new Error('body too large');
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? {} : JSON.parse(text);
}

export async function startStatuspageSimulator(options: SimulatorOptions = {}): Promise<StatuspageSimulator> {
  const replay = officialReplay();
  const log = options.log ?? (() => {});
  const incidentId = options.incidentId ?? `sim${Date.now().toString(36)}`;
  const startedAt = new Date().toISOString();
  const published: PublishedUpdate[] = [];
  let mode: SimulatorMode = 'ok';
  let version = 0;
  let lastChange = new Date();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let baseUrl = '';

  const touch = (): void => {
    version += 1;
    lastChange = new Date();
  };

  const publishNext = (): boolean => {
    const next = replay.updates[published.length];
    if (next === undefined) return false;
    const now = new Date().toISOString();
    published.push({ id: `${incidentId}u${published.length + 1}`, status: next.status, body: next.text.en ?? '', createdAt: now, updatedAt: now });
    touch();
    log(`published ${published.length}/${replay.updates.length}: ${next.status}`);
    return true;
  };

  const editLatest = (body?: string): boolean => {
    const latest = published.at(-1);
    if (latest === undefined) return false;
    latest.body = body ?? `${latest.body} (edited)`;
    latest.updatedAt = new Date().toISOString();
    touch();
    log(`edited update ${published.length}`);
    return true;
  };

  const scheduleNext = (): void => {
    if (options.autoplay === false) return;
    const current = replay.updates[published.length - 1];
    const next = replay.updates[published.length];
    if (next === undefined) return;
    const speed = options.speed ?? null;
    const gapMs =
      speed !== null && current !== undefined
        ? (Date.parse(next.at) - Date.parse(current.at)) / speed
        : (options.intervalSeconds ?? 10) * 1000;
    timer = setTimeout(() => {
      publishNext();
      scheduleNext();
    }, Math.max(50, gapMs));
  };

  const incidentJson = (): Record<string, unknown> | null => {
    const latest = published.at(-1);
    if (latest === undefined) return null;
    const statusTimes = (s: UpdateStatus): string | null => published.find((p) => p.status === s)?.createdAt ?? null;
    return {
      id: incidentId,
      name: replay.title,
      status: latest.status,
      impact: 'critical',
      created_at: startedAt,
      updated_at: lastChange.toISOString(),
      started_at: startedAt,
      monitoring_at: statusTimes('monitoring'),
      resolved_at: statusTimes('resolved'),
      shortlink: `${baseUrl}/incidents/${incidentId}`,
      page_id: 'simulated',
      components: replay.services.map((name, i) => ({ id: `comp${i}`, name, status: latest.status === 'resolved' ? 'operational' : 'major_outage' })),
      incident_updates: [...published].reverse().map((p) => ({
        id: p.id,
        incident_id: incidentId,
        status: p.status,
        body: p.body,
        created_at: p.createdAt,
        updated_at: p.updatedAt,
        display_at: p.createdAt,
        affected_components: null,
        deliver_notifications: true,
      })),
    };
  };

  const documentFor = (path: string): Record<string, unknown> | null => {
    const incident = incidentJson();
    const open = incident !== null && incident.status !== 'resolved' && incident.status !== 'postmortem';
    const page = { id: 'simulated', name: 'Cloudflare (simulated)', url: baseUrl, time_zone: 'Etc/UTC', updated_at: lastChange.toISOString() };
    if (path === '/api/v2/incidents.json') return { page, incidents: incident === null ? [] : [incident] };
    if (path === '/api/v2/incidents/unresolved.json') return { page, incidents: open ? [incident] : [] };
    if (path === '/api/v2/summary.json') {
      return {
        page,
        status: open ? { indicator: 'critical', description: 'Major System Outage' } : { indicator: 'none', description: 'All Systems Operational' },
        components: [],
        incidents: open ? [incident] : [],
        scheduled_maintenances: [],
      };
    }
    return null;
  };

  const sendJson = (res: ServerResponse, status: number, payload: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(payload));
  };

  const serveApi = (req: IncomingMessage, res: ServerResponse, path: string, doc: Record<string, unknown>): void => {
    switch (mode) {
      case '500':
        sendJson(res, 500, { error: 'simulated internal error' });
        return;
      case 'timeout':
        return; // hold the request open; close() drops it
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('\u0000\u00ff{{{ this is not json');
        return;
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><html><body><h1>Attention Required</h1><script>alert(1)</script></body></html>');
        return;
      case 'wrong-type':
        sendJson(res, 200, { page: { name: 42 }, incidents: { not: 'an array' } });
        return;
      case 'huge': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"incidents":[],"padding":"');
        const chunk = 'x'.repeat(64 * 1024);
        let written = 0;
        const pump = (): void => {
          while (written < 3 * 1024 * 1024 && !res.destroyed) {
            written += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          if (!res.destroyed) res.end('"}');
        };
        pump();
        return;
      }
      case 'truncated': {
        const body = Buffer.from(JSON.stringify(doc));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.byteLength) });
        res.write(body.subarray(0, Math.floor(body.byteLength / 2)), () => res.socket?.destroy());
        return;
      }
      case 'ok': {
        const etag = `"${path.split('/').pop() ?? 'doc'}-v${version}"`;
        const lastModified = lastChange.toUTCString();
        const inm = req.headers['if-none-match'];
        const ims = req.headers['if-modified-since'];
        const fresh =
          inm !== undefined ? inm.split(',').some((t) => t.trim() === etag) : ims !== undefined && Date.parse(ims) >= Math.floor(lastChange.getTime() / 1000) * 1000;
        if (fresh) {
          res.writeHead(304, { etag, 'last-modified': lastModified });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag, 'last-modified': lastModified });
        res.end(JSON.stringify(doc));
        return;
      }
    }
  };

  const state = (): SimulatorState => ({ mode, published: published.length, total: replay.updates.length, incidentId });

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    void (async () => {
      if (path === '/__control' && req.method === 'GET') return sendJson(res, 200, state());
      if (path === '/__control' && req.method === 'POST') {
        const parsed = ControlBody.safeParse(await readSmallBody(req, 64 * 1024).catch(() => null));
        if (!parsed.success) return sendJson(res, 400, { error: `mode must be one of ${simulatorModes.join(', ')}` });
        mode = parsed.data.mode;
        log(`mode: ${mode}`);
        return sendJson(res, 200, state());
      }
      if (path === '/__control/publish' && req.method === 'POST') {
        return publishNext() ? sendJson(res, 200, state()) : sendJson(res, 409, { error: 'every update is already published', ...state() });
      }
      if (path === '/__control/edit' && req.method === 'POST') {
        const parsed = EditBody.safeParse(await readSmallBody(req, 64 * 1024).catch(() => null));
        if (!parsed.success) return sendJson(res, 400, { error: 'expected {"body"?: string}' });
        return editLatest(parsed.data.body) ? sendJson(res, 200, state()) : sendJson(res, 409, { error: 'nothing published yet' });
      }
      if (req.method === 'GET' && path === `/incidents/${incidentId}`) {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end(`${replay.title} (simulated replay of the 18 November 2025 status-page posts)\n`);
      }
      const doc = req.method === 'GET' ? documentFor(path) : null;
      if (doc === null) return sendJson(res, 404, { error: 'not found' });
      serveApi(req, res, path, doc);
    })().catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'simulator error' });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  baseUrl = `http://127.0.0.1:${port}`;

  if (options.autoplay !== false) {
    publishNext();
    scheduleNext();
  }

  return {
    url: baseUrl,
    port,
    publishNext,
    editLatest,
    setMode: (m) => {
      mode = m;
    },
    state,
    close: async () => {
      if (timer !== null) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
