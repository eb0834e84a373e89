import { createHash } from 'node:crypto';

/**
 * Reading first (decision 0065). Next.js puts its boot chunks in the head as `async` scripts and
 * `preload` links, so a browser requests ~120 KB of JavaScript at the same moment as the
 * stylesheet and the two preloaded fonts. Over HTTP/1.1 (what `next start` speaks) they share
 * the reader's bandwidth, and the text waits for its fonts while scripts download that the first
 * paint does not need: nothing above the fold needs React to be read.
 *
 * `readingFirst` rewrites a page so the same chunks are requested by a small inline loader: once
 * the page has painted and its web fonts have loaded (or after 3 s, so a page in a background tab
 * still boots) when something on it is live, else at the reader's first interaction (`BootWhen`,
 * session 7). The same URLs, async as before; the CSP allows them ('self') and hashes the loader
 * like any inline script. Next's flight data leaves the document: the cache serves it as a file
 * the loader fetches after the first paint and hands to Next before the scripts (`takeFlight`,
 * session 8).
 *
 * The web app manifest link moves into the loader too. Chromium fetches the manifest, then an
 * icon it names, as soon as it sees the link: two requests (one after the other) that nobody
 * reading the page needs, competing with the fonts on a slow link; in Lighthouse's simulation
 * they sat in the largest paint's path. Inserted with the scripts, the link is fetched after the
 * page has painted, and "add to home screen" sees the same manifest.
 */

/**
 * A preload link for a file already preloaded above it. The layout writes its font preloads as
 * `<link>` elements because react-dom's preload() hints never reached the head of a page rendered
 * per request; on a prerendered page React writes both the hint and the element.
 */
const PRELOAD_ANY = /<link rel="preload" href="([^"]+)"(?: [a-zA-Z-]+="[^"]*")*\/>/g;

/**
 * An inline flight-data script as Next writes it: `(self.__next_f=self.__next_f||[]).push([0])`
 * first, then `self.__next_f.push([1,"…"])` per chunk (a page rendered per request adds a nonce).
 * The argument is JSON: Next escapes `<` in it, so `</script>` cannot occur inside.
 */
const FLIGHT = /<script(?: nonce="[^"]*")?>(?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\((\[[\s\S]*?\])\)<\/script>/g;

/** Where the cache serves the flight data it took out of a page: `/_flight/<hash>.json`. */
export const FLIGHT_PREFIX = '/_flight/';
export const flightPathPattern = /^\/_flight\/[A-Za-z0-9_-]{22}\.json$/;

/**
 * The page's flight data taken out of it (session 8): the page without Next's flight scripts,
 * and the chunks as one JSON array (`[[0],[1,"…"],…]`, in the order Next wrote them) with the
 * content-addressed path the cache serves it at. `null` if the page has none, or if any chunk is
 * not the JSON it should be (then nothing is changed: the chunks must reach Next whole and in
 * order).
 *
 * The chunks are the page again for React: on the Arabic incident page, 142 of its 242 thousand
 * characters. Left in the document (even as inert JSON, as in session 7) they were downloaded
 * before the first paint, decoded and scanned in the new page's first task and tokenized in the
 * ones after; the loader now fetches them when it boots, or right after the first paint.
 */
export function takeFlight(html: string): { html: string; flight: { path: string; json: string } } | null {
  const chunks: string[] = [];
  let ok = true;
  const rest = html.replace(FLIGHT, (_tag: string, json: string) => {
    try {
      if (!Array.isArray(JSON.parse(json))) ok = false;
    } catch {
      ok = false;
    }
    chunks.push(json);
    return '';
  });
  if (!ok || chunks.length === 0) return null;
  const json = `[${chunks.join(',')}]`;
  const hash = createHash('sha256').update(json).digest('base64url').slice(0, 22);
  return { html: rest, flight: { path: `${FLIGHT_PREFIX}${hash}.json`, json } };
}

/** `<link rel="manifest" href="…"/>` as Next writes it from app/manifest.ts. */
const MANIFEST = /<link rel="manifest" href="(\/[^"]*)"(?: crossOrigin="[^"]*")?\/>/;

/** `<link rel="preload" as="script" … href="/_next/static/…js"/>`, attributes in Next's order. */
const PRELOAD = /<link rel="preload" as="script"(?: [a-zA-Z-]+="[^"]*")* href="(\/_next\/static\/[^"?#]+\.js)"(?: [a-zA-Z-]+="[^"]*")*\/>/g;
/**
 * `<script src="/_next/static/…js" …></script>` with `async=""` among its attributes (a page
 * rendered per request adds a nonce, before or after it; the cache's copy is allowed by hash
 * instead). `noModule` scripts have no `async` and are left alone, as are inline ones.
 */
const EXTERNAL_SCRIPT = /<script src="(\/_next\/static\/[^"?#]+\.js)"((?: [a-zA-Z-]+="[^"]*")*)><\/script>/g;

/** How long a page that boots at load waits for its first painted frame before booting anyway. */
export const BOOT_DEADLINE_MS = 3000;

/** The events that count as the reader's first interaction: any of them boots a page that waits for one. */
export const INTERACTION_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel', 'scroll', 'focusin'] as const;

/**
 * When a page boots (session 7):
 * - `load`: after the first paint and its fonts (or the deadline). A page with something live on
 *   it, which must run without the reader doing anything: an incident page while the incident is
 *   ongoing (`data-boot="load"` on the timeline).
 * - `interaction`: at the reader's first interaction. Every other page: everything on it works
 *   without JavaScript (links, `<details>`, CSS), and what the islands add (copy and system share
 *   buttons, local times, the language switch keeping the reader's place) is needed only once the
 *   reader acts. With `probe`, the loader also asks that URL after the first paint and boots at
 *   once if its JSON lists any `incidents` (the home page's live banner, `data-boot-probe`).
 */
export type BootWhen = { readonly on: 'load' } | { readonly on: 'interaction'; readonly probe?: string | null };

/**
 * The loader. It inserts the chunks (and the manifest link) all at once: one by one, the seven
 * insertions took ~15 ms of a phone-speed main thread. For `load`, it waits for the first
 * contentful paint (Paint Timing; where a browser lacks it, two animation frames), then for the
 * fonts that paint is using. For `interaction`, it listens from the start (capture, passive) for
 * the first of INTERACTION_EVENTS, and probes after the first paint.
 *
 * With `flight` (the path `takeFlight` gave the page's flight data), it fetches that data once:
 * right after the first paint and fonts, or when it boots if that comes first. Booting, it hands
 * the chunks to Next (`self.__next_f`) and only then inserts the scripts, which Next reads it from
 * as it starts; while the data is on its way, the scripts download beside it (preload links). If
 * the cache no longer has the data (another server answered, or this one restarted), it asks for
 * the page as Next renders it (`?flight`, which the cache does not serve) and takes the chunks
 * from its flight scripts. If that fails too, the page is left as served: it works without
 * JavaScript.
 */
export function bootLoader(sources: readonly string[], manifest: string | null = null, when: BootWhen = { on: 'load' }, flight: string | null = null): string {
  const atLoad = when.on === 'load' ? 1 : 0;
  const probe = when.on === 'interaction' ? (when.probe ?? null) : null;
  // The flight scripts of a page as Next writes it; their JSON never contains "<" (Next escapes it).
  const inPage = String.raw`/__next_f[^<]*?\.push\((\[[^<]*?\])\)<\/script>/g`;
  return (
    `(function(s,m,w,p,f){var d=0,q,Q,D=document;` +
    `function get(){if(!q)q=fetch(f).then(function(r){if(!r.ok)throw 0;return r.json()}).catch(function(){return fetch(location.pathname+"?flight").then(function(r){if(!r.ok)throw 0;return r.text()}).then(function(t){var a=[],x,R=${inPage};while(x=R.exec(t))a.push(JSON.parse(x[1]));if(!a.length)throw 0;return a})}).then(function(a){return Q=a});return q}` +
    `function add(pre){var g=D.createDocumentFragment();for(var i=0;i<s.length;i++){var e;if(pre){e=D.createElement("link");e.rel="preload";e.as="script";e.href=s[i]}else{e=D.createElement("script");e.src=s[i];e.async=true}g.appendChild(e)}if(!pre&&m){var l=D.createElement("link");l.rel="manifest";l.href=m;g.appendChild(l)}D.head.appendChild(g)}` +
    `function boot(c){var n=self.__next_f=self.__next_f||[];for(var i=0;i<c.length;i++)n.push(c[i]);add(0)}` +
    `function go(){if(d)return;d=1;if(!f)return boot([]);if(Q)return boot(Q);add(1);get().then(boot,function(){})}` +
    `function ask(){if(p&&window.fetch)fetch(p,{headers:{accept:"application/json"}}).then(function(r){return r.ok?r.json():null}).then(function(j){if(j&&j.incidents&&j.incidents.length)go()},function(){})}` +
    `function after(){var F=D.fonts;(F?F.ready:Promise.resolve()).then(function(){setTimeout(w?go:function(){ask();if(f&&!d)get()},0)})}` +
    `if(!w){var E=${JSON.stringify(INTERACTION_EVENTS)},o={capture:true,passive:true},h=function(){for(var i=0;i<E.length;i++)removeEventListener(E[i],h,o);go()};for(var i=0;i<E.length;i++)addEventListener(E[i],h,o)}` +
    `var P=window.PerformanceObserver;` +
    `if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0)new P(function(l,o){if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();after()}}).observe({type:"paint",buffered:true});` +
    `else requestAnimationFrame(function(){requestAnimationFrame(after)});` +
    `if(w)setTimeout(go,${BOOT_DEADLINE_MS})})(${JSON.stringify(sources)},${JSON.stringify(manifest)},${atLoad},${JSON.stringify(probe)},${JSON.stringify(flight)})`
  );
}

/** `data-boot="load"` on an element of the page: something live must run at load. */
const BOOT_AT_LOAD = / data-boot="load"/;
/** `data-boot-probe="/…"`: boot at once if that URL lists live incidents. */
const BOOT_PROBE = / data-boot-probe="(\/[^"?#]*)"/;

/** When a page should boot, from the markers its components wrote into its HTML. */
export function bootWhen(html: string): BootWhen {
  if (BOOT_AT_LOAD.test(html)) return { on: 'load' };
  return { on: 'interaction', probe: BOOT_PROBE.exec(html)?.[1] ?? null };
}

/** A page as the cache serves it (decision 0065), and the flight data it serves beside it. */
export interface ReadingFirstPage {
  readonly html: string;
  /** Taken out of the page, to be served at `path` (`takeFlight`); null if left in it as Next wrote it. */
  readonly flight: { readonly path: string; readonly json: string } | null;
}

/**
 * The page with its boot scripts requested after the first paint and its flight data out of the
 * document, or `null` when it has none of Next's boot scripts in the expected shape (then it is
 * served as Next made it).
 */
export function readingFirst(html: string): ReadingFirstPage | null {
  const end = html.lastIndexOf('</body>');
  if (end === -1) return null;
  const sources: string[] = [];
  const take = (_: string, src: string) => {
    if (!sources.includes(src)) sources.push(src);
    return '';
  };
  const head = html
    .slice(0, end)
    .replace(PRELOAD, take)
    .replace(EXTERNAL_SCRIPT, (tag: string, src: string, attributes: string) => (/(^| )async=""/.test(attributes) && !/ nomodule=/i.test(attributes) ? take(tag, src) : tag));
  if (sources.length === 0) return null;
  let manifest: string | null = null;
  const preloaded = new Set<string>();
  const rest = head
    .replace(MANIFEST, (_: string, href: string) => ((manifest = href), ''))
    .replace(PRELOAD_ANY, (tag: string, href: string) => (preloaded.has(href) ? '' : (preloaded.add(href), tag)));
  const taken = takeFlight(rest);
  const body = taken?.html ?? rest;
  return {
    html: `${body}<script>${bootLoader(sources, manifest, bootWhen(head), taken?.flight.path ?? null)}</script>${html.slice(end)}`,
    flight: taken?.flight ?? null,
  };
}
