import { describe, expect, it } from 'vitest';
import raw from '@/content/incidents/cloudflare-2025-11-18.json';
import { InvalidBundleError, loadBundledIncidents, parseIncidentBundle } from '@/lib/incidents/bundle';
import { deriveStatus, foldTimeline } from '@/lib/incidents/timeline';

const postMortem = 'https://blog.cloudflare.com/18-november-2025-outage/';
const statusPage = 'https://www.cloudflarestatus.com/incidents/8gmgl950y3h7';

function bundle() {
  const found = loadBundledIncidents().find((b) => b.incident.id === 'cloudflare-2025-11-18');
  if (found === undefined) throw new Error('bundled incident missing');
  return found;
}

const hhmm = (at: string): string => at.slice(11, 16);

describe('bundled timeline cloudflare-2025-11-18', () => {
  it('validates against the schemas', () => {
    expect(() => loadBundledIncidents()).not.toThrow();
  });

  it('gives every update a source URL from the post-mortem or the status page', () => {
    for (const u of bundle().updates) expect([postMortem, statusPage]).toContain(u.source.url);
  });

  it('has Arabic and English text for every update, with the house spelling of Cloudflare', () => {
    for (const u of bundle().updates) {
      expect(u.text.ar?.length ?? 0, u.id).toBeGreaterThan(10);
      expect(u.text.en?.length ?? 0, u.id).toBeGreaterThan(10);
      expect(u.text.ar, u.id).not.toMatch(/كلاود فلير|كلودفلير/);
    }
  });

  it('is chronological with unique ids', () => {
    const { updates } = bundle();
    const ats = updates.map((u) => u.at);
    expect([...ats].sort()).toEqual(ats);
    expect(new Set(updates.map((u) => u.id)).size).toBe(updates.length);
  });

  it('flags exactly the turning points as key events', () => {
    const keys = bundle().updates.filter((u) => u.key);
    expect(keys.map((u) => (u.status === 'postmortem' ? 'postmortem' : hhmm(u.at)))).toEqual([
      '11:05', '11:20', '11:48', '13:05', '13:09', '14:24', '14:30', '14:42', '17:06', '19:28', 'postmortem',
    ]);
    expect(keys.find((u) => hhmm(u.at) === '14:24')?.id).toBe('cf-pm-1424-stop');
  });

  it('carries every verified status-page post and none of the unverified 15:40–17:44 ones', () => {
    const posts = bundle().updates.filter((u) => u.source.url === statusPage).map((u) => hhmm(u.at));
    expect(posts).toEqual([
      '11:48', '12:03', '12:21', '12:37', '12:53', '13:04', '13:09', '13:13', '13:35', '13:58',
      '14:22', '14:34', '14:42', '14:57', '15:23', '15:40', '17:44', '19:28',
    ]);
  });

  it('notes the 11:20 versus 11:28 start-time discrepancy in both languages', () => {
    const start = bundle().updates.find((u) => u.id === 'cf-pm-1120');
    expect(start?.text.en).toContain('11:28');
    expect(start?.text.ar).toContain('11:28');
  });

  it('ends with the post-mortem publication, so the derived status is postmortem', () => {
    const { updates } = bundle();
    const last = updates.at(-1);
    expect(last?.status).toBe('postmortem');
    expect(last?.source.url).toBe(postMortem);
    expect(updates.filter((u) => u.status === 'postmortem')).toHaveLength(1);
    const log = updates.map((u, i) => ({ ...u, seq: i + 1 }));
    expect(deriveStatus(foldTimeline(log))).toBe('postmortem');
  });

  it('is linked to the upstream status-page incident so ingest leaves it alone', () => {
    expect(bundle().incident.origin).toBe('curated');
    expect(bundle().incident.upstream).toEqual({ provider: 'cloudflare', incidentId: '8gmgl950y3h7' });
  });
});

describe('parseIncidentBundle', () => {
  it('names the file and the field for an out-of-order update', () => {
    const updates = [...raw.updates];
    const [first, second] = updates;
    if (first === undefined || second === undefined) throw new Error('fixture too short');
    updates[0] = second;
    updates[1] = first;
    expect(() => parseIncidentBundle('content/incidents/x.json', { ...raw, updates })).toThrow(/content\/incidents\/x\.json[\s\S]*updates\[1\]\.at|updates\.1\.at/);
  });

  it('rejects an update with an unknown status', () => {
    const updates = raw.updates.map((u, i) => (i === 3 ? { ...u, status: 'degraded' } : u));
    expect(() => parseIncidentBundle('x.json', { ...raw, updates })).toThrow(InvalidBundleError);
  });

  it('rejects an update that belongs to another incident, and duplicate ids', () => {
    const other = raw.updates.map((u, i) => (i === 0 ? { ...u, incidentId: 'other-incident' } : u));
    expect(() => parseIncidentBundle('x.json', { ...raw, updates: other })).toThrow(/other-incident|cloudflare-2025-11-18/);
    const first = raw.updates[0];
    if (first === undefined) throw new Error('fixture too short');
    expect(() => parseIncidentBundle('x.json', { ...raw, updates: [first, first] })).toThrow(/duplicate update id/);
  });
});
