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
 * like any inline script. Next's flight data waits as inert JSON until the loader hands it over
 * (`inertFlight`).
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

/**
 * The page's flight data as inert JSON (`<script type="application/json" data-next-f>`), or
 * `null` if any chunk is not the JSON it should be (then none is changed: the chunks must reach
 * Next in order). As scripts, the chunks (most of them the page's own text again, for React)
 * were compiled and run while the page was still parsing: 11.5 ms of compile on the Arabic
 * incident page here, four times that on a phone. As JSON they are only text until the loader
 * hands them to Next, in order, just before the boot scripts.
 */
export function inertFlight(html: string): string | null {
  let ok = true;
  const out = html.replace(FLIGHT, (tag: string, json: string) => {
    try {
      if (!Array.isArray(JSON.parse(json))) ok = false;
    } catch {
      ok = false;
    }
    return `<script type="application/json" data-next-f="">${json}</script>`;
  });
  return ok && out !== html ? out : null;
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
 */
export function bootLoader(sources: readonly string[], manifest: string | null = null, when: BootWhen = { on: 'load' }): string {
  const atLoad = when.on === 'load' ? 1 : 0;
  const probe = when.on === 'interaction' ? (when.probe ?? null) : null;
  return (
    `(function(s,m,w,p){var d=0;function go(){if(d)return;d=1;var n=self.__next_f=self.__next_f||[],F=document.querySelectorAll("script[data-next-f]");for(var i=0;i<F.length;i++)n.push(JSON.parse(F[i].textContent));var f=document.createDocumentFragment();for(var i=0;i<s.length;i++){var e=document.createElement("script");e.src=s[i];e.async=true;f.appendChild(e)}if(m){var l=document.createElement("link");l.rel="manifest";l.href=m;f.appendChild(l)}document.head.appendChild(f)}` +
    `function ask(){if(p&&window.fetch)fetch(p,{headers:{accept:"application/json"}}).then(function(r){return r.ok?r.json():null}).then(function(j){if(j&&j.incidents&&j.incidents.length)go()},function(){})}` +
    `function after(){var f=document.fonts;(f?f.ready:Promise.resolve()).then(function(){setTimeout(w?go:ask,0)})}` +
    `if(!w){var E=${JSON.stringify(INTERACTION_EVENTS)},o={capture:true,passive:true},h=function(){for(var i=0;i<E.length;i++)removeEventListener(E[i],h,o);go()};for(var i=0;i<E.length;i++)addEventListener(E[i],h,o)}` +
    `var P=window.PerformanceObserver;` +
    `if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0)new P(function(l,o){if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();after()}}).observe({type:"paint",buffered:true});` +
    `else requestAnimationFrame(function(){requestAnimationFrame(after)});` +
    `if(w)setTimeout(go,${BOOT_DEADLINE_MS})})(${JSON.stringify(sources)},${JSON.stringify(manifest)},${atLoad},${JSON.stringify(probe)})`
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

/**
 * The page with its boot scripts requested after the first paint, or `null` when it has none
 * of Next's boot scripts in the expected shape (then it is served as Next made it).
 */
export function readingFirst(html: string): string | null {
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
  const body = inertFlight(rest) ?? rest;
  return `${body}<script>${bootLoader(sources, manifest, bootWhen(head))}</script>${html.slice(end)}`;
}
