import { getIncidentRuntime } from '@/lib/incidents/runtime';
import { incidentEventsResponse } from '@/lib/incidents/sse';

// A long-lived stream: always dynamic, always Node (it shares the in-process hub).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return incidentEventsResponse(request, id, async () => {
    const runtime = getIncidentRuntime();
    const { service } = await runtime.ready;
    return { service, hub: runtime.hub, gate: runtime.gate, heartbeat: runtime.heartbeat };
  });
}
