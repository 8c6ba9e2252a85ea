/**
 * Tokens for glossary matching: runs of letters and digits (a hyphenated word is several
 * tokens, so `post-16` and `post 16` match alike), with what lies between them; and, from the
 * same pass ({@link scan}), the words sentences and readability count.
 */
import type { Word } from './segment.js';

export interface Token {
  start: number;
  /** End of the word itself, before any possessive `'s`. */
  end: number;
  /** Surface text, `text.slice(start, end)`. */
  text: string;
  lower: string;
  /** Singular form of a plural (`ehcps` → `ehcp`), lower case; undefined when not plural-looking. */
  singular?: string;
  /** The surface without its plural ending, for case checks (`EHCPs` → `EHCP`). */
  singularText?: string;
  /** False when punctuation that ends a phrase (`.`, `:`, `(`, a line break) separates it from the token before. */
  joinsPrevious: boolean;
  /** What every token of this text shares (see {@link Spelling}); undefined for a very long one. */
  spelling: Spelling | undefined;
}

/**
 * One spelling (the exact text of a token), made once however often it is met: its strings, and
 * what the passes that read it worked out for it, so each works it out once per spelling rather
 * than once per token (readability's figures, the glossary's id for its word).
 */
export interface Spelling {
  readonly hash: number;
  readonly text: string;
  readonly lower: string;
  readonly singular: string | undefined;
  readonly singularText: string | undefined;
  /** {@link UPPER_FIRST} and {@link ALL_UPPER}, as {@link capsOf} works them out. */
  readonly caps: number;
  /** Readability's figures for this text (readability.ts). */
  counted: object | undefined;
  /** Its letters' cases for telling a sentence in capitals (context.ts), once asked. */
  letterCase: number | undefined;
  /** Whether the text looks like an acronym (isAcronymLike in glossary.ts), once asked. */
  acronymLike: boolean | undefined;
  /** The glossary's vocabulary that `word` and `singularWord` are from, and the ids it gives `lower` and `singular` (-1: none). */
  glossary: object | undefined;
  word: number | undefined;
  singularWord: number | undefined;
}

const AMPERSAND = 38;

/** The first letter is a capital ("Panel", "SEND", "Ł"). */
export const UPPER_FIRST = 1;
/** Nothing in the text changes in capitals ("SEND", "KS2", "&"). */
export const ALL_UPPER = 2;

/** How a text uses capitals (the rules ask this of most words: once per spelling, no new string each time). */
export function capsOf(text: string): number {
  const c = text.charCodeAt(0);
  const upperFirst = (c >= 65 && c <= 90) || (c > 127 && text[0] !== text[0].toLowerCase());
  return (upperFirst ? UPPER_FIRST : 0) | (text === text.toUpperCase() ? ALL_UPPER : 0);
}

/** {@link capsOf} a token's text, from its spelling when it has one. */
export function capsOfToken(token: Pick<Token, 'text' | 'spelling'>): number {
  return token.spelling ? token.spelling.caps : capsOf(token.text);
}

/**
 * True when everything between `from` and `to` may lie inside a multi-word term: spaces,
 * hyphens, commas, slashes, apostrophes (` \t\u00a0\u2009\u202f-‐‑,/'’`), and trade marks. By code: this runs for every gap.
 */
function joins(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    switch (text.charCodeAt(i)) {
      case 32:
      case 9:
      case 0xa0:
      case 0x2009:
      case 0x202f:
      case 45:
      case 0x2010:
      case 0x2011:
      case 44:
      case 47:
      case 39:
      case 0x2019:
      // Trade marks after a name ("Lego® Based Therapy", "Makaton™ signs") are not part of it.
      case 0xa9:
      case 0xae:
      case 0x2120:
      case 0x2122:
        continue;
      default:
        return false;
    }
  }
  return true;
}

/**
 * Runs of letters, digits and marks, and each `&` on its own (as `/[\p{L}\p{N}\p{M}]+|&/gu`
 * would find them), scanned by hand: this runs over every page read mode opens, and a regular
 * expression's match objects cost a third of the engine's time there.
 */
export function tokenise(text: string): Token[] {
  return scan(text).tokens;
}

export interface Scan {
  tokens: Token[];
  /** As `words` (segment.ts) finds them. */
  words: Word[];
}

/** A letter or digit, or a combining mark, at `lastIndex` (sticky: one code point, surrogate pairs too). */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;
const MARK = /\p{M}/uy;
/** What joins two runs into one word, when a letter or digit follows it: ' ’ ‘ - ‐ ‑ . (by code: asked of nearly every gap). */
function isWordJoiner(c: number): boolean {
  return c === 39 || c === 45 || c === 46 || c === 0x2019 || c === 0x2018 || c === 0x2010 || c === 0x2011;
}

/**
 * What starts at `i`: its kind in the low two bits (a letter or digit 2, a combining mark 1,
 * neither 0) and its length in code units above them; 0 for neither.
 */
function charAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 6 : 0;
  // A trailing surrogate here stands alone (a sticky expression would step back onto a pair).
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  LETTER_OR_DIGIT.lastIndex = i;
  if (LETTER_OR_DIGIT.test(text)) return ((LETTER_OR_DIGIT.lastIndex - i) << 2) | 2;
  MARK.lastIndex = i;
  if (MARK.test(text)) return ((MARK.lastIndex - i) << 2) | 1;
  return 0;
}

/**
 * One pass over a paragraph for both its tokens and its words: a word is one run of letters,
 * digits and marks, or several joined by an inner apostrophe, hyphen or full stop with a letter
 * or digit after it; a token is each run on its own. A word of one run is its token's own string,
 * so most words are sliced once and their spelling hashed once, however many lookups they go through.
 */
export function scan(text: string): Scan {
  const tokens: Token[] = [];
  const words: Word[] = [];
  const n = text.length;
  /** End of the last token (for joining and a possessive `'s`), -1 before the first. */
  let previousEnd = -1;
  /** The word being read, and its token while it is one run. */
  let wordStart = -1;
  let wordEnd = -1;
  let wordToken: Token | undefined;
  let runs = 0;
  let i = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    let letterFirst = true;
    if (!isAsciiLetterOrDigit(first)) {
      const ch = first < 128 ? 0 : charAt(text, i);
      if (ch === 0) {
        if (first === AMPERSAND) {
          tokens.push(makeToken(text, i, i + 1, previousEnd, hashOf(text, i, i + 1)));
          previousEnd = i + 1;
        }
        i++;
        continue;
      }
      letterFirst = (ch & 3) === 2;
    }
    // The run, its spelling's hash taken as it is read (FNV-1a over the code units): each character read once.
    const start = i;
    let hash = FNV_BASIS;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isAsciiLetterOrDigit(c)) {
        hash = Math.imul(hash ^ c, FNV_PRIME);
        i++;
        continue;
      }
      if (c < 128) break;
      const ch = charAt(text, i);
      if (ch === 0) break;
      for (const to = i + (ch >> 2); i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
    }
    // One joiner between this run and the word before it, and a letter or digit first: one word.
    if (wordStart >= 0 && wordEnd === start - 1 && letterFirst && isWordJoiner(text.charCodeAt(wordEnd))) {
      wordEnd = i;
      runs++;
    } else {
      // A word of one run is its token (a token has a word's start, end and text): no object more.
      if (wordStart >= 0)
        words.push(
          runs === 1 && wordToken
            ? wordToken
            : { start: wordStart, end: wordEnd, text: text.slice(wordStart, wordEnd) },
        );
      wordStart = start;
      wordEnd = i;
      wordToken = undefined;
      runs = 1;
    }
    // A possessive or contraction tail (`LA's`, `parent’s`) belongs to the token before it.
    if (
      i - start === 1 &&
      (first === 115 || first === 83) &&
      tokens.length &&
      start - previousEnd === 1 &&
      (text.charCodeAt(start - 1) === 39 || text.charCodeAt(start - 1) === 0x2019)
    ) {
      previousEnd = start + 1;
      continue;
    }
    const token = makeToken(text, start, i, previousEnd, hash & 0x7fffffff);
    tokens.push(token);
    if (runs === 1) wordToken = token;
    previousEnd = i;
  }
  if (wordStart >= 0)
    words.push(
      runs === 1 && wordToken ? wordToken : { start: wordStart, end: wordEnd, text: text.slice(wordStart, wordEnd) },
    );
  return { tokens, words };
}

/** A-Z, a-z or 0-9. */
function isAsciiLetterOrDigit(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10;
}

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The hash {@link spellingAt} files a spelling under: FNV-1a over its code units, never {@link LONG}. */
export function hashOf(text: string, start: number, end: number): number {
  let hash = FNV_BASIS;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), FNV_PRIME);
  return hash & 0x7fffffff;
}

function makeToken(text: string, start: number, end: number, previousEnd: number, hash: number): Token {
  const spelling = spellingAt(text, start, end, hash);
  // Every field set, in one order: one shape for every token.
  return {
    start,
    end,
    text: spelling.text,
    lower: spelling.lower,
    singular: spelling.singular,
    singularText: spelling.singularText,
    joinsPrevious: previousEnd >= 0 && joins(text, previousEnd, start),
    spelling: spelling.hash === LONG ? undefined : spelling,
  };
}

function spellingOf(surface: string, hash: number): Spelling {
  const singular = singularOf(surface);
  return {
    hash,
    text: surface,
    lower: surface === '&' ? 'and' : surface.toLowerCase(),
    singular: singular?.toLowerCase(),
    singularText: singular,
    caps: capsOf(surface),
    counted: undefined,
    letterCase: undefined,
    acronymLike: undefined,
    glossary: undefined,
    word: undefined,
    singularWord: undefined,
  };
}

/**
 * Every spelling met so far, by its exact text, in an open-addressed table hashed as the text is
 * read: a word met before costs no new string (no slice, no lower case, no singular). Words longer
 * than {@link MAX_KEPT} are not kept (their hash is {@link LONG}). The table is small and compact,
 * for the processor's caches: each slot holds, side by side, its spelling's id, hash, length and
 * where its characters are in one pool, so a word is found without a look at any object. It
 * doubles when half full, and starts afresh past {@link MAX_SPELLINGS}.
 */
const MAX_SPELLINGS = 1 << 15;
const MAX_KEPT = 32;
const LONG = -1;
/** Four numbers a slot: id (0: empty), hash, start in `pool`, length. */
let slots = new Int32Array(4 << 12);
let mask = (1 << 12) - 1;
/** The characters of every spelling kept, one after another. */
let pool = new Uint16Array(1 << 15);
let poolEnd = 0;
/** By id; id 0 marks an empty slot. */
const spellings: Spelling[] = [spellingOf('', LONG)];

/** Forgets readability's figures kept on every spelling (when the way they are worked out changes). */
export function forgetCounted(): void {
  for (const spelling of spellings) spelling.counted = undefined;
}

/** The spelling of `text[start, end)`, whose {@link hashOf} is `hash`. */
function spellingAt(text: string, start: number, end: number, hash: number): Spelling {
  const length = end - start;
  if (length > MAX_KEPT) return spellingOf(text.slice(start, end), LONG);
  let slot = hash & mask;
  for (let id = slots[slot << 2]; id !== 0; id = slots[slot << 2]) {
    const at = slot << 2;
    if (slots[at + 1] === hash && slots[at + 3] === length && samePooled(slots[at + 2], text, start, length))
      return spellings[id];
    slot = (slot + 1) & mask;
  }
  if (spellings.length > MAX_SPELLINGS) {
    slots = new Int32Array(4 << 12);
    mask = (1 << 12) - 1;
    poolEnd = 0;
    spellings.length = 1;
    slot = hash & mask;
  } else if (spellings.length > (mask + 1) >> 1) {
    grow();
    slot = hash & mask;
    while (slots[slot << 2] !== 0) slot = (slot + 1) & mask;
  }
  if (poolEnd + length > pool.length) {
    const bigger = new Uint16Array(pool.length * 2);
    bigger.set(pool);
    pool = bigger;
  }
  for (let k = 0; k < length; k++) pool[poolEnd + k] = text.charCodeAt(start + k);
  const made = spellingOf(text.slice(start, end), hash);
  const at = slot << 2;
  slots[at] = spellings.length;
  slots[at + 1] = hash;
  slots[at + 2] = poolEnd;
  slots[at + 3] = length;
  poolEnd += length;
  spellings.push(made);
  return made;
}

/** Twice the slots, each spelling filed again by its hash. */
function grow(): void {
  const old = slots;
  slots = new Int32Array(old.length * 2);
  mask = mask * 2 + 1;
  for (let at = 0; at < old.length; at += 4) {
    if (old[at] === 0) continue;
    let slot = old[at + 1] & mask;
    while (slots[slot << 2] !== 0) slot = (slot + 1) & mask;
    slots.set(old.subarray(at, at + 4), slot << 2);
  }
}

/** The pooled characters from `from` are `text[start, start + length)`. */
function samePooled(from: number, text: string, start: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (pool[from + k] !== text.charCodeAt(start + k)) return false;
  return true;
}

/** The singular of a plural-looking word, or undefined. Acronyms take a lower-case `s` (`EHCPs`). */
export function singularOf(word: string): string | undefined {
  if (word.length < 3) return undefined;
  const last = word[word.length - 1];
  if (last !== 's') return undefined;
  const body = word.slice(0, -1);
  const first = body.charCodeAt(0);
  // Acronyms start with a capital or a digit: a word starting with a small letter skips the test.
  if (!(first >= 97 && first <= 122) && isAcronymBody(body)) return body; // EHCPs, SENCOs, SENCos
  const lower = word.toLowerCase();
  if (lower.endsWith('ss') || lower.endsWith('us') || lower.endsWith('is')) return undefined;
  if (lower.endsWith('ies') && lower.length > 4) return word.slice(0, -3) + 'y';
  if (['ches', 'shes', 'sses', 'xes', 'zes'].some((e) => lower.endsWith(e))) return word.slice(0, -2);
  return body;
}

const CAPITAL = /\p{Lu}/uy;
const DIGIT = /\p{N}/uy;

/**
 * An acronym before its plural `s`: a capital or digit, then capitals, digits and small letters,
 * ending in a capital (`EHCP`, `KS2`, `SaLT`); or two or more capitals and one small letter
 * (`SENCo`). One pass over the code points (a regular expression backtracked over "AAAA…1").
 */
function isAcronymBody(body: string): boolean {
  let count = 0;
  let firstSmall = false;
  let lastCapital = false;
  let lastSmall = false;
  let capitalsBeforeLast = true;
  for (let i = 0; i < body.length; count++) {
    const c = body.charCodeAt(i);
    let capital = c >= 65 && c <= 90;
    const small = c >= 97 && c <= 122;
    let size = 1;
    if (c >= 128) {
      CAPITAL.lastIndex = i;
      DIGIT.lastIndex = i;
      if (CAPITAL.test(body)) {
        capital = true;
        size = CAPITAL.lastIndex - i;
      } else if (DIGIT.test(body)) size = DIGIT.lastIndex - i;
      else return false;
    } else if (!capital && !small && !(c >= 48 && c <= 57)) return false;
    if (count === 0) firstSmall = small;
    else capitalsBeforeLast &&= lastCapital;
    lastCapital = capital;
    lastSmall = small;
    i += size;
  }
  return (count >= 2 && !firstSmall && lastCapital) || (count >= 3 && capitalsBeforeLast && lastSmall);
}
