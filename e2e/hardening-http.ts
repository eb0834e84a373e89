import http from 'node:http';
import type { FuzzRequest } from '../lib/security/fuzz-corpus';

/**
 * A raw HTTP client for the hardening tests: the path goes on the request line exactly as
 * given (no URL normalisation, unlike fetch or Playwright's request), header values are sent
 * as latin1 bytes, and event streams are read only up to their head.
 */

export interface RawResult {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** The body as UTF-8 text, at most maxBody bytes (streams: empty, or the first chunk). */
  readonly body: string;
  /** 'ok', or what went wrong at the socket level. */
  readonly outcome: 'ok' | 'timeout' | 'reset' | 'error';
  readonly error?: string;
  readonly ms: number;
}

export interface RawOptions {
  readonly agent?: http.Agent;
  readonly timeoutMs?: number;
  readonly maxBody?: number;
}

export function rawRequest(origin: string, req: FuzzRequest, options: RawOptions = {}): Promise<RawResult> {
  const url = new URL(origin);
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBody = options.maxBody ?? 4 * 1024 * 1024;
  return new Promise((resolve) => {
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (r: Omit<RawResult, 'ms'>): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ...r, ms: Date.now() - started });
    };
    const headers: Record<string, string> = { ...req.headers };
    const body = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : Buffer.from(req.body);
    if (body !== undefined && headers['content-length'] === undefined) headers['content-length'] = String(body.byteLength);
    let client: http.ClientRequest;
    try {
      client = http.request({
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers,
        agent: options.agent,
        // The server's own limit (16 KB) is what we are testing, not the client's.
        maxHeaderSize: 64 * 1024,
        insecureHTTPParser: false,
        setHost: headers.host === undefined,
      });
    } catch (error) {
      // The client refused to send it (e.g. a character Node will not put on the wire).
      finish({ status: 0, headers: {}, body: '', outcome: 'error', error: `client: ${(error as Error).message}` });
      return;
    }
    timer = setTimeout(() => {
      client.destroy(new Error('timeout'));
      finish({ status: 0, headers: {}, body: '', outcome: 'timeout' });
    }, timeoutMs);
    client.on('response', (res) => {
      const type = String(res.headers['content-type'] ?? '');
      if (req.stream === true && type.startsWith('text/event-stream')) {
        // Head only: the stream would stay open for ever.
        res.destroy();
        client.destroy();
        finish({ status: res.statusCode ?? 0, headers: res.headers, body: '', outcome: 'ok' });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size <= maxBody) chunks.push(chunk);
        else res.destroy();
      });
      res.on('end', () => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), outcome: 'ok' }));
      res.on('error', () => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), outcome: 'ok' }));
      res.on('close', () => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), outcome: 'ok' }));
    });
    client.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      finish({ status: 0, headers: {}, body: '', outcome: code === 'ECONNRESET' || code === 'EPIPE' ? 'reset' : 'error', error: `${code} ${error.message}`.trim() });
    });
    if (body !== undefined) client.end(body);
    else client.end();
  });
}

/** Runs `tasks` with at most `concurrency` in flight; results in input order. */
export async function runPool<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      results[i] = await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
