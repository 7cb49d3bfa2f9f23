import { preparedOnce } from '../client';
import { ownPageClause } from './entry-rules';
import type { ArticleStatus } from '../schema';

export type ArticleRoute = { status: ArticleStatus; publishedAt: Date | null; unpublishAt: Date | null; sectionSlug: string };

type Row = [status: ArticleStatus, publishedAt: number | null, unpublishAt: number | null, sectionSlug: string];

// Raw rows: through Drizzle's generic row mapping this read cost ~60 µs under load, ~5% of
// serving a cached page. A 跳转/转载 entry reads as no row: it never has a page (entry-rules.ts).
const routeRow = preparedOnce(
  `select a.status, a.published_at, a.unpublish_at, s.slug from articles a join sections s on s.id = a.section_id
   where a.id = ? and ${ownPageClause('a')}`,
  (statement) => statement.raw(),
);

/**
 * What the front door (lib/http/front-door.ts) needs to answer 301/410/404 for
 * /news/<slug>/<id>: one primary-key read (plus the section's primary key), on every article
 * request. Undefined for an id with no article page: one that never existed, or an external entry.
 */
export function articleRoute(id: number): ArticleRoute | undefined {
  const row = routeRow().get(id) as Row | undefined;
  if (!row) return undefined;
  const [status, publishedAt, unpublishAt, sectionSlug] = row;
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return { status, publishedAt: date(publishedAt), unpublishAt: date(unpublishAt), sectionSlug };
}
