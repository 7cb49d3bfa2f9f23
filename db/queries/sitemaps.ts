import { and, asc, between, desc, eq, gt, lte, max } from 'drizzle-orm';
import { getDb } from '../client';
import { articles, sections } from '../schema';
import { publicOrder, visibleAt } from '../visibility';
import { hasOwnPage } from './entry-rules';

/**
 * Article sitemaps are cut by id range, so each holds at most this many URLs. The protocol allows
 * 50,000; 10,000 keeps one uncached request near 60 ms and 1.1 MB (50,000 took 420 ms and 5.6 MB
 * on 100k articles), since the files are rendered per request.
 */
export const URLS_PER_SITEMAP = 10_000;
/** Google News: articles of the last two days, at most 1,000. */
export const NEWS_WINDOW_MS = 2 * 86_400_000;
export const NEWS_MAX_URLS = 1000;

export type SitemapChunk = { chunk: number; lastModified: Date | null };
export type SitemapArticle = { id: number; sectionSlug: string; publishedAt: Date; updatedAt: Date };
export type NewsSitemapArticle = SitemapArticle & { title: string };

function chunkRange(chunk: number, perFile: number): [number, number] {
  return [(chunk - 1) * perFile + 1, chunk * perFile];
}

/**
 * The article sitemaps that have at least one visible article. Chunk k covers ids
 * ((k-1)·URLS_PER_SITEMAP, k·URLS_PER_SITEMAP]: every query is a rowid range (no OFFSET scan), and a URL never moves
 * from one file to another when older articles are withdrawn. lastmod is the newest change of
 * any row in the range, so a withdrawal (which touches updated_at) also dates the file.
 */
export async function articleSitemapChunks(now = new Date(), perFile = URLS_PER_SITEMAP): Promise<SitemapChunk[]> {
  const db = getDb();
  const top = await db.select({ maxId: max(articles.id) }).from(articles);
  const maxId = top[0]?.maxId ?? 0;
  const chunks: SitemapChunk[] = [];
  for (let chunk = 1; (chunk - 1) * perFile < maxId; chunk++) {
    const [from, to] = chunkRange(chunk, perFile);
    const any = await db
      .select({ id: articles.id })
      .from(articles)
      .where(and(between(articles.id, from, to), visibleAt(now), hasOwnPage()))
      .limit(1);
    if (any.length === 0) continue;
    const changed = await db
      .select({ at: max(articles.updatedAt) })
      .from(articles)
      .where(between(articles.id, from, to));
    chunks.push({ chunk, lastModified: changed[0]?.at ?? null });
  }
  return chunks;
}

/**
 * The visible articles of one chunk, by id: each once, at its home section's URL (an article
 * also listed in other sections has no URL there), and no external entry (it has no page).
 */
export async function articleSitemapEntries(chunk: number, now = new Date(), perFile = URLS_PER_SITEMAP): Promise<SitemapArticle[]> {
  const [from, to] = chunkRange(chunk, perFile);
  const rows = await getDb()
    .select({ id: articles.id, sectionSlug: sections.slug, publishedAt: articles.publishedAt, updatedAt: articles.updatedAt })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(between(articles.id, from, to), visibleAt(now), hasOwnPage()))
    .orderBy(asc(articles.id));
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? r.updatedAt }));
}

/** Articles published in the last two days, newest first (a range on articles_public_idx); no external entries. */
export async function newsSitemapEntries(now = new Date()): Promise<NewsSitemapArticle[]> {
  const rows = await getDb()
    .select({
      id: articles.id,
      title: articles.title,
      sectionSlug: sections.slug,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(visibleAt(now), gt(articles.publishedAt, new Date(now.getTime() - NEWS_WINDOW_MS)), hasOwnPage()))
    .orderBy(publicOrder())
    .limit(NEWS_MAX_URLS);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? r.updatedAt }));
}

/** When the newest visible article appeared: the home page's lastmod. */
export async function newestPublication(now = new Date()): Promise<Date | null> {
  const rows = await getDb()
    .select({ at: articles.publishedAt })
    .from(articles)
    .where(visibleAt(now))
    .orderBy(publicOrder())
    .limit(1);
  return rows[0]?.at ?? null;
}

/** Every section with the newest visible publication in it or below it (one index probe per section). */
export async function sectionsWithLastPublication(now = new Date()): Promise<Array<{ slug: string; lastModified: Date | null }>> {
  const db = getDb();
  const all = await db.select({ id: sections.id, parentId: sections.parentId, slug: sections.slug }).from(sections).orderBy(asc(sections.sortOrder), asc(sections.id));
  const own = new Map<number, number>();
  for (const s of all) {
    const rows = await db
      .select({ at: articles.publishedAt })
      .from(articles)
      .where(and(eq(articles.sectionId, s.id), visibleAt(now)))
      .orderBy(desc(articles.sectionId), publicOrder())
      .limit(1);
    const at = rows[0]?.at;
    if (at) own.set(s.id, at.getTime());
  }
  // A parent's list shows its children's articles, so it changes whenever theirs do.
  const newest = new Map(own);
  for (const s of all) {
    let parent = s.parentId;
    const at = own.get(s.id);
    for (let depth = 0; parent != null && at !== undefined && depth < 16; depth++) {
      newest.set(parent, Math.max(newest.get(parent) ?? 0, at));
      parent = all.find((p) => p.id === parent)?.parentId ?? null;
    }
  }
  return all.map((s) => {
    const at = newest.get(s.id);
    return { slug: s.slug, lastModified: at ? new Date(at) : null };
  });
}
