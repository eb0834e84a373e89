import { z } from 'zod';
import { problem } from '@/lib/incidents/http';
import type { IncidentEvent, IncidentHub } from '@/lib/incidents/hub';
import { IncidentIdSchema, type LocalizedText } from '@/lib/incidents/model';
import type { IncidentService } from '@/lib/incidents/service';
import { deriveStatus, foldTimeline, type TimelineEntry } from '@/lib/incidents/timeline';

/**
 * Server-Sent Events for one incident. The event id is the store's sequence number, so a
 * reconnecting client (Last-Event-ID, or ?lastEventId= for polyfills) gets exactly what it
 * missed, replayed from the store. A connection costs a closure, a set entry and its socket:
 * no timer (one shared heartbeat) and no per-connection copy of the timeline.
 */

export const sseRetryMs = 5000;
export const heartbeatIntervalMs = 15_000;
/** A reader this far behind is dropped; it reconnects and resumes from its last id. */
export const maxQueuedChunks = 256;

const encoder = new TextEncoder();

/** Caps concurrent streams; beyond it new ones get 503 + Retry-After instead of exhausting memory. */
export class SseGate {
  private count = 0;
  constructor(readonly max: number) {}
  tryAcquire(): boolean {
    if (this.count >= this.max) return false;
    this.count += 1;
    return true;
  }
  release(): void {
    this.count = Math.max(0, this.count - 1);
  }
  get active(): number {
    return this.count;
  }
}

/** One timer for every open stream, running only while there is at least one. */
export class HeartbeatTicker {
  private readonly beats = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  constructor(private readonly intervalMs: number = heartbeatIntervalMs) {}

  add(beat: () => void): () => void {
    this.beats.add(beat);
    if (this.timer === null) {
      this.timer = setInterval(() => {
        for (const b of [...this.beats]) b();
      }, this.intervalMs);
      this.timer.unref?.();
    }
    return () => {
      this.beats.delete(beat);
      if (this.beats.size === 0 && this.timer !== null) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  get size(): number {
    return this.beats.size;
  }
}

export interface SseDeps {
  readonly service: IncidentService;
  readonly hub: IncidentHub;
  readonly gate: SseGate;
  readonly heartbeat: HeartbeatTicker;
}

const EventIdSchema = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);

/** null: no resume point given (the whole timeline is sent). */
function parseResumePoint(request: Request): { ok: true; since: number | null } | { ok: false } {
  const header = request.headers.get('last-event-id');
  const raw = header !== null && header.trim() !== '' ? header.trim() : new URL(request.url).searchParams.get('lastEventId');
  if (raw === null || raw === '') return { ok: true, since: null };
  const parsed = EventIdSchema.safeParse(raw);
  return parsed.success ? { ok: true, since: parsed.data } : { ok: false };
}

function sseFrame(event: string, data: unknown, id?: number): string {
  // JSON.stringify escapes newlines, so the payload is always one `data:` line.
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function frameForEvent(event: IncidentEvent): string {
  switch (event.type) {
    case 'update':
      return sseFrame('update', { incidentId: event.incidentId, seq: event.seq, status: event.status, entry: event.entry }, event.seq);
    case 'change':
      return sseFrame(
        'change',
        { incidentId: event.incidentId, seq: event.seq, revisionId: event.revisionId, status: event.status, entry: event.entry },
        event.seq,
      );
    case 'health':
      // No id: health is state, not part of the log, and must not move the resume point.
      return sseFrame('health', { feed: event.feed });
    case 'incident':
      // No id either (state, not log). Only what a reader's page shows of the record: its title.
      return incidentFrame(event.incidentId, event.incident.title);
  }
}

function incidentFrame(incidentId: string, title: LocalizedText): string {
  return sseFrame('incident', { incidentId, title });
}

// One serialisation per event, however many readers receive it.
const encodedFrames = new WeakMap<IncidentEvent, Uint8Array>();
function encodedFrame(event: IncidentEvent): Uint8Array {
  let bytes = encodedFrames.get(event);
  if (bytes === undefined) {
    bytes = encoder.encode(frameForEvent(event));
    encodedFrames.set(event, bytes);
  }
  return bytes;
}

function seqOf(event: IncidentEvent): number | null {
  switch (event.type) {
    case 'update':
    case 'change':
      return event.seq;
    case 'health':
    case 'incident':
      return null;
  }
}

export async function incidentEventsResponse(request: Request, rawId: string, loadDeps: () => Promise<SseDeps>): Promise<Response> {
  try {
    const id = IncidentIdSchema.safeParse(rawId);
    if (!id.success) return problem(400, 'invalid-incident-id', 'Incident ids are lowercase slugs of 3 to 81 characters.');
    const resume = parseResumePoint(request);
    if (!resume.ok) return problem(400, 'invalid-last-event-id', 'Last-Event-ID must be a sequence number.');
    const incidentId = id.data;
    const deps = await loadDeps();
    if ((await deps.service.store.getIncident(incidentId)) === undefined) return problem(404, 'unknown-incident', 'No incident with this id.');
    if (request.signal.aborted) return problem(400, 'aborted', 'The request was aborted.');
    if (!deps.gate.tryAcquire()) {
      return problem(503, 'too-many-connections', 'Too many live readers right now; retry shortly.', { 'retry-after': '15' });
    }
    return new Response(openStream(request, incidentId, resume.since, deps), {
      status: 200,
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        // no-transform keeps compression middleware from buffering the stream.
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  } catch (error) {
    console.error('[incidents] event stream failed to open', error);
    return problem(503, 'unavailable', 'Live updates are temporarily unavailable.', { 'retry-after': '15' });
  }
}

function openStream(request: Request, incidentId: string, since: number | null, deps: SseDeps): ReadableStream<Uint8Array> {
  let closed = false;
  let cleanup = (): void => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let lastSent = since ?? 0;
      let replaying = true;
      const pending: IncidentEvent[] = [];

      const close = (): void => {
        if (closed) return;
        closed = true;
        unsubscribe();
        stopBeat();
        request.signal.removeEventListener('abort', close);
        deps.gate.release();
        try {
          controller.close();
        } catch {
          /* already closed or errored by the consumer */
        }
      };
      cleanup = close;

      const send = (bytes: Uint8Array): void => {
        if (closed) return;
        if ((controller.desiredSize ?? 0) < -maxQueuedChunks) {
          close();
          return;
        }
        try {
          controller.enqueue(bytes);
        } catch {
          close();
        }
      };

      const deliver = (event: IncidentEvent): void => {
        const seq = seqOf(event);
        if (seq !== null) {
          if (seq <= lastSent) return;
          lastSent = seq;
        }
        send(encodedFrame(event));
      };

      // Subscribe before reading the store, buffering, so nothing published during replay is lost.
      const unsubscribe = deps.hub.subscribe(incidentId, (event) => {
        if (replaying) pending.push(event);
        else deliver(event);
      });
      const stopBeat = deps.heartbeat.add(() => send(encoder.encode(': heartbeat\n\n')));
      request.signal.addEventListener('abort', close, { once: true });
      if (request.signal.aborted) {
        close();
        return;
      }

      send(encoder.encode(`retry: ${sseRetryMs}\n\n`));
      void replay()
        .then(() => {
          replaying = false;
          for (const event of pending.splice(0)) deliver(event);
        })
        .catch((error: unknown) => {
          console.error('[incidents] event replay failed', error);
          close();
        });

      async function replay(): Promise<void> {
        const log = await deps.service.store.listUpdates(incidentId);
        const head = log.reduce((max, u) => Math.max(max, u.seq), 0);
        if (since !== null && since > head) {
          // The client knows ids this store never issued (data reset): start it over.
          send(encoder.encode(sseFrame('reset', { reason: 'unknown-last-event-id', lastSeq: head })));
          lastSent = 0;
        }
        const entries = foldTimeline(log);
        const status = deriveStatus(entries);
        const entryFor = new Map<string, TimelineEntry>();
        for (const e of entries) {
          entryFor.set(e.id, e);
          for (const c of e.corrections) entryFor.set(c.id, e);
          if (e.retracted !== null) entryFor.set(e.retracted.id, e);
        }
        for (const record of log) {
          if (closed) return;
          if (record.seq <= lastSent) continue;
          const entry = entryFor.get(record.id);
          lastSent = record.seq;
          if (entry === undefined) continue;
          const revision = entry.id !== record.id;
          send(
            encoder.encode(
              revision
                ? sseFrame('change', { incidentId, seq: record.seq, revisionId: record.id, status, entry }, record.seq)
                : sseFrame('update', { incidentId, seq: record.seq, status, entry }, record.seq),
            ),
          );
        }
        // The feed's current health, so a reader who connects between two transitions (which
        // are all the hub announces) still learns that the official feed is failing. Likewise the
        // current title: a page rendered (or cached) just before a retitle learns it here.
        const incident = await deps.service.store.getIncident(incidentId);
        if (incident !== undefined && !closed) send(encoder.encode(incidentFrame(incidentId, incident.title)));
        const feed = incident === undefined ? null : await deps.service.feedHealthFor(incident.provider);
        if (feed !== null && !closed) send(encoder.encode(sseFrame('health', { feed })));
        send(encoder.encode(sseFrame('ready', { lastSeq: lastSent, status })));
      }
    },
    cancel() {
      cleanup();
    },
  });
}
