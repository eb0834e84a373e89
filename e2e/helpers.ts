import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const locales = ['ar', 'en'] as const;
export type Locale = (typeof locales)[number];
export const dirOf = { ar: 'rtl', en: 'ltr' } as const;

/** The news report: the article every page type links to, in both languages. */
export const NEWS_SLUG = 'cloudflare-outage-november-2025';

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary).toEqual([]);
}

/**
 * A full-page capture for people to look at. Blocks far below the fold use
 * `content-visibility: auto` (docs/decisions/0062): a reader's browser paints them as they scroll
 * near, but a full-page capture is not scrolling and would show them blank, so they are shown
 * for the capture and put back after it.
 */
export async function saveScreenshot(page: Page, name: string) {
  const dir = path.join('e2e', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true, style: SHOW_DEFERRED_BLOCKS });
}

/** For `page.screenshot({ style })`: the deferred blocks rendered, for a full-page capture only. */
export const SHOW_DEFERRED_BLOCKS = '* { content-visibility: visible !important; }';

/**
 * Collects console errors, uncaught exceptions and CSP violations for the page's lifetime.
 * Call before navigating; assert the returned list is empty at the end.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return errors;
}

export interface SimulatorHandle {
  url: string;
  publish(): Promise<void>;
  setMode(mode: 'ok' | '500' | 'timeout' | 'garbage' | 'truncated' | 'huge' | 'html' | 'wrong-type'): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Statuspage simulator the test server polls (STATUSPAGE_URLS in playwright.config.ts,
 * which starts it before the site, in manual mode). Attaches to it when it is running (stop()
 * then leaves it running for the other specs); otherwise starts one as a child process.
 */
export async function startSimulator(port = Number(process.env.E2E_SIM_PORT ?? 21732)): Promise<SimulatorHandle> {
  const url = `http://127.0.0.1:${port}`;
  const post = async (path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`simulator ${path}: ${res.status}`);
  };
  const running = await fetch(`${url}/__control`, { signal: AbortSignal.timeout(2000) })
    .then((r) => r.ok)
    .catch(() => false);
  if (running) {
    return { url, publish: () => post('/__control/publish'), setMode: (mode) => post('/__control', { mode }), stop: async () => post('/__control', { mode: 'ok' }) };
  }
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/statuspage-sim.ts', '--port', String(port), '--manual'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/v2/summary.json`);
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`simulator exited with ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('simulator did not start');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    publish: () => post('/__control/publish'),
    setMode: (mode) => post('/__control', { mode }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * The Next.js chunks a page boots with, wherever the HTML names them: `<script async>` tags and
 * script preloads as Next writes them, or the list in the loader the page cache puts in their
 * place (lib/server/boot-scripts.ts, decision 0065).
 */
export function bootScriptsOf(html: string): string[] {
  const tags = [...html.matchAll(/<script src="(\/_next\/static\/chunks\/[^"]+\.js)"[^>]* async=""/g)].map((m) => m[1] ?? '');
  const preloads = [...html.matchAll(/<link rel="preload" as="script"[^>]*href="(\/_next\/static\/chunks\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const loader = /<script>\(function\(s,m,w,p,f\).*?\)\((\[[^\]]*\]),(?:null|"[^"]*"),[01],(?:null|"[^"]*"),(?:null|"[^"]*")\)<\/script>/s.exec(html)?.[1];
  const listed = loader === undefined ? [] : (JSON.parse(loader) as string[]);
  return [...new Set([...listed, ...tags, ...preloads])];
}

/** React has hydrated the page: the language switch, an island on every page, has its fiber. */
/**
 * The reader's first interaction. A page with nothing live on it asks for its scripts only when
 * the reader first acts (decision 0065, session 7), so a test of what its islands do acts first,
 * as a reader would: a pointer move is enough. Two moves, so the pointer really moves even if a
 * previous test left it at one of the points.
 */
export async function readerActs(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.mouse.move(5, 5);
}

export function languageSwitchHydrated(page: Page): Promise<boolean> {
  return page.evaluate(() => Object.keys(document.querySelector('[data-testid="language-switch"]') ?? {}).some((k) => k.startsWith('__reactFiber')));
}
