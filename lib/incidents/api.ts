import { cachedJson, problem } from '@/lib/incidents/http';
import { IncidentIdSchema } from '@/lib/incidents/model';
import type { IncidentService } from '@/lib/incidents/service';
import type { StorageHealth } from '@/lib/incidents/store';

/** The JSON snapshot endpoints, free of Next.js so they can be called directly in tests. */

export interface ApiDeps {
  readonly service: IncidentService;
  readonly storage: StorageHealth;
}

function storageView(storage: StorageHealth): { backend: StorageHealth['backend']; degraded: boolean } {
  return { backend: storage.backend, degraded: !storage.ok };
}

async function guarded(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    console.error('[incidents] API request failed', error);
    return problem(503, 'unavailable', 'The incident service is temporarily unavailable.', { 'retry-after': '10' });
  }
}

export function listIncidentsResponse(request: Request, deps: () => Promise<ApiDeps>): Promise<Response> {
  return guarded(async () => {
    const { service, storage } = await deps();
    const { incidents, feeds } = await service.listIncidentViews();
    return cachedJson(request, { incidents, feeds, storage: storageView(storage) });
  });
}

export function incidentResponse(request: Request, rawId: string, deps: () => Promise<ApiDeps>): Promise<Response> {
  return guarded(async () => {
    const id = IncidentIdSchema.safeParse(rawId);
    if (!id.success) return problem(400, 'invalid-incident-id', 'Incident ids are lowercase slugs of 3 to 81 characters.');
    const { service, storage } = await deps();
    const view = await service.getIncidentView(id.data);
    if (view === undefined) return problem(404, 'unknown-incident', 'No incident with this id.');
    return cachedJson(request, { ...view, storage: storageView(storage) });
  });
}
