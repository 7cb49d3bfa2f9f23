/** The longest name kept (in characters); longer names keep their start and their extension. */
const MAX_NAME = 120;

/**
 * The name staff gave the file, as readers will download it: the last path segment only (some
 * browsers send a full path), Unicode-normalised, without control characters. Chinese is kept
 * as is. Null when nothing usable is left.
 */
export function cleanFileName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const base = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const name = base.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (!name || name === '.' || name === '..') return null;
  if ([...name].length <= MAX_NAME) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return [...name.slice(0, name.length - ext.length)].slice(0, MAX_NAME - ext.length).join('') + ext;
}
