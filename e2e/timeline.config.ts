import path from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

/**
 * The timeline's browser tests with the Statuspage simulator started BEFORE the site, so the
 * server's first poll already succeeds. (With the simulator started from inside a test, the
 * poller has been failing since the server came up and backs off, up to 15 minutes.)
 *
 *   NEXT_DIST_DIR=.next-timeline E2E_PORT=41301 E2E_SIM_PORT=41302 \
 *     node node_modules/@playwright/test/cli.js test -c e2e/timeline.config.ts
 *
 * Everything else (ports, data directory, browser, the `next start` command and its
 * environment) comes from playwright.config.ts; NEXT_DIST_DIR passes through to `next start`.
 */
const root = path.resolve(import.meta.dirname, '..');
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 41732);
const siteServers = base.webServer === undefined ? [] : Array.isArray(base.webServer) ? base.webServer : [base.webServer];

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'timeline.spec.ts',
  outputDir: path.join(root, 'test-results', 'e2e-timeline'),
  webServer: [
    {
      command: `node node_modules/tsx/dist/cli.mjs scripts/statuspage-sim.ts --port ${SIM_PORT} --manual`,
      url: `http://127.0.0.1:${SIM_PORT}/__control`,
      cwd: root,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
    },
    ...siteServers.map((s) => ({ ...s, cwd: root })),
  ],
});
