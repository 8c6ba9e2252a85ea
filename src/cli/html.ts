/** The HTML reader (htmlparser2), loaded only when an .html file is read. */
import { Parser } from 'htmlparser2';
import { BLOCK_ELEMENTS as BLOCK } from '../engine/text/html-blocks.js';
import { ExtractError } from './problem.js';

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
