import { z } from 'zod';
import { SCHEDULER_SECRET_HEADER, isSchedulerSecret } from '@/lib/scheduler/scheduler-state';
import { revalidateHere } from '@/lib/workflow/revalidate';

const path = z.string().startsWith('/').max(500);
const Paths = z.object({ pages: z.array(path).max(2_000), layouts: z.array(path).max(100) });

/**
 * Marks pages stale in this process's cache. Called by this process itself only (lib/cache:
 * changes other processes logged; lib/views/hot-refresh.ts: new view counts); anyone else
 * gets a 404 as if the route did not exist.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSchedulerSecret(request.headers.get(SCHEDULER_SECRET_HEADER))) {
    return new Response('Not Found', { status: 404 });
  }
  const parsed = Paths.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'pages and layouts must be lists of paths' }, { status: 400 });
  revalidateHere(parsed.data);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
