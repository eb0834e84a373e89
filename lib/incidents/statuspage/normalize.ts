import { createHash } from 'node:crypto';
import type { StatuspageSource } from '@/lib/incidents/config';
import { HttpUrlSchema, incidentIdPattern, type Incident, type Source, type Update, type UpdateStatus } from '@/lib/incidents/model';
import { toPlainText } from '@/lib/incidents/statuspage/sanitize';
import type { SpIncident, SpUpdate } from '@/lib/incidents/statuspage/schema';

/**
 * Statuspage incidents → our model. Official text arrives in English only: `text.ar` is left
 * absent, which readers see as "awaiting Arabic", never as a machine translation.
 */

export const trackedImpacts: ReadonlySet<string> = new Set(['major', 'critical']);

export interface NormalizedUpdate {
  readonly upstreamId: string;
  /** When upstream last touched the update: the time of an edit, if it was edited. */
  readonly editedAt: string;
  readonly update: Update;
}

export interface NormalizedIncident {
  readonly upstreamId: string;
  readonly impact: SpIncident['impact'];
  readonly incident: Incident;
  readonly updates: readonly NormalizedUpdate[];
  /** Updates dropped here (e.g. empty once HTML is stripped), on top of those the schema rejected. */
  readonly dropped: number;
}

function shortHash(raw: string, length: number): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, length);
}

/** Upstream ids are opaque strings: keep them readable when they are already safe, hash otherwise. */
export function safeToken(raw: string): string {
  const lower = raw.toLowerCase();
  if (/^[a-z0-9]{1,60}$/.test(lower) && lower === raw) return raw;
  const readable = lower.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return readable === '' ? `h${shortHash(raw, 16)}` : `${readable}-${shortHash(raw, 10)}`;
}

export function localIncidentId(provider: string, upstreamId: string): string {
  const id = `${provider}-${safeToken(upstreamId)}`;
  return incidentIdPattern.test(id) ? id : `${provider}-h${shortHash(upstreamId, 16)}`;
}

export function localUpdateId(upstreamId: string): string {
  return `sp-${safeToken(upstreamId)}`;
}

function incidentUrl(source: StatuspageSource, sp: SpIncident): string {
  const shortlink = HttpUrlSchema.safeParse(sp.shortlink ?? undefined);
  return shortlink.success ? shortlink.data : `${source.baseUrl}/incidents/${encodeURIComponent(sp.id)}`;
}

function laterOf(a: SpUpdate, b: SpUpdate): SpUpdate {
  return (b.updated_at ?? b.created_at) >= (a.updated_at ?? a.created_at) ? b : a;
}

export function normalizeIncident(source: StatuspageSource, pageName: string | null, sp: SpIncident): NormalizedIncident | null {
  const title = toPlainText(sp.name, 300);
  if (title === '') return null;
  const id = localIncidentId(source.provider, sp.id);
  const url = incidentUrl(source, sp);
  const sourceRef: Source = { name: `${toPlainText(pageName ?? '', 100) || source.provider} status page`, url };
  const services = [...new Set(sp.components.map((c) => toPlainText(c.name, 120)).filter((n) => n !== ''))].slice(0, 100);
  const ended = sp.status === 'resolved' || sp.status === 'postmortem';

  const incident: Incident = {
    id,
    provider: source.provider,
    title: { en: title },
    affectedServices: services,
    startedAt: sp.started_at ?? sp.created_at,
    ...(ended && sp.resolved_at ? { endedAt: sp.resolved_at } : {}),
    source: sourceRef,
    origin: 'statuspage',
    upstream: { provider: source.provider, incidentId: sp.id },
  };

  // A feed can repeat an update; the copy edited last is the one that counts.
  const unique = new Map<string, SpUpdate>();
  for (const u of sp.incident_updates) {
    const seen = unique.get(u.id);
    unique.set(u.id, seen === undefined ? u : laterOf(seen, u));
  }
  const ordered = [...unique.values()].sort((a, b) => {
    const ta = a.display_at ?? a.created_at;
    const tb = b.display_at ?? b.created_at;
    if (ta !== tb) return ta < tb ? -1 : 1;
    if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });

  let dropped = 0;
  let previous: UpdateStatus | null = null;
  const updates: NormalizedUpdate[] = [];
  for (const u of ordered) {
    const body = toPlainText(u.body, 5000);
    if (body === '') {
      dropped += 1;
      continue;
    }
    updates.push({
      upstreamId: u.id,
      editedAt: u.updated_at ?? u.created_at,
      update: {
        id: localUpdateId(u.id),
        incidentId: id,
        at: u.display_at ?? u.created_at,
        status: u.status,
        text: { en: body },
        source: sourceRef,
        kind: 'official',
        // A change of lifecycle status is a turning point; "still investigating" is not.
        key: u.status !== previous,
      },
    });
    previous = u.status;
  }
  return { upstreamId: sp.id, impact: sp.impact, incident, updates, dropped };
}
