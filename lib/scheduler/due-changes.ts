import { endDuePins, publishDueArticles } from '@/db/mutations/articles';
import { takeDownsDue } from '@/db/queries/admin-articles';
import { isPublicStatus } from '@/db/visibility';
import { recordAudit } from '@/lib/audit';
import type { ContentChange } from '@/lib/cache/content-change';
import { refreshAfter } from '@/lib/cache/refresh';

/** What one wake-up of the scheduler did, by article id. */
export type DueChanges = { published: number[]; pinsEnded: number[]; takenDown: number[] };

/**
 * Everything time-driven that is due at `now`, done once and reported to refreshAfter, so the
 * cached pages change at that minute with nobody visiting:
 * - 定时发布: scheduled articles whose time has come become published (already public by
 *   status, their time has come: publicBefore and publicAfter);
 * - 置顶 until …: pins whose end has come are cleared; a pin moves the article in its lists, so a
 *   public article's change refreshes them;
 * - 定时下线: the visibility rule already hides the article (db/visibility.ts); its cached pages
 *   and lists still show it until refreshed: an article leaving public view.
 * Runs inside the internal route's request (revalidatePath works only there).
 */
export async function runDueChanges(now: Date): Promise<DueChanges> {
  const published = publishDueArticles(now);
  const pinsEnded = endDuePins(now);
  const takenDown = await takeDownsDue(now);
  for (const a of published) {
    await recordAudit({ actorName: '定时发布', action: 'article.publish', target: `article:${a.id}`, detail: '定时发布到期,自动发布' });
  }
  for (const a of pinsEnded) {
    await recordAudit({ actorName: '定时任务', action: 'article.unpin', target: `article:${a.id}`, detail: '置顶到期,自动取消置顶' });
  }
  for (const id of takenDown) {
    await recordAudit({ actorName: '定时下线', action: 'article.unpublish', target: `article:${id}`, detail: '定时下线时间已到,读者不再可见' });
  }
  const changes: ContentChange[] = [
    ...published.map((a) => ({ kind: 'article' as const, id: a.id, publicBefore: true, publicAfter: true })),
    ...pinsEnded.map((a) => ({ kind: 'article' as const, id: a.id, publicBefore: isPublicStatus(a.status), publicAfter: isPublicStatus(a.status) })),
    ...takenDown.map((id) => ({ kind: 'article' as const, id, publicBefore: true, publicAfter: false })),
  ];
  await refreshAfter(...changes);
  return { published: published.map((a) => a.id), pinsEnded: pinsEnded.map((a) => a.id), takenDown };
}
