import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './helpers/test-db';
import { MAX_FRAMES, oneAtATime } from '@/lib/images/decoding';
import { ImageRejected, readServedImage, sniffImageType, storeImage } from '@/lib/images/image-store';

let ctx: ReturnType<typeof useTestDatabase>;
let dataDir: string;

beforeAll(() => {
  ctx = useTestDatabase({ seed: false });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-images-'));
  process.env.DATA_DIR = dataDir;
});
afterAll(() => {
  ctx.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A valid 1-bit greyscale PNG of zeros: tiny on disk, `width`×`height` pixels once decoded. */
function pngOfZeros(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter method, no interlace
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer();

describe('storeImage', () => {
  it('stores a PNG by content hash with WebP variants that are served back', async () => {
    const bytes = await png(2000, 1000);
    const stored = await storeImage(bytes, null);
    expect(stored.mime).toBe('image/png');
    expect([stored.width, stored.height]).toEqual([2000, 1000]);
    expect(stored.url).toBe(`/media/images/${stored.hash}-960.webp`);
    for (const width of [480, 960, 1600]) {
      const served = await readServedImage(`${stored.hash}-${width}.webp`);
      expect(served?.mime).toBe('image/webp');
      const meta = await sharp(served!.data).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(width);
    }
    const original = await readServedImage(`${stored.hash}.png`);
    expect(original?.data.equals(bytes)).toBe(true);
    const row = ctx.db.$client.prepare('select mime, width from images where hash = ?').get(stored.hash);
    expect(row).toEqual({ mime: 'image/png', width: 2000 });
    // The same bytes again: same name, one row.
    expect((await storeImage(bytes, null)).hash).toBe(stored.hash);
    expect(ctx.db.$client.prepare('select count(*) as n from images').get()).toEqual({ n: 1 });
  });

  it('accepts JPEG, WebP and GIF by their bytes and never enlarges small pictures', async () => {
    const base = sharp({ create: { width: 300, height: 200, channels: 3, background: '#3366cc' } });
    for (const [format, bytes] of [
      ['jpeg', await base.clone().jpeg().toBuffer()],
      ['webp', await base.clone().webp().toBuffer()],
      ['gif', await base.clone().gif().toBuffer()],
    ] as const) {
      expect(sniffImageType(bytes)).toBe(format);
      const stored = await storeImage(bytes, null);
      const variant = await readServedImage(`${stored.hash}-1600.webp`);
      expect((await sharp(variant!.data).metadata()).width).toBe(300);
    }
  });

  it('refuses a text file whatever it is called, and a truncated image', async () => {
    await expect(storeImage(Buffer.from('这不是图片,只是改了扩展名的文本文件。\n'), null)).rejects.toThrow(/JPEG、PNG、WebP 或 GIF/);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    await expect(storeImage(svg, null)).rejects.toBeInstanceOf(ImageRejected);
    const broken = (await png(100, 100)).subarray(0, 40);
    await expect(storeImage(broken, null)).rejects.toThrow(/损坏/);
  });

  it('refuses anything over 10 MB', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff], 0);
    await expect(storeImage(big, null)).rejects.toMatchObject({ status: 413 });
  });

  it('refuses a small PNG whose dimensions would decode to 100 megapixels, without decoding it', async () => {
    const bomb = pngOfZeros(10_000, 10_000);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const refused = await storeImage(bomb, null).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImageRejected);
    expect(refused).toMatchObject({ status: 400, message: expect.stringContaining('10000×10000') });
    expect(fs.existsSync(path.join(dataDir, 'images')) && fs.readdirSync(path.join(dataDir, 'images')).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('refuses an animated GIF with too many frames, and takes one with a few', async () => {
    // Each frame differs (one lit pixel moving along), so the GIF encoder keeps them all.
    const frames = (n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) => {
          const raw = Buffer.alloc(16 * 16 * 3);
          raw.fill(255, i * 3, i * 3 + 3);
          return sharp(raw, { raw: { width: 16, height: 16, channels: 3 } }).png().toBuffer();
        }),
      );
    const many = await sharp(await frames(MAX_FRAMES + 1), { join: { animated: true } }).gif().toBuffer();
    await expect(storeImage(many, null)).rejects.toMatchObject({ status: 400, message: expect.stringContaining('帧数过多') });
    const few = await sharp(await frames(3), { join: { animated: true } }).gif().toBuffer();
    await expect(storeImage(few, null)).resolves.toMatchObject({ mime: 'image/gif' });
  });

  it('resizes one upload at a time', async () => {
    const order: string[] = [];
    const job = (name: string, ms: number) => async () => {
      order.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      order.push(`${name} end`);
    };
    const failing = oneAtATime(async () => {
      throw new Error('broken image');
    });
    await Promise.all([oneAtATime(job('a', 30)), failing.catch(() => undefined), oneAtATime(job('b', 1))]);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('serves only names it made', async () => {
    for (const name of ['../portal.db', 'x.png', `${'a'.repeat(64)}-333.webp`, `${'a'.repeat(64)}.svg`]) {
      expect(await readServedImage(name)).toBeUndefined();
    }
  });
});
