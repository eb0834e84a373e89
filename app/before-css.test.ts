import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { beforeCssCss, deferredBeforeCssSelectors } from '@/app/before-css';

const globals = fs.readFileSync('app/globals.css', 'utf8');

/** The selectors of every rule in globals.css that sets `content-visibility: auto`. */
function deferredInGlobals(): string[] {
  const out: string[] = [];
  for (const m of globals.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!/content-visibility:\s*auto/.test(m[2] ?? '')) continue;
    const selector = (m[1] ?? '').replace(/\/\*[\s\S]*?\*\//g, '').trim();
    // A plain list: the rules with `:is(…):not(…)` stay whole, so their parts never count alone.
    if (!selector.includes('(')) out.push(...selector.split(',').map((s) => s.trim().replace(/\s*>\s*/g, ' > ')));
  }
  return out;
}

describe('deferral before the stylesheet arrives', () => {
  it('defers only blocks that globals.css defers too, whatever they hold', () => {
    const globalsDeferred = deferredInGlobals();
    expect(globalsDeferred).toContain('.tl-list');
    for (const s of deferredBeforeCssSelectors) expect(globalsDeferred, s).toContain(s);
  });
  it('sits in a cascade layer under @media screen, so the stylesheet’s own rules win and print is untouched', () => {
    expect(beforeCssCss).toMatch(/^@layer [a-z-]+\{@media screen\{[^{}]+\{content-visibility:auto;[^{}]*\}\}\}$/);
    // globals.css itself is unlayered where it defers (its overrides must beat this layer).
    expect(globals).not.toMatch(/@layer[^{]*\{[^@]*content-visibility/);
  });
});
