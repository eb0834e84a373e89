import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Helpers shared by the incident tests (imported only from *.test.ts files). */

export function tempDir(prefix = 'incidents-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SseMessage {
  readonly id: string | null;
  readonly event: string;
  readonly data: string;
}

export interface SseReader {
  /** Reads until `until` holds for the messages so far (or the stream ends, or the timeout). */
  readUntil(until: (messages: readonly SseMessage[]) => boolean, timeoutMs?: number): Promise<SseMessage[]>;
  readonly messages: SseMessage[];
  readonly comments: string[];
  readonly retries: number[];
  cancel(): Promise<void>;
}

export function sseReader(response: Response): SseReader {
  if (response.body === null) throw new Error('response has no body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  let buffer = '';
  let ended = false;

  const drain = (): void => {
    let cut = buffer.indexOf('\n\n');
    while (cut !== -1) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let id: string | null = null;
      let event = 'message';
      const data: string[] = [];
      let hasField = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          comments.push(line.slice(1).trim());
        } else if (line.startsWith('retry: ')) {
          retries.push(Number(line.slice(7)));
        } else {
          hasField = true;
          if (line.startsWith('id: ')) id = line.slice(4);
          else if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
      }
      if (hasField) messages.push({ id, event, data: data.join('\n') });
      cut = buffer.indexOf('\n\n');
    }
  };

  return {
    messages,
    comments,
    retries,
    async readUntil(until, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (!until(messages) && !ended) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new Error(`SSE condition not met in ${timeoutMs} ms; got ${messages.map((m) => `${m.event}#${m.id ?? '-'}`).join(' ')}`);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), remaining);
        });
        const result = await Promise.race([reader.read(), timeout]);
        clearTimeout(timer);
        if (result === 'timeout') continue;
        if (result.done) ended = true;
        else {
          buffer += decoder.decode(result.value, { stream: true });
          drain();
        }
      }
      return messages;
    },
    async cancel() {
      await reader.cancel().catch(() => undefined);
    },
  };
}

export interface FixtureServer {
  readonly url: string;
  readonly requests: IncomingMessage[];
  setHandler(handler: (req: IncomingMessage, res: ServerResponse) => void): void;
  close(): Promise<void>;
}

/** A real HTTP server on an ephemeral loopback port whose behaviour each test sets. */
export async function startFixtureServer(): Promise<FixtureServer> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(404);
    res.end();
  };
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setHandler: (h) => {
      handler = h;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
