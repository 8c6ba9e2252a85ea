/**
 * Turns a file into the text the engine checks. Offsets in findings are into this text:
 * for .txt and .md the file's own text (less a leading byte-order mark); for .html and .docx
 * the extracted text, one line per paragraph, heading, list item or table cell.
 */
import type { LineBreakMode } from '../engine/index.js';
import { ExtractError } from './problem.js';

export { ExtractError };

export interface Extracted {
  text: string;
  lineBreaks: LineBreakMode;
  /** Something the reader should know, e.g. bytes that were not valid UTF-8. */
  warning?: string;
}

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export type FileKind = 'text' | 'markdown' | 'html' | 'docx';

export function kindOf(path: string): FileKind | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === undefined || ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'docx') return 'docx';
  return undefined;
}

/** The .docx and HTML readers are loaded the first time such a file is read: a run of .txt files never loads them. */
export async function extract(bytes: Uint8Array, kind: FileKind): Promise<Extracted> {
  if (kind === 'docx') return { text: await (await import('./docx.js')).docxText(bytes), lineBreaks: 'hard' };
  const { text, warning } = decodeText(bytes);
  if (kind === 'html') return { text: (await import('./html.js')).htmlToText(text), lineBreaks: 'hard', warning };
  return { text, lineBreaks: kind === 'markdown' ? 'soft' : 'hard', warning };
}

const BINARY_HINT =
  'it looks like a binary file (a picture, a PDF, a program), not text. If it is text, save it as UTF-8 (in Notepad: Save as, Encoding UTF-8).';

/**
 * Text by its byte-order mark: UTF-8 (with or without one) and UTF-16 (little- or big-endian,
 * with one). NUL bytes, or a file that is mostly not UTF-8, are refused as binary.
 */
export function decodeText(bytes: Uint8Array): { text: string; warning?: string } {
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) throw new ExtractError(utf32);
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) throw new ExtractError(utf32);
  let encoding = 'utf-8';
  let skip = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) skip = 3;
  else if (b[0] === 0xff && b[1] === 0xfe) [encoding, skip] = ['utf-16le', 2];
  else if (b[0] === 0xfe && b[1] === 0xff) [encoding, skip] = ['utf-16be', 2];
  const body = b.subarray(skip);
  if (encoding === 'utf-8' && body.includes(0))
    throw new ExtractError(
      `cannot be read as text: it has NUL bytes, so ${BINARY_HINT} (UTF-16 text needs a byte-order mark.)`,
    );
  let text: string;
  let warning: string | undefined;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    if (encoding === 'utf-8' && mostlyNotText(text)) throw new ExtractError(`cannot be read as text: ${BINARY_HINT}`);
    warning =
      encoding === 'utf-8'
        ? 'some bytes are not valid UTF-8 and were read as \uFFFD; save the file as UTF-8 for exact offsets.'
        : `some characters are not valid ${encoding.toUpperCase()} and were read as \uFFFD; save the file as UTF-8 for exact offsets.`;
  }
  if (encoding !== 'utf-8' && text.includes('\0')) throw new ExtractError(`cannot be read as text: ${BINARY_HINT}`);
  return { text, warning };
}

const utf32 = 'is UTF-32 text, which plain-send does not read: save it as UTF-8 (in Notepad: Save as, Encoding UTF-8).';

/** More than one character in ten unreadable in the first 64 KB (and more than a few): not text with a few bad bytes. */
function mostlyNotText(text: string): boolean {
  const head = text.slice(0, 65_536);
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27)) bad++;
  }
  return bad >= 8 && bad * 10 > head.length;
}
