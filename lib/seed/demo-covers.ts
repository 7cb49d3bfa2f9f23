import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { DB } from '@/db/client';
import { imageFileName, imagesDir, storeImage, VARIANT_WIDTHS, variantFileName } from '@/lib/images/image-store';
import { rng } from './corpus';

/**
 * Demo cover pictures, drawn at seed time (no downloads): landscapes made of gradients and
 * shapes, rendered by sharp and stored through the image store, so they get the same
 * content-hash names and 480/960/1600 px WebP variants as an editor's upload.
 *
 * The seed is synchronous (every caller, from the test helper to the start script, relies on
 * that) and sharp is not, so the drawing runs in a short child process (this file, run by path)
 * that stores the pictures into the same database file and prints what it stored.
 * Scenes are drawn once per image folder (see manifestFile).
 */

type DemoCover = { hash: string; url: string; width: number; height: number; alt: string };

const WIDTH = 1600;
const HEIGHT = 900;

type Scene = { alt: string; draw: () => string };

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${body}</svg>`;

const sky = (id: string, top: string, bottom: string) =>
  `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${WIDTH}" height="${HEIGHT}" fill="url(#${id})"/>`;

/** A ridge line across the picture: a closed polygon from seeded heights. */
function ridge(seed: number, base: number, amplitude: number, colour: string): string {
  const r = rng(seed);
  const points = [`0,${HEIGHT}`];
  for (let x = 0; x <= WIDTH; x += 100) points.push(`${x},${Math.round(base - r() * amplitude)}`);
  points.push(`${WIDTH},${HEIGHT}`);
  return `<polygon points="${points.join(' ')}" fill="${colour}"/>`;
}

function buildings(seed: number, lit: boolean): string {
  const r = rng(seed);
  let out = '';
  for (let x = 0; x < WIDTH; ) {
    const w = 90 + Math.floor(r() * 90);
    const h = 220 + Math.floor(r() * 380);
    const top = HEIGHT - 120 - h;
    out += `<rect x="${x}" y="${top}" width="${w - 12}" height="${h + 120}" fill="${lit ? '#1d2440' : '#5b6478'}"/>`;
    for (let wy = top + 24; wy < HEIGHT - 150; wy += 46) {
      for (let wx = x + 14; wx < x + w - 34; wx += 30) {
        if (r() < 0.45) out += `<rect x="${wx}" y="${wy}" width="14" height="22" fill="${lit ? '#ffd66b' : '#c9d4e6'}"/>`;
      }
    }
    x += w;
  }
  return out + `<rect y="${HEIGHT - 120}" width="${WIDTH}" height="120" fill="${lit ? '#141a2e' : '#3f4656'}"/>`;
}

function blossoms(seed: number): string {
  const r = rng(seed);
  let out = '';
  for (let t = 0; t < 9; t++) {
    const cx = 80 + t * 180 + Math.floor(r() * 60);
    const cy = 560 + Math.floor(r() * 120);
    out += `<rect x="${cx - 8}" y="${cy}" width="16" height="${HEIGHT - cy}" fill="#6b4a3a"/>`;
    for (let b = 0; b < 14; b++) {
      const bx = cx + Math.floor((r() - 0.5) * 200);
      const by = cy - 40 + Math.floor((r() - 0.5) * 150);
      out += `<circle cx="${bx}" cy="${by}" r="${30 + Math.floor(r() * 30)}" fill="${r() < 0.5 ? '#f4a6c1' : '#f7c6d6'}" opacity="0.9"/>`;
    }
  }
  return out;
}

function fields(seed: number): string {
  const r = rng(seed);
  let out = '';
  for (let i = 0; i < 8; i++) {
    const y = 520 + i * 50;
    const shade = ['#6fae4b', '#88c057', '#5d9a3f', '#a3cf62'][i % 4]!;
    out += `<path d="M0 ${y} Q ${400 + Math.floor(r() * 400)} ${y - 60} ${WIDTH} ${y + 10} L ${WIDTH} ${HEIGHT} L 0 ${HEIGHT} Z" fill="${shade}"/>`;
  }
  return out;
}

const clouds = (seed: number) => {
  const r = rng(seed);
  let out = '';
  for (let i = 0; i < 5; i++) {
    const cx = Math.floor(r() * WIDTH);
    const cy = 90 + Math.floor(r() * 200);
    out += `<ellipse cx="${cx}" cy="${cy}" rx="${110 + Math.floor(r() * 80)}" ry="${34 + Math.floor(r() * 16)}" fill="#ffffff" opacity="0.85"/>`;
  }
  return out;
};

/** Newest slide first: the order the seed hands covers to the most recent articles. */
const SCENES: Scene[] = [
  {
    alt: '示意图:龙泉山坡上盛开的粉色桃花林,远处是青色山峦',
    draw: () => svg(sky('s', '#9fd3f5', '#e8f6ff') + clouds(11) + ridge(12, 470, 120, '#7fa88a') + ridge(13, 560, 80, '#5e8f6a') + blossoms(14)),
  },
  {
    alt: '示意图:傍晚的城区楼群,天空由橙色渐变为紫色,太阳低悬',
    draw: () => svg(sky('s', '#5a3d8a', '#f59f4c') + `<circle cx="1180" cy="420" r="110" fill="#ffd27a"/>` + buildings(21, false)),
  },
  {
    alt: '示意图:蓝天下层叠的远山与平静的湖面',
    draw: () =>
      svg(
        sky('s', '#4f8fd6', '#cfe6fb') +
          clouds(31) +
          ridge(32, 420, 200, '#8aa3c4') +
          ridge(33, 520, 140, '#5f7fa6') +
          `<rect y="640" width="${WIDTH}" height="260" fill="#3f78b5"/><rect y="700" width="${WIDTH}" height="8" fill="#8fbbe6" opacity="0.6"/><rect y="780" width="${WIDTH}" height="6" fill="#8fbbe6" opacity="0.5"/>`,
      ),
  },
  {
    alt: '示意图:春日丘陵间层层叠叠的绿色田野与白云',
    draw: () => svg(sky('s', '#7cc4f0', '#e9f7ff') + clouds(41) + ridge(42, 500, 90, '#9cc27a') + fields(43)),
  },
  {
    alt: '示意图:河面上的石拱桥与两岸绿树',
    draw: () =>
      svg(
        sky('s', '#86c5e8', '#f2fbff') +
          ridge(51, 480, 60, '#7bb36b') +
          `<rect y="560" width="${WIDTH}" height="340" fill="#4a90b8"/>` +
          `<path d="M 300 560 Q 800 300 1300 560 L 1300 600 Q 800 380 300 600 Z" fill="#b9a48a"/>` +
          `<rect x="280" y="540" width="1040" height="26" fill="#a38e74"/>` +
          `<ellipse cx="800" cy="700" rx="480" ry="40" fill="#6fb0d3" opacity="0.6"/>`,
      ),
  },
  {
    alt: '示意图:夜晚的城市楼群亮起点点灯光,天上一轮明月',
    draw: () => svg(sky('s', '#0c1230', '#2a3766') + `<circle cx="300" cy="190" r="70" fill="#f3f0d2"/>` + buildings(61, true)),
  },
];

/** What the seed needs of a stored cover: the images row and the URL articles point at. */
type StoredCover = { hash: string; mime: string; width: number; height: number; bytes: number; url: string };
const JPEG_QUALITY = 82;

/** The tsx command line for running a TypeScript file in a child process. */
function tsxCli(): string {
  return createRequire(import.meta.url).resolve('tsx/cli');
}

/**
 * Where the result of drawing these scenes is remembered, inside the image folder: the pictures
 * are a pure function of the scenes' SVG and sharp's version, so a second fresh database (every
 * test file seeds one) reuses the stored files instead of starting a child process again.
 */
function manifestFile(): string {
  const key = createHash('sha256')
    .update(JSON.stringify([sharp.versions, JPEG_QUALITY, SCENES.map((s) => s.draw())]))
    .digest('hex')
    .slice(0, 16);
  return path.join(imagesDir(), `.demo-covers-${key}.json`);
}

function readManifest(file: string): StoredCover[] | undefined {
  try {
    const covers = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredCover[];
    const complete = covers.every((c) =>
      [imageFileName(c.hash, 'jpeg'), ...VARIANT_WIDTHS.map((w) => variantFileName(c.hash, w))].every((name) =>
        fs.existsSync(path.join(imagesDir(), name)),
      ),
    );
    return complete && covers.length === SCENES.length ? covers : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The demo covers, in scene order, stored in the image folder (DATA_DIR) and registered in
 * `db`'s images table. Throws when drawing fails: a seed that silently lacks its pictures would
 * hide the carousel.
 */
export function demoCovers(db: DB): DemoCover[] {
  const file = manifestFile();
  let covers = readManifest(file);
  if (covers) {
    // Files already on disk: only this database's rows are missing (the same row storeImage writes).
    const register = db.$client.prepare(
      'insert into images (hash, mime, width, height, bytes, uploader_id, created_at) values (?, ?, ?, ?, ?, null, ?) on conflict(hash) do nothing',
    );
    for (const c of covers) register.run(c.hash, c.mime, c.width, c.height, c.bytes, Date.now());
  } else {
    const result = spawnSync(process.execPath, [tsxCli(), fileURLToPath(import.meta.url)], {
      env: { ...process.env, DATABASE_PATH: db.$client.name },
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (result.status !== 0) throw new Error(`演示封面图生成失败: ${result.stderr || result.error?.message || result.status}`);
    covers = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as StoredCover[];
    fs.writeFileSync(file, JSON.stringify(covers));
  }
  return covers.map((c, i) => ({ hash: c.hash, url: c.url, width: c.width, height: c.height, alt: SCENES[i]!.alt }));
}

/** The child's work: render each scene to JPEG and store it through the image store. */
async function storeScenes(): Promise<void> {
  const { closeDb } = await import('@/db/client');
  const stored: StoredCover[] = [];
  for (const scene of SCENES) {
    const jpeg = await sharp(Buffer.from(scene.draw())).jpeg({ quality: JPEG_QUALITY }).toBuffer();
    const image = await storeImage(jpeg, null);
    stored.push({ hash: image.hash, mime: image.mime, width: image.width, height: image.height, bytes: image.bytes, url: image.url });
  }
  closeDb();
  process.stdout.write(`${JSON.stringify(stored)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  storeScenes().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
