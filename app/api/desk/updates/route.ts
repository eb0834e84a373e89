import { handleUpdates } from '@/lib/desk/http';
import { deskHttpDeps } from '@/lib/desk/next';

// Publish, correct, retract, translate: desk forms (session + CSRF) and scripts (Bearer token).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function POST(request: Request): Promise<Response> {
  return handleUpdates(request, deskHttpDeps());
}
