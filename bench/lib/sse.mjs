// Event-stream fan-out: 1,000 concurrent SSE clients (two worker processes), server RSS before
// and after, and the time from publishing an update on the Statuspage simulator to its delivery
// on every stream (which includes the server's poll interval: STATUSPAGE_POLL_SECONDS=5).
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT, log, nextStart, rssKb, serverPids } from './util.mjs';

const WORKER = path.join(ROOT, 'bench', 'lib', 'sse-worker.mjs');

function once(child, type, timeoutMs) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`worker: no "${type}" within ${timeoutMs} ms`)), timeoutMs);
    const on = (m) => {
      if (m?.type === type) {
        clearTimeout(t);
        child.off('message', on);
        resolve(m);
      }
    };
    child.on('message', on);
  });
}

const serverRss = (pid) => serverPids(pid).reduce((a, p) => a + (rssKb(p) ?? 0), 0);

async function startSimulator(port, logFile) {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const sim = path.join(ROOT, 'scripts', 'statuspage-sim.ts');
  if (!fs.existsSync(sim) || !fs.existsSync(tsx)) return null;
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [tsx, sim, '--port', String(port), '--manual'], { cwd: ROOT, stdio: ['ignore', out, out], detached: true });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 80; i++) {
    if (child.exitCode !== null) return null;
    try {
      const r = await fetch(`${url}/api/v2/summary.json`, { signal: AbortSignal.timeout(1000) });
      await r.arrayBuffer();
      return { url, child, stop: () => { try { process.kill(-child.pid, 'SIGTERM'); } catch {} } };
    } catch {
      await sleep(250);
    }
  }
  try { process.kill(-child.pid, 'SIGKILL'); } catch {}
  return null;
}

async function incidentIds(base) {
  try {
    const r = await fetch(`${base}/api/incidents`, { signal: AbortSignal.timeout(3000) });
    const j = await r.json();
    const ids = new Set();
    const walk = (v) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if (typeof v.id === 'string') ids.add(v.id);
        Object.values(v).forEach(walk);
      }
    };
    walk(j);
    return ids;
  } catch {
    return new Set();
  }
}

export async function sseFanout({ distDir, ports, articlesDir, dataDir, logDir, connections = 1000, incidentId = 'cloudflare-2025-11-18', pollSeconds = 5 }) {
  const res = { connections, notes: [] };
  const sim = await startSimulator(ports.sim, path.join(logDir, 'statuspage-sim.log'));
  if (!sim) res.notes.push('scripts/statuspage-sim.ts is missing or did not start: no publish→delivery figure, connect/heartbeat only');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const env = { DATA_DIR: dataDir, STATUSPAGE_POLL_SECONDS: String(pollSeconds), SSE_MAX_CONNECTIONS: String(connections + 100) };
  if (sim) env.STATUSPAGE_URLS = `sim=${sim.url}`;
  else env.STATUSPAGE_INGEST = 'off';
  const server = await nextStart({ distDir, port: ports.sse, articlesDir, env, logFile: path.join(logDir, 'server-sse.log'), readyPath: '/api/incidents' });
  const workers = [];
  try {
    const probe = await fetch(`${server.url}/api/incidents/${incidentId}/events`, { signal: AbortSignal.timeout(3000) }).catch((e) => ({ status: 0, e }));
    if (probe.status === 404 || probe.status === 0) {
      res.skipped = true;
      res.note = `GET /api/incidents/${incidentId}/events answers ${probe.status || 'nothing'}`;
      return res;
    }
    try { await probe.body?.cancel(); } catch {}

    // The simulator's incident becomes a new (feed) incident; curated timelines never take feed
    // updates. Publish once, find the new incident, and fan out on its stream.
    let streamId = incidentId;
    if (sim) {
      const before = await incidentIds(server.url);
      await fetch(`${sim.url}/__control/publish`, { method: 'POST' });
      const deadline = Date.now() + (pollSeconds * 3 + 10) * 1000;
      while (Date.now() < deadline) {
        const now = await incidentIds(server.url);
        const fresh = [...now].filter((id) => !before.has(id) && id !== incidentId);
        if (fresh.length) {
          streamId = fresh[0];
          break;
        }
        await sleep(500);
      }
      if (streamId === incidentId) res.notes.push('the simulator’s incident never appeared in /api/incidents; measured on the curated incident (which takes no feed updates)');
    }
    res.streamIncidentId = streamId;
    const url = `${server.url}/api/incidents/${streamId}/events`;
    await sleep(500);
    res.rssBeforeKb = serverRss(server.pid);
    const per = Math.ceil(connections / 2);
    const t0 = Date.now();
    for (const n of [per, connections - per]) {
      const w = fork(WORKER, [url, String(n)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      workers.push(w);
    }
    const connected = await Promise.all(workers.map((w) => once(w, 'connected', 120_000)));
    res.connectAllMs = Date.now() - t0;
    res.open = connected.reduce((a, c) => a + c.ok, 0);
    res.failed = connected.reduce((a, c) => a + c.failed, 0);
    res.statuses = [...new Set(connected.flatMap((c) => c.statuses))];
    res.firstByteP50Ms = Math.max(...connected.map((c) => c.firstByteP50 ?? 0));
    res.firstByteMaxMs = Math.max(...connected.map((c) => c.firstByteMax ?? 0));
    await sleep(1500);
    res.rssAfterKb = serverRss(server.pid);
    res.rssPerConnectionKb = res.open ? (res.rssAfterKb - res.rssBeforeKb) / res.open : null;
    workers.forEach((w) => w.send({ type: 'arm' }));
    await Promise.all(workers.map((w) => once(w, 'armed', 10_000)));

    if (sim) {
      const published = Date.now();
      await fetch(`${sim.url}/__control/publish`, { method: 'POST' });
      // Wait for the next poll plus fan-out; bounded.
      const waitUntil = published + (pollSeconds * 2 + 10) * 1000;
      let arrivals = [];
      while (Date.now() < waitUntil) {
        await sleep(1000);
        workers.forEach((w) => w.send({ type: 'report' }));
        const reports = await Promise.all(workers.map((w) => once(w, 'report', 10_000)));
        arrivals = reports.flatMap((r) => r.arrivals);
        if (arrivals.length && arrivals.every((a) => a !== null)) break;
      }
      const got = arrivals.filter((a) => a !== null).sort((a, b) => a - b);
      res.delivered = got.length;
      if (got.length) {
        res.publishToFirstMs = got[0] - published;
        res.publishToAllMs = got[got.length - 1] - published;
        res.fanoutSpreadMs = got[got.length - 1] - got[0];
        res.note = `publish→delivery includes waiting for the server's next poll (every ${pollSeconds} s); fanoutSpreadMs is first-to-last delivery`;
      } else res.notes.push('published update not delivered to any stream within the wait');
      res.rssPeakKb = serverRss(server.pid);
    } else {
      // No way to publish: wait for one heartbeat round instead (15 s interval).
      await sleep(16_000);
      workers.forEach((w) => w.send({ type: 'report' }));
      const reports = await Promise.all(workers.map((w) => once(w, 'report', 10_000)));
      res.heartbeatsReceived = reports.reduce((a, r) => a + r.heartbeats, 0);
    }
  } catch (e) {
    res.error = String(e.message ?? e);
  } finally {
    workers.forEach((w) => { try { w.send({ type: 'close' }); } catch {} });
    await sleep(500);
    workers.forEach((w) => { if (w.exitCode === null) w.kill('SIGKILL'); });
    await server.stop();
    sim?.stop();
  }
  log(`sse: ${res.open ?? 0}/${connections} open, RSS ${res.rssBeforeKb} → ${res.rssAfterKb} kB, publish→all ${res.publishToAllMs ?? '—'} ms`);
  return res;
}
