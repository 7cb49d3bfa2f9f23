/**
 * `Content-Disposition` with the original (Chinese) file name kept, per RFC 6266: a plain ASCII
 * `filename` for old clients, and `filename*` in RFC 5987's UTF-8 percent-encoding, which every
 * current browser prefers. Without `filename*` a Chinese name arrives as mojibake or as the
 * URL's last segment.
 */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  return `${type}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** RFC 5987 attr-chars stay, everything else is %XX of its UTF-8 bytes. */
function encodeRfc5987(value: string): string {
  // encodeURIComponent leaves ' ( ) * unescaped, which attr-char does not allow.
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The name in printable ASCII for the quoted `filename`: runs of other characters become one
 * `_`, quotes and backslashes too; a name with nothing left but its extension becomes
 * `attachment.<ext>`.
 */
function asciiFallback(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\]/g, '_');
  const dot = ascii.lastIndexOf('.');
  const stem = dot > 0 ? ascii.slice(0, dot) : ascii;
  const ext = dot > 0 ? ascii.slice(dot) : '';
  return /[A-Za-z0-9]/.test(stem) ? ascii : `attachment${ext}`;
}
