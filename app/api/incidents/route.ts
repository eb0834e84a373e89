import { listIncidentsResponse } from '@/lib/incidents/api';
import { getIncidentRuntime } from '@/lib/incidents/runtime';

// A snapshot of the live store: never prerendered at build time (the build has no database).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function GET(request: Request): Promise<Response> {
  return listIncidentsResponse(request, () => getIncidentRuntime().ready);
}
