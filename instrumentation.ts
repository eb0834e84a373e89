/**
 * Next's server start hook. Starts the official status-page ingest in the Node.js server only:
 * not in the Edge runtime and not during `next build` (pages read the bundled timelines then).
 * Also installs the request guard (lib/security/request-guard.ts): the few hostile requests
 * Next itself would answer with a 500 are refused with a 4xx first; and the page cache
 * (lib/server/install-page-cache.ts), which answers reader pages from memory.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { installRequestGuard } = await import('@/lib/security/request-guard');
    installRequestGuard();
    const { getIncidentRuntime, startIncidentIngest } = await import('@/lib/incidents/runtime');
    startIncidentIngest();
    // Reader pages from memory, compressed once (docs/decisions/0060-page-cache.md).
    const { installPageCache } = await import('@/lib/server/install-page-cache');
    installPageCache({ hub: getIncidentRuntime().hub });
  }
}
