import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { StatuspageSource } from '@/lib/incidents/config';
import { parseDocument, type ParsedDocument } from '@/lib/incidents/statuspage/schema';

/**
 * The last good answer of each endpoint, with its validators (ETag, Last-Modified), kept on
 * disk so a restart resumes with conditional requests and with the official state at hand.
 * Written to a temporary file, fsynced, then renamed: a crash leaves the old file or the new
 * one, never half of one.
 */

export const endpointNames = ['incidents', 'unresolved', 'summary'] as const;
export type EndpointName = (typeof endpointNames)[number];

export interface SnapshotEntry {
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly document: ParsedDocument;
}

export interface Snapshot {
  readonly provider: string;
  readonly baseUrl: string;
  readonly savedAt: string;
  readonly endpoints: Partial<Record<EndpointName, SnapshotEntry>>;
}

const EntryFile = z.object({ etag: z.string().max(500).nullable(), lastModified: z.string().max(100).nullable(), document: z.unknown() });
const SnapshotFile = z.object({
  version: z.literal(1),
  provider: z.string(),
  baseUrl: z.string(),
  savedAt: z.string(),
  endpoints: z.record(z.enum(endpointNames), EntryFile),
});

export function snapshotPath(dataDir: string, provider: string): string {
  return path.join(dataDir, 'statuspage', `${provider}.json`);
}

/** Null when there is none, or when it is unreadable or for another page (it is only a cache). */
export async function loadSnapshot(dataDir: string, source: StatuspageSource): Promise<Snapshot | null> {
  let raw: string;
  try {
    raw = await readFile(snapshotPath(dataDir, source.provider), 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const file = SnapshotFile.safeParse(json);
  if (!file.success || file.data.provider !== source.provider || file.data.baseUrl !== source.baseUrl) return null;
  const endpoints: Partial<Record<EndpointName, SnapshotEntry>> = {};
  for (const name of endpointNames) {
    const entry = file.data.endpoints[name];
    if (entry === undefined) continue;
    try {
      endpoints[name] = { etag: entry.etag, lastModified: entry.lastModified, document: parseDocument(entry.document).document };
    } catch {
      // One bad endpoint entry only costs a full refetch of that endpoint.
    }
  }
  return { provider: file.data.provider, baseUrl: file.data.baseUrl, savedAt: file.data.savedAt, endpoints };
}

export async function saveSnapshot(dataDir: string, snapshot: Snapshot): Promise<void> {
  const target = snapshotPath(dataDir, snapshot.provider);
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${snapshot.provider}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w', 0o644);
    try {
      await handle.writeFile(JSON.stringify({ version: 1, ...snapshot }));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  // Persist the rename itself; not every platform lets a directory be opened, so best effort.
  try {
    const dirHandle = await open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  } catch {
    /* the file data is already synced */
  }
}
