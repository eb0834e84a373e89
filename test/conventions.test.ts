import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const roots = ['app', 'components', 'lib'];

function files(exts: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
    }
  };
  roots.forEach(walk);
  return out;
}

describe('client islands are explicit', () => {
  const sources = files(['.ts', '.tsx']).filter((f) => !f.endsWith('.test.ts') && !f.endsWith('.test.tsx'));
  const islands = sources.filter((f) => /^\s*['"]use client['"]/m.test(fs.readFileSync(f, 'utf8')));

  it('every "use client" file is named *.client.tsx', () => {
    expect(islands.filter((f) => !f.endsWith('.client.tsx'))).toEqual([]);
  });

  it('lists the islands (a new one is a deliberate change to this list)', () => {
    // Printed so a reviewer sees what ships JavaScript to readers.
    console.log(`client islands:\n${islands.map((f) => `  ${f}`).join('\n')}`);
    expect(islands.length).toBeGreaterThan(0);
    expect(islands.length).toBeLessThanOrEqual(8);
  });
});

describe('styles are logical, so Arabic mirrors English', () => {
  const physicalClass = /(?:^|[\s"'`{(])-?(?:ml|mr|pl|pr|left|right|rounded-[lr]|border-[lr]|scroll-m[lr]|scroll-p[lr])-[\w[\].%/-]+|\btext-(?:left|right)\b|\bfloat-(?:left|right)\b/;
  const physicalCss = /(?:margin|padding|border)-(?:left|right)\s*:|(?:^|[\s;{])(?:left|right)\s*:|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)/;

  it('no physical left/right utilities in markup', () => {
    const offenders = files(['.tsx']).flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ f, i: i + 1, line }))
        .filter(({ line }) => /className=/.test(line) && physicalClass.test(line)),
    );
    expect(offenders.map((o) => `${o.f}:${o.i}`)).toEqual([]);
  });

  it('no physical left/right properties in CSS', () => {
    const offenders = files(['.css']).flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ f, i: i + 1, line }))
        .filter(({ line }) => physicalCss.test(line)),
    );
    expect(offenders.map((o) => `${o.f}:${o.i}: ${o.line.trim()}`)).toEqual([]);
  });
});
