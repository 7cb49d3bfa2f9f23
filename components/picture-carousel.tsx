import type { CarouselSlide } from '@/db/queries/slides';
import { articlePath, imagePath } from '@/lib/routes';
import { PictureCarouselControls } from './picture-carousel-controls';

/**
 * The image store's WebP variant widths and names (lib/images/image-store.ts VARIANT_WIDTHS and
 * variantFileName): repeated here because that module loads sharp and the database, which markup
 * has no business importing.
 */
const VARIANT_WIDTHS = [480, 960, 1600] as const;
const variantPath = (hash: string, width: number) => imagePath(`${hash}-${width}.webp`);

/** The slide's width in the main column beside the 300 px sidebar (components/site-shell.tsx). */
const SIZES = '(min-width: 1152px) 796px, (min-width: 1024px) calc(100vw - 356px), calc(100vw - 24px)';

/** srcset entries at each variant's real width: a variant is never wider than its original. */
function srcSet(image: CarouselSlide['image']): string {
  const seen = new Set<number>();
  const entries: string[] = [];
  for (const width of VARIANT_WIDTHS) {
    const real = Math.min(width, image.width);
    if (seen.has(real)) continue;
    seen.add(real);
    entries.push(`${variantPath(image.hash, width)} ${real}w`);
  }
  return entries.join(', ');
}

/**
 * 图片新闻: the server's markup is a plain list of linked pictures with captions, complete
 * without JavaScript; PictureCarouselControls turns it into a carousel in the browser. The first
 * picture is the page's LCP candidate, so it loads eagerly at high priority and the rest lazily.
 */
export function PictureCarousel({ slides }: { slides: CarouselSlide[] }) {
  if (slides.length === 0) return null;
  return (
    <PictureCarouselControls
      slides={slides.map((slide, i) => (
        <a key={slide.id} href={articlePath(slide.sectionSlug, slide.id)} className="carousel-link">
          <img
            className="carousel-img"
            src={variantPath(slide.image.hash, 960)}
            srcSet={srcSet(slide.image)}
            sizes={SIZES}
            width={slide.image.width}
            height={slide.image.height}
            alt={slide.coverAlt}
            {...(i === 0 ? { fetchPriority: 'high' as const } : { loading: 'lazy' as const, decoding: 'async' as const })}
          />
          <span className="carousel-caption">{slide.title}</span>
        </a>
      ))}
    />
  );
}
