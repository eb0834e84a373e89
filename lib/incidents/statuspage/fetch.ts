/**
 * One bounded GET of a JSON document from an upstream we do not control: a deadline covering
 * headers and body, a byte cap enforced while streaming (not after), JSON content-type only,
 * conditional requests, and no redirects (a moved status page is a configuration change).
 */

export type UpstreamErrorCode = 'timeout' | 'network' | 'http' | 'content-type' | 'too-large' | 'truncated' | 'invalid-json' | 'schema';

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  constructor(
    readonly code: UpstreamErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ConditionalState {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type FetchJsonResult =
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'ok'; readonly body: unknown; readonly etag: string | null; readonly lastModified: string | null };

export interface FetchJsonOptions {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly conditional?: ConditionalState;
  readonly signal?: AbortSignal;
  readonly fetchImpl?: typeof fetch;
}

const jsonType = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i;

function networkDetail(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return cause instanceof Error ? cause.message.slice(0, 120) : 'request failed';
}

export async function fetchJson(url: string, options: FetchJsonOptions): Promise<FetchJsonResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onOuterAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const fail = (error: unknown, phase: 'request' | 'body'): UpstreamError => {
    if (error instanceof UpstreamError) return error;
    if (timedOut) return new UpstreamError('timeout', `no complete answer within ${options.timeoutMs} ms`);
    if (options.signal?.aborted === true) return new UpstreamError('network', 'aborted');
    return phase === 'body'
      ? new UpstreamError('truncated', `response body ended early (${networkDetail(error)})`)
      : new UpstreamError('network', networkDetail(error));
  };

  try {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'OutageWatch/1 (status ingest)' };
    if (options.conditional?.etag) headers['if-none-match'] = options.conditional.etag;
    if (options.conditional?.lastModified) headers['if-modified-since'] = options.conditional.lastModified;

    let response: Response;
    try {
      response = await (options.fetchImpl ?? fetch)(url, { headers, signal: controller.signal, redirect: 'error', cache: 'no-store' });
    } catch (error) {
      throw fail(error, 'request');
    }

    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new UpstreamError('http', `HTTP ${response.status}`);
    }
    const type = response.headers.get('content-type') ?? '';
    if (!jsonType.test(type)) {
      await response.body?.cancel().catch(() => undefined);
      throw new UpstreamError('content-type', `expected JSON, got ${type.split(';')[0]?.trim().slice(0, 60) || 'no content type'}`);
    }
    const declared = Number(response.headers.get('content-length') ?? '');
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new UpstreamError('too-large', `declared ${declared} bytes, limit ${options.maxBytes}`);
    }

    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body !== null) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > options.maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw new UpstreamError('too-large', `body exceeded ${options.maxBytes} bytes`);
          }
          chunks.push(value);
        }
      } catch (error) {
        throw fail(error, 'body');
      }
    }

    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, total)));
    } catch {
      throw new UpstreamError('invalid-json', total === 0 ? 'empty body' : 'body is not valid JSON');
    }
    return { kind: 'ok', body, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}
