// One worker process holding N concurrent SSE connections (forked by bench/lib/sse.mjs).
// Messages from the parent: {type:'arm'} records each stream's last event id; later events
// with a higher id are stamped with their arrival time. {type:'report'} sends the stamps back,
// {type:'close'} ends every stream and exits.
import http from 'node:http';

const [url, countArg] = process.argv.slice(2);
const count = Number(countArg);
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const streams = [];
let armed = false;

function open(i) {
  return new Promise((resolve) => {
    const s = { lastId: -1, baseline: -1, arrival: null, bytes: 0, events: 0, heartbeats: 0, status: 0, req: null, openedAt: Date.now(), firstByteMs: null };
    streams.push(s);
    const req = http.get(url, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
      s.status = res.statusCode;
      if (res.statusCode !== 200) {
        res.resume();
        return resolve(false);
      }
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        if (s.firstByteMs === null) {
          s.firstByteMs = Date.now() - s.openedAt;
          resolve(true);
        }
        s.bytes += chunk.length;
        buf += chunk;
        let idx;
        while ((idx = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, idx);
          buf = buf.slice(idx + 2);
          if (block.startsWith(':')) {
            s.heartbeats++;
            continue;
          }
          s.events++;
          const m = /^id:\s*(\d+)/m.exec(block);
          if (m) {
            const id = Number(m[1]);
            if (armed && id > s.baseline && s.arrival === null) s.arrival = Date.now();
            s.lastId = Math.max(s.lastId, id);
          }
        }
      });
      res.on('error', () => {});
    });
    s.req = req;
    req.on('error', () => resolve(false));
    req.setTimeout(30_000, () => resolve(false));
  });
}

const t0 = Date.now();
const results = [];
// Open in batches so the server's accept queue is not the thing being measured.
for (let i = 0; i < count; i += 50) {
  const batch = [];
  for (let j = i; j < Math.min(count, i + 50); j++) batch.push(open(j));
  results.push(...(await Promise.all(batch)));
}
const ok = results.filter(Boolean).length;
const fb = streams.map((s) => s.firstByteMs).filter((x) => x !== null).sort((a, b) => a - b);
process.send({ type: 'connected', ok, failed: count - ok, statuses: [...new Set(streams.map((s) => s.status))], connectMs: Date.now() - t0, firstByteP50: fb[Math.floor(fb.length / 2)] ?? null, firstByteMax: fb[fb.length - 1] ?? null });

process.on('message', (m) => {
  if (m.type === 'arm') {
    for (const s of streams) s.baseline = s.lastId;
    armed = true;
    process.send({ type: 'armed', maxBaseline: Math.max(...streams.map((s) => s.baseline)) });
  } else if (m.type === 'report') {
    process.send({
      type: 'report',
      arrivals: streams.filter((s) => s.status === 200).map((s) => s.arrival),
      heartbeats: streams.reduce((a, s) => a + s.heartbeats, 0),
      events: streams.reduce((a, s) => a + s.events, 0),
      bytes: streams.reduce((a, s) => a + s.bytes, 0),
    });
  } else if (m.type === 'close') {
    for (const s of streams) s.req?.destroy();
    agent.destroy();
    setTimeout(() => process.exit(0), 200);
  }
});
// Bounded: whatever happens, this worker ends within 5 minutes.
setTimeout(() => process.exit(3), 300_000).unref();
