import { revalidatePath } from 'next/cache';
import { SCHEDULER_SECRET_HEADER, isSchedulerSecret } from '@/lib/scheduler/scheduler-state';

/**
 * New view counts were written: 周热点 (every page of /hot) renders afresh on its next request.
 * Called by this process itself (lib/views/hot-refresh.ts); anyone else gets a 404.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSchedulerSecret(request.headers.get(SCHEDULER_SECRET_HEADER))) {
    return new Response('Not Found', { status: 404 });
  }
  revalidatePath('/hot');
  revalidatePath('/hot/page/[n]', 'page');
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
