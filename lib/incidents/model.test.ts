import { describe, expect, it } from 'vitest';
import { IncidentIdSchema, LocalizedTextSchema, missingLanguages, UpdateSchema, type Update } from '@/lib/incidents/model';

const base: Update = {
  id: 'u-one',
  incidentId: 'example-incident',
  at: '2025-11-18T11:48:00Z',
  status: 'investigating',
  text: { en: 'Investigating.' },
  source: { name: 'Example Status', url: 'https://status.example.com/incidents/abc' },
  kind: 'official',
  key: false,
};

describe('UpdateSchema', () => {
  it('accepts a well-formed update', () => {
    expect(UpdateSchema.safeParse(base).success).toBe(true);
  });

  it('rejects an unknown status instead of defaulting it', () => {
    const result = UpdateSchema.safeParse({ ...base, status: 'operational' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['status']);
  });

  it('rejects text with no language at all', () => {
    expect(UpdateSchema.safeParse({ ...base, text: {} }).success).toBe(false);
    expect(UpdateSchema.safeParse({ ...base, text: { ar: '   ' } }).success).toBe(false);
  });

  it('rejects local times and offsets: instants are UTC with Z', () => {
    expect(UpdateSchema.safeParse({ ...base, at: '2025-11-18T11:48:00' }).success).toBe(false);
    expect(UpdateSchema.safeParse({ ...base, at: '2025-11-18T14:48:00+03:00' }).success).toBe(false);
  });

  it('rejects a record that both corrects and retracts, or points at itself', () => {
    expect(UpdateSchema.safeParse({ ...base, id: 'u-two', corrects: 'u-one', retracts: 'u-one' }).success).toBe(false);
    expect(UpdateSchema.safeParse({ ...base, corrects: 'u-one' }).success).toBe(false);
  });

  it('rejects a javascript: source URL', () => {
    expect(UpdateSchema.safeParse({ ...base, source: { name: 'x', url: 'javascript:alert(1)' } }).success).toBe(false);
  });
});

describe('missing languages', () => {
  it('marks Arabic missing for an English-only official update', () => {
    expect(missingLanguages({ en: 'Investigating.' })).toEqual(['ar']);
  });
  it('marks English missing for an Arabic-only editorial note', () => {
    expect(missingLanguages({ ar: 'نحقق في الأمر.' })).toEqual(['en']);
  });
  it('marks nothing missing when both are present', () => {
    expect(missingLanguages(LocalizedTextSchema.parse({ ar: 'نص', en: 'text' }))).toEqual([]);
  });
});

describe('IncidentIdSchema', () => {
  it.each(['cloudflare-2025-11-18', 'abc', `a${'b'.repeat(80)}`])('accepts %s', (id) => {
    expect(IncidentIdSchema.safeParse(id).success).toBe(true);
  });
  it.each(['ab', 'Cloudflare', '-leading', 'has space', 'dot.dot', '../etc', `a${'b'.repeat(81)}`])('rejects %s', (id) => {
    expect(IncidentIdSchema.safeParse(id).success).toBe(false);
  });
});
