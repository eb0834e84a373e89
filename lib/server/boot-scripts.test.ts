import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { BOOT_DEADLINE_MS, bootLoader, readingFirst } from '@/lib/server/boot-scripts';

// The head and body shape Next.js 16 writes for a page (trimmed).
const page = [
  '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charSet="utf-8"/>',
  '<link rel="preload" href="/fonts/naskh.woff2" as="font" crossorigin="" type="font/woff2"/>',
  '<link rel="preload" href="/fonts/naskh.woff2" as="font" type="font/woff2" crossorigin=""/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="manifest" href="/manifest.webmanifest"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/main.js"/>',
  '<script src="/_next/static/chunks/react-dom.js" async=""></script>',
  '<script src="/_next/static/chunks/turbopack-x.js" async="" nonce="bm9uY2U="></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '</head><body><main><h1>عنوان</h1></main>',
  '<script src="/_next/static/chunks/main.js" nonce="bm9uY2U=" async=""></script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '</body></html>',
].join('');

describe('reading first: boot scripts after the first paint', () => {
  it('moves every boot chunk, once each and in order, into one loader at the end of the body', () => {
    const out = readingFirst(page);
    expect(out).not.toBeNull();
    const html = out ?? '';
    expect(html).not.toMatch(/<script src="[^"]+" async="">/);
    expect(html).not.toMatch(/rel="preload" as="script"/);
    // Fonts, the stylesheet and the legacy polyfill (not async) are untouched.
    expect(html).toContain('<link rel="preload" href="/fonts/naskh.woff2" as="font"');
    // Written twice (React's hint and the layout's element), kept once.
    expect(html.match(/rel="preload" href="\/fonts\/naskh.woff2"/g)).toHaveLength(1);
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(html).toContain('<script src="/_next/static/chunks/polyfills.js" noModule=""></script>');
    expect(html).toContain(`<script>${bootLoader(['/_next/static/chunks/main.js', '/_next/static/chunks/react-dom.js', '/_next/static/chunks/turbopack-x.js'], '/manifest.webmanifest')}</script></body></html>`);
    // The manifest link leaves the head: the loader adds it with the scripts.
    expect(html).not.toContain('<link rel="manifest"');
    expect(readingFirst(page.replace('<link rel="manifest" href="/manifest.webmanifest"/>', ''))).toContain(`${JSON.stringify(['/_next/static/chunks/main.js', '/_next/static/chunks/react-dom.js', '/_next/static/chunks/turbopack-x.js'])},null)`);
    // The flight data stays before the loader, so Next finds it when it boots.
    expect(html.indexOf('self.__next_f')).toBeLessThan(html.indexOf('requestAnimationFrame'));
  });

  it('leaves a page without boot scripts, or without a body end, as it is', () => {
    expect(readingFirst('<html><body><p>x</p></body></html>')).toBeNull();
    expect(readingFirst(page.replace('</body></html>', ''))).toBeNull();
    expect(readingFirst('<script src="https://cdn.example/x.js" async=""></script></body>')).toBeNull();
  });

  it('boots after the first contentful paint and the fonts, or at the deadline if no paint comes', async () => {
    const run = (paint: boolean | 'no-paint-timing', manifest: string | null = null) => {
      const added: string[] = [];
      const timers: Array<[() => void, number]> = [];
      let fire: ((name: string) => void) | undefined;
      class PerformanceObserver {
        static supportedEntryTypes = paint === 'no-paint-timing' ? ['resource'] : ['paint', 'resource'];
        constructor(private cb: (l: { getEntriesByName: (n: string) => unknown[] }, o: { disconnect: () => void }) => void) {}
        observe() {
          fire = (name) => this.cb({ getEntriesByName: (n) => (n === name ? [{}] : []) }, { disconnect: () => (fire = undefined) });
        }
      }
      // A fragment collects the scripts; appending it to the head adds them all at once.
      const fragment = (): { kids: Array<{ src?: string }>; appendChild: (e: { src?: string }) => void } => {
        const kids: Array<{ src?: string }> = [];
        return { kids, appendChild: (e) => kids.push(e) };
      };
      const document = {
        fonts: { ready: Promise.resolve() },
        createElement: () => ({}) as { src?: string },
        createDocumentFragment: fragment,
        head: { appendChild: (f: ReturnType<typeof fragment>) => added.push(...f.kids.map((k: { src?: string; rel?: string; href?: string }) => k.src ?? `${k.rel} ${k.href}`)) },
      };
      const window = { PerformanceObserver };
      const context = { window, document, Promise, requestAnimationFrame: (f: () => void) => f(), setTimeout: (f: () => void, ms: number) => timers.push([f, ms]) };
      vm.runInNewContext(bootLoader(['/a.js', '/b.js'], manifest), context);
      return { added, timers, fire: (name: string) => fire?.(name) };
    };
    const soon = async (r: ReturnType<typeof run>) => {
      await new Promise((done) => setTimeout(done, 5));
      r.timers.find(([, ms]) => ms === 0)?.[0]();
    };
    const painted = run(true);
    painted.fire('first-paint');
    await soon(painted);
    expect(painted.added).toEqual([]);
    painted.fire('first-contentful-paint');
    await soon(painted);
    expect(painted.added).toEqual(['/a.js', '/b.js']);
    // The deadline after that adds nothing twice.
    painted.timers.find(([, ms]) => ms === BOOT_DEADLINE_MS)?.[0]();
    expect(painted.added).toEqual(['/a.js', '/b.js']);

    const older = run('no-paint-timing');
    await soon(older);
    expect(older.added).toEqual(['/a.js', '/b.js']);

    const hidden = run(true);
    await soon(hidden);
    expect(hidden.added).toEqual([]);
    hidden.timers.find(([, ms]) => ms === BOOT_DEADLINE_MS)?.[0]();
    expect(hidden.added).toEqual(['/a.js', '/b.js']);

    // The manifest link goes in with the scripts, after the paint, not before.
    const withManifest = run(true, '/manifest.webmanifest');
    await soon(withManifest);
    expect(withManifest.added).toEqual([]);
    withManifest.fire('first-contentful-paint');
    await soon(withManifest);
    expect(withManifest.added).toEqual(['/a.js', '/b.js', 'manifest /manifest.webmanifest']);
  });
});
