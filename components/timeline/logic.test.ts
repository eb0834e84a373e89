import { describe, expect, it } from 'vitest';
import {
  endOf,
  insertionIndex,
  isOngoing,
  isTimelineEntry,
  optionsQuery,
  parseTimelineOptions,
  revisionSignature,
  shouldInsertNow,
  sortEntries,
} from '@/components/timeline/logic';
import { entry } from '@/components/timeline/fixtures';

describe('view options from the query string', () => {
  it('reads ?order=oldest and ?key=1, and ignores anything else', () => {
    expect(parseTimelineOptions({})).toEqual({ order: 'newest', keyOnly: false });
    expect(parseTimelineOptions({ order: 'oldest', key: '1' })).toEqual({ order: 'oldest', keyOnly: true });
    expect(parseTimelineOptions({ order: ['oldest', 'newest'], key: 'yes' })).toEqual({ order: 'oldest', keyOnly: false });
    expect(parseTimelineOptions({ order: '<script>' })).toEqual({ order: 'newest', keyOnly: false });
  });
  it('writes the default view as the bare (canonical) URL', () => {
    expect(optionsQuery({ order: 'newest', keyOnly: false })).toBe('');
    expect(optionsQuery({ order: 'oldest', keyOnly: true })).toBe('?order=oldest&key=1');
    expect(optionsQuery({ order: 'newest', keyOnly: true })).toBe('?key=1');
  });
});

describe('ordering', () => {
  const a = entry({ id: 'aaa', at: '2025-11-18T11:00:00Z', seq: 1 });
  const b = entry({ id: 'bbb', at: '2025-11-18T12:00:00Z', seq: 2 });
  const c = entry({ id: 'ccc', at: '2025-11-18T12:00:00Z', seq: 3 });
  it('newest first by default, oldest first on request; ties by publication order', () => {
    expect(sortEntries([a, c, b], 'newest').map((e) => e.id)).toEqual(['ccc', 'bbb', 'aaa']);
    expect(sortEntries([c, a, b], 'oldest').map((e) => e.id)).toEqual(['aaa', 'bbb', 'ccc']);
  });
  it('inserts a late arrival where its time puts it, in either order', () => {
    const late = { at: '2025-11-18T11:30:00Z', seq: 9 };
    expect(insertionIndex(sortEntries([a, b, c], 'newest'), late, 'newest')).toBe(2);
    expect(insertionIndex(sortEntries([a, b, c], 'oldest'), late, 'oldest')).toBe(1);
    const newest = { at: '2025-11-18T13:00:00Z', seq: 10 };
    expect(insertionIndex(sortEntries([a, b, c], 'newest'), newest, 'newest')).toBe(0);
    expect(insertionIndex(sortEntries([a, b, c], 'oldest'), newest, 'oldest')).toBe(3);
    expect(insertionIndex([], newest, 'newest')).toBe(0);
  });
});

describe('ongoing or ended', () => {
  it('is live without an end time and with an open status', () => {
    expect(isOngoing({}, 'monitoring')).toBe(true);
    expect(isOngoing({}, null)).toBe(true);
    expect(isOngoing({}, 'resolved')).toBe(false);
    expect(isOngoing({}, 'postmortem')).toBe(false);
    expect(isOngoing({ endedAt: '2025-11-18T17:06:00Z' }, 'monitoring')).toBe(false);
  });
  it('ends at the recorded end, else at the first standing closing update', () => {
    const resolved = entry({ id: 'res', at: '2025-11-18T19:28:00Z', status: 'resolved' });
    const retracted = entry({ id: 'ret', at: '2025-11-18T18:00:00Z', status: 'resolved', retracted: { id: 'r-x', seq: 5, at: '2025-11-18T18:05:00Z', text: { en: 'Wrong.' }, source: resolved.source } });
    expect(endOf({ endedAt: '2025-11-18T17:06:00Z' }, [resolved])).toBe('2025-11-18T17:06:00Z');
    expect(endOf({}, [retracted, resolved])).toBe('2025-11-18T19:28:00Z');
    expect(endOf({}, [])).toBeNull();
  });
});

describe('the Guardian rule for live arrivals', () => {
  it('inserts at once when nothing the reader sees would move', () => {
    expect(shouldInsertNow({ order: 'newest', hiddenByFilter: false, listTop: 300 })).toBe(true);
    expect(shouldInsertNow({ order: 'newest', hiddenByFilter: false, listTop: -20 })).toBe(true);
    expect(shouldInsertNow({ order: 'oldest', hiddenByFilter: false, listTop: -2000 })).toBe(true);
    expect(shouldInsertNow({ order: 'newest', hiddenByFilter: true, listTop: -2000 })).toBe(true);
  });
  it('holds it behind the button when the reader has scrolled into the list', () => {
    expect(shouldInsertNow({ order: 'newest', hiddenByFilter: false, listTop: -400 })).toBe(false);
  });
});

describe('entries from the stream are checked before use', () => {
  const good = entry({ id: 'sp-abc', at: '2025-11-18T11:48:00Z' });
  it('accepts a folded entry as the API sends it', () => {
    expect(isTimelineEntry(JSON.parse(JSON.stringify(good)))).toBe(true);
  });
  it('rejects wrong shapes, unknown statuses and non-http sources', () => {
    expect(isTimelineEntry(null)).toBe(false);
    expect(isTimelineEntry({ ...good, status: 'operational' })).toBe(false);
    expect(isTimelineEntry({ ...good, id: '../x' })).toBe(false);
    expect(isTimelineEntry({ ...good, text: {} })).toBe(false);
    expect(isTimelineEntry({ ...good, text: { en: 42 } })).toBe(false);
    expect(isTimelineEntry({ ...good, source: { name: 'x', url: 'javascript:alert(1)' } })).toBe(false);
    expect(isTimelineEntry({ ...good, corrections: [{ id: 'c', at: good.at, status: 'bad', text: { en: 'x' } }] })).toBe(false);
  });
  it('the revision signature changes with corrections and retractions', () => {
    const corrected = { ...good, corrections: [{ id: 'sp-abc-c1', seq: 2, at: good.at, status: 'identified' as const, text: { en: 'x' }, source: good.source }] };
    expect(revisionSignature(good)).not.toBe(revisionSignature(corrected));
    expect(revisionSignature({ ...good, retracted: { id: 'r', seq: 3, at: good.at, text: { en: 'y' }, source: good.source } })).toBe('0:r');
  });
});
