import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCsp, securityHeaders } from '@/lib/security/csp';
import { auditCsp, auditSecurityHeaders } from '@/lib/security/csp-audit';
import { generateCorpus, latin1Bytes, leakPatterns, mulberry32, type FuzzTargets } from '@/lib/security/fuzz-corpus';
import { guardRequest } from '@/lib/security/request-guard';

describe('auditCsp', () => {
  it('passes the policies the site sends', () => {
    expect(auditCsp(buildCsp({ scriptHashes: ['sha256-abc='] }))).toEqual([]);
    expect(auditCsp(buildCsp({ nonce: 'bm9uY2U=' }))).toEqual([]);
    expect(auditCsp(buildCsp({ document: false }))).toEqual([]);
    expect(auditSecurityHeaders({ ...lower(securityHeaders()), 'content-security-policy': buildCsp({}) })).toEqual([]);
  });

  it('names what is wrong', () => {
    expect(auditCsp(undefined)).toEqual(['no Content-Security-Policy']);
    expect(auditCsp("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' https://cdn.example; base-uri 'self'; frame-ancestors 'none'")).toEqual([
      "object-src is not 'none' ('self')",
      "'unsafe-eval' present",
      "'unsafe-inline' in script-src",
      "script-src allows 'unsafe-eval'",
      'script-src allows https://cdn.example',
    ]);
    expect(auditCsp("default-src 'none'; frame-ancestors *")).toEqual(['no base-uri', "frame-ancestors is not 'none'", 'frame-ancestors allows *']);
    expect(auditCsp("default-src 'none'; img-src data: https:; base-uri 'none'; frame-ancestors 'none'")).toEqual(['img-src allows https:']);
  });

  it('checks the other headers', () => {
    const problems = auditSecurityHeaders({ 'strict-transport-security': 'max-age=60', 'content-security-policy': buildCsp({ document: false }) });
    expect(problems).toEqual([
      'HSTS missing or shorter than a year (max-age=60)',
      'X-Content-Type-Options is not nosniff',
      'Referrer-Policy is unset',
      'Permissions-Policy does not disable camera',
      'Permissions-Policy does not disable microphone',
      'Permissions-Policy does not disable geolocation',
      'Cross-Origin-Opener-Policy is not same-origin',
    ]);
  });
});

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

describe('fuzz corpus', () => {
  const targets: FuzzTargets = {
    locales: ['ar', 'en'],
    pages: ['/ar', '/en/about'],
    files: ['/robots.txt'],
    apis: ['/api/incidents'],
    streams: ['/api/incidents/x/events'],
    writable: ['/api/desk/updates'],
  };

  it('is deterministic for a seed and different across seeds', () => {
    const a = generateCorpus(7, 300, targets);
    expect(generateCorpus(7, 300, targets)).toEqual(a);
    expect(generateCorpus(8, 300, targets)).not.toEqual(a);
    expect(a).toHaveLength(300);
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });

  it('covers every category and only produces requests Node can send', () => {
    const corpus = generateCorpus(20251118, 2000, targets);
    expect(new Set(corpus.map((r) => r.kind)).size).toBeGreaterThanOrEqual(15);
    for (const r of corpus) {
      expect(r.path.startsWith('/')).toBe(true);
      expect(r.path).toMatch(/^[\u0021-\u00ff]+$/);
      for (const v of Object.values(r.headers)) expect(v).toMatch(/^[\t\u0020-\u007e\u0080-\u00ff]*$/);
    }
    expect(latin1Bytes('ع')).toBe('\u00d8\u00b9');
  });

  it('recognises leaks but not ordinary page text', () => {
    const leaks = leakPatterns(['/srv/secret-dir']);
    const hit = (body: string) => leaks.filter((l) => l.test(body)).map((l) => l.name);
    expect(hit('TypeError: x is undefined\n    at foo (/work/main/.next/server/chunks/a.js:1:2)')).toEqual(['stack frame', 'Error with stack', '/work/', '.next/']);
    expect(hit('failed in /srv/secret-dir/db')).toEqual(['env value /srv/secret-dir']);
    expect(hit('<script src="/_next/static/chunks/a.js"></script> at 11:20:00 UTC, see node.js docs')).toEqual([]);
  });
});

describe('request guard', () => {
  let server: http.Server;
  let origin = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (guardRequest(req, res, new Set(['/icons/icon.svg'])) === 'refused') return;
      res.writeHead(200, { 'content-type': 'text/plain', 'x-range': String(req.headers.range ?? '') });
      res.end('next');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (method: string, path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = http.request(`${origin}${path}`, { method, headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('refuses TRACE everywhere with 405 and the security headers', async () => {
    const res = await send('TRACE', '/ar');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(auditSecurityHeaders(res.headers)).toEqual([]);
  });

  it('refuses any request with a Next-Action header (no Server Actions here), on any path', async () => {
    for (const [method, path] of [['POST', '/ar'], ['GET', '/_next/image?url=%2Fx'], ['POST', '/api/desk/login']] as const) {
      const res = await send(method, path, { 'next-action': 'a'.repeat(42) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(auditSecurityHeaders(res.headers)).toEqual([]);
    }
  });

  it('refuses other methods and bad encodings on static files only', async () => {
    expect((await send('POST', '/_next/static/chunks/a.js')).status).toBe(405);
    expect((await send('DELETE', '/icons/icon.svg')).status).toBe(405);
    expect((await send('GET', '/_next/static/%E0%A4%A')).status).toBe(400);
    expect((await send('GET', '/_next/static%G1/x.js')).status).toBe(400);
    expect((await send('POST', '/api/desk/login')).body).toBe('next');
    expect((await send('GET', '/ar/%')).body).toBe('next');
  });

  it('serves static files whole, without range or precondition handling', async () => {
    const res = await send('GET', '/_next/static/chunks/a.js', { range: 'bytes=-0', 'if-match': '"x"' });
    expect(res.status).toBe(200);
    expect(res.headers['x-range']).toBe('');
    expect(res.headers['content-security-policy']).toBe(buildCsp({ document: false }));
    expect((await send('GET', '/ar', { range: 'bytes=0-1' })).headers['x-range']).toBe('bytes=0-1');
  });
});
