import { z } from 'zod';
import { locales, type Locale } from '@/lib/i18n/locales';

/**
 * The incident domain: a parent record plus append-only updates (the openstatus model).
 * The current status is never stored; see deriveStatus in timeline.ts.
 */

export const incidentIdPattern = /^[a-z0-9][a-z0-9-]{2,80}$/;
export const IncidentIdSchema = z.string().regex(incidentIdPattern, 'incident id must be a lowercase slug of 3–81 characters');

// Update ids only need to be unique within their incident; they become `#update-<id>` permalinks.
export const UpdateIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,120}$/, 'update id must be a lowercase slug of 3–121 characters');

export const ProviderSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'provider must be a lowercase slug');

export const updateStatuses = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'] as const;
export const UpdateStatusSchema = z.enum(updateStatuses);
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

// Always UTC with a Z: comparing ISO strings then sorts by time, which the store relies on.
export const UtcInstantSchema = z.iso.datetime({ message: 'must be an ISO 8601 UTC instant ending in Z' });

const NonEmptyText = z.string().trim().min(1).max(8000);

/**
 * Text per language. A language that is absent is *missing* (awaiting translation) and is
 * shown as such; it is never filled with a machine guess or the other language's text.
 */
export const LocalizedTextSchema = z
  .object({ ar: NonEmptyText.optional(), en: NonEmptyText.optional() })
  .refine((t) => t.ar !== undefined || t.en !== undefined, { message: 'text needs at least one language' });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

// z.httpUrl() insists on a domain name; loopback hosts (the simulator, tests) are valid too.
export const HttpUrlSchema = z.url({ protocol: /^https?$/, hostname: z.regexes.hostname }).max(2000);

export const SourceSchema = z.object({
  name: z.string().trim().min(1).max(200),
  url: HttpUrlSchema,
});
export type Source = z.infer<typeof SourceSchema>;

export const UpdateKindSchema = z.enum(['official', 'editorial']);
export type UpdateKind = z.infer<typeof UpdateKindSchema>;

export const UpdateSchema = z
  .object({
    id: UpdateIdSchema,
    incidentId: IncidentIdSchema,
    at: UtcInstantSchema,
    // 'day' when only the date is known (e.g. a publication date): readers see the date alone.
    atPrecision: z.enum(['minute', 'day']).optional(),
    status: UpdateStatusSchema,
    text: LocalizedTextSchema,
    source: SourceSchema,
    kind: UpdateKindSchema,
    key: z.boolean(),
    corrects: UpdateIdSchema.optional(),
    retracts: UpdateIdSchema.optional(),
  })
  .refine((u) => !(u.corrects !== undefined && u.retracts !== undefined), {
    message: 'an update either corrects or retracts, not both',
  })
  .refine((u) => u.corrects !== u.id && u.retracts !== u.id, { message: 'an update cannot point at itself' });
export type Update = z.infer<typeof UpdateSchema>;

/** An update as stored: the sequence number orders all appends and is the SSE event id. */
export interface StoredUpdate extends Update {
  readonly seq: number;
}

export const IncidentSchema = z.object({
  id: IncidentIdSchema,
  provider: ProviderSchema,
  title: LocalizedTextSchema,
  affectedServices: z.array(z.string().trim().min(1).max(120)).max(100),
  startedAt: UtcInstantSchema,
  endedAt: UtcInstantSchema.optional(),
  source: SourceSchema,
  // 'curated' incidents are maintained by the newsroom; the status poller never writes to them.
  origin: z.enum(['curated', 'statuspage']),
  upstream: z.object({ provider: ProviderSchema, incidentId: z.string().min(1).max(100) }).optional(),
});
export type Incident = z.infer<typeof IncidentSchema>;

export function isRevision(update: Update): boolean {
  return update.corrects !== undefined || update.retracts !== undefined;
}

/** Which of the site's languages this text lacks. */
export function missingLanguages(text: LocalizedText): Locale[] {
  return locales.filter((l) => text[l] === undefined);
}
