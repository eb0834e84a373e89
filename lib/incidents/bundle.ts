import { z } from 'zod';
import cloudflare20251118 from '@/content/incidents/cloudflare-2025-11-18.json';
import { IncidentSchema, UpdateSchema, type Incident, type Update } from '@/lib/incidents/model';
import { checkRevision } from '@/lib/incidents/timeline';

/**
 * Timelines shipped with the site. They seed the store and are what pages render at build
 * time, so they pass the same schemas as everything else, plus checks only a whole file allows.
 */

export interface IncidentBundle {
  readonly incident: Incident;
  readonly updates: readonly Update[];
}

export const IncidentBundleSchema = z
  .object({ incident: IncidentSchema, updates: z.array(UpdateSchema).min(1) })
  .superRefine((bundle, ctx) => {
    const seen = new Set<string>();
    bundle.updates.forEach((u, i) => {
      if (u.incidentId !== bundle.incident.id) {
        ctx.addIssue({ code: 'custom', path: ['updates', i, 'incidentId'], message: `must be "${bundle.incident.id}"` });
      }
      if (seen.has(u.id)) ctx.addIssue({ code: 'custom', path: ['updates', i, 'id'], message: `duplicate update id "${u.id}"` });
      seen.add(u.id);
      const previous = bundle.updates[i - 1];
      // File order is append order; keeping it chronological keeps sequence numbers meaningful.
      if (previous !== undefined && u.at < previous.at) {
        ctx.addIssue({ code: 'custom', path: ['updates', i, 'at'], message: `${u.at} is earlier than the update before it (${previous.at})` });
      }
      const problem = checkRevision(bundle.updates.slice(0, i), u);
      if (problem !== null) ctx.addIssue({ code: 'custom', path: ['updates', i], message: `revision rejected: ${problem}` });
    });
  });

const bundledFiles: ReadonlyArray<{ readonly file: string; readonly data: unknown }> = [
  { file: 'content/incidents/cloudflare-2025-11-18.json', data: cloudflare20251118 },
];

export class InvalidBundleError extends Error {
  override readonly name = 'InvalidBundleError';
}

export function parseIncidentBundle(file: string, data: unknown): IncidentBundle {
  const result = IncidentBundleSchema.safeParse(data);
  if (!result.success) throw new InvalidBundleError(`${file} is not a valid incident file:\n${z.prettifyError(result.error)}`);
  return result.data;
}

let cached: readonly IncidentBundle[] | undefined;

export function loadBundledIncidents(): readonly IncidentBundle[] {
  cached ??= bundledFiles.map(({ file, data }) => parseIncidentBundle(file, data));
  return cached;
}
