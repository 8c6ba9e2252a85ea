/**
 * One document's bytes, from a website or a folder, turned into the text the engine checks,
 * its title, and (for a web page) the links it holds. Reuses the check command's readers for
 * HTML, Word and plain text; PDFs go to pdf.js.
 */
import { Parser } from 'htmlparser2';
import type { LineBreakMode } from '../../engine/index.js';
import { ExtractError, decodeText, extract } from '../extract.js';
import { htmlToText } from '../html.js';
import { pdfText } from './pdf-text.js';

export type DocumentKind = 'html' | 'docx' | 'pdf' | 'text' | 'markdown';

export interface ReadDocument {
  text: string;
  lineBreaks: LineBreakMode;
  title: string;
  /** Link targets as written (`href`), resolved later against `base`. */
  links: string[];
  /** A `<base href>`, if the page has one. */
  base?: string;
  warning?: string;
}

/** Links taken from one page: a real page has hundreds at most. */
export const MAX_LINKS_PER_PAGE = 5_000;
const MAX_TITLE = 200;

/** What kind of document a response is, from its type and (for a generic type) its address. */
export function kindOfResponse(contentType: string, url: string): DocumentKind | undefined {
  const type = contentType.split(';')[0].trim();
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/pdf') return 'pdf';
  if (type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  if (type === 'text/plain') return ext === 'md' ? 'markdown' : 'text';
  if (type === 'text/markdown') return 'markdown';
  if (
    type === '' ||
    type === 'application/octet-stream' ||
    type === 'application/zip' ||
    type === 'binary/octet-stream'
  ) {
    if (ext === 'pdf') return 'pdf';
    if (ext === 'docx') return 'docx';
    if (type === '' && (ext === 'html' || ext === 'htm')) return 'html';
  }
  return undefined;
}

/** A document's kind from its file name (folder audits). */
export function kindOfPath(path: string): DocumentKind | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'txt' || ext === 'text') return 'text';
  return undefined;
}

export async function readDocument(
  bytes: Uint8Array,
  kind: DocumentKind,
  fallbackTitle: string,
  contentType = '',
): Promise<ReadDocument> {
  if (kind === 'pdf') {
    const { text, warning } = await pdfText(bytes);
    return { text, lineBreaks: 'soft', title: firstLine(text) || fallbackTitle, links: [], warning };
  }
  if (kind === 'html') {
    const { text: html, warning } = decodeHtml(bytes, contentType);
    // htmlToText refuses absurd nesting first, so the link pass below never meets it.
    const text = htmlToText(html);
    const { title, links, base } = htmlLinks(html);
    return { text, lineBreaks: 'hard', title: title || fallbackTitle, links, base, warning };
  }
  const { text, lineBreaks, warning } = await extract(bytes, kind);
  return { text, lineBreaks, title: firstLine(text) || fallbackTitle, links: [], warning };
}

/** UTF-8 (the web's default) unless the server names another encoding the runtime knows. */
function decodeHtml(bytes: Uint8Array, contentType: string): { text: string; warning?: string } {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase();
  if (charset && WINDOWS_1252_LABELS.has(charset)) return { text: windows1252(bytes) };
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return { text: new TextDecoder(charset).decode(bytes) };
    } catch {
      // An encoding the runtime does not know: read as UTF-8 below.
    }
  }
  return decodeText(bytes);
}

/** The WHATWG Encoding Standard reads all these labels as windows-1252. */
const WINDOWS_1252_LABELS = new Set([
  'windows-1252',
  'iso-8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
  'cp1252',
  'x-cp1252',
]);
/** windows-1252's bytes 0x80 to 0x9f (0 where the encoding has no character: read as U+FFFD). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Node 20's TextDecoder drops bytes 0x80 to 0x9f in windows-1252 (curly quotes, dashes), so it is decoded here. */
function windows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += 8192) {
    const codes = Array.from(bytes.subarray(at, at + 8192), (b) =>
      b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] || 0xfffd : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function firstLine(text: string): string {
  const line = /^\s*(\S[^\n]*)/.exec(text.slice(0, 2000))?.[1] ?? '';
  return line.trim().slice(0, MAX_TITLE);
}

/** The page's title, its `<base href>` and its links (a, area), in one pass. */
export function htmlLinks(html: string): { title: string; links: string[]; base?: string } {
  const links: string[] = [];
  let title = '';
  let inTitle = false;
  let base: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if ((name === 'a' || name === 'area') && attributes.href && links.length < MAX_LINKS_PER_PAGE)
          links.push(attributes.href.slice(0, 2048));
        else if (name === 'base' && attributes.href && base === undefined) base = attributes.href.slice(0, 2048);
        else if (name === 'title' && !title) inTitle = true;
      },
      ontext(text) {
        if (inTitle && title.length < MAX_TITLE) title += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return { title: title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE), links, base };
}

export { ExtractError };
