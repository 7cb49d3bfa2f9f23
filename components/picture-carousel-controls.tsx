'use client';

import { type FocusEvent, type ReactNode, useEffect, useState } from 'react';

/** How long a slide stays before the next, while rotating. */
const SLIDE_MS = 6000;
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/**
 * The WAI-ARIA APG carousel around the server's list of pictures (components/picture-carousel.tsx):
 * a rotation button first in tab order, then previous and next; slides as labelled groups of which
 * only the current one is visible and reachable. Rotation starts only when the reader does not
 * prefer reduced motion, and holds while the pointer or focus is inside, so nothing moves under
 * the reader's hand; while it is not rotating the slides are a polite live region, so a change
 * the reader asked for is announced and automatic ones are not.
 *
 * Before this runs (and without JavaScript) the markup is a plain list: the layout for that case
 * comes from CSS `@media (scripting: none)` in app/site.css, so hydrating moves nothing on screen.
 */
export function PictureCarouselControls({ slides }: { slides: ReactNode[] }) {
  const total = slides.length;
  const [enhanced, setEnhanced] = useState(false);
  const [current, setCurrent] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [focusInside, setFocusInside] = useState(false);
  const [pointerInside, setPointerInside] = useState(false);

  useEffect(() => {
    const motion = window.matchMedia(REDUCED_MOTION);
    setEnhanced(true);
    setPlaying(!motion.matches);
    const stopOnReduce = () => motion.matches && setPlaying(false);
    motion.addEventListener('change', stopOnReduce);
    return () => motion.removeEventListener('change', stopOnReduce);
  }, []);

  const carousel = enhanced && total > 1;
  const rotating = carousel && playing && !focusInside && !pointerInside;
  useEffect(() => {
    if (!rotating) return;
    // Re-armed on every change of slide, so a slide the reader chose gets its full time.
    const timer = window.setTimeout(() => setCurrent((c) => (c + 1) % total), SLIDE_MS);
    return () => window.clearTimeout(timer);
  }, [rotating, current, total]);

  const leave = (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusInside(false);
  };

  return (
    <section
      className="carousel box"
      aria-label="图片新闻"
      aria-roledescription={carousel ? 'carousel' : undefined}
      onFocus={() => setFocusInside(true)}
      onBlur={leave}
      onMouseEnter={() => setPointerInside(true)}
      onMouseLeave={() => setPointerInside(false)}
    >
      <div className="box-head px-4">
        <h2 className="box-title text-lg">图片新闻</h2>
        {total > 1 && (
          <div className="carousel-controls">
            <button type="button" onClick={() => setPlaying((p) => !p)} disabled={!enhanced}>
              <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
              {playing ? '暂停' : '播放'}
            </button>
            <button type="button" onClick={() => setCurrent((c) => (c + total - 1) % total)} disabled={!enhanced}>
              <span aria-hidden="true">‹</span>上一张
            </button>
            <button type="button" onClick={() => setCurrent((c) => (c + 1) % total)} disabled={!enhanced}>
              下一张<span aria-hidden="true">›</span>
            </button>
          </div>
        )}
      </div>
      <div className="carousel-frame" aria-live={carousel ? (rotating ? 'off' : 'polite') : undefined}>
        <ul className="carousel-slides" role={carousel ? 'none' : undefined}>
          {slides.map((slide, i) => (
            // The group sits inside the item: an <li> may not take the group role itself.
            <li key={i} className="carousel-slide" data-current={i === current ? '' : undefined} role={carousel ? 'none' : undefined}>
              {/* Always this div, with or without the carousel's attributes: swapping elements would
                  remount the picture, and the first one is the page's LCP image. */}
              <div
                {...(carousel ? { role: 'group', 'aria-roledescription': 'slide', 'aria-label': `${i + 1} / ${total}`, inert: i !== current } : {})}
              >
                {slide}
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
