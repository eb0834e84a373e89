#!/usr/bin/env node
// Everything that follows `next build`, in order, for every caller (npm run build, npm test,
// the benchmark): the CSP hashes of prerendered pages, then the compile hints of the boot chunks.
await import('./csp-hashes.mjs');
await import('./compile-hints.mjs');
