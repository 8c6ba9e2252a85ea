/**
 * An email body as the text its writer wrote: HTML or plain text in, the words before the
 * signature and the quoted reply out, each character mapped back to where it is in the body so
 * edits can be made there. No DOM (the send check runs where there is none), one pass over the
 * body, and the same text for the send check and the pane.
 */

import { BLOCK_ELEMENTS as BLOCK } from '../../engine/text/html-blocks.js';

export type BodyType = 'html' | 'text';

export interface BodyModel {
  type: BodyType;
  /** The writer's part as plain text: one line per block (paragraph, list item, line break). */
  text: string;
  /**
   * For each character of `text`, where it starts in the body, or -1 for a line break made by a
   * tag (those have the tag's start in `at`).
   */
  from: Int32Array;
  /** For each character of `text`: where it ends in the body (exclusive); for a tag's line break, the tag's start. */
  to: Int32Array;
  /** Where the writer's part ends in the body: the signature, the quoted reply, or the end. */
  end: number;
}

/** Ids and names Outlook and other mail programs give the element around a signature or a quoted message. */
const MARKER_ID =
  /^(?:x_)*(?:Signature|divRplyFwdMsg|appendonsend|ms-outlook-mobile-signature|mail-editor-reference-message-container|_MailAutoSig|_MailOriginal|OLK_SRC_BODY_SECTION)\b/i;
/** Their classes for the same. */
const MARKER_CLASS = /\b(?:gmail_quote|gmail_signature|moz-cite-prefix|moz-signature)\b/i;
const ATTRIBUTE = /(?<![\w:-])([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

/** Whether a tag's attributes mark the start of a signature or a quoted message. */
export function isMarker(name: string, attributes: string): boolean {
  for (const m of attributes.matchAll(ATTRIBUTE)) {
    const key = m[1].toLowerCase();
    const value = m[2] ?? m[3] ?? m[4];
    if ((key === 'id' || key === 'name') && MARKER_ID.test(value)) return true;
    if (key === 'class' && MARKER_CLASS.test(value)) return true;
    if (key === 'type' && name === 'blockquote' && value.toLowerCase() === 'cite') return true;
  }
  return false;
}

/** Whose contents are never text of the message. */
const HIDDEN = new Set(['head', 'style', 'script', 'title', 'xml', 'template', 'noscript']);

/** A tag, a comment, a declaration, or a run of text up to the next `<`. */
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!(?!--)[^>]*>?|<\?[^>]*>?|<(\/?)([a-z][\w:-]*)((?:[\s/](?:[^>"']|"[^"]*"|'[^']*')*)?)>|[^<]+|</;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ENTITY = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]{2,8}));/iy;

/** Grows a text and its maps without quadratic copying. */
class Builder {
  chars: string[] = [];
  from: number[] = [];
  to: number[] = [];
  push(c: string, from: number, to: number): void {
    this.chars.push(c);
    this.from.push(from);
    this.to.push(to);
  }
  last(): string | undefined {
    return this.chars[this.chars.length - 1];
  }
  /** A line break for a block's edge, unless at a line's start already. */
  newline(at: number): void {
    if (this.chars.length && this.last() !== '\n') this.push('\n', -1, at);
  }
  /** Drops spaces at the end of the last line (HTML does not show them). */
  trimLineEnd(): void {
    while (this.chars.length && (this.last() === ' ' || this.last() === '\t')) {
      this.chars.pop();
      this.from.pop();
      this.to.pop();
    }
  }
  model(type: BodyType, end: number, cutAt = this.chars.length): BodyModel {
    let n = cutAt;
    while (n > 0 && /\s/.test(this.chars[n - 1])) n--; // no trailing blank lines
    return {
      type,
      text: this.chars.slice(0, n).join(''),
      from: Int32Array.from(this.from.slice(0, n)),
      to: Int32Array.from(this.to.slice(0, n)),
      end,
    };
  }
}

/** The writer's part of an HTML body. */
export function htmlModel(html: string): BodyModel {
  const out = new Builder();
  const re = new RegExp(TOKEN.source, 'giy');
  let hidden: string | undefined;
  let end = html.length;
  for (let at = 0; at < html.length;) {
    re.lastIndex = at;
    const m = re.exec(html);
    if (!m) break; // cannot happen: the last alternative matches any `<`
    const start = at;
    at = re.lastIndex;
    const token = m[0];
    const name = m[2]?.toLowerCase();
    if (name !== undefined) {
      const closing = m[1] === '/';
      if (hidden) {
        if (closing && name === hidden) hidden = undefined;
        continue;
      }
      if (!closing && HIDDEN.has(name) && !token.endsWith('/>')) {
        hidden = name;
        continue;
      }
      if (!closing && m[3] && isMarker(name, m[3])) {
        end = start;
        break;
      }
      if (name === 'br') {
        out.trimLineEnd();
        out.push('\n', -1, start);
      } else if (BLOCK.has(name)) {
        out.trimLineEnd();
        out.newline(start);
      } else if (name === 'img' || name === 'td') out.trimLineEnd();
      continue;
    }
    if (hidden || token[0] === '<') continue; // comments, declarations, a stray `<`
    textRun(html, start, at, out);
  }
  const cut = replyHeaderLine(out.chars.join(''));
  if (cut !== undefined) {
    // The first character of the reply's header line: the body ends where its text starts.
    let i = cut;
    while (i < out.from.length && out.from[i] < 0) i++;
    end = i < out.from.length ? out.from[i] : end;
    // Back to the start of the element that holds it would be kinder to the markup; the text is what counts.
  }
  return out.model('html', end, cut);
}

/** Decodes the entities of a run of text and folds its white space as a browser shows it. */
function textRun(html: string, start: number, stop: number, out: Builder): void {
  for (let i = start; i < stop;) {
    const c = html[i];
    if (c === '&') {
      ENTITY.lastIndex = i;
      const e = ENTITY.exec(html);
      if (e && e.index === i) {
        const code = e[1] ? Number(e[1]) : e[2] ? parseInt(e[2], 16) : undefined;
        const decoded =
          code !== undefined
            ? code > 0 && code <= 0x10ffff
              ? String.fromCodePoint(code)
              : '\ufffd'
            : NAMED[e[3].toLowerCase()];
        if (decoded !== undefined) {
          const next = i + e[0].length;
          for (const unit of splitUnits(decoded)) out.push(unit, i, next);
          i = next;
          continue;
        }
      }
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      let j = i + 1;
      while (j < stop && /[ \t\n\r\f]/.test(html[j])) j++;
      const last = out.last();
      if (last !== undefined && last !== '\n' && last !== ' ') out.push(' ', i, j);
      i = j;
      continue;
    }
    out.push(c, i, i + 1);
    i++;
  }
}

/** A decoded entity as UTF-16 units (an astral character is two, both mapped to the entity). */
function splitUnits(s: string): string[] {
  return s.length === 1 ? [s] : s.split('');
}

/**
 * Where a reply's header starts in a text: "-----Original Message-----", Outlook's line of
 * underscores, a "From:" line followed within four lines by "Sent:" or "Date:", or
 * "On … wrote:". Undefined when there is none.
 */
export function replyHeaderLine(text: string): number | undefined {
  const lines: { start: number; line: string }[] = [];
  for (let start = 0; start <= text.length;) {
    const n = text.indexOf('\n', start);
    const stop = n < 0 ? text.length : n;
    lines.push({ start, line: text.slice(start, stop).trim() });
    start = stop + 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const { start, line } = lines[i];
    if (/^-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}$/i.test(line)) return start;
    if (/^_{10,}$/.test(line) && /^From:/i.test(lines[i + 1]?.line ?? '')) return start;
    if (/^From:\s*\S/i.test(line) && lines.slice(i + 1, i + 5).some((l) => /^(?:Sent|Date):\s*\S/i.test(l.line)))
      return start;
    if (/^On .{4,200} wrote:$/.test(line)) return start;
  }
  return undefined;
}

/** The writer's part of a plain-text body: up to the signature ("-- ") or the quoted reply. */
export function textModel(body: string): BodyModel {
  const text = body.replace(/\r\n?/g, '\n');
  // Offsets into the body: "\r\n" became one character.
  const map: number[] = [];
  for (let i = 0; i < body.length; i++) {
    map.push(i);
    if (body[i] === '\r' && body[i + 1] === '\n') i++;
  }
  let cut = replyHeaderLine(text) ?? text.length;
  const sig = /(?:^|\n)-- ?\n/.exec(text.slice(0, cut));
  if (sig) cut = sig.index + (sig[0][0] === '\n' ? 1 : 0);
  const quote = /(?:^|\n)>/.exec(text.slice(0, cut));
  if (quote) cut = quote.index + (quote[0][0] === '\n' ? 1 : 0);
  let n = cut;
  while (n > 0 && /\s/.test(text[n - 1])) n--;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    from[i] = map[i];
    to[i] = map[i] + (body[map[i]] === '\r' && body[map[i] + 1] === '\n' ? 2 : 1);
  }
  return { type: 'text', text: text.slice(0, n), from, to, end: cut < text.length ? map[cut] : body.length };
}

export function bodyModel(body: string, type: BodyType): BodyModel {
  return type === 'html' ? htmlModel(body) : textModel(body);
}

/** The text the writer wrote, for the send check. */
export function writerText(body: string, type: BodyType): string {
  return bodyModel(body, type).text;
}
