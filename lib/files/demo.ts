import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DB } from '@/db/client';
import { visibleClause } from '@/db/visibility';
import { filesDir, storedFilePath } from './file-store';
import { FILE_FORMATS, type FileFormat } from './file-types';

/**
 * Demo 附件 and video for a fresh install: a PDF written here (plain ASCII text in a one-page
 * PDF needs no font file; its Chinese title is in the document info), the 3-second colour-bars
 * clip the repository ships (db/fixtures/README.md says how it was made) and its captions.
 * Idempotent: recorded in site_meta once attached.
 */
export const DEMO_VIDEO_FILE = path.resolve(process.cwd(), 'db/fixtures/demo-colour-bars.mp4');
const DONE_KEY = 'seed.files';
const PDF_NAME = '龙泉驿区2026年重点项目清单.pdf';
const VIDEO_NAME = '龙泉驿区融媒体中心测试画面.mp4';
const CAPTIONS = 'WEBVTT\n\n00:00.000 --> 00:03.000\n彩条测试画面(演示视频,无声)\n';

export function seedDemoFiles(db: DB, now = new Date()): void {
  const sqlite = db.$client;
  if (sqlite.prepare('select 1 from site_meta where key = ?').get(DONE_KEY)) return;
  // The newest visible, ordinary article of a section (external-link entries have no page).
  const pick = (slug: string) =>
    sqlite
      .prepare(
        `select a.id from articles a join sections s on s.id = a.section_id
         where s.slug = ? and a.external_url is null and ${visibleClause('a')}
         order by a.published_at desc limit 1`,
      )
      .get(slug, { now: now.getTime() }) as { id: number } | undefined;
  const pdfArticle = pick('notices') ?? pick('longquan');
  const videoArticle = pick('longquan');
  if (!pdfArticle || !videoArticle) return;

  const store = (bytes: Buffer, format: FileFormat): string => {
    const hash = createHash('sha256').update(bytes).digest('hex');
    fs.mkdirSync(filesDir(), { recursive: true });
    const target = storedFilePath(hash);
    if (!fs.existsSync(target)) {
      fs.writeFileSync(`${target}.tmp`, bytes);
      fs.renameSync(`${target}.tmp`, target);
    }
    const { kind, mime } = FILE_FORMATS[format];
    sqlite
      .prepare('insert into stored_files (hash, kind, mime, bytes, uploader_id, created_at) values (?, ?, ?, ?, null, ?) on conflict(hash) do nothing')
      .run(hash, kind, mime, bytes.length, now.getTime());
    return hash;
  };

  sqlite.transaction(() => {
    const pdf = store(demoPdf(), 'pdf');
    const video = store(fs.readFileSync(DEMO_VIDEO_FILE), 'mp4');
    const captions = store(Buffer.from(CAPTIONS, 'utf8'), 'vtt');
    const attach = sqlite.prepare('insert into article_files (article_id, file_hash, file_name, position, captions_hash) values (?, ?, ?, 0, ?)');
    attach.run(pdfArticle.id, pdf, PDF_NAME, null);
    attach.run(videoArticle.id, video, VIDEO_NAME, captions);
    sqlite.prepare('insert into site_meta (key, value) values (?, ?)').run(DONE_KEY, `${pdfArticle.id},${videoArticle.id}`);
  })();
}

/** A one-page PDF 1.4 with a few lines of Helvetica text and a correct cross-reference table. */
function demoPdf(): Buffer {
  const lines = [
    'Longquanyi District: Key Projects 2026 (demo list)',
    '',
    '1. Longquan Mountain urban forest park: trail and visitor centre upgrade',
    '2. Eastern new area: feeder bus lines to metro line 2',
    '3. Automobile industry park: smart factory renovation',
    '4. Peach blossom hometown: rural road and water supply works',
    '',
    'Demonstration content written by the portal seed (lib/files/demo.ts).',
  ];
  const text = lines
    .map((line, i) => `BT /F1 ${i === 0 ? 16 : 12} Tf 72 ${770 - i * 22} Td (${line.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET`)
    .join('\n');
  const title = Buffer.from(`\ufeff龙泉驿区2026年重点项目清单`, 'utf16le').swap16().toString('hex').toUpperCase();
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Title <${title}> /Producer (news portal seed) >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
