import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { getDb } from '@/db/client';
import { storedFiles } from '@/db/schema';
import { dataDir } from '@/lib/data-dir';
import { FILE_FORMATS, FileRejected, type FileFormat, type Family, resolveFormat, SNIFF_BYTES, sniffFamily, TextCheck, UNSUPPORTED_MESSAGE } from './file-types';
import { fileTooLargeMessage, MAX_ATTACHMENT_BYTES, maxFileUploadBytes, maxVideoBytes } from './limits';
import { zipEntryNames } from './zip-entries';

/**
 * Attachments, videos and captions: streamed to a temporary file under DATA_DIR/files while
 * their sha256 is computed and their type recognised, then renamed to the hash. The body is
 * never held whole in memory (a 200 MB video costs one chunk at a time), and the same bytes
 * uploaded twice are stored once.
 */
export function filesDir(): string {
  return path.join(dataDir(), 'files');
}

const HASH = /^[a-f0-9]{64}$/;

/** Where a stored file's bytes are; the hash is checked so no other path can be asked for. */
export function storedFilePath(hash: string): string {
  if (!HASH.test(hash)) throw new Error('file store: not a content hash');
  return path.join(filesDir(), hash);
}

export type StoredUpload = { hash: string; kind: StoredFileKind; mime: string; bytes: number; format: FileFormat };
type StoredFileKind = (typeof FILE_FORMATS)[FileFormat]['kind'];

function limitFor(family: Family): number {
  return family === 'mp4' || family === 'webm' ? maxVideoBytes() : MAX_ATTACHMENT_BYTES;
}

/**
 * Stores an upload as it arrives. The type is recognised from the first bytes, and the size
 * limit for that type (attachments 50 MB, videos VIDEO_MAX_MB) stops reading the moment it is
 * crossed: the rest of the body is never pulled. Throws FileRejected (400/413/415).
 */
export async function storeUpload(body: AsyncIterable<Uint8Array>, fileName: string, uploaderId: number | null, now = new Date()): Promise<StoredUpload> {
  const dir = filesDir();
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.upload-${randomBytes(8).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx');
  let kept = false;
  try {
    const hash = createHash('sha256');
    let head: Buffer = Buffer.alloc(0);
    let family: Family | null = null;
    let limit = maxFileUploadBytes();
    let total = 0;
    const text = new TextCheck();
    const decide = (bytes: Buffer) => {
      family = sniffFamily(bytes);
      limit = limitFor(family);
      if (family === 'text') text.push(bytes);
    };
    for await (const chunk of body) {
      total += chunk.length;
      if (total > limit) throw new FileRejected(fileTooLargeMessage(), 413);
      hash.update(chunk);
      await handle.write(chunk);
      if (family === null) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= SNIFF_BYTES) decide(head);
        if (family !== null && total > limit) throw new FileRejected(fileTooLargeMessage(), 413);
      } else if (family === 'text') {
        text.push(chunk);
        // Binary with no signature: refuse now rather than store 50 MB of it.
        if (!text.plausible) throw new FileRejected(UNSUPPORTED_MESSAGE, 415);
      }
    }
    if (total === 0) throw new FileRejected('文件是空的。', 400);
    if (family === null) decide(head);
    await handle.close();
    const found = family as Family | null;
    if (found === null) throw new FileRejected(UNSUPPORTED_MESSAGE, 415);
    const format = resolveFormat(
      found,
      {
        zipEntries: found === 'zip' ? await zipEntryNames(tmp) : undefined,
        textCharset: found === 'text' ? text.finish() : undefined,
      },
      fileName,
    );
    const digest = hash.digest('hex');
    const target = storedFilePath(digest);
    // Same content already stored: keep the existing file (readers may be streaming it).
    if (await exists(target)) await fs.rm(tmp, { force: true });
    else await fs.rename(tmp, target);
    kept = true;
    const { kind, mime } = FILE_FORMATS[format];
    await getDb()
      .insert(storedFiles)
      .values({ hash: digest, kind, mime, bytes: total, uploaderId, createdAt: now })
      .onConflictDoNothing();
    return { hash: digest, kind, mime, bytes: total, format };
  } finally {
    await handle.close().catch(() => {});
    if (!kept) await fs.rm(tmp, { force: true });
  }
}

/** A web stream's chunks, pulled one at a time; leaving the loop early cancels the stream. */
export async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
