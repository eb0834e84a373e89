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
  /** The tail of each incident's queue of metadata writes (see serialized()). */
  private readonly incidentWrites = new Map<string, Promise<void>>();

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

  /**
   * Returns whether anything changed. Incidents are not append-only: their metadata is refreshed.
   * A change is announced on the hub (`incident`) once it is stored, so cached pages and open
   * reader pages drop the old title or end time.
   */
  async upsertIncident(incident: Incident): Promise<boolean> {
    // Parsing puts keys in schema order, so the comparison does not depend on how it was built.
    const normalized = IncidentSchema.parse(incident);
    return this.serialized(normalized.id, async () => this.write(normalized, await this.store.getIncident(normalized.id)));
  }

  /**
   * An incident as an upstream feed (the status-page poller) sees it. The feed owns the record,
   * except the Arabic title: upstream speaks English only, so a stored `title.ar` was written by
   * the newsroom and is kept, whatever the feed sends; the English title keeps following upstream.
   * Read and written under the incident's lock, so an editor's title set during a poll survives it.
   */
  async upsertUpstreamIncident(incident: Incident): Promise<boolean> {
    const normalized = IncidentSchema.parse(incident);
    return this.serialized(normalized.id, async () => {
      const existing = await this.store.getIncident(normalized.id);
      const ar = existing?.title.ar;
      const merged = ar === undefined ? normalized : IncidentSchema.parse({ ...normalized, title: { ...normalized.title, ar } });
      return this.write(merged, existing);
    });
  }

  /**
   * Read-modify-write of one incident under its lock: `change` gets the stored record and returns
   * the new one, or null to leave it as it is. Undefined if there is no such incident.
   */
  async reviseIncident(id: string, change: (current: Incident) => Incident | null | Promise<Incident | null>): Promise<{ before: Incident; after: Incident; changed: boolean } | undefined> {
    return this.serialized(id, async () => {
      const before = await this.store.getIncident(id);
      if (before === undefined) return undefined;
      const next = await change(before);
      if (next === null) return { before, after: before, changed: false };
      const after = IncidentSchema.parse(next);
      if (after.id !== id) throw new StoreRejection('invalid', 'an incident cannot change its id');
      const changed = await this.write(after, before);
      return { before, after, changed };
    });
  }

  /** Stores `next` unless it equals `existing`; announces the change once it is committed. */
  private async write(next: Incident, existing: Incident | undefined): Promise<boolean> {
    if (existing !== undefined && JSON.stringify(existing) === JSON.stringify(next)) return false;
    await this.store.upsertIncident(next);
    this.hub.publish({ type: 'incident', incidentId: next.id, incident: next });
    return true;
  }

  /**
   * Runs writes to one incident one at a time in this process (the poller, the desk), so a
   * read-modify-write never loses another's change. Other incidents are not held up.
   */
  private serialized<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.incidentWrites.get(id) ?? Promise.resolve();
    const run = previous.then(work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.incidentWrites.set(id, settled);
    void settled.then(() => {
      if (this.incidentWrites.get(id) === settled) this.incidentWrites.delete(id);
    });
    return run;
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
