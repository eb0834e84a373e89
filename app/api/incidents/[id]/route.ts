import { incidentResponse } from '@/lib/incidents/api';
import { getIncidentRuntime } from '@/lib/incidents/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return incidentResponse(request, id, () => getIncidentRuntime().ready);
}
