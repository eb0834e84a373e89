import { z } from 'zod';
import type { IncidentBundle } from '@/lib/incidents/bundle';
import { HttpUrlSchema, ProviderSchema, UtcInstantSchema, type Incident, type StoredUpdate, type Update } from '@/lib/incidents/model';
import type { RevisionProblem } from '@/lib/incidents/timeline';

/**
 * What the incident pages, APIs and the poller need from storage, and no more. Every method
 * is async even though SQLite is not, so a PostgreSQL adapter can implement the same contract
 * (docs/decisions/0010-incident-storage.md).
 */

export const feedStates = ['unknown', 'ok', 'failing', 'disabled'] as const;

export const FeedHealthSchema = z.object({
  provider: ProviderSchema,
  baseUrl: HttpUrlSchema,
  state: z.enum(feedStates),
  lastAttemptAt: UtcInstantSchema.nullable(),
  lastSuccessAt: UtcInstantSchema.nullable(),
  failingSince: UtcInstantSchema.nullable(),
  lastError: z.string().max(500).nullable(),
  consecutiveFailures: z.number().int().min(0),
});
export type FeedHealth = z.infer<typeof FeedHealthSchema>;

export type AppendResult =
  | { readonly outcome: 'appended'; readonly update: StoredUpdate }
  /** The same id already exists for this incident: appends are idempotent. */
  | { readonly outcome: 'duplicate'; readonly update: StoredUpdate };

export type StoreRejectionCode = 'unknown-incident' | 'invalid' | RevisionProblem;

/** A write the store refuses because of what it says, not because storage failed. */
export class StoreRejection extends Error {
  override readonly name = 'StoreRejection';
  constructor(
    readonly code: StoreRejectionCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ListUpdatesOptions {
  /** Only updates with a sequence number above this (an SSE Last-Event-ID). */
  readonly sinceSeq?: number;
  readonly limit?: number;
}

export interface IncidentStore {
  readonly backend: 'sqlite' | 'memory';
  listIncidents(): Promise<Incident[]>;
  getIncident(id: string): Promise<Incident | undefined>;
  upsertIncident(incident: Incident): Promise<void>;
  /** In sequence (append) order. */
  listUpdates(incidentId: string, options?: ListUpdatesOptions): Promise<StoredUpdate[]>;
  appendUpdate(update: Update): Promise<AppendResult>;
  /** Highest sequence number of the incident's updates, 0 if none. */
  lastSeq(incidentId: string): Promise<number>;
  getFeedHealth(): Promise<FeedHealth[]>;
  setFeedHealth(health: FeedHealth): Promise<void>;
  close(): Promise<void>;
}

/** Which storage is serving, and why: the reader side keeps working on the bundled timeline if SQLite cannot. */
export interface StorageHealth {
  readonly backend: 'sqlite' | 'memory';
  readonly ok: boolean;
  /** 'build': no database during `next build`, by design. 'unavailable': the data directory or file failed. */
  readonly reason: 'ok' | 'build' | 'unavailable';
  readonly error: string | null;
}

/**
 * Brings bundled timelines into a store. Safe to run on every start: incidents are refreshed,
 * updates already present are left alone (an edit to a bundled update must be a correction
 * record in the file, never a rewrite of history).
 */
export async function seedFromBundles(store: IncidentStore, bundles: readonly IncidentBundle[]): Promise<{ appended: number }> {
  let appended = 0;
  for (const bundle of bundles) {
    await store.upsertIncident(bundle.incident);
    for (const update of bundle.updates) {
      const result = await store.appendUpdate(update);
      if (result.outcome === 'appended') appended += 1;
    }
  }
  return { appended };
}
