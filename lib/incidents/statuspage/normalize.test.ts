import { describe, expect, it } from 'vitest';
import { UpdateSchema } from '@/lib/incidents/model';
import fixture from '@/lib/incidents/statuspage/fixtures/incidents.json';
import { localIncidentId, localUpdateId, normalizeIncident, safeToken } from '@/lib/incidents/statuspage/normalize';
import { DocumentShapeError, parseDocument, type SpIncident } from '@/lib/incidents/statuspage/schema';

const source = { provider: 'example', baseUrl: 'https://status.example.com' };

function incident(id: string): SpIncident {
  const found = parseDocument(fixture).document.incidents.find((i) => i.id === id);
  if (found === undefined) throw new Error(`fixture incident ${id} missing`);
  return found;
}

describe('parseDocument', () => {
  it('keeps valid incidents, ignores unknown fields and rejects only the update with an unknown status', () => {
    const { document, rejected } = parseDocument(fixture);
    expect(document.incidents.map((i) => i.id)).toEqual(['p1major0001', 'p2minor0001', 'p3crit0001']);
    expect(rejected).toEqual({ incidents: 0, updates: 1 });
    expect(incident('p3crit0001').incident_updates.map((u) => u.id)).toEqual(['updc003', 'updc001']);
    expect(Object.keys(incident('p1major0001'))).not.toContain('postmortem_body');
  });

  it('rejects an incident with an unknown impact and keeps the others', () => {
    const doc = { incidents: [{ ...fixture.incidents[0], impact: 'apocalyptic' }, fixture.incidents[1]] };
    const { document, rejected } = parseDocument(doc);
    expect(document.incidents.map((i) => i.id)).toEqual(['p2minor0001']);
    expect(rejected.incidents).toBe(1);
  });

  it('converts offsets to UTC instants', () => {
    expect(incident('p1major0001').created_at).toBe('2025-11-18T11:48:05.000Z');
  });

  it('throws a shape error for a document that is not a Statuspage document', () => {
    expect(() => parseDocument({ incidents: { not: 'an array' } })).toThrow(DocumentShapeError);
    expect(() => parseDocument('<html>')).toThrow(DocumentShapeError);
  });

  it('re-parses its own output (what the snapshot stores)', () => {
    const once = parseDocument(fixture).document;
    expect(parseDocument(JSON.parse(JSON.stringify(once))).document).toEqual(once);
  });
});

describe('normalizeIncident', () => {
  it('maps a major incident to our model: English only, Arabic left missing, shortlink as source', () => {
    const n = normalizeIncident(source, 'Example', incident('p1major0001'));
    expect(n?.incident).toEqual({
      id: 'example-p1major0001',
      provider: 'example',
      title: { en: 'Elevated errors on the global network' },
      affectedServices: ['CDN/Cache', 'Dashboard'],
      startedAt: '2025-11-18T11:48:05.000Z',
      source: { name: 'Example status page', url: 'https://stspg.io/abc123' },
      origin: 'statuspage',
      upstream: { provider: 'example', incidentId: 'p1major0001' },
    });
    const updates = n?.updates.map((u) => u.update) ?? [];
    for (const u of updates) {
      expect(UpdateSchema.safeParse(u).success).toBe(true);
      expect(u.text.ar).toBeUndefined();
      expect(u.kind).toBe('official');
    }
    expect(updates.map((u) => [u.id, u.at, u.status, u.key])).toEqual([
      ['sp-upd0001', '2025-11-18T11:48:05.000Z', 'investigating', true],
      ['sp-upd0002', '2025-11-18T13:09:00.000Z', 'identified', true],
      ['sp-upd0003', '2025-11-18T14:42:30.000Z', 'monitoring', true],
    ]);
  });

  it('never uses a non-http shortlink; falls back to the page URL; sets endedAt once resolved', () => {
    const n = normalizeIncident(source, null, incident('p3crit0001'));
    expect(n?.incident.source).toEqual({ name: 'example status page', url: 'https://status.example.com/incidents/p3crit0001' });
    expect(n?.incident.endedAt).toBe('2025-11-17T22:00:00.000Z');
  });

  it('dedupes repeated update ids (latest edit wins) and sorts out-of-order updates by time', () => {
    const base = incident('p1major0001');
    const [u3, u2, u1] = base.incident_updates;
    if (u1 === undefined || u2 === undefined || u3 === undefined) throw new Error('fixture');
    const edited = { ...u2, body: 'Identified (edited).', updated_at: '2025-11-18T13:20:00.000Z' };
    const n = normalizeIncident(source, null, { ...base, incident_updates: [u2, u3, edited, u1, u1] });
    expect(n?.updates.map((u) => u.update.id)).toEqual(['sp-upd0001', 'sp-upd0002', 'sp-upd0003']);
    expect(n?.updates[1]?.update.text.en).toBe('Identified (edited).');
    expect(n?.updates[1]?.editedAt).toBe('2025-11-18T13:20:00.000Z');
  });

  it('drops an update whose body is empty once markup is removed, and an untitled incident', () => {
    const base = incident('p2minor0001');
    const [u] = base.incident_updates;
    if (u === undefined) throw new Error('fixture');
    expect(normalizeIncident(source, null, { ...base, incident_updates: [{ ...u, body: '<script>x()</script>' }] })?.dropped).toBe(1);
    expect(normalizeIncident(source, null, { ...base, name: '<b></b>' })).toBeNull();
  });
});

describe('ids', () => {
  it('keeps safe upstream ids readable and hashes unsafe ones into valid slugs', () => {
    expect(safeToken('8gmgl950y3h7')).toBe('8gmgl950y3h7');
    expect(safeToken('ABC/../x')).toMatch(/^abc-x-[0-9a-f]{10}$/);
    expect(safeToken('///')).toMatch(/^h[0-9a-f]{16}$/);
    expect(localIncidentId('cloudflare', '8gmgl950y3h7')).toBe('cloudflare-8gmgl950y3h7');
    expect(localIncidentId('cloudflare', 'x'.repeat(100))).toMatch(/^cloudflare-[a-z0-9-]{3,70}$/);
    expect(localUpdateId('Weird Id!')).toMatch(/^sp-weird-id-[0-9a-f]{10}$/);
    expect(safeToken('ABC')).not.toBe(safeToken('abc'));
  });
});
