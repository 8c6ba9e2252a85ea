/**
 * Edits to the writer's text put back into the body they came from: the words change, the
 * markup around them stays (bold stays bold), the signature and the quoted reply are not
 * touched, and in HTML a new line is a line break. One linear pass over the body.
 */
import { orderedEdits, type TextEdit } from '../../engine/index.js';
import type { BodyModel } from './body-text.js';

const TAG = /<(\/?)([a-z][\w:-]*)(?:[\s/](?:[^>"']|"[^"]*"|'[^']*')*)?>|<!--[\s\S]*?-->/gi;
const INLINE_VOID = new Set(['br', 'wbr']);
const BLOCK =
  /^(?:address|article|aside|blockquote|center|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|li|main|nav|ol|p|pre|section|ul)$/;
const VOID = /^(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)$/;

/** Where text offset `i` is in the body: the start of its character (a tag's line break: the tag's start). */
function rawAt(model: BodyModel, i: number): number {
  const n = model.text.length;
  if (i >= n) return n ? model.to[n - 1] : 0;
  return model.from[i] >= 0 ? model.from[i] : model.to[i];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}

/**
 * The tags a replaced stretch of HTML had that must stay for the markup to stay whole: tags
 * opened or closed outside it (a bold that started before the word). Line breaks go (the new
 * text brings its own), and paragraphs the stretch ran across are joined, as a person
 * deleting across them would.
 */
function keptTags(removed: string): string {
  const unmatched: { name: string; closing: boolean; tag: string }[] = [];
  for (const m of removed.matchAll(TAG)) {
    if (!m[2]) continue; // a comment
    const name = m[2].toLowerCase();
    if (VOID.test(name) || m[0].endsWith('/>')) {
      if (!INLINE_VOID.has(name)) unmatched.push({ name, closing: false, tag: m[0] });
      continue;
    }
    const closing = m[1] === '/';
    if (closing) {
      const open = unmatched.findLastIndex((u) => !u.closing && u.name === name && !VOID.test(u.name));
      if (open >= 0 && unmatched.slice(open + 1).every((u) => VOID.test(u.name))) {
        unmatched.splice(open, 1);
        continue;
      }
    }
    unmatched.push({ name, closing, tag: m[0] });
  }
  const blocks = unmatched.filter((u) => BLOCK.test(u.name));
  const closes = blocks.filter((u) => u.closing).length;
  const join = closes === blocks.length - closes;
  return unmatched
    .filter((u) => !(join && BLOCK.test(u.name)))
    .map((u) => u.tag)
    .join('');
}

/** The body with `edits` (offsets into `model.text`) made. */
export function applyBodyEdits(body: string, model: BodyModel, edits: Iterable<TextEdit>): string {
  const parts: string[] = [];
  let at = 0;
  const crlf = model.type === 'text' && body.includes('\r\n');
  for (const e of orderedEdits(edits)) {
    const start = rawAt(model, e.start);
    const end = e.end > e.start ? rawAt(model, e.end) : start;
    parts.push(body.slice(at, start));
    if (model.type === 'html') {
      parts.push(escapeHtml(e.text), keptTags(body.slice(start, end)));
    } else parts.push(crlf ? e.text.replace(/\n/g, '\r\n') : e.text);
    at = end;
  }
  parts.push(body.slice(at));
  return parts.join('');
}
