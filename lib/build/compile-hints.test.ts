import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bootChunks, COMPILE_HINT, withCompileHint } from './compile-hints.mjs';

describe('compile hints', () => {
  it('puts the hint on the first line, once', () => {
    const src = '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push([1]);';
    const once = withCompileHint(src);
    expect(once.startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
    expect(once.slice(COMPILE_HINT.length)).toBe(src);
    expect(withCompileHint(once)).toBe(once);
  });

  it('takes the boot chunks from rootMainFiles and refuses any other shape, naming the field', () => {
    expect(bootChunks({ rootMainFiles: ['static/chunks/41mprv1-o9284.js', 'static/chunks/turbopack-077hm.js'] })).toEqual([
      'static/chunks/41mprv1-o9284.js',
      'static/chunks/turbopack-077hm.js',
    ]);
    expect(() => bootChunks({}, 'x/build-manifest.json')).toThrow('x/build-manifest.json: field "rootMainFiles" is missing or empty');
    expect(() => bootChunks({ rootMainFiles: [] })).toThrow('"rootMainFiles" is missing or empty');
    expect(() => bootChunks({ rootMainFiles: ['static/chunks/a.css'] })).toThrow('"static/chunks/a.css", not a static/chunks/*.js path');
    expect(() => bootChunks({ rootMainFiles: ['../../etc/passwd.js'] })).toThrow('not a static/chunks/*.js path');
    expect(() => bootChunks({ rootMainFiles: [42] })).toThrow('has 42');
  });

  it('scripts/compile-hints.mjs marks exactly the boot chunks of a dist dir, and running it twice changes nothing', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'hints-'));
    fs.mkdirSync(path.join(dist, 'static', 'chunks'), { recursive: true });
    const write = (f: string, s: string) => fs.writeFileSync(path.join(dist, 'static', 'chunks', f), s);
    write('boot.js', 'boot();');
    write('route.js', 'route();');
    fs.writeFileSync(path.join(dist, 'build-manifest.json'), JSON.stringify({ rootMainFiles: ['static/chunks/boot.js'] }));
    const run = () => spawnSync(process.execPath, ['scripts/compile-hints.mjs'], { env: { ...process.env, NEXT_DIST_DIR: dist }, encoding: 'utf8' });
    expect(run().status).toBe(0);
    expect(run().status).toBe(0);
    const read = (f: string) => fs.readFileSync(path.join(dist, 'static', 'chunks', f), 'utf8');
    expect(read('boot.js')).toBe(`${COMPILE_HINT}boot();`);
    expect(read('route.js')).toBe('route();');

    fs.writeFileSync(path.join(dist, 'build-manifest.json'), JSON.stringify({ pages: {} }));
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('build-manifest.json: field "rootMainFiles" is missing or empty');
    fs.rmSync(dist, { recursive: true, force: true });
  });
});
