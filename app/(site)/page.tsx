import { getHomePage } from '@/db/queries/home';
import { carouselSlides } from '@/db/queries/slides';
import { PictureCarousel } from '@/components/picture-carousel';
import { ArticleList } from '@/components/article-list';
import { formatDay } from '@/components/format-date';
import { EntryLink } from '@/components/entry-link';
import { sectionPath } from '@/lib/routes';
import { siteConfig } from '@/lib/site-config';
import { JsonLd } from '@/components/json-ld';
import { homeMetadata } from '@/lib/seo/metadata';
import { websiteJsonLd } from '@/lib/structured-data/website';
import { siteSearchAction } from '@/lib/search/search-action';

export const metadata = homeMetadata();

// Served from the cache; publishing revalidates it at once, the timer only refreshes 周热点.
export const revalidate = 300;

export default async function HomePage() {
  const [home, slides] = await Promise.all([getHomePage(), carouselSlides()]);
  const top = home.topStory;
  return (
    <div className="space-y-6">
      <JsonLd data={websiteJsonLd({ potentialAction: siteSearchAction() })} />
      <h1 className="sr-only">{siteConfig.name}</h1>
      <PictureCarousel slides={slides} />
      {top && (
        <section aria-labelledby="top-story" className="border border-line bg-white p-4 sm:p-6">
          <p className="mb-1 text-sm font-bold text-brand">头条</p>
          <h2 id="top-story" className="font-serif text-2xl leading-snug font-bold sm:text-[28px]">
            <EntryLink entry={top} full />
          </h2>
          <p className="mt-2 text-sm text-muted">
            <time dateTime={top.publishedAt.toISOString()}>{formatDay(top.publishedAt)}</time> · {top.sectionName}
          </p>
          {top.summary && <p className="mt-3 line-clamp-3 text-[15px] text-ink/90">{top.summary}</p>}
          {home.topList.length > 0 && (
            <div className="mt-4 border-t border-line pt-2">
              <ArticleList items={home.topList} showSection />
            </div>
          )}
        </section>
      )}
      {home.recommended.length > 0 && (
        <section aria-labelledby="recommended" className="box">
          <div className="box-head px-4">
            <h2 id="recommended" className="box-title text-lg">
              推荐
            </h2>
          </div>
          <div className="px-4 pb-2">
            <ArticleList items={home.recommended} showSection />
          </div>
        </section>
      )}
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        {home.blocks.map((block) => (
          // Not a labelled region: the sidebar's boxes carry the same section names as landmarks.
          <section key={block.section.id} className="box">
            <div className="box-head px-4">
              <h2 id={`block-${block.section.slug}`} className="box-title text-lg">
                {block.section.name}
              </h2>
              <a href={sectionPath(block.section.slug)} className="more" aria-label={`${block.section.name} 更多`}>
                +更多
              </a>
            </div>
            <div className="px-4 pb-2">
              {block.items.length > 0 ? <ArticleList items={block.items} /> : <p className="empty px-0">暂无内容</p>}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
