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

const TOKEN = /[\p{L}\p{N}\p{M}]+|&/gu;
/** Gaps a multi-word term may span: spaces, hyphens, commas, slashes, apostrophes. */
const JOINING = new Set([...' \t\u00a0\u2009\u202f-‐‑,/\'’'].map((c) => c.charCodeAt(0)));

/** True when everything between `from` and `to` may lie inside a multi-word term. */
function joins(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!JOINING.has(text.charCodeAt(i))) return false;
  return true;
}

export function tokenise(text: string): Token[] {
  const out: Token[] = [];
  let previousEnd = -1;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const surface = m[0];
    const prev = out[out.length - 1];
    // A possessive or contraction tail (`LA's`, `parent’s`) belongs to the word before it.
    if (prev && (surface === 's' || surface === 'S') && start - previousEnd === 1 && /['’]/.test(text[start - 1])) {
      previousEnd = start + 1;
      continue;
    }
    const lower = surface === '&' ? 'and' : surface.toLowerCase();
    const token: Token = { start, end: start + surface.length, text: surface, lower, joinsPrevious: previousEnd >= 0 && joins(text, previousEnd, start) };
    const singular = singularOf(surface);
    if (singular) {
      token.singularText = singular;
      token.singular = singular.toLowerCase();
    }
    out.push(token);
    previousEnd = token.end;
  }
  return out;
}

/** The singular of a plural-looking word, or undefined. Acronyms take a lower-case `s` (`EHCPs`). */
export function singularOf(word: string): string | undefined {
  if (word.length < 3) return undefined;
  const last = word[word.length - 1];
  if (last !== 's') return undefined;
  const body = word.slice(0, -1);
  if (/^[\p{Lu}\p{N}][\p{Lu}\p{N}a-z]*\p{Lu}$/u.test(body) || /^\p{Lu}{2,}[a-z]?\p{Lu}*$/u.test(body)) return body; // EHCPs, SENCOs, SENCos
  const lower = word.toLowerCase();
  if (lower.endsWith('ss') || lower.endsWith('us') || lower.endsWith('is')) return undefined;
  if (lower.endsWith('ies') && lower.length > 4) return word.slice(0, -3) + 'y';
  if (/(?:ches|shes|sses|xes|zes)$/.test(lower)) return word.slice(0, -2);
  return body;
}
