import path from 'node:path';
import { z } from 'zod';
import { HttpUrlSchema, ProviderSchema } from '@/lib/incidents/model';

/**
 * Environment for the incident backend, parsed once. Each variable is parsed on its own so one
 * typo does not reset the others; every problem is reported (and logged by the runtime).
 */

export interface StatuspageSource {
  readonly provider: string;
  /** Page root without a trailing slash, e.g. https://www.cloudflarestatus.com */
  readonly baseUrl: string;
}

export interface IncidentConfig {
  readonly dataDir: string;
  readonly statuspage: {
    readonly sources: readonly StatuspageSource[];
    readonly pollSeconds: number;
    /** The STATUSPAGE_INGEST kill switch; the $DATA_DIR/ingest.disabled file is checked per poll. */
    readonly ingest: boolean;
  };
  readonly sseMaxConnections: number;
}

export const defaultStatuspageUrls = 'https://www.cloudflarestatus.com';
export const minPollSeconds = 5;
export const killSwitchFileName = 'ingest.disabled';

const PageUrl = HttpUrlSchema.refine((u) => {
    const url = new URL(u);
    return url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  }, 'a status page root URL has no query, fragment or credentials');

/** cloudflarestatus.com → cloudflare, status.example.org → example, 127.0.0.1 → 127-0-0-1 */
export function providerFromHost(host: string): string {
  const labels = host.toLowerCase().replace(/^(www|status)\./, '').split('.');
  const first = (labels[0] ?? '').replace(/status$/, '');
  const candidate = /^\d+$/.test(labels[0] ?? '') ? host : first;
  const slug = candidate.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return ProviderSchema.safeParse(slug).success ? slug : 'statuspage';
}

/** "https://a.example" or "name=https://a.example", comma-separated. */
export function parseStatuspageUrls(raw: string): { sources: StatuspageSource[]; problems: string[] } {
  const sources: StatuspageSource[] = [];
  const problems: string[] = [];
  for (const entry of raw.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const eq = entry.indexOf('=');
    const named = eq > 0 && !entry.slice(0, eq).includes('/');
    const name = named ? entry.slice(0, eq).trim() : undefined;
    const url = PageUrl.safeParse(named ? entry.slice(eq + 1).trim() : entry);
    if (!url.success) {
      problems.push(`STATUSPAGE_URLS: "${entry}": ${z.prettifyError(url.error)}`);
      continue;
    }
    const parsed = new URL(url.data);
    const provider = name ?? providerFromHost(parsed.hostname);
    if (!ProviderSchema.safeParse(provider).success) {
      problems.push(`STATUSPAGE_URLS: "${entry}": provider name must be a lowercase slug`);
      continue;
    }
    if (sources.some((s) => s.provider === provider)) {
      problems.push(`STATUSPAGE_URLS: provider "${provider}" is listed twice; name one of them with name=url`);
      continue;
    }
    sources.push({ provider, baseUrl: `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}` });
  }
  return { sources, problems };
}

const IntFromEnv = z.coerce.number().int();
const SwitchFromEnv = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['on', 'off', 'true', 'false', '1', '0']));

export function readIncidentConfig(env: Readonly<Record<string, string | undefined>> = process.env, cwd: string = process.cwd()): { config: IncidentConfig; problems: string[] } {
  const problems: string[] = [];

  const dataDirRaw = env.DATA_DIR?.trim();
  const dataDir = dataDirRaw ? path.resolve(cwd, dataDirRaw) : path.join(cwd, '.data');

  const urls = parseStatuspageUrls(env.STATUSPAGE_URLS ?? defaultStatuspageUrls);
  problems.push(...urls.problems);

  let pollSeconds = 60;
  if (env.STATUSPAGE_POLL_SECONDS !== undefined && env.STATUSPAGE_POLL_SECONDS.trim() !== '') {
    const p = IntFromEnv.safeParse(env.STATUSPAGE_POLL_SECONDS);
    if (!p.success) problems.push(`STATUSPAGE_POLL_SECONDS: ${z.prettifyError(p.error)}; using 60`);
    else if (p.data < minPollSeconds) {
      problems.push(`STATUSPAGE_POLL_SECONDS=${p.data} is below the minimum; using ${minPollSeconds}`);
      pollSeconds = minPollSeconds;
    } else pollSeconds = Math.min(p.data, 86_400);
  }

  let ingest = true;
  if (env.STATUSPAGE_INGEST !== undefined && env.STATUSPAGE_INGEST.trim() !== '') {
    const s = SwitchFromEnv.safeParse(env.STATUSPAGE_INGEST);
    if (!s.success) {
      // An unreadable kill switch is treated as pulled: whoever set it wanted something changed.
      problems.push(`STATUSPAGE_INGEST: expected on or off; ingest is off`);
      ingest = false;
    } else ingest = s.data === 'on' || s.data === 'true' || s.data === '1';
  }

  let sseMaxConnections = 2000;
  if (env.SSE_MAX_CONNECTIONS !== undefined && env.SSE_MAX_CONNECTIONS.trim() !== '') {
    const c = IntFromEnv.min(1).max(100_000).safeParse(env.SSE_MAX_CONNECTIONS);
    if (c.success) sseMaxConnections = c.data;
    else problems.push(`SSE_MAX_CONNECTIONS: ${z.prettifyError(c.error)}; using 2000`);
  }

  return { config: { dataDir, statuspage: { sources: urls.sources, pollSeconds, ingest }, sseMaxConnections }, problems };
}
