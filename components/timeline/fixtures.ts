import type { TimelineEntry } from '@/lib/incidents/timeline';

/** A folded timeline entry for tests (imported only from *.test.ts files). */
export function entry(over: Partial<TimelineEntry> & Pick<TimelineEntry, 'id' | 'at'>): TimelineEntry {
  return {
    seq: 1,
    atPrecision: 'minute',
    status: 'investigating',
    text: { ar: 'نحقق في المشكلة.', en: 'We are investigating.' },
    source: { name: 'Cloudflare Status', url: 'https://www.cloudflarestatus.com/incidents/x' },
    kind: 'official',
    key: false,
    original: null,
    corrections: [],
    correctedAt: null,
    retracted: null,
    ...over,
  };
}
