import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { carouselSlides } from '@/db/queries/slides';
import { useTestDatabase } from './helpers/test-db';

// The seed stores its demo covers under DATA_DIR: a folder of this file's own.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-slides-'));
process.env.DATA_DIR = dataDir;
const now = new Date('2026-11-29T04:00:00Z');
const { db, cleanup } = useTestDatabase({ articles: 120, now });
afterAll(() => {
  cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
const sqlite = db.$client;

describe('carouselSlides', () => {
  it('shows the seeded slides, newest first, each with its stored picture and description', async () => {
    const slides = await carouselSlides(now);
    const seeded = sqlite
      .prepare('select id from articles where slide = 1 order by published_at desc, id desc')
      .all() as Array<{ id: number }>;
    expect(slides.map((s) => s.id)).toEqual(seeded.map((r) => r.id));
    for (const slide of slides) {
      expect(slide.image).toMatchObject({ width: 1600, height: 900 });
      expect(slide.image.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(slide.coverAlt).not.toBe('');
    }
  });

  it('puts a higher sort weight first, leaves out hidden, picture-less and foreign-cover slides, and stops at five', async () => {
    const pictured = sqlite.prepare('select id, cover_image from articles where cover_image is not null order by id').all() as Array<{
      id: number;
      cover_image: string;
    }>;
    const [a, b, c, d, e, f] = pictured.map((p) => p.id);
    const cover = pictured[0]!.cover_image;
    sqlite.prepare('update articles set slide = 1 where cover_image is not null').run();
    sqlite.prepare('update articles set sort_weight = 5 where id = ?').run(f);
    sqlite.prepare("update articles set status = 'withdrawn' where id = ?").run(a);
    const extra = sqlite
      .prepare('select id from articles where cover_image is null and slide = 0 order by published_at desc limit 3')
      .all() as Array<{ id: number }>;
    // No picture, a picture from elsewhere, and one of ours with a higher weight than any.
    sqlite.prepare('update articles set slide = 1, sort_weight = 9 where id = ?').run(extra[0]!.id);
    sqlite.prepare("update articles set slide = 1, sort_weight = 9, cover_image = 'https://example.com/x.jpg', cover_alt = '外站图' where id = ?").run(extra[1]!.id);
    sqlite.prepare("update articles set slide = 1, sort_weight = 7, cover_image = ?, cover_alt = '图' where id = ?").run(cover, extra[2]!.id);

    const ids = (await carouselSlides(now)).map((s) => s.id);
    expect(ids).toHaveLength(5);
    expect(ids.slice(0, 2)).toEqual([extra[2]!.id, f]);
    expect(ids).not.toContain(a);
    expect(ids).not.toContain(extra[0]!.id);
    expect(ids).not.toContain(extra[1]!.id);
    const newestRest = sqlite
      .prepare(`select id from articles where id in (${[b, c, d, e].join(', ')}) order by published_at desc, id desc limit 3`)
      .all() as Array<{ id: number }>;
    expect(ids.slice(2)).toEqual(newestRest.map((r) => r.id));
  });
});
