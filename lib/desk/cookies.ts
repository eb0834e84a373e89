import type { DeskConfig } from '@/lib/desk/config';

/** Session cookie: HttpOnly, SameSite=Strict, Path=/, and `__Host-` + Secure unless on plain-http loopback. */
export function sessionCookie(config: DeskConfig, token: string, maxAgeMs: number): string {
  const parts = [`${config.cookieName}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.max(0, Math.floor(maxAgeMs / 1000))}`];
  if (config.secureCookies) parts.push('Secure');
  return parts.join('; ');
}

export function clearSessionCookie(config: DeskConfig): string {
  return sessionCookie(config, '', 0);
}

/** The value of one cookie from a Cookie header (first occurrence), or undefined. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (header === null) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
