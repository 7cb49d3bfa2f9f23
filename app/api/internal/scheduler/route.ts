import { publishDueArticles } from '@/db/mutations/articles';
import { articlesWentLiveBetween } from '@/db/queries/admin-articles';
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
  const now = new Date();
  const published = publishDueArticles(now);
  for (const article of published) {
    await revalidateArticle(article);
    await recordAudit({ actorName: '定时发布', action: 'article.publish', target: `article:${article.id}`, detail: '定时发布到期,自动发布' });
  }
  // Pieces another process put live since this process last looked: refresh this process's pages.
  const body = (await request.json().catch(() => ({}))) as { since?: unknown };
  const since = typeof body.since === 'number' && Number.isFinite(body.since) ? new Date(body.since) : now;
  const flipped = new Set(published.map((a) => a.id));
  const others = (await articlesWentLiveBetween(since, now)).filter((a) => !flipped.has(a.id));
  for (const article of others) await revalidateArticle(article);
  return Response.json(
    { published: published.map((a) => a.id), refreshed: others.map((a) => a.id), until: now.getTime() },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
