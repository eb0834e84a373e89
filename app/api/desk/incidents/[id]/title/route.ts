import { handleRetitle } from '@/lib/desk/http';
import { deskHttpDeps } from '@/lib/desk/next';

// An incident's Arabic title: the desk form (session + CSRF) and scripts (Bearer token).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleRetitle(request, id, deskHttpDeps());
}
