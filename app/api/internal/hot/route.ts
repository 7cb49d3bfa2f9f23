import { revalidatePath } from 'next/cache';
import { HOT_MAX_PAGES } from '@/db/queries/hot';
import { SCHEDULER_SECRET_HEADER, isSchedulerSecret } from '@/lib/scheduler/scheduler-state';

/**
 * New view counts were written: 周热点 (every page of /hot) renders afresh on its next request.
 * Called by this process itself (lib/views/hot-refresh.ts); anyone else gets a 404.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSchedulerSecret(request.headers.get(SCHEDULER_SECRET_HEADER))) {
    return new Response('Not Found', { status: 404 });
  }
  // Each concrete URL (the internal pages too, 404s past the end included): exact, and cheap.
  revalidatePath('/hot');
  for (let page = 2; page <= HOT_MAX_PAGES; page++) revalidatePath(`/hot/page/${page}`);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
