import { readDeskConfig, type DeskConfig } from '@/lib/desk/config';
import { DeskService } from '@/lib/desk/service';
import { SqliteDeskStore } from '@/lib/desk/sqlite-desk-store';
import { getIncidentRuntime } from '@/lib/incidents/runtime';

/**
 * The desk's per-process singleton, on globalThis like the incident runtime (Next evaluates
 * route handlers and pages in separate module graphs). It exists only on durable storage: when
 * the incident store fell back to memory (DATA_DIR unusable), readers still get the bundled
 * timeline but the desk is unavailable, because an update published into memory would be
 * acknowledged and then lost.
 */

const runtimeKey: unique symbol = Symbol.for('outage-watch.desk.runtime');

export type DeskAvailability = { readonly ok: true; readonly desk: DeskService } | { readonly ok: false; readonly reason: 'storage'; readonly error: string | null };

interface DeskRuntime {
  readonly config: DeskConfig;
  readonly ready: Promise<DeskAvailability>;
}

interface Holder {
  [runtimeKey]?: DeskRuntime;
}

const holder: Holder & typeof globalThis = globalThis;

async function open(config: DeskConfig): Promise<DeskAvailability> {
  const incidents = getIncidentRuntime();
  const { service, storage } = await incidents.ready;
  if (!storage.ok || storage.backend !== 'sqlite') {
    console.error(`[desk] unavailable: the timeline is not on durable storage (${storage.error ?? storage.reason})`);
    return { ok: false, reason: 'storage', error: storage.error };
  }
  try {
    const store = SqliteDeskStore.open(incidents.config.dataDir);
    return { ok: true, desk: new DeskService({ store, incidents: service, config }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[desk] unavailable: cannot open the desk tables (${message})`);
    return { ok: false, reason: 'storage', error: message };
  }
}

function runtime(): DeskRuntime {
  if (holder[runtimeKey] === undefined) {
    const config = readDeskConfig();
    holder[runtimeKey] = { config, ready: open(config) };
  }
  return holder[runtimeKey];
}

export function getDesk(): Promise<DeskAvailability> {
  return runtime().ready;
}

export function getDeskConfig(): DeskConfig {
  return runtime().config;
}

/** Closes the desk's connection (tests, graceful shutdown). The incident runtime is separate. */
export async function disposeDeskRuntime(): Promise<void> {
  const current = holder[runtimeKey];
  if (current === undefined) return;
  delete holder[runtimeKey];
  const ready = await current.ready;
  if (ready.ok) await ready.desk.store.close();
}
