import { z } from 'zod';
import { defaultScryptParams, type ScryptParams } from '@/lib/desk/password';

/**
 * Desk settings, from the environment once. Cookie security follows the public origin:
 * `__Host-` + Secure whenever SITE_URL is https, or is any non-loopback host (an http origin
 * on a real host fails closed: the browser drops the cookie and nobody can sign in). Only an
 * http://localhost / 127.0.0.1 / [::1] origin (tests, development) gets a plain cookie.
 */

export interface ThrottlePolicy {
  /** Failures for one account within `windowMs` that lock it. */
  readonly accountMaxFailures: number;
  /** Failures from one address within `windowMs` after which it is refused. */
  readonly ipMaxFailures: number;
  readonly windowMs: number;
  readonly lockoutMs: number;
}

export interface DeskConfig {
  readonly siteOrigin: string;
  readonly secureCookies: boolean;
  readonly cookieName: string;
  readonly sessionIdleMs: number;
  readonly sessionAbsoluteMs: number;
  /** A session's last-seen time is written at most this often (each write is an fsync). */
  readonly touchIntervalMs: number;
  readonly throttle: ThrottlePolicy;
  /** Reverse proxies in front of Next that append to X-Forwarded-For. */
  readonly trustedProxies: number;
  readonly scrypt: ScryptParams;
  /** Largest request body the desk reads. */
  readonly maxBodyBytes: number;
}

export const defaultThrottle: ThrottlePolicy = { accountMaxFailures: 5, ipMaxFailures: 20, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 };

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function readDeskConfig(env: Readonly<Record<string, string | undefined>> = process.env): DeskConfig {
  const site = z.url({ protocol: /^https?$/ }).safeParse(env.SITE_URL ?? 'http://localhost:3000');
  const origin = new URL(site.success ? site.data : 'http://localhost:3000');
  const secureCookies = origin.protocol === 'https:' || !isLoopback(origin.hostname);
  const hops = z.coerce.number().int().min(0).max(10).safeParse(env.DESK_TRUSTED_PROXIES ?? '0');
  return {
    siteOrigin: origin.origin,
    secureCookies,
    cookieName: secureCookies ? '__Host-desk_session' : 'desk_session',
    sessionIdleMs: 60 * 60_000,
    sessionAbsoluteMs: 12 * 60 * 60_000,
    touchIntervalMs: 60_000,
    throttle: defaultThrottle,
    trustedProxies: hops.success ? hops.data : 0,
    scrypt: defaultScryptParams,
    maxBodyBytes: 64 * 1024,
  };
}
