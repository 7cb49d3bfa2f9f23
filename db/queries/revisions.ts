import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '../client';
import { type ArticleRevision, articleRevisions, users } from '../schema';

export type RevisionListItem = Pick<ArticleRevision, 'id' | 'version' | 'status' | 'createdAt' | 'title'> & {
  editorName: string | null;
};

/** An article's revisions, newest first. */
export async function listRevisions(articleId: number): Promise<RevisionListItem[]> {
  return getDb()
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      status: articleRevisions.status,
      createdAt: articleRevisions.createdAt,
      title: articleRevisions.title,
      editorName: users.displayName,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.editorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.createdAt), desc(articleRevisions.id));
}

export async function getRevision(articleId: number, revisionId: number): Promise<(ArticleRevision & { editorName: string | null }) | undefined> {
  const rows = await getDb()
    .select({ revision: articleRevisions, editorName: users.displayName })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.editorId))
    .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, articleId)))
    .limit(1);
  const row = rows[0];
  return row ? { ...row.revision, editorName: row.editorName } : undefined;
}
