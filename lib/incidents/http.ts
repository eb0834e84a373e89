import { createHash } from 'node:crypto';

/**
 * JSON snapshots of the timeline are cacheable for a few seconds: the live part is the event
 * stream, so a CDN or browser may answer repeat readers from cache during a traffic spike
 * (max-age=5 matches the fastest poll interval; stale-while-revalidate=30 lets a cache serve
 * instantly while it refreshes). ETags make every revalidation a cheap 304.
 */
export const snapshotCacheControl = 'public, max-age=5, stale-while-revalidate=30';

export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** If-None-Match uses weak comparison (RFC 9110 §13.1.2): W/"x" matches "x". */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => {
    const c = candidate.trim();
    return c === '*' || c.replace(/^W\//, '') === bare;
  });
}

export function cachedJson(request: Request, payload: unknown, cacheControl: string = snapshotCacheControl): Response {
  const body = JSON.stringify(payload);
  const etag = strongEtag(body);
  const headers = { etag, 'cache-control': cacheControl, vary: 'accept-encoding' };
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
}

/** Error bodies name the problem and nothing else: no stack, no internal detail. */
export function problem(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: code, message }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}
