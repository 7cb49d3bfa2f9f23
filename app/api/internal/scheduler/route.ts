import { runDueChanges } from '@/lib/scheduler/due-changes';
import { SCHEDULER_SECRET_HEADER, isSchedulerSecret } from '@/lib/scheduler/scheduler-state';

/**
 * The scheduler's way into a request context (where revalidatePath works): carries out what
 * is due (lib/scheduler/due-changes.ts) and reports it like any staff change, so this process's
 * pages refresh at once and the other processes' through the shared log. Only this process's
 * own timer knows the secret; anyone else gets a 404 as if the route did not exist.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSchedulerSecret(request.headers.get(SCHEDULER_SECRET_HEADER))) {
    return new Response('Not Found', { status: 404 });
  }
  const done = await runDueChanges(new Date());
  return Response.json(done, { headers: { 'Cache-Control': 'no-store' } });
}
