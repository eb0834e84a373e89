import { existsSync } from 'node:fs';
import path from 'node:path';
import { killSwitchFileName, type StatuspageSource } from '@/lib/incidents/config';
import type { Incident, Update } from '@/lib/incidents/model';
import type { IncidentService } from '@/lib/incidents/service';
import { StoreRejection, type FeedHealth } from '@/lib/incidents/store';
import { fetchJson, UpstreamError, type FetchJsonResult } from '@/lib/incidents/statuspage/fetch';
import { normalizeIncident, trackedImpacts } from '@/lib/incidents/statuspage/normalize';
import { DocumentShapeError, parseDocument, type ParsedDocument, type SpIncident } from '@/lib/incidents/statuspage/schema';
import { endpointNames, loadSnapshot, saveSnapshot, type EndpointName, type SnapshotEntry } from '@/lib/incidents/statuspage/snapshot';
import { foldTimeline } from '@/lib/incidents/timeline';

/**
 * Polls Statuspage v2 endpoints and turns major/critical incidents into tracked timelines.
 * Contract: nothing upstream can make it throw, corrupt stored data, or log once per poll.
 * Failures show up in feed health (persisted, announced to live readers on change) and clear
 * themselves on the first fully successful poll.
 */

export const endpointPaths: Readonly<Record<EndpointName, string>> = {
  incidents: '/api/v2/incidents.json',
  unresolved: '/api/v2/incidents/unresolved.json',
  summary: '/api/v2/summary.json',
};

/** A feed that rewrites one update over and over must not grow our log without bound. */
export const maxCorrectionsPerUpdate = 20;

export interface PollerLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface StatuspagePollerOptions {
  readonly sources: readonly StatuspageSource[];
  readonly service: IncidentService;
  /** Where snapshots and the ingest.disabled kill-switch file live; null when there is no usable directory. */
  readonly dataDir: string | null;
  readonly intervalMs: number;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxBackoffMs?: number;
  readonly fetchImpl?: typeof fetch;
  readonly random?: () => number;
  readonly now?: () => Date;
  readonly logger?: PollerLogger;
}

export interface PollReport {
  readonly provider: string;
  readonly outcome: 'ok' | 'failed' | 'disabled';
  readonly errors: readonly string[];
  readonly appended: number;
  readonly corrected: number;
  /** Items refused by validation, normalisation or the store; the rest of the feed was kept. */
  readonly rejected: number;
  readonly notModified: number;
}

interface SourceState {
  readonly source: StatuspageSource;
  lastGood: Partial<Record<EndpointName, SnapshotEntry>>;
  health: FeedHealth;
  failures: number;
  logKey: string;
  initialised: boolean;
  rejectedLogged: number;
  snapshotWarned: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<PollReport> | null;
}

/** Full jitter (uniform in [0, min(cap, base·2^n)]), floored so a failing feed is never hammered. */
export function backoffDelayMs(failures: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures, 30));
  return Math.max(Math.min(5000, baseMs), Math.round(random() * ceiling));
}

function freshHealth(source: StatuspageSource): FeedHealth {
  return {
    provider: source.provider,
    baseUrl: source.baseUrl,
    state: 'unknown',
    lastAttemptAt: null,
    lastSuccessAt: null,
    failingSince: null,
    lastError: null,
    consecutiveFailures: 0,
  };
}

function pickLater(a: SpIncident, b: SpIncident): SpIncident {
  const ta = a.updated_at ?? a.created_at;
  const tb = b.updated_at ?? b.created_at;
  if (ta !== tb) return tb > ta ? b : a;
  return b.incident_updates.length > a.incident_updates.length ? b : a;
}

function differs(entry: { status: string; text: { en?: string } }, update: Update): boolean {
  return entry.status !== update.status || entry.text.en !== update.text.en;
}

export class StatuspagePoller {
  private readonly states = new Map<string, SourceState>();
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxBackoffMs: number;
  private readonly random: () => number;
  private readonly now: () => Date;
  private readonly logger: PollerLogger;
  private abort = new AbortController();
  private stopped = true;

  constructor(private readonly options: StatuspagePollerOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
    this.maxBackoffMs = options.maxBackoffMs ?? 15 * 60_000;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
    this.logger = options.logger ?? { info: (m) => console.info(`[incidents] ${m}`), warn: (m) => console.warn(`[incidents] ${m}`) };
    for (const source of options.sources) {
      this.states.set(source.provider, {
        source,
        lastGood: {},
        health: freshHealth(source),
        failures: 0,
        logKey: 'unknown',
        initialised: false,
        rejectedLogged: 0,
        snapshotWarned: false,
        timer: null,
        running: null,
      });
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.abort = new AbortController();
    for (const state of this.states.values()) this.schedule(state, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    const running: Promise<PollReport>[] = [];
    for (const state of this.states.values()) {
      if (state.timer !== null) clearTimeout(state.timer);
      state.timer = null;
      if (state.running !== null) running.push(state.running);
    }
    await Promise.allSettled(running);
  }

  /** Milliseconds until the next poll of a provider given its current failure count. */
  nextDelayMs(provider: string): number {
    const state = this.states.get(provider);
    if (state === undefined || state.failures === 0) return this.options.intervalMs;
    return backoffDelayMs(state.failures, this.options.intervalMs, this.maxBackoffMs, this.random);
  }

  private schedule(state: SourceState, delayMs: number): void {
    if (this.stopped) return;
    state.timer = setTimeout(() => {
      state.timer = null;
      state.running = this.pollOnce(state.source.provider);
      void state.running.then(() => {
        state.running = null;
        this.schedule(state, this.nextDelayMs(state.source.provider));
      });
    }, delayMs);
    state.timer.unref?.();
  }

  /** One poll of one provider. Never rejects. */
  async pollOnce(provider: string): Promise<PollReport> {
    const state = this.states.get(provider);
    if (state === undefined) return { provider, outcome: 'failed', errors: ['unknown provider'], appended: 0, corrected: 0, rejected: 0, notModified: 0 };
    try {
      return await this.poll(state);
    } catch (error) {
      // Only our own bugs or a broken store get here; report them like any other failure.
      const message = `internal: ${error instanceof Error ? error.message.slice(0, 200) : 'unexpected error'}`;
      await this.recordHealth(state, [message], ['internal']).catch(() => undefined);
      return { provider, outcome: 'failed', errors: [message], appended: 0, corrected: 0, rejected: 0, notModified: 0 };
    }
  }

  private killSwitchPulled(): boolean {
    return this.options.dataDir !== null && existsSync(path.join(this.options.dataDir, killSwitchFileName));
  }

  private async initialise(state: SourceState): Promise<void> {
    state.initialised = true;
    const stored = (await this.options.service.store.getFeedHealth()).find((h) => h.provider === state.source.provider);
    if (stored !== undefined && stored.baseUrl === state.source.baseUrl) {
      state.health = stored;
      state.failures = stored.consecutiveFailures;
      state.logKey = stored.state === 'failing' ? 'failing:before-restart' : stored.state;
    }
    if (this.options.dataDir === null) return;
    const snapshot = await loadSnapshot(this.options.dataDir, state.source);
    if (snapshot === null) return;
    state.lastGood = snapshot.endpoints;
    // The store may be a fresh in-memory fallback: bring it up to the last known official state.
    await this.ingest(state, Object.values(snapshot.endpoints).map((e) => e.document));
  }

  private async poll(state: SourceState): Promise<PollReport> {
    const provider = state.source.provider;
    if (!state.initialised) await this.initialise(state);

    if (this.killSwitchPulled()) {
      if (state.health.state !== 'disabled') {
        this.logger.info(`statuspage ${provider}: ingest paused (${killSwitchFileName} present)`);
        await this.setHealth(state, { ...state.health, state: 'disabled', failingSince: null, lastError: null, consecutiveFailures: 0 }, true);
        state.logKey = 'disabled';
      }
      state.failures = 0;
      return { provider, outcome: 'disabled', errors: [], appended: 0, corrected: 0, rejected: 0, notModified: 0 };
    }

    const results = await Promise.all(
      endpointNames.map(async (name) => {
        const last = state.lastGood[name];
        try {
          const result: FetchJsonResult = await fetchJson(`${state.source.baseUrl}${endpointPaths[name]}`, {
            timeoutMs: this.timeoutMs,
            maxBytes: this.maxBytes,
            conditional: last === undefined ? undefined : { etag: last.etag, lastModified: last.lastModified },
            signal: this.abort.signal,
            fetchImpl: this.options.fetchImpl,
          });
          if (result.kind === 'not-modified') {
            if (last === undefined) throw new UpstreamError('http', 'HTTP 304 to an unconditional request');
            return { name, kind: 'not-modified' as const };
          }
          const parsed = parseDocument(result.body);
          return { name, kind: 'ok' as const, entry: { etag: result.etag, lastModified: result.lastModified, document: parsed.document }, rejected: parsed.rejected };
        } catch (error) {
          const upstream =
            error instanceof UpstreamError
              ? error
              : error instanceof DocumentShapeError
                ? new UpstreamError('schema', error.message)
                : new UpstreamError('network', 'unexpected failure');
          return { name, kind: 'error' as const, error: upstream };
        }
      }),
    );

    const errors: string[] = [];
    const codes: string[] = [];
    const fresh: ParsedDocument[] = [];
    // Validators move forward only with what was actually stored: if ingest fails (disk full),
    // the next poll must fetch the documents again, not get a 304 and lose their updates.
    const committed = { ...state.lastGood };
    let rejected = 0;
    let notModified = 0;
    for (const r of results) {
      if (r.kind === 'error') {
        errors.push(`${endpointPaths[r.name].replace('/api/v2/', '')}: ${r.error.code}: ${r.error.message}`);
        codes.push(`${r.name}:${r.error.code}`);
      } else if (r.kind === 'not-modified') {
        notModified += 1;
      } else {
        // Validators are only kept for answers that validated: a bad body must be fetched again.
        state.lastGood[r.name] = r.entry;
        fresh.push(r.entry.document);
        rejected += r.rejected.incidents + r.rejected.updates;
      }
    }

    let ingested = { appended: 0, corrected: 0, rejected: 0 };
    try {
      if (fresh.length > 0) ingested = await this.ingest(state, fresh);
    } catch (error) {
      state.lastGood = committed;
      throw error;
    }
    rejected += ingested.rejected;
    if (rejected !== state.rejectedLogged) {
      if (rejected > 0) this.logger.warn(`statuspage ${provider}: ${rejected} item(s) rejected by validation; the rest was kept`);
      state.rejectedLogged = rejected;
    }
    if (fresh.length > 0) await this.persistSnapshot(state);
    await this.recordHealth(state, errors, codes);

    return { provider, outcome: errors.length === 0 ? 'ok' : 'failed', errors, appended: ingested.appended, corrected: ingested.corrected, rejected, notModified };
  }

  private async ingest(state: SourceState, documents: readonly ParsedDocument[]): Promise<{ appended: number; corrected: number; rejected: number }> {
    const { service } = this.options;
    const provider = state.source.provider;
    const pageName = documents.find((d) => d.page !== undefined)?.page?.name ?? null;
    const merged = new Map<string, SpIncident>();
    for (const doc of documents) {
      for (const incident of doc.incidents) {
        const seen = merged.get(incident.id);
        merged.set(incident.id, seen === undefined ? incident : pickLater(seen, incident));
      }
    }

    let appended = 0;
    let corrected = 0;
    let rejected = 0;
    const known = await service.store.listIncidents();
    for (const sp of merged.values()) {
      const local: Incident | undefined = known.find((i) => i.upstream?.provider === provider && i.upstream.incidentId === sp.id);
      // Curated timelines belong to the newsroom; the feed never writes into them.
      if (local?.origin === 'curated') continue;
      if (local === undefined && !trackedImpacts.has(sp.impact)) continue;
      const normalized = normalizeIncident(state.source, pageName, sp);
      if (normalized === null) {
        rejected += 1;
        continue;
      }
      rejected += normalized.dropped;
      // The English title and the rest follow upstream; an Arabic title is the newsroom's and stays.
      await service.upsertUpstreamIncident(normalized.incident);

      const entries = new Map(foldTimeline(await service.store.listUpdates(normalized.incident.id)).map((e) => [e.id, e]));
      for (const { update, editedAt } of normalized.updates) {
        const existing = entries.get(update.id);
        try {
          if (existing === undefined) {
            if ((await service.append(update)).outcome === 'appended') appended += 1;
          } else if (differs(existing, update)) {
            // An upstream edit becomes a correction record; the first version stays in history.
            if (existing.retracted !== null || existing.corrections.length >= maxCorrectionsPerUpdate) {
              rejected += 1;
              continue;
            }
            const correction: Update = {
              ...update,
              id: `${existing.id}-c${existing.corrections.length + 1}`,
              at: editedAt > existing.at ? editedAt : this.now().toISOString(),
              key: false,
              corrects: existing.id,
            };
            if ((await service.append(correction)).outcome === 'appended') corrected += 1;
          }
        } catch (error) {
          if (!(error instanceof StoreRejection)) throw error;
          rejected += 1;
        }
      }
    }
    return { appended, corrected, rejected };
  }

  private async persistSnapshot(state: SourceState): Promise<void> {
    if (this.options.dataDir === null) return;
    try {
      await saveSnapshot(this.options.dataDir, {
        provider: state.source.provider,
        baseUrl: state.source.baseUrl,
        savedAt: this.now().toISOString(),
        endpoints: state.lastGood,
      });
      state.snapshotWarned = false;
    } catch (error) {
      if (!state.snapshotWarned) {
        this.logger.warn(`statuspage ${state.source.provider}: cannot save snapshot (${error instanceof Error ? error.message : 'unknown error'})`);
        state.snapshotWarned = true;
      }
    }
  }

  private async recordHealth(state: SourceState, errors: readonly string[], codes: readonly string[]): Promise<void> {
    const now = this.now().toISOString();
    const prev = state.health;
    const failing = errors.length > 0;
    state.failures = failing ? state.failures + 1 : 0;
    const next: FeedHealth = failing
      ? {
          ...prev,
          state: 'failing',
          lastAttemptAt: now,
          failingSince: prev.state === 'failing' && prev.failingSince !== null ? prev.failingSince : now,
          lastError: errors.join('; ').slice(0, 500),
          consecutiveFailures: state.failures,
        }
      : { ...prev, state: 'ok', lastAttemptAt: now, lastSuccessAt: now, failingSince: null, lastError: null, consecutiveFailures: 0 };

    // Log and announce transitions only: a feed that stays down for a day logs one line.
    const logKey = failing ? `failing:${[...codes].sort().join(',')}` : 'ok';
    const changed = logKey !== state.logKey;
    if (changed) {
      if (failing) this.logger.warn(`statuspage ${state.source.provider}: official feed failing (${next.lastError ?? ''})`);
      else if (state.logKey !== 'unknown') this.logger.info(`statuspage ${state.source.provider}: official feed ${state.logKey === 'disabled' ? 'resumed' : 'recovered'}`);
      state.logKey = logKey;
    }
    await this.setHealth(state, next, changed);
  }

  private async setHealth(state: SourceState, health: FeedHealth, announce: boolean): Promise<void> {
    state.health = health;
    await this.options.service.recordFeedHealth(health, announce);
  }
}
