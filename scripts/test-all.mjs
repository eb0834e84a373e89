#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to find.
// 1 type check, 2 unit and content tests, 3 production build, 4 JavaScript budget, 5 browser tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

fs.mkdirSync('test-results', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status ?? r.signal}).`);
    summary();
    process.exit(1);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function summary() {
  const v = readJson('test-results/vitest.json');
  if (v) {
    totals.passed += v.numPassedTests ?? 0;
    totals.failed += v.numFailedTests ?? 0;
    totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  }
  const p = readJson('test-results/playwright.json');
  if (p?.stats) {
    totals.passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
    totals.failed += p.stats.unexpected ?? 0;
    totals.skipped += p.stats.skipped ?? 0;
  }
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

for (const f of ['test-results/vitest.json', 'test-results/playwright.json']) fs.rmSync(f, { force: true });

step('types', 'node', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);
step('unit', 'node', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
step('build', 'node', ['node_modules/next/dist/bin/next', 'build']);
step('after-build', 'node', ['scripts/after-build.mjs']);
step('budget', 'node', ['scripts/check-js-budget.mjs']);
step('browser', 'node', ['node_modules/@playwright/test/cli.js', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' });
summary();
