/**
 * Turns a file into the text the engine checks. Offsets in findings are into this text:
 * for .txt and .md the file's own text (less a leading byte-order mark); for .html and .docx
 * the extracted text, one line per paragraph, heading, list item or table cell.
 */
import { Parser } from 'htmlparser2';
import mammoth from 'mammoth';
import type { LineBreakMode } from '../engine/index.js';
import { checkDocxZip, ZipProblem } from './zip-limits.js';

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

export async function extract(bytes: Uint8Array, kind: FileKind): Promise<Extracted> {
  if (kind === 'docx') return extractDocx(bytes);
  const { text, warning } = decodeText(bytes);
  if (kind === 'html') return { text: htmlToText(text), lineBreaks: 'hard', warning };
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

async function extractDocx(bytes: Uint8Array): Promise<Extracted> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new ExtractError('is not a Word .docx file (a .docx file is a zip archive).');
  try {
    checkDocxZip(bytes);
  } catch (error) {
    if (error instanceof ZipProblem) throw new ExtractError(error.message);
    throw error;
  }
  try {
    const { value } = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    });
    return { text: value.replace(/\n\n/g, '\n'), lineBreaks: 'hard' };
  } catch (error) {
    throw new ExtractError(`could not be read as a Word document: ${plainDocxError(error)}`);
  }
}

/** mammoth's and its zip and XML readers' messages, in plain words (the first line only, shortened). */
function plainDocxError(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  if (/word\/document\.xml|Could not find (?:main|file)/i.test(message))
    return 'it has no document text inside (word/document.xml is missing). Check it is a Word document, not one renamed to .docx.';
  if (/entity|doctype/i.test(message))
    return 'its XML uses entities or a document type declaration, which Word never writes. Open it in Word and save it again.';
  if (/zip|central directory|signature|corrupt|crc|inflat|invalid (?:code|block|distance|stored)/i.test(message))
    return 'the zip archive is damaged. Open it in Word and save it again.';
  if (/xml|tag|attribute|parse/i.test(message))
    return 'its XML is damaged. Open it in Word and save it again, or save it as .txt.';
  return `${message.split('\n')[0].slice(0, 200)}. Open it in Word and save it again, or save it as .txt.`;
}

export class ExtractError extends Error {}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'svg',
  'math',
  'object',
  'iframe',
  'canvas',
  'select',
  'textarea',
  'button',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'option',
  'legend',
  'body',
]);

/**
 * How deeply elements may nest. Real pages stay well under 100, and browsers stop nesting at
 * 512. htmlparser2 keeps open elements in an array it adds to at the front, so time grows with
 * the square of the depth: 100,000 levels took seconds; at 512, a megabyte reads as fast as flat HTML.
 */
export const MAX_HTML_DEPTH = 512;

/** Visible text of an HTML page: blocks on lines of their own, scripts, styles and hidden parts left out. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = '';
  let skipDepth = 0;
  const stack: boolean[] = [];
  const breakLine = () => {
    const trimmed = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (trimmed) out.push(trimmed);
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const hidden =
          Object.hasOwn(attributes, 'hidden') ||
          attributes['aria-hidden'] === 'true' ||
          /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attributes.style ?? '');
        const skips = SKIP.has(name) || hidden;
        if (stack.length >= MAX_HTML_DEPTH)
          throw new ExtractError(
            `has elements nested more than ${MAX_HTML_DEPTH} deep, which plain-send does not read (real pages are far shallower). Check it is the page you meant, or save it as .txt.`,
          );
        stack.push(skips);
        if (skips) skipDepth++;
        if (skipDepth === 0 && BLOCK.has(name)) breakLine();
        if (skipDepth === 0 && name === 'img' && attributes.alt) line += ` ${attributes.alt} `;
      },
      ontext(text) {
        if (skipDepth === 0) line += text.replace(/\s+/g, ' ');
      },
      onclosetag(name, isImplied) {
        if (isImplied && !stack.length) return;
        if (stack.pop()) skipDepth--;
        if (skipDepth === 0 && BLOCK.has(name)) breakLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  breakLine();
  return out.join('\n');
}
