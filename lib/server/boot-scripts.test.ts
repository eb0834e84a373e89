import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { BOOT_DEADLINE_MS, INTERACTION_EVENTS, bootLoader, bootWhen, flightPathPattern, readingFirst, takeFlight, type BootWhen } from '@/lib/server/boot-scripts';

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

/** Runs the loader in a VM with a fake document, window and timers; says what it inserted and when. */
interface FlightServer {
  /** The loader's flight path and what the cache answers for it (null: a 404). */
  readonly path: string;
  readonly data: unknown[] | null;
  /** The page as Next renders it, for `?flight` (null: a 404). */
  readonly page?: string | null;
}

const run = (paint: boolean | 'no-paint-timing', manifest: string | null = null, when: BootWhen = { on: 'load' }, answer: unknown = null, flight: FlightServer | null = null) => {
  const self: { __next_f?: unknown[] } = {};
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
    // What Next has been handed when each batch goes in: the scripts must find all of it.
    head: {
      appendChild: (f: ReturnType<typeof fragment>) => {
        const kids = f.kids.map((k: { src?: string; rel?: string; href?: string }) => k.src ?? `${k.rel} ${k.href}`);
        added.push(...kids);
        handed.push([kids, self.__next_f?.length ?? 0]);
      },
    },
  };
  const listeners = new Map<string, () => void>();
  const asked: string[] = [];
  const handed: Array<[string[], number]> = [];
  const fetch = (url: string) => {
    asked.push(url);
    if (flight !== null && url === flight.path) return Promise.resolve({ ok: flight.data !== null, json: () => Promise.resolve(flight.data) });
    if (flight !== null && url === '/ar/page?flight') return Promise.resolve({ ok: flight.page != null, text: () => Promise.resolve(flight.page ?? '') });
    return Promise.resolve({ ok: true, json: () => Promise.resolve(answer) });
  };
  const window = { PerformanceObserver, fetch };
  const context = {
    self,
    window,
    document,
    location: { pathname: '/ar/page' },
    Promise,
    fetch,
    requestAnimationFrame: (f: () => void) => f(),
    setTimeout: (f: () => void, ms: number) => timers.push([f, ms]),
    addEventListener: (type: string, f: () => void) => listeners.set(type, f),
    removeEventListener: (type: string) => listeners.delete(type),
  };
  vm.runInNewContext(bootLoader(['/a.js', '/b.js'], manifest, when, flight?.path ?? null), context);
  return { added, handed, timers, listeners, asked, self, fire: (name: string) => fire?.(name) };
};

/** Lets the loader's promise callbacks (fonts.ready, the probe's fetch) run. */
const settle = () => new Promise((done) => setTimeout(done, 5));

/** The first contentful paint, then what the loader does after it (its timers, its fetches). */
const paintAndSettle = async (r: ReturnType<typeof run>) => {
  r.fire('first-contentful-paint');
  await settle();
  for (const [f] of r.timers) f();
  await settle();
};

const runLoader = (paint: boolean | 'no-paint-timing', when: BootWhen, answer: unknown = null) => run(paint, null, when, answer);

describe('reading first: boot scripts after the first paint', () => {
  it('moves every boot chunk, once each and in order, into one loader at the end of the body', () => {
    const out = readingFirst(page);
    expect(out).not.toBeNull();
    const html = out?.html ?? '';
    expect(html).not.toMatch(/<script src="[^"]+" async="">/);
    expect(html).not.toMatch(/rel="preload" as="script"/);
    // Fonts, the stylesheet and the legacy polyfill (not async) are untouched.
    expect(html).toContain('<link rel="preload" href="/fonts/naskh.woff2" as="font"');
    // Written twice (React's hint and the layout's element), kept once.
    expect(html.match(/rel="preload" href="\/fonts\/naskh.woff2"/g)).toHaveLength(1);
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(html).toContain('<script src="/_next/static/chunks/polyfills.js" noModule=""></script>');
    expect(html).toContain(`<script>${bootLoader(['/_next/static/chunks/main.js', '/_next/static/chunks/react-dom.js', '/_next/static/chunks/turbopack-x.js'], '/manifest.webmanifest', { on: 'interaction', probe: null }, out?.flight?.path ?? 'no flight')}</script></body></html>`);
    // The manifest link leaves the head: the loader adds it with the scripts.
    expect(html).not.toContain('<link rel="manifest"');
    expect(readingFirst(page.replace('<link rel="manifest" href="/manifest.webmanifest"/>', ''))?.html).toContain(`${JSON.stringify(['/_next/static/chunks/main.js', '/_next/static/chunks/react-dom.js', '/_next/static/chunks/turbopack-x.js'])},null,0,null,"/_flight/`);
    // The flight data leaves the page; the loader names where the cache serves it.
    expect(html).not.toContain('__next_f.push([0])</script>');
    expect(out?.flight?.json).toBe('[[0]]');
    expect(out?.flight?.path).toMatch(flightPathPattern);
  });

  it('leaves a page without boot scripts, or without a body end, as it is', () => {
    expect(readingFirst('<html><body><p>x</p></body></html>')).toBeNull();
    expect(readingFirst(page.replace('</body></html>', ''))).toBeNull();
    expect(readingFirst('<script src="https://cdn.example/x.js" async=""></script></body>')).toBeNull();
  });

  it('boots after the first contentful paint and the fonts, or at the deadline if no paint comes', async () => {
    const soon = async (r: ReturnType<typeof run>) => {
      await settle();
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

  it('a page with nothing live boots at the first interaction, not at the paint or a deadline', async () => {
    for (const event of INTERACTION_EVENTS) {
      const idle = runLoader(true, { on: 'interaction' });
      expect([...idle.listeners.keys()].sort()).toEqual([...INTERACTION_EVENTS].sort());
      idle.fire('first-contentful-paint');
      await settle();
      for (const [f] of idle.timers) f();
      expect(idle.added, event).toEqual([]);
      expect(idle.timers.some(([, ms]) => ms === BOOT_DEADLINE_MS)).toBe(false);
      idle.listeners.get(event)?.();
      expect(idle.added, event).toEqual(['/a.js', '/b.js']);
      // Every listener is removed once it has booted.
      expect(idle.listeners.size).toBe(0);
    }
  });

  it('the home page probes after the paint and boots at once only when an incident is live', async () => {
    const live = runLoader(true, { on: 'interaction', probe: '/ar/incidents/live.json' }, { incidents: [{ href: '/ar/incidents/x' }] });
    expect(live.asked).toEqual([]);
    await paintAndSettle(live);
    expect(live.asked).toEqual(['/ar/incidents/live.json']);
    expect(live.added).toEqual(['/a.js', '/b.js']);

    for (const answer of [{ incidents: [] }, null, { nothing: 1 }]) {
      const quiet = runLoader(true, { on: 'interaction', probe: '/ar/incidents/live.json' }, answer);
      await paintAndSettle(quiet);
      expect(quiet.asked).toEqual(['/ar/incidents/live.json']);
      expect(quiet.added, JSON.stringify(answer)).toEqual([]);
      quiet.listeners.get('pointerdown')?.();
      expect(quiet.added).toEqual(['/a.js', '/b.js']);
    }
  });

  it('takes the flight data out of the page, whole and in order, under a path made from its content', () => {
    const flightPage = page.replace('</body>', '<script nonce="bm9uY2U=">self.__next_f.push([1,"a:\\u003cp\\u003e])\\u003c/p\\u003e"])</script><script>self.__next_f.push([1,"b"])</script></body>');
    const taken = takeFlight(flightPage);
    expect(taken?.html).not.toMatch(/__next_f/);
    expect(JSON.parse(taken?.flight.json ?? 'null')).toEqual([[0], [1, 'a:<p>])</p>'], [1, 'b']]);
    expect(taken?.flight.path).toMatch(flightPathPattern);
    // Same data, same path; other data, another path.
    expect(takeFlight(flightPage)?.flight.path).toBe(taken?.flight.path);
    expect(takeFlight(flightPage.replace('[1,"b"]', '[1,"c"]'))?.flight.path).not.toBe(taken?.flight.path);
    // Not JSON: nothing is changed, so the chunks cannot reach Next out of order.
    expect(takeFlight(flightPage.replace('[1,"b"]', '[1,b]'))).toBeNull();
    expect(takeFlight('<p>no flight</p>')).toBeNull();
    const kept = readingFirst(flightPage.replace('[1,"b"]', '[1,b]'));
    expect(kept?.flight).toBeNull();
    expect(kept?.html).toContain('self.__next_f.push([1,b])</script>');
    expect(kept?.html).toContain(',null)</script></body>');
  });

  it('hands the fetched flight data to Next before any script goes in; the scripts download beside it', async () => {
    const data = [[0], [1, 'a:<p>])</p>'], [1, 'b']];
    // Booted before the data is here: preload links first, the scripts once Next has it all.
    const early = run(true, null, { on: 'interaction' }, null, { path: '/_flight/x.json', data });
    early.listeners.get('keydown')?.();
    expect(early.asked).toEqual(['/_flight/x.json']);
    expect(early.added).toEqual(['preload /a.js', 'preload /b.js']);
    await settle();
    expect(early.self.__next_f).toEqual(data);
    expect(early.handed).toEqual([
      [['preload /a.js', 'preload /b.js'], 0],
      [['/a.js', '/b.js'], 3],
    ]);

    // Fetched after the paint, before the reader acts: booting then needs no request.
    const prefetched = run(true, '/manifest.webmanifest', { on: 'interaction' }, null, { path: '/_flight/x.json', data });
    expect(prefetched.asked).toEqual([]);
    await paintAndSettle(prefetched);
    expect(prefetched.asked).toEqual(['/_flight/x.json']);
    expect(prefetched.added).toEqual([]);
    prefetched.listeners.get('scroll')?.();
    expect(prefetched.handed).toEqual([[['/a.js', '/b.js', 'manifest /manifest.webmanifest'], 3]]);
    expect(prefetched.asked).toEqual(['/_flight/x.json']);
  });

  it('when the cache no longer has the data, takes it from the page as Next renders it; failing that, stays as served', async () => {
    const nextPage = '<html><body><script>(self.__next_f=self.__next_f||[]).push([0])</script><script nonce="n">self.__next_f.push([1,"a:\\u003cp\\u003e])"])</script><script>other.push([9])</script></body></html>';
    const gone = run(true, null, { on: 'load' }, null, { path: '/_flight/x.json', data: null, page: nextPage });
    gone.fire('first-contentful-paint');
    await settle();
    gone.timers.find(([, ms]) => ms === 0)?.[0]();
    await settle();
    expect(gone.asked).toEqual(['/_flight/x.json', '/ar/page?flight']);
    expect(gone.self.__next_f).toEqual([[0], [1, 'a:<p>])']]);
    expect(gone.handed.at(-1)).toEqual([['/a.js', '/b.js'], 2]);

    for (const page of [null, '<html><body>no flight here</body></html>']) {
      const lost = run(true, null, { on: 'interaction' }, null, { path: '/_flight/x.json', data: null, page });
      lost.listeners.get('pointerdown')?.();
      await settle();
      expect(lost.asked).toEqual(['/_flight/x.json', '/ar/page?flight']);
      expect(lost.added).toEqual(['preload /a.js', 'preload /b.js']);
      expect(lost.self.__next_f).toBeUndefined();
    }
  });

  it('reads when to boot from the markers the page’s components write', () => {
    expect(bootWhen('<div id="tl-x" class="tl-page" data-boot="load">')).toEqual({ on: 'load' });
    expect(bootWhen('<aside class="live-slot" data-boot-probe="/en/incidents/live.json" data-testid="live-banner">')).toEqual({ on: 'interaction', probe: '/en/incidents/live.json' });
    expect(bootWhen('<main><p>text</p></main>')).toEqual({ on: 'interaction', probe: null });
    // Escaped inside the flight data, the marker is not the page's own.
    expect(bootWhen('self.__next_f.push([1,"{\\"data-boot\\":\\"load\\"}"])')).toEqual({ on: 'interaction', probe: null });
    // The rewrite puts the page's mode into its loader.
    expect(readingFirst(page.replace('<main>', '<main data-boot="load">'))?.html).toContain(`,"/manifest.webmanifest",1,null,"/_flight/`);
    expect(readingFirst(page)?.html).toContain(`,"/manifest.webmanifest",0,null,"/_flight/`);
  });
});
