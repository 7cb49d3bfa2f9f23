import { z } from 'zod';
import { markStaleHere } from '@/lib/cache/refresh';
import { SCHEDULER_SECRET_HEADER, isSchedulerSecret } from '@/lib/scheduler/scheduler-state';

const path = z.string().startsWith('/').max(500);
const Paths = z.object({ pages: z.array(path).max(2_000), layouts: z.array(path).max(100) });

/**
 * Marks pages stale in this process's cache, for callers outside any request (where Next
 * refuses revalidatePath): the shared log's follower (changes other processes made) and the
 * 周热点 refresh after a view flush, both in lib/cache. Called by this process itself only;
 * anyone else gets a 404 as if the route did not exist.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSchedulerSecret(request.headers.get(SCHEDULER_SECRET_HEADER))) {
    return new Response('Not Found', { status: 404 });
  }
  const parsed = Paths.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'pages and layouts must be lists of paths' }, { status: 400 });
  await markStaleHere(parsed.data);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
