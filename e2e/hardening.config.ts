import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * The hardening tests alone, against their own build and ports (21200–21299), so they can run
 * beside everyone else's servers:
 *
 *   NEXT_DIST_DIR=.next-hard node node_modules/next/dist/bin/next build && NEXT_DIST_DIR=.next-hard node scripts/csp-hashes.mjs
 *   node node_modules/@playwright/test/cli.js test -c e2e/hardening.config.ts
 *
 * Defaults: NEXT_DIST_DIR=.next-hard, site on 21201, the simulator it polls on 21202, fault
 * servers from 21220. The same spec also runs under playwright.config.ts (npm test).
 */
process.env.NEXT_DIST_DIR ??= '.next-hard';
process.env.E2E_PORT ??= '21201';
process.env.E2E_SIM_PORT ??= '21202';
process.env.E2E_FAULT_PORT ??= '21220';

const { default: base } = await import('../playwright.config');
const root = path.resolve(import.meta.dirname, '..');
const servers = base.webServer === undefined ? [] : Array.isArray(base.webServer) ? base.webServer : [base.webServer];

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'hardening.spec.ts',
  outputDir: path.join(root, 'test-results', 'e2e-hardening'),
  webServer: servers.map((s) => ({ ...s, cwd: root })),
});
