import { describe, expect, it } from 'vitest';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** ICU argument names such as {count} or {category}, excluding plural branch keywords. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*(?:,[^{}]*)?(?=[,}])/g)].map((m) => m[1] ?? '').sort();
}

describe('message catalogues', () => {
  const a = flatten(ar as Tree);
  const e = flatten(en as Tree);

  it('have the same keys in Arabic and English', () => {
    expect([...a.keys()].sort()).toEqual([...e.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = [...a.keys()].filter((k) => e.has(k) && placeholders(a.get(k) ?? '').join() !== placeholders(e.get(k) ?? '').join());
    expect(mismatched).toEqual([]);
  });

  it('have no empty strings, and the Arabic catalogue is actually Arabic', () => {
    expect([...a.values()].filter((v) => v.trim() === '')).toEqual([]);
    const arabicShare = [...a.values()].filter((v) => /[\u0600-\u06FF]/.test(v)).length / a.size;
    expect(arabicShare).toBeGreaterThan(0.8);
  });
});
