import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './helpers/test-db';
import { DEMO_VIDEO_FILE } from '@/lib/files/demo';
import { filesDir, storedFilePath, storeUpload } from '@/lib/files/file-store';
import { FileRejected, fileTypeLabel, formatFileSize } from '@/lib/files/file-types';
import { MAX_ATTACHMENT_BYTES } from '@/lib/files/limits';
import { bodyLimitFor, limitRequestBody } from '@/lib/http/body-limit';

/**
 * Attachments and videos as staff upload them: the type comes from the bytes (and the name must
 * agree), the body is stored as it streams and a body over the type's limit stops being read.
 */
let ctx: ReturnType<typeof useTestDatabase>;
let dataDir: string;

beforeAll(() => {
  ctx = useTestDatabase({ seed: false });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-files-'));
  process.env.DATA_DIR = dataDir;
});
afterAll(() => {
  ctx.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function* once(bytes: Buffer): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** A stored (uncompressed) zip of the given entries, as Office, OFD writers and zip tools make. */
function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const OLE2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
const WEBM = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84]), Buffer.from('webm'), Buffer.alloc(200)]);

const ACCEPTED: Array<[string, Buffer, { kind: string; mime: string; label: string }]> = [
  ['公告.pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n'), { kind: 'attachment', mime: 'application/pdf', label: 'PDF' }],
  ['旧版通知.doc', OLE2, { kind: 'attachment', mime: 'application/msword', label: 'Word' }],
  ['统计表.xls', OLE2, { kind: 'attachment', mime: 'application/vnd.ms-excel', label: 'Excel' }],
  ['汇报.ppt', OLE2, { kind: 'attachment', mime: 'application/vnd.ms-powerpoint', label: 'PowerPoint' }],
  ['通知.wps', OLE2, { kind: 'attachment', mime: 'application/kswps', label: 'WPS 文字' }],
  ['报表.et', OLE2, { kind: 'attachment', mime: 'application/kset', label: 'WPS 表格' }],
  ['方案.docx', zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), { kind: 'attachment', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word' }],
  ['预算.xlsx', zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }), { kind: 'attachment', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel' }],
  ['发布会.pptx', zipOf({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }), { kind: 'attachment', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint' }],
  ['公文.ofd', zipOf({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<d/>' }), { kind: 'attachment', mime: 'application/ofd', label: 'OFD' }],
  ['资料.zip', zipOf({ '说明.txt': '资料' }), { kind: 'attachment', mime: 'application/zip', label: 'ZIP 压缩包' }],
  ['说明.txt', Buffer.from('龙泉驿区通知\r\n第二行\n'), { kind: 'attachment', mime: 'text/plain; charset=utf-8', label: '文本' }],
  // "中文" as GB18030 (what Chinese Windows Notepad saves as ANSI): not valid UTF-8.
  ['旧说明.txt', Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0d, 0x0a]), { kind: 'attachment', mime: 'text/plain; charset=gb18030', label: '文本' }],
  ['彩条.mp4', fs.readFileSync(DEMO_VIDEO_FILE), { kind: 'video', mime: 'video/mp4', label: 'MP4 视频' }],
  ['彩条.webm', WEBM, { kind: 'video', mime: 'video/webm', label: 'WebM 视频' }],
  ['字幕.vtt', Buffer.from('\ufeffWEBVTT\n\n00:00.000 --> 00:01.000\n中文字幕\n'), { kind: 'captions', mime: 'text/vtt; charset=utf-8', label: 'WebVTT 字幕' }],
];

describe('type recognition by the bytes', () => {
  it.each(ACCEPTED)('accepts %s as what its bytes are', async (name, bytes, expected) => {
    const stored = await storeUpload(once(bytes), name, null);
    expect({ kind: stored.kind, mime: stored.mime, label: fileTypeLabel(stored.mime, name) }).toEqual(expected);
    expect(stored.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(fs.readFileSync(storedFilePath(stored.hash)).equals(bytes)).toBe(true);
  });

  it('refuses a text file renamed to .pdf, saying what it is', async () => {
    const error = await storeUpload(once(Buffer.from('这不是 PDF,只是改了扩展名的文本。')), '重点项目.pdf', null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRejected);
    expect((error as FileRejected).status).toBe(415);
    expect((error as FileRejected).message).toContain('与扩展名“.pdf”不符');
  });

  it('refuses a PDF renamed to .docx and bytes that are no accepted type at all', async () => {
    const renamed = await storeUpload(once(Buffer.from('%PDF-1.7\n')), '方案.docx', null).catch((e: unknown) => e);
    expect((renamed as FileRejected).status).toBe(415);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00'), Buffer.alloc(100)]);
    const binary = await storeUpload(once(exe), '工具.txt', null).catch((e: unknown) => e);
    expect((binary as FileRejected).status).toBe(415);
    expect((binary as FileRejected).message).toMatch(/^不支持该文件类型/);
    // Matroska shares WebM's header but is not WebM.
    const mkv = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('matroska'), Buffer.alloc(100)]);
    expect(((await storeUpload(once(mkv), '片子.webm', null).catch((e: unknown) => e)) as FileRejected).status).toBe(415);
  });

  it('leaves no temporary files behind after refusals', () => {
    expect(fs.readdirSync(filesDir()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('labels sizes as readers read them', () => {
    expect(formatFileSize(900)).toBe('1 KB');
    expect(formatFileSize(250 * 1024)).toBe('250 KB');
    expect(formatFileSize(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(formatFileSize(42 * 1024 * 1024)).toBe('42 MB');
  });
});

describe('streaming to disk', () => {
  it('stores a 5 MB upload, arriving in chunks, under the sha256 of its bytes', async () => {
    const hash = createHash('sha256');
    let sent = 0;
    async function* body() {
      const head = Buffer.from('%PDF-1.5\n');
      hash.update(head);
      yield head;
      sent += head.length;
      for (let i = 0; i < 80; i++) {
        const chunk = randomBytes(64 * 1024);
        hash.update(chunk);
        sent += chunk.length;
        yield chunk;
      }
    }
    const stored = await storeUpload(body(), '大文件.pdf', null);
    expect(stored.bytes).toBe(sent);
    expect(stored.hash).toBe(hash.digest('hex'));
    expect(fs.statSync(storedFilePath(stored.hash)).size).toBe(sent);
  });

  it('stops pulling a 60 MB attachment as soon as it passes 50 MB (413), keeping nothing', async () => {
    let pulled = 0;
    async function* body() {
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      for (let i = 0; i < 60; i++) {
        pulled += chunk.length;
        yield chunk;
      }
    }
    const error = await storeUpload(body(), '超大.txt', null).catch((e: unknown) => e);
    expect((error as FileRejected).status).toBe(413);
    expect((error as FileRejected).message).toContain('附件不能超过 50 MB');
    expect(pulled).toBeLessThanOrEqual(MAX_ATTACHMENT_BYTES + 1024 * 1024);
    expect(fs.readdirSync(filesDir()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('answers a 60 MB chunked upload over HTTP with 413 before the body is through', async () => {
    // As under server.ts: the front door's bound for /api/files, then the route streaming the body.
    let received = 0;
    const server = http.createServer((req, res) => {
      if (!limitRequestBody(req, res, bodyLimitFor(req.url ?? '/'))) return;
      async function* counted() {
        for await (const chunk of req as AsyncIterable<Buffer>) {
          received += chunk.length;
          yield chunk;
        }
      }
      storeUpload(counted(), '超大.txt', null).then(
        () => res.writeHead(201).end(),
        (e: unknown) => {
          res.writeHead(e instanceof FileRejected ? e.status : 500, { Connection: 'close' }).end(e instanceof Error ? e.message : '');
          req.destroy();
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      async function* sixty() {
        for (let i = 0; i < 60; i++) yield Buffer.alloc(1024 * 1024, 'b');
      }
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/api/files?article=1&name=x.txt', headers: { 'Transfer-Encoding': 'chunked' } }, (res) => resolve(res.statusCode ?? 0));
        req.on('error', reject);
        Readable.from(sixty()).pipe(req);
      });
      expect(status).toBe(413);
      expect(bodyLimitFor('/api/files')).toBeGreaterThanOrEqual(MAX_ATTACHMENT_BYTES);
      expect(received).toBeLessThan(60 * 1024 * 1024);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
