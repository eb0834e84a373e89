/**
 * Next's server start hook. Starts the official status-page ingest in the Node.js server only:
 * not in the Edge runtime and not during `next build` (pages read the bundled timelines then).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startIncidentIngest } = await import('@/lib/incidents/runtime');
    startIncidentIngest();
  }
}
