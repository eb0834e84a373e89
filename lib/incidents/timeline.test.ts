import { describe, expect, it } from 'vitest';
import type { StoredUpdate, Update, UpdateStatus } from '@/lib/incidents/model';
import { checkRevision, deriveStatus, foldTimeline } from '@/lib/incidents/timeline';

let seq = 0;
function u(id: string, at: string, status: UpdateStatus, extra: Partial<Update> = {}): StoredUpdate {
  seq += 1;
  return {
    id,
    incidentId: 'example-incident',
    at: `2025-11-18T${at}:00Z`,
    status,
    text: { en: `${id} text`, ar: `نص ${id}` },
    source: { name: 'Example', url: 'https://status.example.com/i/1' },
    kind: 'official',
    key: false,
    seq,
    ...extra,
  };
}

describe('deriveStatus', () => {
  it('is null before any update', () => {
    expect(deriveStatus(foldTimeline([]))).toBeNull();
  });

  it('takes the latest update by time, not by append order', () => {
    const log = [u('a', '11:48', 'investigating'), u('c', '14:42', 'monitoring'), u('b', '13:09', 'identified')];
    expect(deriveStatus(foldTimeline(log))).toBe('monitoring');
  });

  it('breaks ties at the same minute by sequence', () => {
    const log = [u('a', '14:24', 'identified'), u('b', '14:24', 'monitoring')];
    expect(deriveStatus(foldTimeline(log))).toBe('monitoring');
  });

  it('skips a retracted latest update', () => {
    const log = [u('a', '11:48', 'investigating'), u('b', '12:00', 'resolved'), u('r', '12:05', 'resolved', { retracts: 'b', text: { en: 'Posted in error.' } })];
    expect(deriveStatus(foldTimeline(log))).toBe('investigating');
  });

  it('uses the corrected status of a corrected update', () => {
    const log = [u('a', '11:48', 'investigating'), u('b', '12:00', 'resolved'), u('b-fix', '12:10', 'monitoring', { corrects: 'b' })];
    expect(deriveStatus(foldTimeline(log))).toBe('monitoring');
  });
});

describe('foldTimeline', () => {
  it('orders entries chronologically and leaves revisions out of the list', () => {
    const log = [u('b', '13:00', 'identified'), u('a', '12:00', 'investigating'), u('fix', '13:30', 'identified', { corrects: 'b' })];
    expect(foldTimeline(log).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('shows the corrected text, keeps the original and says when it was corrected', () => {
    const log = [u('a', '12:00', 'investigating'), u('a-c1', '12:30', 'investigating', { corrects: 'a', text: { en: 'fixed', ar: 'مصحح' } })];
    const [entry] = foldTimeline(log);
    expect(entry?.text).toEqual({ en: 'fixed', ar: 'مصحح' });
    expect(entry?.original?.text).toEqual({ en: 'a text', ar: 'نص a' });
    expect(entry?.correctedAt).toBe('2025-11-18T12:30:00Z');
    expect(entry?.corrections.map((c) => c.id)).toEqual(['a-c1']);
    expect(entry?.at).toBe('2025-11-18T12:00:00Z');
  });

  it('lands a correction of a correction on the original entry, latest wins', () => {
    const log = [
      u('a', '12:00', 'investigating'),
      u('c1', '12:30', 'investigating', { corrects: 'a', text: { en: 'first fix' } }),
      u('c2', '12:40', 'investigating', { corrects: 'c1', text: { en: 'second fix' } }),
    ];
    const [entry] = foldTimeline(log);
    expect(entry?.text).toEqual({ en: 'second fix' });
    expect(entry?.corrections.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(entry?.original?.text.en).toBe('a text');
  });

  it('keeps a retracted entry visible with its retraction', () => {
    const log = [u('a', '12:00', 'resolved'), u('r', '12:05', 'resolved', { retracts: 'a', text: { en: 'Posted in error.' } })];
    const [entry] = foldTimeline(log);
    expect(entry?.id).toBe('a');
    expect(entry?.text.en).toBe('a text');
    expect(entry?.retracted).toMatchObject({ id: 'r', at: '2025-11-18T12:05:00Z' });
  });

  it('ignores a correction appended after the entry was retracted', () => {
    const log = [u('a', '12:00', 'resolved'), u('r', '12:05', 'resolved', { retracts: 'a' }), u('c', '12:10', 'identified', { corrects: 'a' })];
    const [entry] = foldTimeline(log);
    expect(entry?.corrections).toEqual([]);
    expect(entry?.status).toBe('resolved');
  });

  it('ignores revisions pointing at nothing', () => {
    const log = [u('a', '12:00', 'identified'), u('c', '12:10', 'resolved', { corrects: 'missing' })];
    expect(foldTimeline(log)).toHaveLength(1);
    expect(deriveStatus(foldTimeline(log))).toBe('identified');
  });
});

describe('checkRevision', () => {
  const a = u('a', '12:00', 'identified');
  const r = u('r', '12:05', 'identified', { retracts: 'a' });
  it('accepts a plain update and a correction of a live entry', () => {
    expect(checkRevision([a], u('b', '12:10', 'identified'))).toBeNull();
    expect(checkRevision([a], u('c', '12:10', 'identified', { corrects: 'a' }))).toBeNull();
  });
  it('refuses unknown targets, revising a retraction, and double retraction', () => {
    expect(checkRevision([a], u('c', '12:10', 'identified', { corrects: 'zzz' }))).toBe('unknown-target');
    expect(checkRevision([a, r], u('c', '12:10', 'identified', { corrects: 'r' }))).toBe('target-is-revision');
    expect(checkRevision([a, r], u('r2', '12:10', 'identified', { retracts: 'a' }))).toBe('already-retracted');
    expect(checkRevision([a, r], u('c', '12:10', 'identified', { corrects: 'a' }))).toBe('target-retracted');
  });
});
