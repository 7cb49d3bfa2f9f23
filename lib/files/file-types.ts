import type { StoredFile } from '@/db/schema';

/**
 * What an uploaded file is, decided by its bytes (never the browser's claimed type). The name's
 * extension must agree with the bytes, so a text file renamed `.pdf` is refused; it only picks
 * the label where the bytes cannot (an OLE2 container is DOC, XLS, PPT, WPS or ET alike).
 */
export type FileKind = StoredFile['kind'];

type FormatInfo = { kind: FileKind; mime: string; label: string; extensions: readonly string[] };

export const FILE_FORMATS = {
  pdf: { kind: 'attachment', mime: 'application/pdf', label: 'PDF', extensions: ['pdf'] },
  doc: { kind: 'attachment', mime: 'application/msword', label: 'Word', extensions: ['doc'] },
  xls: { kind: 'attachment', mime: 'application/vnd.ms-excel', label: 'Excel', extensions: ['xls'] },
  ppt: { kind: 'attachment', mime: 'application/vnd.ms-powerpoint', label: 'PowerPoint', extensions: ['ppt'] },
  wps: { kind: 'attachment', mime: 'application/kswps', label: 'WPS 文字', extensions: ['wps'] },
  et: { kind: 'attachment', mime: 'application/kset', label: 'WPS 表格', extensions: ['et'] },
  docx: { kind: 'attachment', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word', extensions: ['docx'] },
  xlsx: { kind: 'attachment', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel', extensions: ['xlsx'] },
  pptx: { kind: 'attachment', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint', extensions: ['pptx'] },
  ofd: { kind: 'attachment', mime: 'application/ofd', label: 'OFD', extensions: ['ofd'] },
  zip: { kind: 'attachment', mime: 'application/zip', label: 'ZIP 压缩包', extensions: ['zip'] },
  txt: { kind: 'attachment', mime: 'text/plain; charset=utf-8', label: '文本', extensions: ['txt'] },
  txtGb: { kind: 'attachment', mime: 'text/plain; charset=gb18030', label: '文本', extensions: ['txt'] },
  mp4: { kind: 'video', mime: 'video/mp4', label: 'MP4 视频', extensions: ['mp4', 'm4v'] },
  webm: { kind: 'video', mime: 'video/webm', label: 'WebM 视频', extensions: ['webm'] },
  vtt: { kind: 'captions', mime: 'text/vtt; charset=utf-8', label: 'WebVTT 字幕', extensions: ['vtt'] },
} as const satisfies Record<string, FormatInfo>;
export type FileFormat = keyof typeof FILE_FORMATS;

/** What the first bytes announce; 'text' when no signature matched (the whole file decides then). */
export type Family = 'pdf' | 'ole2' | 'zip' | 'mp4' | 'webm' | 'vtt' | 'text';

/** How many leading bytes `sniffFamily` wants to see (fewer only when the file is shorter). */
export const SNIFF_BYTES = 64;

/** Brands of the ISO box format that are still pictures, not video. */
const IMAGE_BRANDS = new Set(['heic', 'heix', 'hevc', 'mif1', 'msf1', 'avif', 'avis']);

export function sniffFamily(head: Uint8Array): Family {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 5) === '%PDF-') return 'pdf';
  if (head.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((v, i) => head[i] === v)) return 'ole2';
  if (ascii(0, 4) === 'PK\x03\x04' || ascii(0, 4) === 'PK\x05\x06') return 'zip';
  if (head.length >= 12 && ascii(4, 8) === 'ftyp' && !IMAGE_BRANDS.has(ascii(8, 12))) return 'mp4';
  // Matroska shares the EBML header; only the WebM doc type is accepted.
  if (head.length >= 4 && [0x1a, 0x45, 0xdf, 0xa3].every((v, i) => head[i] === v) && ascii(4, head.length).includes('webm')) return 'webm';
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (ascii(bom, bom + 6) === 'WEBVTT' && (head.length === bom + 6 || ' \t\r\n'.includes(ascii(bom + 6, bom + 7)))) return 'vtt';
  return 'text';
}

/** The format of a zip container by the entries it holds (OOXML's main part, OFD's root file). */
export function zipFormat(entries: readonly string[]): FileFormat {
  const names = new Set(entries.map((e) => e.toLowerCase()));
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('ppt/presentation.xml')) return 'pptx';
  if (names.has('ofd.xml')) return 'ofd';
  return 'zip';
}

const OLE2_FORMATS: readonly FileFormat[] = ['doc', 'xls', 'ppt', 'wps', 'et'];

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

export class FileRejected extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415,
  ) {
    super(message);
  }
}

export const UNSUPPORTED_MESSAGE =
  '不支持该文件类型:附件只能是 PDF、Word、Excel、PowerPoint、WPS、OFD、ZIP 或 TXT,视频只能是 MP4 或 WebM,字幕只能是 WebVTT(类型按文件内容判断,与扩展名无关)。';

/**
 * The format, once the whole file has been seen: the family from its head, the zip's entries
 * or the text's encoding where the head is not enough, and the name's extension, which must
 * agree.
 */
export function resolveFormat(
  family: Family,
  detail: { zipEntries?: readonly string[] | null; textCharset?: 'utf-8' | 'gb18030' | null },
  fileName: string,
): FileFormat {
  const ext = extensionOf(fileName);
  let format: FileFormat;
  switch (family) {
    case 'ole2': {
      const byName = OLE2_FORMATS.find((f) => (FILE_FORMATS[f].extensions as readonly string[]).includes(ext));
      if (!byName) throw mismatch('Office 97-2003 / WPS 文档', ext, 'doc、xls、ppt、wps 或 et');
      return byName;
    }
    case 'zip':
      if (!detail.zipEntries) throw new FileRejected('压缩文件已损坏,无法读取其目录。', 415);
      format = zipFormat(detail.zipEntries);
      break;
    case 'text':
      if (!detail.textCharset) throw new FileRejected(UNSUPPORTED_MESSAGE, 415);
      format = detail.textCharset === 'utf-8' ? 'txt' : 'txtGb';
      break;
    default:
      format = family;
  }
  const info = FILE_FORMATS[format];
  if (!(info.extensions as readonly string[]).includes(ext)) throw mismatch(info.label, ext, info.extensions.join('、'));
  return format;
}

function mismatch(label: string, ext: string, expected: string): FileRejected {
  const given = ext ? `扩展名“.${ext}”` : '没有扩展名的文件名';
  return new FileRejected(`文件内容是 ${label} 格式,与${given}不符(应为 ${expected}),请确认文件后重新上传。`, 415);
}

/**
 * Plain text: no NUL bytes and valid UTF-8 or, failing that, GB18030 (what Chinese Windows
 * saves as "ANSI"). Fed chunk by chunk as the upload streams, so nothing is kept.
 */
export class TextCheck {
  private utf8: TextDecoder | null = new TextDecoder('utf-8', { fatal: true });
  private gb: TextDecoder | null = new TextDecoder('gb18030', { fatal: true });
  private nul = false;

  push(chunk: Uint8Array): void {
    if (this.nul) return;
    if (chunk.includes(0)) {
      this.nul = true;
      return;
    }
    this.utf8 = feed(this.utf8, chunk);
    this.gb = feed(this.gb, chunk);
  }

  /** Whether the text could still turn out valid (false: stop decoding, it is not text). */
  get plausible(): boolean {
    return !this.nul && (this.utf8 !== null || this.gb !== null);
  }

  finish(): 'utf-8' | 'gb18030' | null {
    if (this.nul) return null;
    if (feed(this.utf8, undefined)) return 'utf-8';
    if (feed(this.gb, undefined)) return 'gb18030';
    return null;
  }
}

function feed(decoder: TextDecoder | null, chunk: Uint8Array | undefined): TextDecoder | null {
  if (!decoder) return null;
  try {
    if (chunk) decoder.decode(chunk, { stream: true });
    else decoder.decode();
    return decoder;
  } catch {
    return null;
  }
}

/** The type readers see beside a download (PDF, Word, Excel…), from the stored type. */
export function fileTypeLabel(mime: string, fileName = ''): string {
  const ext = extensionOf(fileName);
  const matches = Object.values(FILE_FORMATS).filter((f) => f.mime === mime);
  const exact = matches.find((f) => (f.extensions as readonly string[]).includes(ext));
  return (exact ?? matches[0])?.label ?? '文件';
}

/** 12 KB, 3.4 MB: sizes as readers read them (1 KB = 1024 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / 1024 / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
