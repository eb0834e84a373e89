import { z } from 'zod';
import { updateStatuses } from '@/lib/incidents/model';

/**
 * Atlassian Statuspage API v2, only the fields we use (unknown fields are dropped). Documents
 * are parsed item by item: one incident or update that fails validation (an unknown status,
 * a missing field) is rejected and counted, and the rest of the document is kept.
 */

// Statuspage writes local offsets ("2025-11-18T06:48:05.123-05:00"); we keep UTC with a Z.
const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const impacts = ['none', 'minor', 'major', 'critical'] as const;

export const SpUpdateSchema = z.object({
  id: z.string().min(1).max(100),
  status: z.enum(updateStatuses),
  body: z.string().max(100_000),
  created_at: Instant,
  updated_at: Instant.nullish(),
  display_at: Instant.nullish(),
});
export type SpUpdate = z.infer<typeof SpUpdateSchema>;

const SpComponentSchema = z.object({ name: z.string().max(300) });

const SpIncidentBase = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(2000),
  status: z.enum(updateStatuses),
  impact: z.enum(impacts),
  created_at: Instant,
  updated_at: Instant.nullish(),
  started_at: Instant.nullish(),
  resolved_at: Instant.nullish(),
  shortlink: z.string().max(2000).nullish(),
  components: z.array(z.unknown()).max(1000).nullish(),
  incident_updates: z.array(z.unknown()).max(2000),
});

export interface SpIncident extends Omit<z.infer<typeof SpIncidentBase>, 'components' | 'incident_updates'> {
  readonly components: readonly { readonly name: string }[];
  readonly incident_updates: readonly SpUpdate[];
}

const PageSchema = z.object({ id: z.string().max(100).optional(), name: z.string().max(300), url: z.string().max(2000).optional() });

const DocumentSchema = z.object({
  page: PageSchema.optional(),
  status: z.object({ indicator: z.string().max(40), description: z.string().max(500) }).optional(),
  incidents: z.array(z.unknown()).max(5000),
});

/** Keeps the API's own shape, so a saved snapshot re-validates through parseDocument. */
export interface ParsedDocument {
  readonly page?: { readonly name: string };
  readonly status?: { readonly indicator: string; readonly description: string };
  readonly incidents: readonly SpIncident[];
}

export interface ParseReport {
  readonly document: ParsedDocument;
  readonly rejected: { readonly incidents: number; readonly updates: number };
}

export class DocumentShapeError extends Error {
  override readonly name = 'DocumentShapeError';
}

export function parseIncident(raw: unknown): { incident: SpIncident | null; rejectedUpdates: number } {
  const base = SpIncidentBase.safeParse(raw);
  if (!base.success) return { incident: null, rejectedUpdates: 0 };
  let rejectedUpdates = 0;
  const updates: SpUpdate[] = [];
  for (const item of base.data.incident_updates) {
    const u = SpUpdateSchema.safeParse(item);
    if (u.success) updates.push(u.data);
    else rejectedUpdates += 1;
  }
  const components: { name: string }[] = [];
  for (const item of base.data.components ?? []) {
    const c = SpComponentSchema.safeParse(item);
    if (c.success) components.push({ name: c.data.name });
  }
  return { incident: { ...base.data, components, incident_updates: updates }, rejectedUpdates };
}

/** incidents.json, incidents/unresolved.json and summary.json share this shape. */
export function parseDocument(raw: unknown): ParseReport {
  const doc = DocumentSchema.safeParse(raw);
  if (!doc.success) throw new DocumentShapeError(z.prettifyError(doc.error).replace(/\s+/g, ' ').slice(0, 200));
  const incidents: SpIncident[] = [];
  let rejectedIncidents = 0;
  let rejectedUpdates = 0;
  for (const item of doc.data.incidents) {
    const parsed = parseIncident(item);
    rejectedUpdates += parsed.rejectedUpdates;
    if (parsed.incident === null) rejectedIncidents += 1;
    else incidents.push(parsed.incident);
  }
  const document: ParsedDocument = {
    ...(doc.data.page === undefined ? {} : { page: { name: doc.data.page.name } }),
    ...(doc.data.status === undefined ? {} : { status: doc.data.status }),
    incidents,
  };
  return { document, rejected: { incidents: rejectedIncidents, updates: rejectedUpdates } };
}
