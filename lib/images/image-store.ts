import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { getDb } from '@/db/client';
import { images } from '@/db/schema';
import { decodingLimitProblem, MAX_INPUT_PIXELS, oneAtATime } from './decoding';
import { MAX_IMAGE_BYTES } from './limits';
import { dataDir } from '@/lib/data-dir';
import { imagePath } from '@/lib/routes';

/**
 * Uploaded images: checked by their bytes (never their name or the browser's claimed type),
 * stored once under the data folder by the sha256 of their content, with WebP variants at the
 * widths article pages use. Names are content hashes, so the files never change and can be
 * cached by browsers for a year.
 */
export { MAX_IMAGE_BYTES };
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
export type VariantWidth = (typeof VARIANT_WIDTHS)[number];

export const IMAGE_TYPES = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  gif: { mime: 'image/gif', ext: 'gif' },
} as const;
export type ImageType = keyof typeof IMAGE_TYPES;

export class ImageRejected extends Error {
  constructor(
    message: string,
    readonly status: 413 | 415 | 400,
  ) {
    super(message);
  }
}

export function imagesDir(): string {
  return path.join(dataDir(), 'images');
}

/** The format the leading bytes announce, or null. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

export type StoredImage = {
  hash: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  /** The URL article bodies and covers use (the 960 px variant). */
  url: string;
  originalUrl: string;
};

export function imageFileName(hash: string, type: ImageType): string {
  return `${hash}.${IMAGE_TYPES[type].ext}`;
}

export function variantFileName(hash: string, width: VariantWidth): string {
  return `${hash}-${width}.webp`;
}

export function imageUrl(fileName: string): string {
  return imagePath(fileName);
}

/** Validates, stores and registers an upload; the same bytes uploaded twice are stored once. */
export async function storeImage(bytes: Buffer, uploaderId: number | null, now = new Date()): Promise<StoredImage> {
  if (bytes.length === 0) throw new ImageRejected('文件是空的。', 400);
  if (bytes.length > MAX_IMAGE_BYTES) throw new ImageRejected('图片不能超过 10 MB。', 413);
  const type = sniffImageType(bytes);
  if (!type) throw new ImageRejected('只能上传 JPEG、PNG、WebP 或 GIF 图片;该文件的内容不是这几种图片格式(与文件扩展名无关)。', 415);
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new ImageRejected('图片文件已损坏,无法读取。', 415);
  }
  // The decoder must agree with the magic bytes: a JPEG header glued onto something else fails here.
  if (meta.format !== type || !meta.width || !meta.height) throw new ImageRejected('图片文件已损坏,无法读取。', 415);
  const tooCostly = decodingLimitProblem(meta);
  if (tooCostly) throw new ImageRejected(tooCostly, 400);

  const hash = createHash('sha256').update(bytes).digest('hex');
  const dir = imagesDir();
  await fs.mkdir(dir, { recursive: true });
  const original = path.join(dir, imageFileName(hash, type));
  await writeOnce(original, bytes);
  const animated = type === 'gif' || type === 'webp';
  await oneAtATime(async () => {
    for (const width of VARIANT_WIDTHS) {
      const target = path.join(dir, variantFileName(hash, width));
      if (await exists(target)) continue;
      try {
        const out = await sharp(bytes, { animated, limitInputPixels: MAX_INPUT_PIXELS })
          .rotate()
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: 80 })
          .toBuffer();
        await writeOnce(target, out);
      } catch {
        throw new ImageRejected('图片文件已损坏,无法处理。', 415);
      }
    }
  });
  const row = { hash, mime: IMAGE_TYPES[type].mime, width: meta.width, height: meta.height, bytes: bytes.length };
  await getDb()
    .insert(images)
    .values({ ...row, uploaderId, createdAt: now })
    .onConflictDoNothing();
  return { ...row, url: imageUrl(variantFileName(hash, 960)), originalUrl: imageUrl(imageFileName(hash, type)) };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** Writes via a temporary name and renames, so a reader never sees half a file. */
async function writeOnce(file: string, data: Buffer): Promise<void> {
  if (await exists(file)) return;
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}

const SERVED_NAME = /^([a-f0-9]{64})(?:-(480|960|1600)\.webp|\.(jpg|png|webp|gif))$/;
const MIME_BY_EXT: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

/** Reads a stored file by its public name; undefined for anything that is not one of ours. */
export async function readServedImage(name: string): Promise<{ data: Buffer; mime: string } | undefined> {
  const m = SERVED_NAME.exec(name);
  if (!m) return undefined;
  const mime = m[2] ? 'image/webp' : MIME_BY_EXT[m[3]!]!;
  try {
    return { data: await fs.readFile(path.join(imagesDir(), name)), mime };
  } catch {
    return undefined;
  }
}
