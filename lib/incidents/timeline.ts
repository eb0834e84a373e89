import type { LocalizedText, Source, StoredUpdate, Update, UpdateKind, UpdateStatus } from '@/lib/incidents/model';

/**
 * Folding the append-only log into what a reader sees. Corrections and retractions are their
 * own records; here they are attached to the entry they revise, and the original stays visible.
 */

export interface TimelineCorrection {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly status: UpdateStatus;
  readonly text: LocalizedText;
  readonly source: Source;
}

export interface TimelineRetraction {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly text: LocalizedText;
  readonly source: Source;
}

export interface TimelineEntry {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly atPrecision: 'minute' | 'day';
  /** Effective status and text: those of the latest correction, else the original's. */
  readonly status: UpdateStatus;
  readonly text: LocalizedText;
  readonly source: Source;
  readonly kind: UpdateKind;
  readonly key: boolean;
  /** What was first published, kept for the "corrected" history; null if never corrected. */
  readonly original: { readonly status: UpdateStatus; readonly text: LocalizedText } | null;
  readonly corrections: readonly TimelineCorrection[];
  readonly correctedAt: string | null;
  readonly retracted: TimelineRetraction | null;
}

function compareByTime(a: { at: string; seq: number }, b: { at: string; seq: number }): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.seq - b.seq;
}

/** Follows `corrects` chains so a correction of a correction lands on the original entry. */
function rootOf(id: string, byId: ReadonlyMap<string, Update>): string | undefined {
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current !== undefined && current.corrects !== undefined) {
    if (seen.has(current.id)) return undefined;
    seen.add(current.id);
    current = byId.get(current.corrects);
  }
  if (current === undefined || current.retracts !== undefined) return undefined;
  return current.id;
}

export function foldTimeline(updates: readonly StoredUpdate[]): TimelineEntry[] {
  const byId = new Map<string, StoredUpdate>(updates.map((u) => [u.id, u]));
  const corrections = new Map<string, TimelineCorrection[]>();
  const retractions = new Map<string, TimelineRetraction>();

  // Revisions apply in the order they were appended, whatever their `at` claims.
  const revisions = updates.filter((u) => u.corrects !== undefined || u.retracts !== undefined).sort((a, b) => a.seq - b.seq);
  for (const r of revisions) {
    if (r.corrects !== undefined) {
      const root = rootOf(r.corrects, byId);
      if (root === undefined || retractions.has(root)) continue;
      const list = corrections.get(root) ?? [];
      list.push({ id: r.id, seq: r.seq, at: r.at, status: r.status, text: r.text, source: r.source });
      corrections.set(root, list);
    } else if (r.retracts !== undefined) {
      const target = byId.get(r.retracts);
      if (target === undefined || target.corrects !== undefined || target.retracts !== undefined) continue;
      if (retractions.has(target.id)) continue;
      retractions.set(target.id, { id: r.id, seq: r.seq, at: r.at, text: r.text, source: r.source });
    }
  }

  const entries: TimelineEntry[] = [];
  for (const u of updates) {
    if (u.corrects !== undefined || u.retracts !== undefined) continue;
    const list = corrections.get(u.id) ?? [];
    const latest = list.at(-1);
    entries.push({
      id: u.id,
      seq: u.seq,
      at: u.at,
      atPrecision: u.atPrecision ?? 'minute',
      status: latest?.status ?? u.status,
      text: latest?.text ?? u.text,
      source: u.source,
      kind: u.kind,
      key: u.key,
      original: latest === undefined ? null : { status: u.status, text: u.text },
      corrections: list,
      correctedAt: latest?.at ?? null,
      retracted: retractions.get(u.id) ?? null,
    });
  }
  return entries.sort(compareByTime);
}

/** The current status: that of the latest entry still standing. Null before any update. */
export function deriveStatus(entries: readonly TimelineEntry[]): UpdateStatus | null {
  let latest: TimelineEntry | undefined;
  for (const e of entries) {
    if (e.retracted !== null) continue;
    if (latest === undefined || compareByTime(e, latest) > 0) latest = e;
  }
  return latest?.status ?? null;
}

export type RevisionProblem = 'unknown-target' | 'target-is-revision' | 'target-retracted' | 'already-retracted';

/**
 * Whether `candidate` may be appended after `existing` (the incident's log so far). Kept next
 * to the fold so the store refuses exactly what the fold would otherwise have to ignore.
 */
export function checkRevision(existing: readonly Update[], candidate: Update): RevisionProblem | null {
  const targetId = candidate.corrects ?? candidate.retracts;
  if (targetId === undefined) return null;
  const byId = new Map(existing.map((u) => [u.id, u]));
  const target = byId.get(targetId);
  if (target === undefined) return 'unknown-target';
  if (target.retracts !== undefined) return 'target-is-revision';
  const root = candidate.corrects !== undefined ? rootOf(targetId, byId) : target.corrects === undefined ? target.id : undefined;
  if (root === undefined) return 'target-is-revision';
  const retracted = existing.some((u) => u.retracts === root);
  if (candidate.retracts !== undefined && retracted) return 'already-retracted';
  if (retracted) return 'target-retracted';
  return null;
}
