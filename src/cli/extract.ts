/**
 * Turns a file into the text the engine checks. Offsets in findings are into this text:
 * for .txt and .md the file's own text (less a leading byte-order mark); for .html and .docx
 * the extracted text, one line per paragraph, heading, list item or table cell.
 */
import { Parser } from 'htmlparser2';
import mammoth from 'mammoth';
import type { LineBreakMode } from '../engine/index.js';

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
  const { text, warning } = decodeUtf8(bytes);
  if (kind === 'html') return { text: htmlToText(text), lineBreaks: 'hard', warning };
  return { text, lineBreaks: kind === 'markdown' ? 'soft' : 'hard', warning };
}

function decodeUtf8(bytes: Uint8Array): { text: string; warning?: string } {
  let text: string;
  let warning: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    warning = 'some bytes are not valid UTF-8 and were read as \uFFFD; save the file as UTF-8 for exact offsets.';
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, warning };
}

async function extractDocx(bytes: Uint8Array): Promise<Extracted> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new ExtractError('is not a Word .docx file (a .docx file is a zip archive).');
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { text: value.replace(/\n\n/g, '\n'), lineBreaks: 'hard' };
  } catch (error) {
    throw new ExtractError(`could not be read as a Word document (${(error as Error).message.split('\n')[0]}).`);
  }
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
          'hidden' in attributes ||
          attributes['aria-hidden'] === 'true' ||
          /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attributes.style ?? '');
        const skips = SKIP.has(name) || hidden;
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
