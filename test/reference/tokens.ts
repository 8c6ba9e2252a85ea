/**
 * Tokens for glossary matching: runs of letters and digits (a hyphenated word is several
 * tokens, so `post-16` and `post 16` match alike), with what lies between them.
 */

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
}

/** A letter, digit or combining mark at `lastIndex` (sticky: one code point, surrogate pairs too). */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/uy;
/** Gaps a multi-word term may span: spaces, hyphens, commas, slashes, apostrophes, trade marks. */
const JOINING = new Set([..." \t\u00a0\u2009\u202f-‐‑,/'’©®℠™"].map((c) => c.charCodeAt(0)));
const AMPERSAND = 38;

/** True when everything between `from` and `to` may lie inside a multi-word term. */
function joins(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!JOINING.has(text.charCodeAt(i))) return false;
  return true;
}

/** The length (1 or 2 code units) of the letter, digit or mark at `i`, or 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  // A trailing surrogate here stands alone (a sticky expression would step back onto a pair).
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  WORD_CHAR.lastIndex = i;
  return WORD_CHAR.test(text) ? WORD_CHAR.lastIndex - i : 0;
}

/**
 * Runs of letters, digits and marks, and each `&` on its own (as `/[\p{L}\p{N}\p{M}]+|&/gu`
 * would find them), scanned by hand: this runs over every page read mode opens, and a regular
 * expression's match objects cost a third of the engine's time there.
 */
export function tokenise(text: string): Token[] {
  const out: Token[] = [];
  let previousEnd = -1;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let step = wordCharAt(text, i);
    if (step === 0) {
      if (text.charCodeAt(i) === AMPERSAND) {
        add(out, text, i, i + 1, previousEnd);
        previousEnd = i + 1;
      }
      i++;
      continue;
    }
    const start = i;
    while (step > 0) {
      i += step;
      step = i < n ? wordCharAt(text, i) : 0;
    }
    // A possessive or contraction tail (`LA's`, `parent’s`) belongs to the word before it.
    const c = text.charCodeAt(start);
    if (
      i - start === 1 &&
      (c === 115 || c === 83) &&
      out.length &&
      start - previousEnd === 1 &&
      (text.charCodeAt(start - 1) === 39 || text.charCodeAt(start - 1) === 0x2019)
    ) {
      previousEnd = start + 1;
      continue;
    }
    add(out, text, start, i, previousEnd);
    previousEnd = i;
  }
  return out;
}

function add(out: Token[], text: string, start: number, end: number, previousEnd: number): void {
  const surface = text.slice(start, end);
  const lower = surface === '&' ? 'and' : surface.toLowerCase();
  const token: Token = {
    start,
    end,
    text: surface,
    lower,
    joinsPrevious: previousEnd >= 0 && joins(text, previousEnd, start),
  };
  const singular = singularOf(surface);
  if (singular) {
    token.singularText = singular;
    token.singular = singular.toLowerCase();
  }
  out.push(token);
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
