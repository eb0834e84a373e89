/**
 * The Origin half of CSRF protection (the other half is the session's synchronizer token).
 * A state-changing request from a browser must say where it comes from, and that must be us:
 * the public origin (SITE_URL) or the origin the request was addressed to. `Origin` first;
 * if a browser left it out, `Referer`; failing both, `Sec-Fetch-Site: same-origin`. None → refused.
 */
export function sameOrigin(request: Request, siteOrigin: string): boolean {
  const allowed = new Set([siteOrigin]);
  try {
    allowed.add(new URL(request.url).origin);
  } catch {
    // an unparsable request URL adds nothing
  }
  const origin = request.headers.get('origin');
  if (origin !== null) return allowed.has(origin);
  const referer = request.headers.get('referer');
  if (referer !== null) {
    try {
      return allowed.has(new URL(referer).origin);
    } catch {
      return false;
    }
  }
  return request.headers.get('sec-fetch-site') === 'same-origin';
}

/**
 * The client address for per-address throttling: counted from the right of X-Forwarded-For,
 * skipping the proxies we run. Next.js fills the header with the socket address only when it
 * is absent, so without a proxy that overwrites it a client can choose this value; the
 * per-account lockout does not depend on it (docs/decisions/0050-editor-desk.md).
 */
export function clientAddress(request: Request, trustedProxies: number): string {
  const entries = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const picked = entries[entries.length - Math.max(1, trustedProxies)] ?? entries[0];
  return (picked ?? 'unknown').slice(0, 64);
}
