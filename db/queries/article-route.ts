import { eq, sql } from 'drizzle-orm';
import { type DB, getDb } from '../client';
import { articles, sections, type ArticleStatus } from '../schema';

export type ArticleRoute = { status: ArticleStatus; publishedAt: Date | null; sectionSlug: string };

type Prepared = { db: DB; execute: (values: { id: number }) => ArticleRoute | undefined };
let prepared: Prepared | undefined;

/**
 * What the proxy needs to answer 301/410 for /news/<slug>/<id>: one primary-key read (plus the
 * section's primary key), prepared once per process because it runs on every article request.
 */
export function articleRoute(id: number): ArticleRoute | undefined {
  const db = getDb();
  if (prepared?.db !== db) {
    const query = db
      .select({ status: articles.status, publishedAt: articles.publishedAt, sectionSlug: sections.slug })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(eq(articles.id, sql.placeholder('id')))
      .limit(1)
      .prepare();
    prepared = { db, execute: (values) => query.get(values) };
  }
  return prepared.execute({ id });
}
