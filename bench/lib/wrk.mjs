// Throughput and p99 latency of one page from `next start`, and of the very same gzip bytes
// served as a static file by nginx (one worker, like the one Node process), both with wrk.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { log, run } from './util.mjs';

function rawGet(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

function parseWrk(out) {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const toMs = (v, u) => Number(v) * ({ us: 0.001, ms: 1, s: 1000, m: 60000 }[u] ?? NaN);
  const p = (q) => {
    const m = new RegExp(`^\\s+${q}%\\s+([\\d.]+)(us|ms|s|m)`, 'm').exec(out);
    return m ? toMs(m[1], m[2]) : null;
  };
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const errors = /Socket errors:(.*)/.exec(out)?.[1]?.trim() ?? null;
  return { rps, p50Ms: p(50), p99Ms: p(99), non2xx, errors };
}

async function wrk(url, { threads = 1, connections = 32, seconds = 10, encoding = 'gzip' }) {
  const args = [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--latency', '--timeout', '5s', '-H', `Accept-Encoding: ${encoding}`, url];
  await run('wrk', ['-t1', '-c8', '-d2s', '-H', 'Accept-Encoding: gzip', url], { timeoutMs: 30_000 }); // warm-up
  const r = await run('wrk', args, { timeoutMs: (seconds + 30) * 1000 });
  return { ...parseWrk(r.stdout), command: `wrk ${args.join(' ')}` };
}

export async function wrkVsNginx({ pageUrl, urlPath, nginxPort, workDir, logDir, seconds = 10, connections = 32 }) {
  const res = { path: urlPath, seconds, connections };
  const next = await rawGet(pageUrl);
  if (next.status !== 200) return { skipped: true, note: `${urlPath} answers ${next.status}` };
  res.gzip = next.headers['content-encoding'] === 'gzip';
  res.bytes = next.body.length;
  // nginx: the same response body, precompressed, served with gzip_static.
  fs.rmSync(workDir, { recursive: true, force: true });
  const docRoot = path.join(workDir, 'root');
  const file = path.join(docRoot, urlPath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (res.gzip) {
    fs.writeFileSync(file + '.gz', next.body);
    fs.writeFileSync(file, (await import('node:zlib')).gunzipSync(next.body));
  } else fs.writeFileSync(file, next.body);
  const conf = path.join(workDir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
user root;
pid ${workDir}/nginx.pid;
error_log ${workDir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${workDir}/tmp-body;
  proxy_temp_path ${workDir}/tmp-proxy;
  fastcgi_temp_path ${workDir}/tmp-fcgi;
  uwsgi_temp_path ${workDir}/tmp-uwsgi;
  scgi_temp_path ${workDir}/tmp-scgi;
  server {
    listen 127.0.0.1:${nginxPort};
    root ${docRoot};
    location / { default_type "text/html; charset=utf-8"; gzip_static on; etag on; }
  }
}
`,
  );
  const ngx = spawn('nginx', ['-c', conf, '-p', workDir], { stdio: ['ignore', 'ignore', fs.openSync(path.join(logDir, 'nginx.log'), 'a')], detached: true });
  const ngxUrl = `http://127.0.0.1:${nginxPort}${urlPath}`;
  try {
    let ok = false;
    for (let i = 0; i < 40 && !ok; i++) {
      await sleep(100);
      ok = await rawGet(ngxUrl).then((r) => r.status === 200, () => false);
    }
    if (!ok) return { ...res, skipped: true, note: 'nginx did not start (see bench/results logs)' };
    const viaNginx = await rawGet(ngxUrl);
    res.sameBytes = viaNginx.body.equals(next.body);
    log(`wrk: next ${urlPath} (${seconds} s, ${connections} connections)`);
    res.next = await wrk(pageUrl, { seconds, connections });
    // Same page without compression: how much of Next's time is on-the-fly gzip.
    res.nextIdentity = await wrk(pageUrl, { seconds, connections, encoding: 'identity' });
    log('wrk: nginx, same bytes');
    res.nginx = await wrk(ngxUrl, { seconds, connections });
    res.ratio = res.next.rps / res.nginx.rps;
    return res;
  } finally {
    try {
      process.kill(-ngx.pid, 'SIGTERM');
    } catch {}
    for (let i = 0; i < 30 && ngx.exitCode === null; i++) await sleep(100);
  }
}
