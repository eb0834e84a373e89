import { IncidentSchema, UpdateSchema, type Incident, type StoredUpdate, type Update } from '@/lib/incidents/model';
import {
  FeedHealthSchema,
  StoreRejection,
  type AppendResult,
  type FeedHealth,
  type IncidentStore,
  type ListUpdatesOptions,
} from '@/lib/incidents/store';
import { checkRevision } from '@/lib/incidents/timeline';

/**
 * The store used at build time and whenever the data directory is unusable. Same contract as
 * the SQLite store, including validation, so the fallback cannot accept what SQLite refuses.
 */
export class MemoryIncidentStore implements IncidentStore {
  readonly backend = 'memory';
  private readonly incidents = new Map<string, Incident>();
  private readonly updates: StoredUpdate[] = [];
  private readonly health = new Map<string, FeedHealth>();
  private seq = 0;

  async listIncidents(): Promise<Incident[]> {
    return [...this.incidents.values()].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    return this.incidents.get(id);
  }

  async upsertIncident(incident: Incident): Promise<void> {
    const parsed = IncidentSchema.safeParse(incident);
    if (!parsed.success) throw new StoreRejection('invalid', `invalid incident: ${parsed.error.message}`);
    this.incidents.set(parsed.data.id, parsed.data);
  }

  async listUpdates(incidentId: string, options: ListUpdatesOptions = {}): Promise<StoredUpdate[]> {
    const since = options.sinceSeq ?? 0;
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const out: StoredUpdate[] = [];
    for (const u of this.updates) {
      if (out.length >= limit) break;
      if (u.incidentId === incidentId && u.seq > since) out.push(u);
    }
    return out;
  }

  async appendUpdate(update: Update): Promise<AppendResult> {
    const parsed = UpdateSchema.safeParse(update);
    if (!parsed.success) throw new StoreRejection('invalid', `invalid update: ${parsed.error.message}`);
    const u = parsed.data;
    if (!this.incidents.has(u.incidentId)) throw new StoreRejection('unknown-incident', `no incident "${u.incidentId}"`);
    const existing = this.updates.filter((s) => s.incidentId === u.incidentId);
    const duplicate = existing.find((s) => s.id === u.id);
    if (duplicate !== undefined) return { outcome: 'duplicate', update: duplicate };
    const problem = checkRevision(existing, u);
    if (problem !== null) throw new StoreRejection(problem, `update "${u.id}" rejected: ${problem}`);
    this.seq += 1;
    const stored: StoredUpdate = { ...u, seq: this.seq };
    this.updates.push(stored);
    return { outcome: 'appended', update: stored };
  }

  async lastSeq(incidentId: string): Promise<number> {
    for (let i = this.updates.length - 1; i >= 0; i -= 1) {
      const u = this.updates[i];
      if (u !== undefined && u.incidentId === incidentId) return u.seq;
    }
    return 0;
  }

  async getFeedHealth(): Promise<FeedHealth[]> {
    return [...this.health.values()].sort((a, b) => a.provider.localeCompare(b.provider));
  }

  async setFeedHealth(health: FeedHealth): Promise<void> {
    const parsed = FeedHealthSchema.safeParse(health);
    if (!parsed.success) throw new StoreRejection('invalid', `invalid feed health: ${parsed.error.message}`);
    this.health.set(parsed.data.provider, parsed.data);
  }

  async close(): Promise<void> {}
}
