import { publishDueArticles } from '@/db/mutations/articles';
import { recordAudit } from '@/lib/audit';
import { refreshAfter } from '@/lib/cache/refresh';
import { SCHEDULER_SECRET_HEADER, isSchedulerSecret } from '@/lib/scheduler/scheduler-state';

/**
 * The scheduler's way into a request context (where revalidatePath works): flips what is due
 * and reports it like any other publication, so this process's pages refresh at once and the
 * other processes' through the shared log. Only this process's own timer knows the secret;
 * anyone else gets a 404 as if the route did not exist.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSchedulerSecret(request.headers.get(SCHEDULER_SECRET_HEADER))) {
    return new Response('Not Found', { status: 404 });
  }
  const published = publishDueArticles(new Date());
  for (const article of published) {
    await recordAudit({ actorName: '定时发布', action: 'article.publish', target: `article:${article.id}`, detail: '定时发布到期,自动发布' });
  }
  // A scheduled article is already public by status: the flip keeps it public, and its time has come.
  await refreshAfter(...published.map((a) => ({ kind: 'article' as const, id: a.id, publicBefore: true, publicAfter: true })));
  return Response.json({ published: published.map((a) => a.id) }, { headers: { 'Cache-Control': 'no-store' } });
}
