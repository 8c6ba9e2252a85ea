/**
 * Acronyms the text explains itself: "Education, Health and Care Plan (EHCP)",
 * "EHCP (Education, Health and Care Plan)", and glossary lines such as "SENCO – Special
 * Educational Needs Coordinator". The long form is checked letter by letter against the
 * short form (Schwartz and Hearst, 2003), so "(see page 4)" or "(PDF)" after an unrelated
 * phrase is not taken for an explanation.
 */
import { isAcronymLike } from './glossary.js';

export interface Explanation {
  /** The short form as written, without a plural `s`. */
  acronym: string;
  expansion: string;
  /** The whole pattern, long form and short form together. */
  start: number;
  end: number;
  /** Where the long form itself stands (`expansion` is its text). */
  longStart: number;
  longEnd: number;
}

const PARENS = /\(([^()\n]{1,200})\)/g;
const CLAUSE_BREAK = /[.!?:;()\n\u2028]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;
const SPACE = /\s/;
/** Two or more capitals each followed by a full stop, the last one's optional: "A.L.N.", "T.U.P". */
const DOTTED = /^(?:\p{Lu}\.){1,11}\p{Lu}\.?$/u;

export function findExplanations(text: string): Explanation[] {
  const out: Explanation[] = [];
  // Most paragraphs have no bracket: `includes` finds that faster than the expression.
  if (text.includes('('))
    for (const m of text.matchAll(PARENS)) {
      const open = m.index;
      const close = open + m[0].length;
      const inner = m[1].trim();
      const shortInside = shortForm(inner);
      if (shortInside) {
        // "long form (SF)": look back over at most min(|SF| + 5, 2|SF|) words in the same clause.
        const before = clauseBefore(text, open);
        const long = longFormFor(
          shortInside,
          lastWords(before.text, Math.min(shortInside.length + 5, shortInside.length * 2)),
        );
        if (long) {
          const start = before.start + before.text.length - long.fromEnd;
          out.push({
            acronym: shortInside,
            expansion: long.text,
            start,
            end: close,
            longStart: start,
            longEnd: start + long.text.length,
          });
        }
        continue;
      }
      // "SF (long form)"
      const prev = wordBefore(text, open);
      const shortBefore = prev ? shortForm(prev.word) : undefined;
      if (prev && shortBefore && /\s/.test(inner)) {
        const long = longFormFor(shortBefore, inner);
        if (long && long.fromEnd >= inner.length - 4) {
          const longStart = open + 1 + m[1].indexOf(inner);
          out.push({
            acronym: shortBefore,
            expansion: inner,
            start: prev.start,
            end: close,
            longStart,
            longEnd: longStart + inner.length,
          });
        }
      }
    }
  const line = glossaryLine(text);
  if (line) {
    const sf = shortForm(line.head);
    const rest = line.body.split(/[.;(]/)[0].trim();
    const long = sf ? longFormFor(sf, rest) : undefined;
    if (sf && long && long.fromEnd >= rest.length - 4) {
      const longStart = text.length - line.body.length + line.body.indexOf(rest);
      out.push({
        acronym: sf,
        expansion: rest,
        start: 0,
        end: text.length,
        longStart,
        longEnd: longStart + rest.length,
      });
    }
  }
  return out;
}

/** The short form if `written` is one (`EHCP`, `SaLT`, `EHCPs` → `EHCP`, `A.L.N.` → `ALN`). */
function shortForm(written: string): string | undefined {
  // Written with full stops ("A.L.N."): the short form is its letters.
  const word = DOTTED.test(written) ? written.replaceAll('.', '') : written;
  if (!isAcronymLike(word) || word.length > 12) return undefined;
  return word.length > 2 && word.endsWith('s') && /\p{Lu}/u.test(word[word.length - 2]) ? word.slice(0, -1) : word;
}

function clauseBefore(text: string, end: number): { start: number; text: string } {
  let start = end;
  while (start > 0 && end - start < 300 && !CLAUSE_BREAK.test(text[start - 1])) start--;
  return { start, text: text.slice(start, end).trimEnd() };
}

/** The letters and digits just before `open` and any spaces (within 20 characters), as `/([\p{L}\p{N}]+)\s*$/u` would find them. */
function wordBefore(text: string, open: number): { word: string; start: number } | undefined {
  const floor = Math.max(0, open - 20);
  let end = open;
  while (end > floor && SPACE.test(text[end - 1])) end--;
  let start = end;
  for (;;) {
    const pair = start - 2 >= floor && isSurrogatePair(text, start - 2);
    const size = pair ? 2 : 1;
    if (start - size < floor || !isLetterOrDigit(text, start - size)) break;
    start -= size;
  }
  return start < end ? { word: text.slice(start, end), start } : undefined;
}

const SEPARATORS = new Set(['-', '–', '—', ':', '=']);
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * A glossary line, "SENCO – Special Educational Needs Coordinator" or "SENCO<tab>Special…": a
 * head of 2 to 12 letters or digits, spaces, a dash, colon or equals sign (or a tab), then 3 to
 * 200 characters to the end. A scanner that does what
 * `/^([\p{L}\p{N}]{2,12})[ \t]*(?:[-–—:=][ \t]*|\t)([^\n]{3,200})$/u` did, without that
 * expression's backtracking over a long run of spaces and tabs.
 */
export function glossaryLine(text: string): { head: string; body: string } | undefined {
  if (text.includes('\n')) return undefined;
  const n = text.length;
  let i = 0;
  let letters = 0;
  while (i < n && isLetterOrDigit(text, i)) {
    i += isSurrogatePair(text, i) ? 2 : 1;
    if (++letters > 12) return undefined;
  }
  if (letters < 2) return undefined;
  let w = i;
  while (w < n && isBlank(text[w])) w++;
  const separator = w < n && SEPARATORS.has(text[w]);
  if (!separator && !text.slice(i, w).includes('\t')) return undefined; // most paragraphs: a word, then a space
  const head = text.slice(0, i);
  // Where the body may start: 3 to 200 code points before the end.
  const latest = startOfLast(text, 3);
  const earliest = Math.max(0, startOfLast(text, 200));
  if (latest < 0) return undefined;
  if (separator) {
    let g = w + 1;
    while (g < n && isBlank(text[g])) g++;
    // Spaces after the separator go to the body when the rest would be too short.
    const body = Math.min(g, latest);
    if (body >= w + 1 && body >= earliest) return { head, body: text.slice(body) };
  }
  // Else the last tab in the spaces after the head that leaves 3 to 200 characters: at most 200 steps.
  for (let q = Math.min(w, latest) - 1; q >= i && q + 1 >= earliest; q--) {
    if (text[q] === '\t') return { head, body: text.slice(q + 1) };
  }
  return undefined;
}

function isSurrogatePair(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
}

function isLetterOrDigit(text: string, i: number): boolean {
  // A trailing surrogate alone is no letter (a sticky expression would step back onto its pair).
  const c = text.charCodeAt(i);
  // ASCII by its code: every paragraph's first word is read here.
  if (c < 128) return ((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10;
  if (c >= 0xdc00 && c <= 0xdfff) return false;
  LETTER_OR_DIGIT.lastIndex = i;
  return LETTER_OR_DIGIT.test(text);
}

/** Where the last `count` code points of `text` start, or -1 when it has fewer. */
function startOfLast(text: string, count: number): number {
  let i = text.length;
  for (let k = 0; k < count; k++) {
    if (i === 0) return -1;
    i -= i >= 2 && isSurrogatePair(text, i - 2) ? 2 : 1;
  }
  return i;
}

function lastWords(text: string, n: number): string {
  const parts = text.split(/(?<=\s)(?=\S)/);
  return parts.slice(Math.max(0, parts.length - n)).join('');
}

/**
 * Schwartz and Hearst's long-form search: each character of the short form, right to left,
 * must appear in the long form, the first one at the start of a word. Returns the long form
 * and how far back it starts from the end of `candidate`.
 */
export function longFormFor(short: string, candidate: string): { text: string; fromEnd: number } | undefined {
  return initialsFor(short, candidate) ?? lettersFor(short, candidate);
}

/** Small words a long form may have between the words its short form takes letters from. */
const LINKS = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', 'with', 'at', 'by', '&']);

/**
 * The long form whose words' first letters are the short form's letters, one word each, small
 * linking words allowed between them ("Child and Adolescent Mental Health Services"). Tried first:
 * the letter search below may take two letters from one word and start too late ("Parent
 * Partnership Service (PPS)" would give "Partnership Service").
 */
function initialsFor(short: string, candidate: string): { text: string; fromEnd: number } | undefined {
  const letters = short.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length < 2) return undefined;
  const words = [...candidate.matchAll(/[\p{L}\p{N}]+|&/gu)];
  let s = letters.length - 1;
  let start = -1;
  for (let w = words.length - 1; w >= 0 && s >= 0; w--) {
    const word = words[w][0].toLowerCase();
    if (word[0] === letters[s]) {
      s--;
      start = words[w].index;
    } else if (start < 0 || !LINKS.has(word)) return undefined;
  }
  if (s >= 0 || start < 0) return undefined;
  const text = candidate.slice(start).trim();
  return text.toLowerCase() === letters ? undefined : { text, fromEnd: candidate.length - start };
}

/** Schwartz and Hearst's letter search (see {@link longFormFor}). */
function lettersFor(short: string, candidate: string): { text: string; fromEnd: number } | undefined {
  const sf = short.toLowerCase();
  const lf = candidate.toLowerCase();
  let s = sf.length - 1;
  let l = lf.length - 1;
  while (s >= 0) {
    const c = sf[s];
    if (!/[\p{L}\p{N}]/u.test(c)) {
      s--;
      continue;
    }
    while (l >= 0 && (lf[l] !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(lf[l - 1])))) l--;
    if (l < 0) return undefined;
    l--;
    s--;
  }
  const start = lf.lastIndexOf(' ', l) + 1;
  const text = candidate.slice(start).trim();
  const wordCount = text.split(/\s+/).length;
  if (wordCount < 2 && text.length <= short.length + 1) return undefined;
  if (text.toLowerCase() === sf) return undefined;
  return { text, fromEnd: candidate.length - start };
}
