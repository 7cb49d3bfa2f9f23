import fs from 'node:fs/promises';

/** End of central directory: 22 bytes plus a comment of up to 65,535. */
const EOCD_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const EOCD_MAX = 22 + 0xffff;
/** Enough for the names of any real document; a directory larger than this is not read. */
const DIRECTORY_MAX = 4 * 1024 * 1024;

/**
 * The entry names of a zip file on disk, read from its central directory (the tail of the file),
 * so telling DOCX from XLSX, PPTX, OFD or a plain ZIP reads kilobytes, never the archive. Null
 * when the directory cannot be found or read (a damaged or truncated archive).
 */
export async function zipEntryNames(file: string): Promise<string[] | null> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, EOCD_MAX);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    // ZIP64 archives mark these 0xFFFF/0xFFFFFFFF; documents under 50 MB never need it.
    if (dirSize > DIRECTORY_MAX || dirOffset + dirSize > size) return null;
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const names: string[] = [];
    let at = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== ENTRY_SIGNATURE) return null;
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      names.push(dir.toString('utf8', at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } finally {
    await handle.close();
  }
}
