import { loadBundledIncidents } from '@/lib/incidents/bundle';
import { readIncidentConfig, type IncidentConfig } from '@/lib/incidents/config';
import { IncidentHub } from '@/lib/incidents/hub';
import { MemoryIncidentStore } from '@/lib/incidents/memory-store';
import { IncidentService } from '@/lib/incidents/service';
import { SqliteIncidentStore } from '@/lib/incidents/sqlite-store';
import { HeartbeatTicker, SseGate } from '@/lib/incidents/sse';
import { StatuspagePoller } from '@/lib/incidents/statuspage/poller';
import { seedFromBundles, type IncidentStore, type StorageHealth } from '@/lib/incidents/store';

/**
 * The process-wide incident backend: store, hub, SSE gate and poller. Next.js can evaluate
 * server modules in several module graphs in one process (instrumentation, route handlers,
 * pages), so the single instance lives on globalThis under a registered Symbol, not in a
 * module variable.
 */

const runtimeKey: unique symbol = Symbol.for('outage-watch.incidents.runtime');

interface RuntimeHolder {
  [runtimeKey]?: IncidentRuntime;
}

export interface IncidentRuntime {
  readonly config: IncidentConfig;
  readonly hub: IncidentHub;
  readonly gate: SseGate;
  readonly heartbeat: HeartbeatTicker;
  /** Resolves once the store is open and seeded; never rejects for storage reasons (it falls back). */
  readonly ready: Promise<{ readonly service: IncidentService; readonly storage: StorageHealth }>;
  ingestStarted: boolean;
  poller: StatuspagePoller | null;
}

const holder: RuntimeHolder & typeof globalThis = globalThis;

/** True while `next build` runs: pages then read the bundled timelines and nothing touches the disk. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build';
}

async function memoryStore(): Promise<IncidentStore> {
  const store = new MemoryIncidentStore();
  await seedFromBundles(store, loadBundledIncidents());
  return store;
}

async function openStore(config: IncidentConfig): Promise<{ store: IncidentStore; storage: StorageHealth }> {
  if (isBuildPhase()) return { store: await memoryStore(), storage: { backend: 'memory', ok: true, reason: 'build', error: null } };
  let sqlite: SqliteIncidentStore | undefined;
  try {
    sqlite = SqliteIncidentStore.open(config.dataDir);
    await seedFromBundles(sqlite, loadBundledIncidents());
    return { store: sqlite, storage: { backend: 'sqlite', ok: true, reason: 'ok', error: null } };
  } catch (error) {
    await sqlite?.close().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[incidents] storage unavailable in ${config.dataDir} (${message}); serving the bundled timeline from memory`);
    return { store: await memoryStore(), storage: { backend: 'memory', ok: false, reason: 'unavailable', error: message } };
  }
}

function createRuntime(): IncidentRuntime {
  const { config, problems } = readIncidentConfig();
  for (const p of problems) console.warn(`[incidents] config: ${p}`);
  const hub = new IncidentHub();
  const ready = openStore(config).then(({ store, storage }) => ({ service: new IncidentService(store, hub), storage }));
  return { config, hub, gate: new SseGate(config.sseMaxConnections), heartbeat: new HeartbeatTicker(), ready, ingestStarted: false, poller: null };
}

export function getIncidentRuntime(): IncidentRuntime {
  holder[runtimeKey] ??= createRuntime();
  return holder[runtimeKey];
}

export async function getIncidentService(): Promise<IncidentService> {
  return (await getIncidentRuntime().ready).service;
}

export async function getStorageHealth(): Promise<StorageHealth> {
  return (await getIncidentRuntime().ready).storage;
}

/** Called from instrumentation.ts register(). Idempotent; never during a build. */
export function startIncidentIngest(): void {
  if (isBuildPhase()) return;
  const runtime = getIncidentRuntime();
  if (runtime.ingestStarted) return;
  runtime.ingestStarted = true;
  const { statuspage, dataDir } = runtime.config;
  void runtime.ready
    .then(async ({ service }) => {
      if (!statuspage.ingest) {
        console.info('[incidents] statuspage ingest is off (STATUSPAGE_INGEST)');
        // Say so in feed health, keeping what was last known, so pages do not show a stale "ok".
        const known = await service.store.getFeedHealth();
        for (const source of statuspage.sources) {
          const previous = known.find((h) => h.provider === source.provider && h.baseUrl === source.baseUrl);
          await service.recordFeedHealth(
            {
              provider: source.provider,
              baseUrl: source.baseUrl,
              state: 'disabled',
              lastAttemptAt: previous?.lastAttemptAt ?? null,
              lastSuccessAt: previous?.lastSuccessAt ?? null,
              failingSince: null,
              lastError: null,
              consecutiveFailures: 0,
            },
            false,
          );
        }
        return;
      }
      if (statuspage.sources.length === 0) {
        console.info('[incidents] statuspage ingest is off (STATUSPAGE_URLS is empty)');
        return;
      }
      if (runtime !== holder[runtimeKey]) return;
      runtime.poller = new StatuspagePoller({ sources: statuspage.sources, service, dataDir, intervalMs: statuspage.pollSeconds * 1000,
        // Backoff is capped at ten intervals (at least one minute) so a recovered feed is seen soon.
        maxBackoffMs: Math.max(60_000, statuspage.pollSeconds * 10_000),
      });
      runtime.poller.start();
    })
    .catch((error: unknown) => console.error('[incidents] could not start statuspage ingest', error));
}

/** Stops the poller and closes the store (graceful shutdown, and between tests). */
export async function disposeIncidentRuntime(): Promise<void> {
  const runtime = holder[runtimeKey];
  if (runtime === undefined) return;
  delete holder[runtimeKey];
  await runtime.poller?.stop();
  const { service } = await runtime.ready;
  await service.store.close();
}
