import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { getDb } from '../client';
import { articles, images, sections } from '../schema';
import { visibleAt } from '../visibility';
import { hasOwnPage } from './entry-rules';

/** One picture of the home page's 图片新闻 carousel. */
export type CarouselSlide = {
  id: number;
  title: string;
  sectionSlug: string;
  coverAlt: string;
  /** The stored picture: its content hash names the WebP variants; width/height of the original. */
  image: { hash: string; width: number; height: number };
};

const MAX_SLIDES = 5;
/** A cover the image store serves names its content hash (`<hash>-960.webp`, `<hash>.jpg`, …). */
const STORED_COVER = /\/([0-9a-f]{64})(?:-\d+\.webp|\.[a-z]+)$/;

/**
 * The carousel: visible 幻灯 articles with a cover picture from our image store, higher sort
 * weight first, then newest, at most five. Covers from elsewhere are left out: the carousel needs
 * the stored variants and the picture's size to load its first slide as the page's LCP image.
 * 跳转 entries are left out too: a slide links to an article page of ours.
 */
export async function carouselSlides(now = new Date()): Promise<CarouselSlide[]> {
  const rows = await getDb()
    .select({
      id: articles.id,
      title: articles.title,
      shortTitle: articles.shortTitle,
      sectionSlug: sections.slug,
      coverImage: articles.coverImage,
      coverAlt: articles.coverAlt,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    // The flagged few through articles_slide_idx, as home.ts finds 推荐: beside the visibility
    // condition SQLite otherwise walks every public article (170-300 ms at 100,000).
    .where(
      and(
        inArray(articles.id, getDb().select({ id: articles.id }).from(articles).where(eq(articles.slide, true))),
        isNotNull(articles.coverImage),
        hasOwnPage(),
        visibleAt(now),
      ),
    )
    .orderBy(desc(articles.sortWeight), desc(articles.publishedAt), desc(articles.id))
    .limit(MAX_SLIDES * 2);
  const withHash = rows.flatMap((r) => {
    const hash = STORED_COVER.exec(r.coverImage ?? '')?.[1];
    return hash ? [{ ...r, hash }] : [];
  });
  if (withHash.length === 0) return [];
  const sizes = new Map(
    (
      await getDb()
        .select({ hash: images.hash, width: images.width, height: images.height })
        .from(images)
        .where(
          inArray(
            images.hash,
            withHash.map((r) => r.hash),
          ),
        )
    ).map((i) => [i.hash, i]),
  );
  return withHash
    .flatMap((r) => {
      const image = sizes.get(r.hash);
      if (!image) return [];
      // Slides show the 短标题 when there is one: the caption sits on a picture and must stay short.
      return [{ id: r.id, title: r.shortTitle || r.title, sectionSlug: r.sectionSlug, coverAlt: r.coverAlt ?? '', image }];
    })
    .slice(0, MAX_SLIDES);
}
