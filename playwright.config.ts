import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run against the production build (`next build` first; `npm test` does it)
 * served by `next start` on an unusual loopback port, in Debian's Chromium unless
 * CHROMIUM_PATH points elsewhere (or is empty, to use Playwright's own browser).
 */
const PORT = Number(process.env.E2E_PORT ?? 21731);
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 21732);
const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'];
const executablePath = process.env.CHROMIUM_PATH === '' ? undefined : candidates.find((p) => p && fs.existsSync(p));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outage-watch-e2e-'));

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_REPORTER ? [[process.env.PW_REPORTER]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath,
      // The machines have no network but loopback: keep Chromium from trying.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      // The Statuspage simulator the site polls, started BEFORE the site so its first poll
      // succeeds (a poller that found nobody listening backs off). Manual: it publishes only
      // when a test asks (POST /__control/publish); every spec shares it through HTTP.
      command: `node node_modules/tsx/dist/cli.mjs scripts/statuspage-sim.ts --port ${SIM_PORT} --manual`,
      url: `http://127.0.0.1:${SIM_PORT}/__control`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
    },
    {
      command: `node node_modules/next/dist/bin/next start -p ${PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/ar`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        SITE_URL: `http://127.0.0.1:${PORT}`,
        STATUSPAGE_URLS: `http://127.0.0.1:${SIM_PORT}`,
        STATUSPAGE_POLL_SECONDS: '5',
        E2E_SIM_PORT: String(SIM_PORT),
      },
    },
  ],
});
