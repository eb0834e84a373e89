import { handleLogout } from '@/lib/desk/http';
import { deskHttpDeps } from '@/lib/desk/next';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function POST(request: Request): Promise<Response> {
  return handleLogout(request, deskHttpDeps());
}
