import { publishDueArticles } from '@/db/mutations/articles';
import { SCHEDULER_SECRET_HEADER, isSchedulerSecret } from '@/lib/scheduler/scheduler-state';
import { revalidateArticle } from '@/lib/workflow/revalidate';
import { recordAudit } from '@/lib/audit';

/**
 * The scheduler's way into a request context (where revalidatePath works). Only this process's
 * own timer knows the secret; anyone else gets a 404 as if the route did not exist.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSchedulerSecret(request.headers.get(SCHEDULER_SECRET_HEADER))) {
    return new Response('Not Found', { status: 404 });
  }
  const published = publishDueArticles(new Date());
  for (const article of published) {
    await revalidateArticle(article);
    await recordAudit({ actorName: '定时发布', action: 'article.publish', target: `article:${article.id}`, detail: '定时发布到期,自动发布' });
  }
  return Response.json({ published: published.map((a) => a.id) }, { headers: { 'Cache-Control': 'no-store' } });
}
