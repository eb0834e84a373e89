/**
 * Content-Security-Policy for every response. Scripts may only come from our own origin,
 * and inline scripts only by hash (prerendered pages: the hashes of exactly the inline
 * scripts in the built HTML) or by a per-request nonce (pages rendered on demand).
 * See docs/decisions/0040-csp.md.
 */
export interface CspOptions {
  /** 'sha256-…' sources for a prerendered page's inline scripts. */
  scriptHashes?: readonly string[];
  /** Per-request nonce for pages rendered on demand. */
  nonce?: string;
  /** Responses that are not documents (API JSON, feeds, images) get the locked-down policy. */
  document?: boolean;
}

export function buildCsp({ scriptHashes = [], nonce, document = true }: CspOptions = {}): string {
  if (!document) {
    return ["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"].join('; ');
  }
  const scriptSrc = ["'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), ...scriptHashes.map((h) => `'${h}'`)];
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The other security headers, identical on every response. */
export function securityHeaders(): Record<string, string> {
  return {
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}
