import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

/**
 * Password hashing with scrypt (node:crypto). Stored as
 * `scrypt$v=1$N=131072,r=8,p=1$<salt b64url>$<hash b64url>` so the parameters travel with the
 * hash and can be raised later (a hash with weaker parameters is re-hashed at the next login).
 *
 * N=2^17, r=8, p=1 is OWASP's recommended minimum (128 MiB, ~0.2–0.4 s here). Hashing runs on
 * libuv's thread pool, at most two at a time, so a burst of logins cannot exhaust memory.
 */

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export const defaultScryptParams: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const keyLength = 32;
const saltLength = 16;

export const minPasswordLength = 12;
/** Bytes, not characters: scrypt's cost does not depend on it, but the request body does. */
export const maxPasswordBytes = 1024;

function maxmem(params: ScryptParams): number {
  return 128 * params.N * params.r * params.p + 16 * 1024 * 1024;
}

let derivations = 0;

/** How many scrypt derivations this process has run (tests check that every path spends one). */
export function scryptDerivations(): number {
  return derivations;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  derivations += 1;
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: maxmem(params) };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A tiny semaphore: at most `limit` derivations in flight. */
class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}

const gate = new Gate(2);

const HashFormat = z
  .string()
  .regex(/^scrypt\$v=1\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/);

interface ParsedHash {
  readonly params: ScryptParams;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parsed = HashFormat.safeParse(stored);
  if (!parsed.success) return null;
  const m = /^scrypt\$v=1\$N=(\d+),r=(\d+),p=(\d+)\$([^$]+)\$([^$]+)$/.exec(parsed.data);
  if (m === null) return null;
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // Refuse parameters that would make verification a denial of service or trivially weak.
  const powerOfTwo = params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N > 2 ** 20 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) return null;
  return { params, salt: Buffer.from(m[4] ?? '', 'base64url'), hash: Buffer.from(m[5] ?? '', 'base64url') };
}

export async function hashPassword(password: string, params: ScryptParams = defaultScryptParams): Promise<string> {
  const salt = randomBytes(saltLength);
  const hash = await gate.run(() => derive(password, salt, params));
  return `scrypt$v=1$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** Constant-time check. A malformed stored hash verifies nothing (and still costs a derivation). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (parsed === null) {
    await verifyDummy(password);
    return false;
  }
  const candidate = await gate.run(() => derive(password, parsed.salt, parsed.params));
  return candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
}

/** True when the stored hash uses weaker parameters than `target` and should be replaced. */
export function needsRehash(stored: string, target: ScryptParams = defaultScryptParams): boolean {
  const parsed = parseHash(stored);
  return parsed === null || parsed.params.N < target.N || parsed.params.r < target.r || parsed.params.p < target.p;
}

const dummyHashes = new Map<string, Promise<string>>();

/**
 * Spends the same work as a real verification, for logins naming no known account: the
 * response time then says nothing about whether the address exists.
 */
export async function verifyDummy(password: string, params: ScryptParams = defaultScryptParams): Promise<void> {
  const key = `${params.N},${params.r},${params.p}`;
  let dummy = dummyHashes.get(key);
  if (dummy === undefined) {
    dummy = hashPassword('dummy password for timing', params);
    dummyHashes.set(key, dummy);
  }
  const parsed = parseHash(await dummy);
  if (parsed !== null) await gate.run(() => derive(password, parsed.salt, parsed.params));
}
