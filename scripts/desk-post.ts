/**
 * Posts to the desk API from a script or a terminal, with an editor's API token.
 *
 *   DESK_TOKEN=owd_… SITE_URL=https://… npm run desk:post -- --incident ID --status STATUS --ar "…" --en "…" [--key] [--source-url URL] [--source-name NAME] [--at 2025-11-18T11:48Z]
 *   … --correct UPDATE_ID --status STATUS --ar … --en …      a correction
 *   … --retract UPDATE_ID --ar "reason" --en "reason"        a retraction
 *   … --translate UPDATE_ID --ar "…"                         the Arabic version of an official update
 *   … --title --ar "…"                                       the incident's Arabic title
 *
 * The update id is chosen here, so a retry after a network failure or a 5xx cannot publish twice
 * (the server answers 200 with the stored update). Exit 0 when stored, 1 otherwise.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const { values } = parseArgs({
  options: {
    incident: { type: 'string' },
    status: { type: 'string' },
    ar: { type: 'string' },
    en: { type: 'string' },
    key: { type: 'boolean', default: false },
    'source-url': { type: 'string' },
    'source-name': { type: 'string' },
    at: { type: 'string' },
    id: { type: 'string' },
    correct: { type: 'string' },
    retract: { type: 'string' },
    translate: { type: 'string' },
    title: { type: 'boolean', default: false },
    locale: { type: 'string', default: 'en' },
  },
  strict: true,
});

const Env = z.object({
  DESK_TOKEN: z.string().regex(/^owd_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/, 'DESK_TOKEN must be a desk API token (owd_…)'),
  SITE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
});
const env = Env.safeParse(process.env);
if (!env.success) {
  console.error(z.prettifyError(env.error));
  process.exit(2);
}
if (values.incident === undefined) {
  console.error('--incident is required');
  process.exit(2);
}

const text = { ar: values.ar, en: values.en };
const source = values['source-url'] === undefined ? undefined : { url: values['source-url'], name: values['source-name'] };
const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').toLowerCase();
const id = values.id ?? `ed-${stamp}-${randomBytes(5).toString('hex')}`;
const common = { incident: values.incident, id, locale: values.locale };
const body =
  values.correct !== undefined
    ? { ...common, action: 'correct', target: values.correct, status: values.status, text, source }
    : values.retract !== undefined
      ? { ...common, action: 'retract', target: values.retract, reason: text }
      : values.translate !== undefined
        ? { ...common, action: 'translate', target: values.translate, text }
        : { ...common, action: 'publish', status: values.status, text, key: values.key, source, at: values.at };

const origin = env.data.SITE_URL.replace(/\/+$/, '');
const titleOnly = values.title === true;
const url = titleOnly ? `${origin}/api/desk/incidents/${encodeURIComponent(values.incident)}/title` : `${origin}/api/desk/updates`;
const payloadToSend = titleOnly ? { title: { ar: values.ar }, locale: values.locale } : body;
for (let attempt = 1; ; attempt += 1) {
  let response: Response | undefined;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.data.DESK_TOKEN}`, 'content-type': 'application/json', 'accept-language': values.locale ?? 'en' },
      body: JSON.stringify(payloadToSend),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    if (attempt >= 4) {
      console.error(`Could not reach ${url}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
  if (response !== undefined && !(response.status >= 500 && attempt < 4)) {
    const payload: unknown = await response.json().catch(() => null);
    if (titleOnly && response.status === 200) {
      const done = z.object({ changed: z.boolean(), incident: z.object({ title: z.object({ ar: z.string().optional() }) }) }).safeParse(payload);
      console.log(done.success ? `${done.data.changed ? 'Arabic title set' : 'Arabic title unchanged'}: ${done.data.incident.title.ar ?? ''}` : 'Arabic title set');
      process.exit(0);
    }
    if (!titleOnly && (response.status === 200 || response.status === 201)) {
      const stored = z.object({ update: z.object({ id: z.string(), seq: z.number() }), pages: z.record(z.string(), z.string()) }).safeParse(payload);
      console.log(`${response.status === 201 ? 'Published' : 'Already published'}: ${id}${stored.success ? ` (seq ${stored.data.update.seq})` : ''}`);
      if (stored.success) for (const page of Object.values(stored.data.pages)) console.log(`  ${env.data.SITE_URL.replace(/\/+$/, '')}${page}`);
      process.exit(0);
    }
    console.error(`HTTP ${response.status}: ${JSON.stringify(payload, null, 2)}`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
}
