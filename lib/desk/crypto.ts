import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Random secrets and their storage form. Secrets are 256-bit; only their SHA-256 is stored. */

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Lowercase base32-ish id for slugs (update ids, editor ids): [a-z2-7]. */
export function randomSlug(length = 10): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b & 31];
  return out;
}

/** Storage form of a high-entropy token (session id, API token, CSRF token). */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Constant-time string comparison. Both sides are hashed first so the comparison takes the
 * same time whatever the lengths (timingSafeEqual itself throws on unequal lengths).
 */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}
