import type { IncidentHub } from '@/lib/incidents/hub';
import { IncidentSchema, type Incident, type Update } from '@/lib/incidents/model';
import { StoreRejection, type AppendResult, type FeedHealth, type IncidentStore } from '@/lib/incidents/store';
import { deriveStatus, foldTimeline } from '@/lib/incidents/timeline';
import { buildIncidentView, toPublicFeedHealth, type IncidentView, type PublicFeedHealth } from '@/lib/incidents/view';

/**
 * The one way to change the timeline: every write goes through here so live readers are told
 * about it after it is committed, never before.
 */
export class IncidentService {
  /**
   * Feed health the store could not save (disk full, I/O error): kept here so readers see the
   * feed's real state instead of the last one that reached the disk. Cleared by the next save.
   */
  private readonly unsavedHealth = new Map<string, FeedHealth>();

  constructor(
    readonly store: IncidentStore,
    readonly hub: IncidentHub,
  ) {}

  private async feedHealth(): Promise<FeedHealth[]> {
    const stored = await this.store.getFeedHealth();
    if (this.unsavedHealth.size === 0) return stored;
    const merged = new Map(stored.map((h) => [h.provider, h]));
    for (const [provider, h] of this.unsavedHealth) merged.set(provider, h);
    return [...merged.values()];
  }

  /** The current health of one provider's official feed, or null when it is not polled. */
  async feedHealthFor(provider: string): Promise<PublicFeedHealth | null> {
    const health = (await this.feedHealth()).find((h) => h.provider === provider);
    return health === undefined ? null : toPublicFeedHealth(health);
  }

  async getIncidentView(id: string): Promise<IncidentView | undefined> {
    const incident = await this.store.getIncident(id);
    if (incident === undefined) return undefined;
    const [updates, feeds] = await Promise.all([this.store.listUpdates(id), this.feedHealth()]);
    return buildIncidentView(incident, updates, feeds);
  }

  /** Every incident, newest first, plus the health of every polled feed. */
  async listIncidentViews(): Promise<{ incidents: IncidentView[]; feeds: PublicFeedHealth[] }> {
    const [incidents, feeds] = await Promise.all([this.store.listIncidents(), this.feedHealth()]);
    return {
      incidents: await Promise.all(incidents.map(async (i) => buildIncidentView(i, await this.store.listUpdates(i.id), feeds))),
      feeds: feeds.map(toPublicFeedHealth),
    };
  }

  async append(update: Update): Promise<AppendResult> {
    const result = await this.store.appendUpdate(update);
    if (result.outcome === 'appended') await this.announce(result.update.incidentId, result.update.id, result.update.seq);
    return result;
  }

  /** Returns whether anything changed. Incidents are not append-only: their metadata is refreshed. */
  async upsertIncident(incident: Incident): Promise<boolean> {
    // Parsing puts keys in schema order, so the comparison does not depend on how it was built.
    const normalized = IncidentSchema.parse(incident);
    const existing = await this.store.getIncident(normalized.id);
    if (existing !== undefined && JSON.stringify(existing) === JSON.stringify(normalized)) return false;
    await this.store.upsertIncident(normalized);
    return true;
  }

  /** Rejects if the store cannot save it; readers and live events still get it then. */
  async recordFeedHealth(health: FeedHealth, announce: boolean): Promise<void> {
    let storageError: unknown = null;
    try {
      await this.store.setFeedHealth(health);
      this.unsavedHealth.delete(health.provider);
    } catch (error) {
      if (error instanceof StoreRejection) throw error;
      this.unsavedHealth.set(health.provider, health);
      storageError = error ?? new Error('storage failed');
    }
    if (announce) this.hub.publish({ type: 'health', feed: toPublicFeedHealth(health) });
    if (storageError !== null) throw storageError;
  }

  private async announce(incidentId: string, recordId: string, seq: number): Promise<void> {
    const entries = foldTimeline(await this.store.listUpdates(incidentId));
    const status = deriveStatus(entries);
    const own = entries.find((e) => e.id === recordId);
    if (own !== undefined) {
      this.hub.publish({ type: 'update', incidentId, seq, entry: own, status });
      return;
    }
    const revised = entries.find((e) => e.retracted?.id === recordId || e.corrections.some((c) => c.id === recordId));
    if (revised !== undefined) this.hub.publish({ type: 'change', incidentId, seq, revisionId: recordId, entry: revised, status });
  }
}
