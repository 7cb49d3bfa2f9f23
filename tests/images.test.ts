import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './helpers/test-db';
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

  it('serves only names it made', async () => {
    for (const name of ['../portal.db', 'x.png', `${'a'.repeat(64)}-333.webp`, `${'a'.repeat(64)}.svg`]) {
      expect(await readServedImage(name)).toBeUndefined();
    }
  });
});
