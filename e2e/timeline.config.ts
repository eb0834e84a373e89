import path from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

/**
 * The timeline's browser tests alone, against their own build and ports (the simulator comes
 * first, from playwright.config.ts):
 *
 *   NEXT_DIST_DIR=.next-timeline E2E_PORT=21301 E2E_SIM_PORT=21302 \
 *     node node_modules/@playwright/test/cli.js test -c e2e/timeline.config.ts
 */
const root = path.resolve(import.meta.dirname, '..');
const servers = base.webServer === undefined ? [] : Array.isArray(base.webServer) ? base.webServer : [base.webServer];

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'timeline.spec.ts',
  outputDir: path.join(root, 'test-results', 'e2e-timeline'),
  webServer: servers.map((s) => ({ ...s, cwd: root })),
});
