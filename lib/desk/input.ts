import { z } from 'zod';
import { normalizeEditorText, parseEditorialTextWithDiagnostics, safeLinkHref } from '@/lib/desk/markdown';
import { HttpUrlSchema, IncidentIdSchema, ProviderSchema, UpdateIdSchema, UpdateStatusSchema } from '@/lib/incidents/model';
import { locales } from '@/lib/i18n/locales';

/**
 * Everything an editor sends, validated at the boundary with zod. Issues carry message *keys*
 * (Desk.errors.<key> in messages/*.json), never English prose, so the desk shows each error in
 * the editor's language; `FieldErrors` maps a field path ("text.ar") to its first problem.
 */

export const limits = {
  text: 4000,
  reason: 1000,
  title: 200,
  /** An incident's Arabic title set from the desk (retitle): after normalising, in characters. */
  arabicTitle: 300,
  arabicTitleMin: 3,
  sourceName: 200,
  url: 2000,
  affected: 20,
} as const;

export const fieldErrorKeys = [
  'required',
  'tooLong',
  'invalidChoice',
  'invalidUrl',
  'invalidId',
  'invalidTime',
  'futureTime',
  'textRequired',
  'titleRequired',
  'linkScheme',
  'linkInvalid',
  'linkCredentials',
  'linkTooLong',
  'sourceUrlRequired',
  'incidentExists',
  'unknownTarget',
  'notRevisable',
  'alreadyRetracted',
  'nothingToTranslate',
  'translationOnlyMissing',
  'idConflict',
  'tooShort',
  'arabicRequired',
  'titleFromContent',
  'unknownField',
  'invalid',
] as const;
export type FieldErrorKey = (typeof fieldErrorKeys)[number];

export interface FieldError {
  readonly key: FieldErrorKey;
  readonly params?: Readonly<Record<string, string | number>>;
}
export type FieldErrors = Readonly<Record<string, FieldError>>;

const linkKeys = { scheme: 'linkScheme', invalid: 'linkInvalid', credentials: 'linkCredentials', 'too-long': 'linkTooLong' } as const;

/** Editor prose: normalised, at most `max` characters, every link target acceptable. */
function editorText(max: number) {
  return z
    .string({ error: 'required' })
    // A cheap cap before any work, so a megabyte of text is refused without being parsed.
    .max(max * 4, { error: 'tooLong' })
    .transform(normalizeEditorText)
    .superRefine((value, ctx) => {
      if (value.length > max) ctx.addIssue({ code: 'custom', message: 'tooLong', params: { max } });
      const problem = parseEditorialTextWithDiagnostics(value).diagnostics[0];
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: linkKeys[problem.problem], params: { url: problem.url.slice(0, 80) } });
    });
}

/** Absent, null and blank all mean "not given". */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : v), schema.optional());
}

const LocalizedEditorText = (max: number) =>
  z
    .object({ ar: optional(editorText(max)), en: optional(editorText(max)) }, { error: 'textRequired' })
    .refine((t) => t.ar !== undefined || t.en !== undefined, { message: 'textRequired' });

const SourceUrl = z
  .string()
  .trim()
  .pipe(HttpUrlSchema)
  .superRefine((url, ctx) => {
    const checked = safeLinkHref(url);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: linkKeys[checked.problem] });
  });

const SourceInput = z.object({ url: optional(SourceUrl), name: optional(z.string().trim().max(limits.sourceName)) }).superRefine((s, ctx) => {
  if (s.name !== undefined && s.url === undefined) ctx.addIssue({ code: 'custom', message: 'sourceUrlRequired', path: ['url'] });
});

/** "2025-11-18T11:48" (a datetime-local field, read as UTC) or a full ISO instant. */
const EventTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z)?$/, { error: 'invalidTime' })
  .transform((v, ctx) => {
    const date = new Date(v.endsWith('Z') ? v : `${v}Z`);
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000) {
      ctx.addIssue({ code: 'custom', message: 'invalidTime' });
      return z.NEVER;
    }
    return date.toISOString();
  });

const Id = z.string().trim().pipe(UpdateIdSchema.refine(() => true, { error: 'invalidId' }));

const Common = { incident: IncidentIdSchema, id: optional(Id) };

export const PublishCommandSchema = z.object({
  action: z.literal('publish'),
  ...Common,
  status: UpdateStatusSchema,
  text: LocalizedEditorText(limits.text),
  key: z.boolean().default(false),
  source: optional(SourceInput),
  at: optional(EventTime),
});

export const CorrectCommandSchema = z.object({
  action: z.literal('correct'),
  ...Common,
  target: UpdateIdSchema,
  status: UpdateStatusSchema,
  text: LocalizedEditorText(limits.text),
  source: optional(SourceInput),
});

export const RetractCommandSchema = z.object({
  action: z.literal('retract'),
  ...Common,
  target: UpdateIdSchema,
  reason: LocalizedEditorText(limits.reason),
});

export const TranslateCommandSchema = z.object({
  action: z.literal('translate'),
  ...Common,
  target: UpdateIdSchema,
  text: LocalizedEditorText(limits.text),
});

export const DeskCommandSchema = z.discriminatedUnion('action', [PublishCommandSchema, CorrectCommandSchema, RetractCommandSchema, TranslateCommandSchema], {
  error: 'invalidChoice',
});
export type DeskCommand = z.infer<typeof DeskCommandSchema>;
export type PublishCommand = z.infer<typeof PublishCommandSchema>;
export type CorrectCommand = z.infer<typeof CorrectCommandSchema>;
export type RetractCommand = z.infer<typeof RetractCommandSchema>;
export type TranslateCommand = z.infer<typeof TranslateCommandSchema>;

export const NewIncidentSchema = z
  .object({
    id: optional(z.string().trim().pipe(IncidentIdSchema.refine(() => true, { error: 'invalidId' }))),
    provider: z.string().trim().toLowerCase().pipe(ProviderSchema),
    title: z.object({ ar: optional(editorTitle()), en: optional(editorTitle()) }),
    source: z.object({ url: SourceUrl, name: optional(z.string().trim().max(limits.sourceName)) }),
    startedAt: optional(EventTime),
    affected: z.array(z.string().trim().min(1).max(120)).max(limits.affected).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.title.ar === undefined && v.title.en === undefined) ctx.addIssue({ code: 'custom', message: 'titleRequired', path: ['title'] });
  });
export type NewIncidentCommand = z.infer<typeof NewIncidentSchema>;

function editorTitle() {
  return z.string().transform((v) => normalizeEditorText(v).replace(/\s+/g, ' ')).pipe(z.string().max(limits.title, { error: 'tooLong' }));
}

/** At least one Arabic letter: a title with none is almost always the English pasted by mistake. */
const arabicLetter = /(?=\p{Script=Arabic})\p{L}/u;

/**
 * An incident title in Arabic: plain text on one line (never parsed as markup; pages print it as
 * text), invisible reordering characters removed, whitespace collapsed, 3–300 characters.
 */
function arabicTitle() {
  return z
    .string({ error: 'required' })
    .max(limits.arabicTitle * 4, { error: 'tooLong' })
    .transform((v) => normalizeEditorText(v).replace(/\s+/g, ' ').trim())
    .superRefine((value, ctx) => {
      if (value === '') ctx.addIssue({ code: 'custom', message: 'required' });
      else if (value.length < limits.arabicTitleMin) ctx.addIssue({ code: 'custom', message: 'tooShort', params: { min: limits.arabicTitleMin } });
      else if (value.length > limits.arabicTitle) ctx.addIssue({ code: 'custom', message: 'tooLong', params: { max: limits.arabicTitle } });
      else if (!arabicLetter.test(value)) ctx.addIssue({ code: 'custom', message: 'arabicRequired' });
    });
}

/**
 * Setting an incident's Arabic title (the incident is named by the URL). Strict: any other field,
 * `title.en` included, is refused rather than ignored. `locale` only picks the errors' language.
 */
export const RetitleSchema = z.strictObject({
  title: z.strictObject({ ar: arabicTitle() }, { error: 'required' }),
  locale: z.enum(locales).optional(),
});
export type RetitleCommand = z.infer<typeof RetitleSchema>;

export const LoginSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

function issueToFieldError(issue: z.core.$ZodIssue): FieldError {
  switch (issue.code) {
    case 'custom': {
      const key = (fieldErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as FieldErrorKey) : 'invalid';
      const params: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(issue.params ?? {})) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
      return { key, params };
    }
    case 'too_big':
      return { key: 'tooLong', params: { max: Number(issue.maximum) } };
    case 'unrecognized_keys':
      return { key: 'unknownField', params: { name: issue.keys.join(', ').slice(0, 80) } };
    case 'too_small':
    case 'invalid_type':
      return { key: 'required' };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'invalidChoice' };
    case 'invalid_format':
      if (issue.format === 'url') return { key: 'invalidUrl' };
      if (issue.format === 'regex' && (issue.message === 'invalidTime' || issue.message === 'invalidId')) return { key: issue.message };
      return { key: 'invalid' };
    default:
      return { key: (fieldErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as FieldErrorKey) : 'invalid' };
  }
}

/** First problem per field path ("text.ar", "source.url", "text"). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: Record<string, FieldError> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (out[path] === undefined) out[path] = issueToFieldError(issue);
  }
  return out;
}

/** Form fields (plain HTML forms) → the JSON shape the API takes. Unknown fields are ignored. */
/** Anything with get(): FormData, URLSearchParams. */
export interface FormLike {
  get(name: string): unknown;
}

export function commandInputFromForm(form: FormLike): Record<string, unknown> {
  const get = (name: string): string | undefined => {
    const v = form.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const action = get('action');
  const base = { action, incident: get('incident'), id: get('formId') };
  const text = { ar: get('textAr'), en: get('textEn') };
  const source = { url: get('sourceUrl'), name: get('sourceName') };
  switch (action) {
    case 'publish':
      return { ...base, status: get('status'), text, key: get('key') === 'on', source, at: get('at') };
    case 'correct':
      return { ...base, target: get('target'), status: get('status'), text, source };
    case 'retract':
      return { ...base, target: get('target'), reason: { ar: get('reasonAr'), en: get('reasonEn') } };
    case 'translate':
      return { ...base, target: get('target'), text };
    default:
      return base;
  }
}

export function newIncidentInputFromForm(form: FormLike): Record<string, unknown> {
  const get = (name: string): string | undefined => {
    const v = form.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  return {
    id: get('id'),
    provider: get('provider') ?? '',
    title: { ar: get('titleAr'), en: get('titleEn') },
    source: { url: get('sourceUrl') ?? '', name: get('sourceName') },
    startedAt: get('startedAt'),
    affected: (get('affected') ?? '')
      .split(/[,،\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  };
}

/** The retitle form (one field, the Arabic title) → the JSON shape the API takes. */
export function retitleInputFromForm(form: FormLike): Record<string, unknown> {
  const v = form.get('titleAr');
  return { title: { ar: typeof v === 'string' ? v : undefined } };
}

/** Form field name for an error path, so the page puts each message beside its field. */
export const formFieldOf: Readonly<Record<string, string>> = {
  'text.ar': 'textAr',
  'text.en': 'textEn',
  text: 'text',
  'reason.ar': 'reasonAr',
  'reason.en': 'reasonEn',
  reason: 'reason',
  'source.url': 'sourceUrl',
  'source.name': 'sourceName',
  'title.ar': 'titleAr',
  'title.en': 'titleEn',
  title: 'title',
  source: 'sourceUrl',
};
