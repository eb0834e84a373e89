import { describe, expect, it } from 'vitest';
import type { Incident, StoredUpdate } from '@/lib/incidents/model';
import type { FeedHealth } from '@/lib/incidents/store';
import { buildIncidentView, formatEntryTime, localizeText } from '@/lib/incidents/view';

describe('localizeText', () => {
  it('ar: returns Arabic text with rtl', () => {
    expect(localizeText({ ar: 'نص', en: 'text' }, 'ar')).toEqual({ missing: false, text: 'نص', lang: 'ar', dir: 'rtl' });
  });
  it('en: returns English text with ltr', () => {
    expect(localizeText({ ar: 'نص', en: 'text' }, 'en')).toEqual({ missing: false, text: 'text', lang: 'en', dir: 'ltr' });
  });
  it('ar: marks an English-only official update as awaiting Arabic, offering the original marked as English', () => {
    expect(localizeText({ en: 'Investigating.' }, 'ar')).toEqual({ missing: true, original: { text: 'Investigating.', lang: 'en', dir: 'ltr' } });
  });
  it('en: marks an Arabic-only note as missing English, offering the original marked as Arabic', () => {
    expect(localizeText({ ar: 'نحقق.' }, 'en')).toEqual({ missing: true, original: { text: 'نحقق.', lang: 'ar', dir: 'rtl' } });
  });
});

describe('formatEntryTime', () => {
  it('en: day, month, time and UTC with Western digits', () => {
    const s = formatEntryTime('2025-11-18T11:48:00Z', 'en');
    expect(s).toContain('18 Nov 2025');
    expect(s).toContain('11:48');
    expect(s).toContain('UTC');
  });
  it('ar: Arabic month name with Western digits', () => {
    const s = formatEntryTime('2025-11-18T11:48:00Z', 'ar');
    expect(s).toContain('نوفمبر');
    expect(s).toContain('11:48');
    expect(s).not.toMatch(/[٠-٩]/);
  });
  it('day precision shows the date alone, in both languages', () => {
    expect(formatEntryTime('2025-11-18T23:59:00Z', 'en', 'day')).toBe('18 November 2025');
    const ar = formatEntryTime('2025-11-18T23:59:00Z', 'ar', 'day');
    expect(ar).toContain('18');
    expect(ar).not.toContain('23:59');
  });
});

describe('buildIncidentView', () => {
  const incident: Incident = {
    id: 'example-incident',
    provider: 'example',
    title: { en: 'Example' },
    affectedServices: [],
    startedAt: '2025-11-18T11:00:00Z',
    source: { name: 'Example', url: 'https://status.example.com/' },
    origin: 'statuspage',
  };
  const update = (id: string, seq: number, at: string): StoredUpdate => ({
    id,
    seq,
    incidentId: incident.id,
    at,
    status: 'investigating',
    text: { en: id },
    source: incident.source,
    kind: 'official',
    key: false,
  });
  const health = (provider: string): FeedHealth => ({
    provider,
    baseUrl: 'https://status.example.com',
    state: 'failing',
    lastAttemptAt: '2025-11-18T12:00:00Z',
    lastSuccessAt: null,
    failingSince: '2025-11-18T11:00:00Z',
    lastError: 'incidents.json: http: HTTP 500',
    consecutiveFailures: 3,
  });

  it('reports the highest sequence number and only the feed of its own provider, without internals', () => {
    const view = buildIncidentView(incident, [update('a', 7, '2025-11-18T11:10:00Z'), update('b', 3, '2025-11-18T11:20:00Z')], [health('other'), health('example')]);
    expect(view.lastSeq).toBe(7);
    expect(view.feed).toEqual({ provider: 'example', state: 'failing', lastSuccessAt: null, failingSince: '2025-11-18T11:00:00Z', lastError: 'incidents.json: http: HTTP 500' });
    expect(view.updates.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('has no feed when its provider is not polled', () => {
    expect(buildIncidentView(incident, [], [health('other')]).feed).toBeNull();
    expect(buildIncidentView(incident, [], []).status).toBeNull();
  });
});
