import type { Metadata } from 'sharp';

/**
 * What an upload may cost to decode. A file's size says little: a 10000×10000 PNG of one colour
 * compresses to a few hundred KB and decodes to 400 MB of pixels; a small GIF can hold thousands
 * of frames. The header (sharp's metadata(), which decodes nothing) is checked against these
 * limits before any pixel is touched, and sharp enforces the pixel limit again while decoding.
 */
/** About a 7700×5200 photo: more than any camera picture the newsroom publishes. */
export const MAX_INPUT_PIXELS = 40_000_000;
/** Frames of an animated GIF or WebP. */
export const MAX_FRAMES = 100;

/** Why an image is too costly to decode, in words for the uploader, or null when it is fine. */
export function decodingLimitProblem(meta: Pick<Metadata, 'width' | 'height' | 'pages' | 'pageHeight'>): string | null {
  const width = meta.width ?? 0;
  const frameHeight = meta.pageHeight ?? meta.height ?? 0;
  const frames = Math.max(1, meta.pages ?? 1);
  if (width * frameHeight > MAX_INPUT_PIXELS) {
    return `图片尺寸过大(${width}×${frameHeight}),请缩小到 4000 万像素以内再上传。`;
  }
  if (frames > MAX_FRAMES) return `动图帧数过多(${frames} 帧),最多 ${MAX_FRAMES} 帧。`;
  // Animated images are decoded as all their frames stacked, so the limit applies to the stack.
  if (width * frameHeight * frames > MAX_INPUT_PIXELS) {
    return `动图过大(${width}×${frameHeight},${frames} 帧),请缩小尺寸或减少帧数。`;
  }
  return null;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs image work one job at a time: each resize already uses every core (libvips threads), and
 * several uploads at once would multiply the memory of the decoded pixels, not speed anything up.
 */
export function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}
