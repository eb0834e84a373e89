#!/usr/bin/env node
// Load test on loopback: 1,000 live-event subscribers stay connected while 200 connections load
// an article page and the incident page for 30 s; an update is published meanwhile and we time
// its arrival at every subscriber. Reports requests/s, p50/p99 latency, errors (must be 0),
// subscriber delivery, and the server's RSS before, during, after and after a settle period.
//
//   npm run load                                # build first (npm run build); starts its own server
//   npm run load -- --url http://127.0.0.1:3000 --pid 1234 --sim http://127.0.0.1:41731
//
// Options (all bounded): --subscribers 1000 (max 5000), --connections 200 (max 1000),
// --duration 30 (s, max 300), --settle 20 (s, max 120), --port 21250, --sim-port 21251,
// --timeout 10 (s: a request slower than this counts as an error), --dist <NEXT_DIST_DIR, default
// .next>, --pages article,incident (which pages share the connections), --node (use the built-in generator even if wrk exists), --json <file> (write the report).
// Attach mode (--url) needs the server's STATUSPAGE_URLS to point at --sim (a running
// `npm run sim:statuspage -- --manual`) to publish; without --sim, delivery is not measured.
// Loopback only; every child is stopped by its process id; a watchdog ends the run after
// duration + settle + 180 s whatever happens.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    url: { type: 'string' },
    pid: { type: 'string' },
    sim: { type: 'string' },
    subscribers: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '200' },
    duration: { type: 'string', default: '30' },
    settle: { type: 'string', default: '20' },
    port: { type: 'string', default: '21250' },
    'sim-port': { type: 'string', default: '21251' },
    dist: { type: 'string', default: process.env.NEXT_DIST_DIR ?? '.next' },
    timeout: { type: 'string', default: '10' },
    pages: { type: 'string', default: 'article,incident' },
    node: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

const bounded = (name, v, min, max) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be an integer in [${min}, ${max}]`);
    process.exit(2);
  }
  return n;
};
const SUBSCRIBERS = bounded('subscribers', opt.subscribers, 0, 5000);
const CONNECTIONS = bounded('connections', opt.connections, 1, 1000);
const DURATION = bounded('duration', opt.duration, 1, 300);
const SETTLE = bounded('settle', opt.settle, 0, 120);
const TIMEOUT = bounded('timeout', opt.timeout, 1, 60);
const PORT = bounded('port', opt.port, 1024, 65535);
const SIM_PORT = bounded('sim-port', opt['sim-port'], 1024, 65535);
const ARTICLE = '/ar/articles/cloudflare-outage-november-2025';
const CURATED = 'cloudflare-2025-11-18';
const INCIDENT_PAGE = `/ar/incidents/${CURATED}`;
const root = path.resolve(import.meta.dirname, '..');

const loopback = (u) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname);
if (opt.url !== undefined && !loopback(opt.url)) {
  console.error('--url must be a loopback address: this script never sends load anywhere else.');
  process.exit(2);
}
if (opt.sim !== undefined && !loopback(opt.sim)) {
  console.error('--sim must be a loopback address.');
  process.exit(2);
}

const children = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (m) => console.log(`[load] ${m}`);

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
async function cleanup() {
  for (const c of children.splice(0).reverse()) await stopChild(c);
}
const watchdog = setTimeout(
  () => {
    console.error('[load] watchdog: the run took too long; stopping everything');
    void cleanup().then(() => process.exit(3));
  },
  (DURATION + 2 * SETTLE + 180) * 1000,
);
watchdog.unref();
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => void cleanup().then(() => process.exit(130)));

function rssKb(pid) {
  if (pid === undefined) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
const mb = (kb) => (kb === null ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);

async function waitHttp(url, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${what} did not answer within ${timeoutMs} ms`);
    await sleep(250);
  }
}

async function getJson(url) {
  const res = await fetch(url, { headers: { 'cache-control': 'no-cache' }, signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/* ---------- servers ---------- */

let origin = opt.url?.replace(/\/+$/, '');
let serverPid = opt.pid === undefined ? undefined : Number(opt.pid);
let sim = opt.sim?.replace(/\/+$/, '');

if (origin === undefined) {
  if (!fs.existsSync(path.join(root, opt.dist, 'BUILD_ID'))) {
    console.error(`${opt.dist}/BUILD_ID not found: build first (npm run build, or NEXT_DIST_DIR=… next build).`);
    process.exit(2);
  }
  sim = `http://127.0.0.1:${SIM_PORT}`;
  const simChild = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/statuspage-sim.ts', '--port', String(SIM_PORT), '--manual'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(simChild);
  await waitHttp(`${sim}/__control`, 20_000, 'the simulator');
  // One update first, so the upstream incident exists before the subscribers connect.
  await fetch(`${sim}/__control/publish`, { method: 'POST' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outage-watch-load-'));
  origin = `http://127.0.0.1:${PORT}`;
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: opt.dist,
      DATA_DIR: dataDir,
      SITE_URL: origin,
      STATUSPAGE_URLS: sim,
      STATUSPAGE_POLL_SECONDS: '5',
      SSE_MAX_CONNECTIONS: String(Math.max(2000, SUBSCRIBERS + 100)),
    },
  });
  children.push(server);
  serverPid = server.pid;
  process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  await waitHttp(`${origin}/ar`, 60_000, 'next start');
  log(`server pid ${serverPid} on ${origin} (${opt.dist}), simulator on ${sim}`);
} else {
  log(`attached to ${origin}${serverPid === undefined ? ' (no --pid: RSS not measured)' : ` pid ${serverPid}`}`);
}

/* ---------- which incident the subscribers follow ---------- */

let streamIncident = CURATED;
if (sim !== undefined) {
  const state = await getJson(`${sim}/__control`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const list = await getJson(`${origin}/api/incidents`);
    const tracked = list.incidents.find((v) => v.incident.upstream?.incidentId === state.incidentId);
    if (tracked !== undefined) {
      streamIncident = tracked.incident.id;
      break;
    }
    if (Date.now() > deadline) throw new Error('the server did not pick up the simulated incident within 60 s (is its STATUSPAGE_URLS the simulator?)');
    await sleep(500);
  }
}

// Warm both pages (first render compiles and fills caches), then the baseline.
for (const p of [ARTICLE, INCIDENT_PAGE, ARTICLE, INCIDENT_PAGE]) await (await fetch(`${origin}${p}`)).arrayBuffer();
await sleep(1000);
const rss = { before: rssKb(serverPid), withSubscribers: null, duringMax: null, afterLoad: null, afterSettle: null, afterClose: null, settleSeries: [] };
log(`RSS before: ${mb(rss.before)}`);

/* ---------- subscribers ---------- */

const subs = [];
let publishAt = 0;
function subscribe(i) {
  return new Promise((resolve) => {
    const s = { i, ready: false, lastSeq: 0, got: null, error: null, req: null };
    subs.push(s);
    const req = http.request(`${origin}/api/incidents/${streamIncident}/events`, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        s.error = `HTTP ${res.statusCode}`;
        res.resume();
        resolve();
        return;
      }
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk) => {
        buf += chunk;
        let end;
        while ((end = buf.indexOf('\n\n')) !== -1) {
          const frame = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const event = /^event: (.+)$/m.exec(frame)?.[1];
          const data = /^data: (.+)$/m.exec(frame)?.[1];
          if (event === 'ready') {
            s.ready = true;
            s.lastSeq = JSON.parse(data ?? '{}').lastSeq ?? 0;
            resolve();
          } else if (event === 'update' && s.ready && s.got === null) {
            const seq = JSON.parse(data ?? '{}').seq ?? 0;
            if (seq > s.lastSeq) s.got = performance.now();
          }
        }
      });
      res.on('close', () => {
        if (!s.ready) s.error ??= 'closed before ready';
        resolve();
      });
    });
    s.req = req;
    req.on('error', (e) => {
      s.error ??= e.code ?? e.message;
      resolve();
    });
    req.end();
  });
}

if (SUBSCRIBERS > 0) {
  const t = performance.now();
  for (let i = 0; i < SUBSCRIBERS; i += 50) await Promise.all(Array.from({ length: Math.min(50, SUBSCRIBERS - i) }, (_, k) => subscribe(i + k)));
  const ready = subs.filter((s) => s.ready).length;
  log(`${ready}/${SUBSCRIBERS} subscribers connected to /api/incidents/${streamIncident}/events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
await sleep(1000);
rss.withSubscribers = rssKb(serverPid);
log(`RSS with subscribers: ${mb(rss.withSubscribers)}`);

/* ---------- load ---------- */

const wrkPath = opt.node ? null : ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p)) ?? null;
const pagePaths = opt.pages.split(',').map((p) => ({ article: ARTICLE, incident: INCIDENT_PAGE })[p.trim()]);
if (pagePaths.length === 0 || pagePaths.some((p) => p === undefined)) {
  console.error('--pages takes a comma-separated list of: article, incident');
  process.exit(2);
}
const perPage = Math.max(1, Math.floor(CONNECTIONS / pagePaths.length));

function parseWrk(out) {
  const num = (re) => {
    const m = re.exec(out);
    return m ? Number(m[1]) : 0;
  };
  const ms = (re) => {
    const m = re.exec(out);
    if (!m) return null;
    const v = Number(m[1]);
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : m[2] === 'm' ? v * 60_000 : v;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requests: num(/(\d+) requests in/),
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    p50: ms(/\s50%\s+([\d.]+)(us|ms|s|m)\b/),
    p99: ms(/\s99%\s+([\d.]+)(us|ms|s|m)\b/),
    errors: num(/Non-2xx or 3xx responses: (\d+)/) + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
    socketErrors: socket ? socket[0] : 'none',
  };
}

function runWrk(p, connections) {
  return new Promise((resolve) => {
    const child = spawn(wrkPath, ['-t1', `-c${connections}`, `-d${DURATION}s`, '--timeout', `${TIMEOUT}s`, '--latency', `${origin}${p}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', () => resolve({ path: p, ...parseWrk(out), raw: out }));
  });
}

async function runNode(p, connections) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let errors = 0;
  const end = Date.now() + DURATION * 1000;
  const one = () =>
    new Promise((resolve) => {
      const t = performance.now();
      const req = http.get(`${origin}${p}`, { agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode >= 400) errors++;
          latencies.push(performance.now() - t);
          resolve();
        });
      });
      req.setTimeout(TIMEOUT * 1000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        resolve();
      });
    });
  await Promise.all(Array.from({ length: connections }, async () => {
    while (Date.now() < end) await one();
  }));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (f) => (latencies.length === 0 ? null : latencies[Math.min(latencies.length - 1, Math.floor(f * latencies.length))]);
  return { path: p, requests: latencies.length, rps: latencies.length / DURATION, p50: q(0.5), p99: q(0.99), errors, socketErrors: 'n/a' };
}

log(`load: ${CONNECTIONS} connections for ${DURATION} s (${pagePaths.map((p) => `${perPage} on ${p}`).join(', ')}) with ${wrkPath ?? 'the built-in node generator'}; a request slower than ${TIMEOUT} s is an error`);
const rssDuring = [];
const sampler = setInterval(() => rssDuring.push(rssKb(serverPid)), 1000);
const loads = pagePaths.map((p) => (wrkPath ? runWrk(p, perPage) : runNode(p, perPage)));

// Publish an update a third of the way in, while the load runs.
let published = false;
const publisher = (async () => {
  if (sim === undefined || SUBSCRIBERS === 0) return;
  await sleep(Math.floor((DURATION * 1000) / 3));
  publishAt = performance.now();
  const res = await fetch(`${sim}/__control/publish`, { method: 'POST' }).catch(() => null);
  published = res?.ok === true;
  log(published ? 'published an update at the simulator' : `could not publish (${res?.status ?? 'no answer'})`);
})();
const results = await Promise.all(loads);
await publisher;
clearInterval(sampler);
rss.duringMax = Math.max(...rssDuring.filter((v) => v !== null), 0) || null;

// Give late deliveries a moment (the poller runs every 5 s), then close nothing yet.
const deliveryDeadline = Date.now() + 15_000;
while (published && Date.now() < deliveryDeadline && subs.some((s) => s.ready && s.got === null && s.error === null)) await sleep(250);
rss.afterLoad = rssKb(serverPid);

/* ---------- settle ---------- */

for (let t = 0; t < SETTLE; t += 2) {
  await sleep(2000);
  rss.settleSeries.push(rssKb(serverPid));
}
rss.afterSettle = rssKb(serverPid);
const stillConnected = subs.filter((s) => s.ready && s.req !== null && !s.req.destroyed && s.error === null).length;
for (const s of subs) s.req?.destroy();
await sleep(Math.min(SETTLE, 10) * 1000);
rss.afterClose = rssKb(serverPid);

/* ---------- report ---------- */

const delays = subs.filter((s) => s.got !== null).map((s) => s.got - publishAt).sort((a, b) => a - b);
const pct = (f) => (delays.length === 0 ? null : delays[Math.min(delays.length - 1, Math.floor(f * delays.length))]);
const totalRequests = results.reduce((a, r) => a + r.requests, 0);
const totalErrors = results.reduce((a, r) => a + r.errors, 0);
const f1 = (v) => (v === null ? 'n/a' : v.toFixed(1));
const report = {
  server: { origin, pid: serverPid ?? null, dist: opt.url === undefined ? opt.dist : null },
  load: { connections: CONNECTIONS, durationSeconds: DURATION, generator: wrkPath ?? 'node', pages: results.map(({ raw, ...r }) => r), totalRequests, totalRps: results.reduce((a, r) => a + r.rps, 0), errors: totalErrors },
  subscribers: {
    requested: SUBSCRIBERS,
    connected: subs.filter((s) => s.ready).length,
    connectErrors: [...new Set(subs.filter((s) => !s.ready).map((s) => s.error))].slice(0, 5),
    stillConnectedAfterLoad: stillConnected,
    published,
    received: delays.length,
    delayMs: { first: pct(0), p50: pct(0.5), p99: pct(0.99), last: delays.at(-1) ?? null },
    fanOutSpreadMs: delays.length > 0 ? (delays.at(-1) ?? 0) - (delays[0] ?? 0) : null,
  },
  rssMB: Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => (x === null ? null : Math.round(x / 1024))) : v === null ? null : Math.round(v / 1024)])),
};

console.log('');
for (const r of results) console.log(`[load] ${r.path}: ${r.requests} requests, ${r.rps.toFixed(0)} req/s, p50 ${f1(r.p50)} ms, p99 ${f1(r.p99)} ms, errors ${r.errors} (${r.socketErrors})`);
console.log(`[load] total: ${totalRequests} requests, ${report.load.totalRps.toFixed(0)} req/s, errors ${totalErrors}`);
console.log(
  `[load] subscribers: ${report.subscribers.connected}/${SUBSCRIBERS} connected, ${stillConnected} still connected after the load, ${delays.length} received the update` +
    (delays.length > 0 ? ` (after publish: first ${f1(pct(0))} ms, p50 ${f1(pct(0.5))} ms, p99 ${f1(pct(0.99))} ms, last ${f1(delays.at(-1) ?? null)} ms; fan-out spread ${f1(report.subscribers.fanOutSpreadMs)} ms)` : ''),
);
console.log(`[load] RSS: before ${mb(rss.before)}, with subscribers ${mb(rss.withSubscribers)}, during load max ${mb(rss.duringMax)}, after load ${mb(rss.afterLoad)}, after ${SETTLE} s settle ${mb(rss.afterSettle)}, after closing subscribers ${mb(rss.afterClose)}`);
console.log(`[load] settle series (MB, every 2 s): ${report.rssMB.settleSeries.join(' ')}`);
if (opt.json !== undefined) fs.writeFileSync(opt.json, JSON.stringify(report, null, 2));

await cleanup();
const ok = totalErrors === 0 && (SUBSCRIBERS === 0 || report.subscribers.connected === SUBSCRIBERS) && (!published || delays.length === report.subscribers.connected);
console.log(`[load] ${ok ? 'PASS' : 'FAIL'}: ${totalErrors} errors; ${delays.length}/${report.subscribers.connected} subscribers got the update`);
process.exit(ok ? 0 : 1);
