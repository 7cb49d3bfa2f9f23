import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { visibleAt } from '@/db/queries/articles';
import { isViewableArticle } from '@/db/queries/hot';
import { articles } from '@/db/schema';
import { useTestDatabase } from './helpers/test-db';

/**
 * "Readers can see this article" is spelt twice: Drizzle's visibleAt() for every page and list,
 * and a raw prepared statement in isViewableArticle() on the view beacon's hot path. The two
 * must agree on every kind of article, or beacons would count views of pages nobody can open.
 */
const { db, cleanup } = useTestDatabase({ articles: 60 });
afterAll(() => cleanup());

describe('the reader-visibility rule', () => {
  it('is the same for the beacon and for the pages: published, scheduled, withdrawn, draft, unknown', async () => {
    const now = new Date();
    const ids = (await db.select({ id: articles.id }).from(articles)).map((r) => r.id);
    // Make every kind present: a piece scheduled for later, a withdrawn one, a draft.
    const [scheduled, withdrawn, draft] = ids.slice(-3) as [number, number, number];
    db.$client.prepare("update articles set status = 'scheduled', published_at = ? where id = ?").run(now.getTime() + 3_600_000, scheduled);
    db.$client.prepare("update articles set status = 'withdrawn' where id = ?").run(withdrawn);
    db.$client.prepare("update articles set status = 'draft' where id = ?").run(draft);
    // And a published row whose time has not come yet (is_public follows status; the time rules it out).
    const early = ids[0]!;
    db.$client.prepare('update articles set published_at = ? where id = ?').run(now.getTime() + 60_000, early);

    const seen = { visible: 0, hidden: 0 };
    for (const id of [...ids, Math.max(...ids) + 1000]) {
      const [row] = await db.select({ id: articles.id }).from(articles).where(and(eq(articles.id, id), visibleAt(now)));
      const pages = row !== undefined;
      expect(isViewableArticle(id, now.getTime()), `article ${id}`).toBe(pages);
      seen[pages ? 'visible' : 'hidden']++;
    }
    expect(seen.visible).toBeGreaterThan(40);
    expect(seen.hidden).toBeGreaterThanOrEqual(5);
  });
});
