import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * The desk's browser tests against the desk's own build:
 *   NEXT_DIST_DIR=.next-desk node node_modules/next/dist/bin/next build
 *   node node_modules/@playwright/test/cli.js test -c e2e/desk.playwright.config.ts
 * No web server here: each desk spec starts (and kill -9s) its own production server on a
 * loopback port in 21400–21499 with a DATA_DIR it prepared (e2e/desk-server.ts). The same specs
 * also run under the main playwright.config.ts, against the default .next build.
 */
process.env.NEXT_DIST_DIR ??= '.next-desk';
const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'];
const executablePath = process.env.CHROMIUM_PATH === '' ? undefined : candidates.find((p) => p && fs.existsSync(p));

export default defineConfig({
  testDir: '.',
  testMatch: /desk.*\.spec\.ts$/,
  outputDir: '../test-results/e2e-desk',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_REPORTER ? [[process.env.PW_REPORTER]] : [['list']],
  use: {
    launchOptions: {
      executablePath,
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
});
