import { describe, expect, it } from 'vitest';
import { defaultScryptParams, hashPassword, needsRehash, scryptDerivations, verifyDummy, verifyPassword } from '@/lib/desk/password';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('uses strong default parameters and stores them with a per-user salt', async () => {
    expect(defaultScryptParams).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$v=1\$N=131072,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
  });

  it('salts every hash differently and verifies only the right password', async () => {
    const a = await hashPassword('كلمة مرور طويلة جدًا', cheap);
    const b = await hashPassword('كلمة مرور طويلة جدًا', cheap);
    expect(a).not.toBe(b);
    expect(await verifyPassword('كلمة مرور طويلة جدًا', a)).toBe(true);
    expect(await verifyPassword('كلمة مرور طويلة جدا', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('treats canonically equivalent Arabic input as the same password (NFC)', async () => {
    const stored = await hashPassword('\u0622مين-1234567', cheap);
    expect(await verifyPassword('\u0627\u0653مين-1234567', stored)).toBe(true);
  });

  it('refuses malformed or abusive stored hashes without throwing', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$v=1$N=1048577,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$v=1$N=4194304,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(false);
  });

  it('flags weaker parameters for re-hashing at the next sign-in', async () => {
    expect(needsRehash(await hashPassword('long enough pw', cheap))).toBe(true);
    expect(needsRehash(await hashPassword('long enough pw', cheap), cheap)).toBe(false);
  });

  it('spends one derivation with the same parameters on an unknown account (dummy verification) as on a known one', async () => {
    const stored = await hashPassword('long enough pw', cheap);
    await verifyDummy('warm up', cheap);
    const before = scryptDerivations();
    await verifyPassword('wrong password', stored);
    const known = scryptDerivations() - before;
    await verifyDummy('wrong password', cheap);
    expect(scryptDerivations() - before - known).toBe(known);
    expect(known).toBe(1);
  });
});
