/**
 * Splits text into paragraphs, sentences and words, keeping UTF-16 offsets.
 *
 * Real SEND writing is full of headings, bullets and table cells, one to a line, so by
 * default every line break ends a sentence (`lineBreaks: 'hard'`). Markdown and other
 * hard-wrapped text joins single line breaks inside a paragraph (`'soft'`), except before
 * a list item or heading.
 */

export type LineBreakMode = 'hard' | 'soft';

export interface Span {
  start: number;
  end: number;
}

export interface Word extends Span {
  text: string;
}

export interface Sentence extends Span {
  words: Word[];
}

/**
 * One word: letters, digits and marks, joined by an inner apostrophe, hyphen or full stop when a
 * letter or digit follows; what `[\p{L}\p{N}\p{M}]+(?:['’‘\-‐‑.](?=[\p{L}\p{N}])[\p{L}\p{N}\p{M}]+)*`
 * (flags `gu`) finds. Scanned by hand in {@link words}: the expression's backtracking stack
 * overflows on one word millions of characters long ("A.A.A.…").
 */
const WORD_JOINERS = new Set([..."'’‘-‐‑."].map((c) => c.charCodeAt(0)));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;
const MARK = /\p{M}/uy;
const NONE = { kind: 0, size: 1 } as const;
const LETTER1 = { kind: 2, size: 1 } as const;
const LETTER2 = { kind: 2, size: 2 } as const;
const MARK1 = { kind: 1, size: 1 } as const;
const MARK2 = { kind: 1, size: 2 } as const;

/** What starts at `i`: a letter or digit (kind 2), a combining mark (1) or neither (0), and its length in code units. */
function wordCharAt(text: string, i: number): { kind: 0 | 1 | 2; size: number } {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? LETTER1 : NONE;
  // A trailing surrogate here stands alone (a sticky expression would step back onto a pair).
  if (c >= 0xdc00 && c <= 0xdfff) return NONE;
  LETTER_OR_DIGIT.lastIndex = i;
  if (LETTER_OR_DIGIT.test(text)) return LETTER_OR_DIGIT.lastIndex - i === 1 ? LETTER1 : LETTER2;
  MARK.lastIndex = i;
  if (MARK.test(text)) return MARK.lastIndex - i === 1 ? MARK1 : MARK2;
  return NONE;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'eg',
  'i.e',
  'ie',
  'etc',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'no',
  'nos',
  'approx',
  'vs',
  'cf',
  'incl',
  'dept',
  'tel',
  'ref',
  'p',
  'pp',
  'para',
  'paras',
  'fig',
  'vol',
  'ch',
  'sec',
  'mt',
  'prof',
  'rev',
  'cllr',
]);
/** These never end a sentence, even before a capital. */
const NEVER_FINAL = new Set(['e.g', 'eg', 'i.e', 'ie', 'mr', 'mrs', 'ms', 'dr', 'prof', 'cllr', 'cf', 'vs', 'tel']);

const HEADING = /^[ \t]*#{1,6}\s/;
const BLOCK_START = /^[ \t]*(?:[-*+•◦▪‣–]\s|\d+[.)]\s|#{1,6}\s|>\s?)/;

/**
 * Paragraph spans. In `'hard'` mode each non-empty line is a paragraph (as in editors, where
 * each block is one line of extracted text). In `'soft'` mode paragraphs are separated by
 * blank lines, and lists items and headings stand alone.
 */
export function paragraphs(text: string, mode: LineBreakMode = 'hard'): Span[] {
  const spans: Span[] = [];
  let start = -1;
  let previousLineStart = 0;
  const n = text.length;
  // Line breaks found by `indexOf` (native, not a call per character): this runs on every keystroke.
  // The next `\n` and the next `\r` are each kept until passed, so both searches stay linear.
  let nextLf = -1;
  let nextCr = text.indexOf('\r') < 0 ? n : -1;
  for (let lineStart = 0; lineStart <= n;) {
    if (nextLf < lineStart) nextLf = indexOrEnd(text, '\n', lineStart);
    if (nextCr < lineStart) nextCr = indexOrEnd(text, '\r', lineStart);
    const lineEnd = nextLf < nextCr ? nextLf : nextCr;
    if (mode === 'hard') {
      const span = trim(text, lineStart, lineEnd);
      if (span.start < span.end) spans.push(span);
    } else if (isBlank(text, lineStart, lineEnd)) {
      if (start >= 0) spans.push(trim(text, start, lastContentEnd(text, start, lineStart)));
      start = -1;
    } else if (start < 0) {
      start = lineStart;
    } else if (
      BLOCK_START.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 12))) ||
      HEADING.test(text.slice(previousLineStart, previousLineStart + 8))
    ) {
      spans.push(trim(text, start, lastContentEnd(text, start, lineStart)));
      start = lineStart;
    }
    previousLineStart = lineStart;
    lineStart = lineEnd + (lineEnd === nextCr && nextLf === lineEnd + 1 ? 2 : 1);
  }
  if (mode === 'soft' && start >= 0) spans.push(trim(text, start, n));
  return spans;
}

function indexOrEnd(text: string, what: string, from: number): number {
  const at = text.indexOf(what, from);
  return at < 0 ? text.length : at;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function lastContentEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function trim(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 0xa0 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x200b ||
    c === 0xfeff ||
    c === 11 ||
    c === 12 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a)
  );
}

/** Words in `text[start, end)`, with offsets into `text`. One pass, each character looked at once or twice. */
export function words(text: string, start = 0, end = text.length): Word[] {
  const out: Word[] = [];
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  const n = slice.length;
  let i = 0;
  while (i < n) {
    let ch = wordCharAt(slice, i);
    if (ch.kind === 0) {
      i++;
      continue;
    }
    const from = i;
    for (;;) {
      while (ch.kind !== 0) {
        i += ch.size;
        if (i >= n) break;
        ch = wordCharAt(slice, i);
      }
      // A joiner continues the word only when a letter or digit follows it.
      if (i + 1 >= n || !WORD_JOINERS.has(slice.charCodeAt(i))) break;
      ch = wordCharAt(slice, i + 1);
      if (ch.kind !== 2) break;
      i++;
    }
    out.push({ start: start + from, end: start + i, text: slice.slice(from, i) });
  }
  return out;
}

/**
 * Sentences of one paragraph (`text` is the paragraph). A sentence ends at `.`, `!`, `?`
 * (followed by space or the end, not after an abbreviation) and at a line break. A list
 * marker at the start ("1.", "b)", "iv.") is not a word. Segments with no words are dropped.
 */
export function sentences(text: string): Sentence[] {
  return sentencesOf(text, words(text));
}

/** {@link sentences}, from the paragraph's words found already (the engine's one scan). */
export function sentencesOf(text: string, all: readonly Word[]): Sentence[] {
  const out: Sentence[] = [];
  /** Index of the sentence's first word; -1 between sentences. A sentence's words are a run of `all`. */
  let first = -1;
  let sentenceStart = 0;
  /** End of the sentence before. */
  let floor = 0;
  for (let w = 0; w < all.length; w++) {
    const word = all[w];
    if (first < 0) {
      if (isListMarker(text, word)) continue;
      first = w;
      sentenceStart = withOpeningPunctuation(text, word.start, floor);
    }
    const next = w + 1 < all.length ? all[w + 1] : undefined;
    const gapEnd = next ? next.start : text.length;
    // Most gaps are one space, which ends nothing.
    if (gapEnd - word.end === 1 && text.charCodeAt(word.end) === SPACE) continue;
    const end = endsSentence(text, word, gapEnd, next);
    if (end < 0) continue;
    out.push({ start: sentenceStart, end, words: all.slice(first, w + 1) });
    floor = end;
    first = -1;
  }
  if (first >= 0) out.push({ start: sentenceStart, end: text.length, words: all.slice(first) });
  return out;
}

const SPACE = 32;
const FULL_STOP = 46;

/** What may follow a sentence's terminal and still belong to it: more terminals, closing quotes and brackets. */
const CLOSING = new Set([...'.!?…"\'”’)]'].map((c) => c.charCodeAt(0)));

/** If the gap after `word` ends the sentence, the sentence's end offset (after closing punctuation); else -1. */
function endsSentence(text: string, word: Word, gapEnd: number, next: Word | undefined): number {
  let lastTerminal = -1;
  for (let i = word.end; i < gapEnd; i++) {
    const c = text.charCodeAt(i);
    // \n, \r, LINE SEPARATOR, PARAGRAPH SEPARATOR
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029)
      return lastTerminal >= 0 ? lastTerminal : trimEnd(text, word.end, i);
    // . ! ? … 。
    if (c === FULL_STOP || c === 33 || c === 63 || c === 0x2026 || c === 0x3002) {
      if (c === FULL_STOP && i === word.end && isAbbreviation(word, next)) continue;
      // Closing quotes and brackets belong to the sentence they end.
      let j = i + 1;
      while (j < gapEnd && CLOSING.has(text.charCodeAt(j))) j++;
      // Every terminal inside this run would reach the same `j`: skip the run (linear on "!!!!…").
      const runEnd = j;
      i = runEnd - 1;
      // The terminal runs straight into the next word ("2.5", "www.x"): not an end.
      if (next && runEnd === next.start) continue;
      lastTerminal = runEnd;
    }
  }
  return lastTerminal;
}

/** Opening quotes and brackets just before a sentence's first word belong to it: " ' “ ‘ ( [ */
function withOpeningPunctuation(text: string, start: number, floor: number): number {
  for (; start > floor; start--) {
    const c = text.charCodeAt(start - 1);
    if (c !== 34 && c !== 39 && c !== 0x201c && c !== 0x2018 && c !== 40 && c !== 91) break;
  }
  return start;
}

function isListMarker(text: string, word: Word): boolean {
  const after = text.charCodeAt(word.end);
  // "." or ")", then a space or the end.
  if (after !== FULL_STOP && after !== 41) return false;
  if (word.end + 1 < text.length && !isSpace(text.charCodeAt(word.end + 1))) return false;
  return /^(?:\d{1,3}|[a-z]|[ivx]{1,4})$/i.test(word.text);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function isAbbreviation(word: Word, next: Word | undefined): boolean {
  // A word of one run is its token, whose lower case is made once per spelling.
  const lower = (word as { lower?: string }).lower ?? word.text.toLowerCase();
  if (!ABBREVIATIONS.has(lower)) {
    // A single capital initial ("J. Smith") does not end a sentence.
    const text = word.text;
    return text.length === 1 && text >= 'A' && text <= 'Z' && next !== undefined && startsWithCapital(next.text);
  }
  if (NEVER_FINAL.has(lower)) return true;
  return next !== undefined && !startsWithCapital(next.text);
}

/** `/^\p{Lu}/u`, by code for ASCII (most words before and after a full stop). */
function startsWithCapital(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(text);
}
