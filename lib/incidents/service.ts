import type { IncidentHub } from '@/lib/incidents/hub';
import { IncidentSchema, type Incident, type Update } from '@/lib/incidents/model';
import type { AppendResult, FeedHealth, IncidentStore } from '@/lib/incidents/store';
import { deriveStatus, foldTimeline } from '@/lib/incidents/timeline';
import { buildIncidentView, toPublicFeedHealth, type IncidentView, type PublicFeedHealth } from '@/lib/incidents/view';

/**
 * The one way to change the timeline: every write goes through here so live readers are told
 * about it after it is committed, never before.
 */
export class IncidentService {
  constructor(
    readonly store: IncidentStore,
    readonly hub: IncidentHub,
  ) {}

  async getIncidentView(id: string): Promise<IncidentView | undefined> {
    const incident = await this.store.getIncident(id);
    if (incident === undefined) return undefined;
    const [updates, feeds] = await Promise.all([this.store.listUpdates(id), this.store.getFeedHealth()]);
    return buildIncidentView(incident, updates, feeds);
  }

  /** Every incident, newest first, plus the health of every polled feed. */
  async listIncidentViews(): Promise<{ incidents: IncidentView[]; feeds: PublicFeedHealth[] }> {
    const [incidents, feeds] = await Promise.all([this.store.listIncidents(), this.store.getFeedHealth()]);
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

  async recordFeedHealth(health: FeedHealth, announce: boolean): Promise<void> {
    await this.store.setFeedHealth(health);
    if (announce) this.hub.publish({ type: 'health', feed: toPublicFeedHealth(health) });
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
