import type { Incident, UpdateStatus } from '@/lib/incidents/model';
import type { TimelineEntry } from '@/lib/incidents/timeline';
import type { PublicFeedHealth } from '@/lib/incidents/view';

/**
 * In-process fan-out of timeline changes to live readers. It carries notifications only; the
 * store stays the source of truth (subscribers resume from it by sequence number). With more
 * than one server instance, a PostgreSQL LISTEN/NOTIFY bridge would call publish() on each
 * instance's hub (docs/decisions/0010-incident-storage.md).
 */

export type IncidentEvent =
  | {
      readonly type: 'update';
      readonly incidentId: string;
      readonly seq: number;
      readonly entry: TimelineEntry;
      readonly status: UpdateStatus | null;
    }
  | {
      /** A correction or retraction: `entry` is the revised entry as readers should now see it. */
      readonly type: 'change';
      readonly incidentId: string;
      readonly seq: number;
      readonly revisionId: string;
      readonly entry: TimelineEntry;
      readonly status: UpdateStatus | null;
    }
  | {
      /**
       * The incident's own record changed (its title, end, affected services…), after the change
       * was committed. Metadata, not part of the log: no sequence number. `incident` is the record
       * as stored now.
       */
      readonly type: 'incident';
      readonly incidentId: string;
      readonly incident: Incident;
    }
  | { readonly type: 'health'; readonly feed: PublicFeedHealth };

export type IncidentListener = (event: IncidentEvent) => void;

export class IncidentHub {
  private readonly byIncident = new Map<string, Set<IncidentListener>>();
  /** Listeners for every event of every incident (e.g. the page cache's invalidation). */
  private readonly everything = new Set<IncidentListener>();
  private count = 0;

  constructor(private readonly onListenerError: (error: unknown) => void = (e) => console.error('[incidents] hub listener failed', e)) {}

  subscribe(incidentId: string, listener: IncidentListener): () => void {
    let set = this.byIncident.get(incidentId);
    if (set === undefined) {
      set = new Set();
      this.byIncident.set(incidentId, set);
    }
    set.add(listener);
    this.count += 1;
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      const current = this.byIncident.get(incidentId);
      if (current?.delete(listener) === true) this.count -= 1;
      if (current?.size === 0) this.byIncident.delete(incidentId);
    };
  }

  /** Every event, of every incident. Not counted as a reader. */
  subscribeAll(listener: IncidentListener): () => void {
    this.everything.add(listener);
    return () => {
      this.everything.delete(listener);
    };
  }

  /** Health goes to every subscriber: any incident page may show the feed's state. */
  publish(event: IncidentEvent): void {
    const targets = event.type === 'health' ? [...this.byIncident.values()] : [this.byIncident.get(event.incidentId) ?? new Set<IncidentListener>()];
    targets.push(this.everything);
    for (const set of targets) {
      for (const listener of [...set]) {
        try {
          listener(event);
        } catch (error) {
          this.onListenerError(error);
        }
      }
    }
  }

  get subscriberCount(): number {
    return this.count;
  }
}
