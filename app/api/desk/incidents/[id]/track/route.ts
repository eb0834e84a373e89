import { handleTrack } from '@/lib/desk/http';
import { deskHttpDeps } from '@/lib/desk/next';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleTrack(request, id, deskHttpDeps());
}
