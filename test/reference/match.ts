/** Finds glossary terms in a run of tokens: leftmost, then longest, never overlapping. */
import type { Token } from './tokens.js';
import { gapKey, type Form, type Glossary } from '../../src/engine/glossary/glossary.js';

export interface TermMatch {
  form: Form;
  /** Index of the first and last token. */
  first: number;
  last: number;
  start: number;
  end: number;
}

export interface MatchOptions {
  /** In a sentence written all in capitals, skip one-word forms in capitals that are also everyday words (`SEND`, `IT`). */
  isShouting?: (offset: number) => boolean;
  isEverydayWord?: (lower: string) => boolean;
  /**
   * A form that may not match at tokens `first`..`last` (an everyday word not in its SEND sense):
   * asked of each match found, in text order; a form it rejects leaves the words to the next-best match.
   */
  rejects?: (form: Form, first: number, last: number) => boolean;
}

/**
 * `text` is what `tokens` were made from. A form's punctuation must be in the text as written
 * (`C#` is not `C`); the walk is bounded by the glossary's longest form, so matching is linear
 * in the number of tokens.
 */
export function matchTerms(
  glossary: Glossary,
  text: string,
  tokens: readonly Token[],
  options: MatchOptions = {},
): TermMatch[] {
  const out: TermMatch[] = [];
  const usedSingular: boolean[] = [];
  let best: TermMatch | undefined;
  let i = 0;
  /** End of the last match, which punctuation before the next one may not reach into. */
  let lastEnd = 0;
  /** Forms the caller rejected at the current position. */
  let rejected: Set<Form> | undefined;

  const accepts = (form: Form, first: number, last: number): boolean => {
    if (form.before) {
      const at = tokens[first].start - form.before.length;
      if (at < lastEnd || !text.startsWith(form.before, at) || splitsPair(text, at)) return false;
    }
    if (
      form.after &&
      (!text.startsWith(form.after, tokens[last].end) || splitsPair(text, tokens[last].end + form.after.length))
    )
      return false;
    for (let k = 0; k <= last - first; k++) {
      const want = form.cases[k];
      if (want === null) continue;
      const t = tokens[first + k];
      const surface = usedSingular[k] ? t.singularText! : t.text;
      if (surface !== want && surface !== want.toUpperCase() && !oddCase(surface, want)) return false;
    }
    if (
      last === first &&
      form.cases[0] !== null &&
      options.isEverydayWord?.(tokens[first].lower) &&
      options.isShouting?.(tokens[first].start)
    )
      return false;
    return rejected === undefined || !rejected.has(form);
  };

  const walk = (node: Glossary['root'], j: number, depth: number) => {
    if (j >= tokens.length || depth >= glossary.maxTokens) return;
    const t = tokens[j];
    // Punctuation between words ends a phrase, unless a form has that very punctuation there.
    const crossing = depth > 0 && !t.joinsPrevious;
    if (crossing && !node.punctuated) return;
    // The word as written, then its singular (two passes, no array: this runs for every token).
    // Then, for "year's" written for "years" ("early year's settings"), the plural.
    for (let pass = 0; pass < 3; pass++) {
      const singular = pass === 1;
      const word = pass === 2 ? possessiveAsPlural(text, t) : singular ? t.singular : t.lower;
      if (word === undefined || (singular && word === t.lower)) continue;
      const key = crossing ? gapKey(text, tokens[j - 1].end, t.start, word) : word;
      if (!key) return;
      const child = node.next.get(key);
      if (!child) continue;
      usedSingular[depth] = singular;
      for (const form of child.forms) {
        if ((!best || j > best.last) && accepts(form, i, j)) {
          best = {
            form,
            first: i,
            last: j,
            start: tokens[i].start - form.before.length,
            end: t.end + form.after.length,
          };
          break;
        }
      }
      walk(child, j + 1, depth + 1);
    }
  };

  while (i < tokens.length) {
    best = undefined;
    walk(glossary.root, i, 0);
    let found = best as TermMatch | undefined;
    // A form the caller rejects here: walk again without it, for the next-best match (rare, so
    // the caller is asked once per match, not once per form tried).
    while (found && options.rejects?.(found.form, found.first, found.last)) {
      (rejected ??= new Set()).add(found.form);
      best = undefined;
      walk(glossary.root, i, 0);
      found = best as TermMatch | undefined;
    }
    rejected = undefined;
    if (found) {
      out.push(found);
      lastEnd = found.end;
      i = found.last + 1;
    } else {
      i++;
    }
  }
  return out;
}

/** "years" for the word "year" written "year's" or "year’s" (an apostrophe where none belongs); else undefined. */
function possessiveAsPlural(text: string, t: Token): string | undefined {
  const a = text.charCodeAt(t.end);
  if (a !== 39 && a !== 0x2019) return undefined;
  const s = text.charCodeAt(t.end + 1);
  if (s !== 115 && s !== 83) return undefined;
  const after = text.charCodeAt(t.end + 2);
  if ((after >= 65 && after <= 90) || (after >= 97 && after <= 122)) return undefined;
  return t.lower.endsWith('s') ? undefined : `${t.lower}s`;
}

/** True when `at` falls between the halves of a surrogate pair (a term's punctuation may be half an emoji). */
function splitsPair(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  const d = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
}

/** The same letters as an acronym, typed with a capital after the first letter and a small letter too ("SENDiass"). */
function oddCase(surface: string, want: string): boolean {
  return (
    surface.length >= 3 &&
    /^.+[A-Z]/.test(surface) &&
    /[a-z]/.test(surface) &&
    !['BSc', 'MSc', 'PhD', 'DPhil', 'MPhil', 'MEd', 'BEd', 'MRes', 'MBChB', 'BPhil', 'EdD', 'DClinPsy'].includes(
      surface,
    ) &&
    surface.toUpperCase() === want.toUpperCase()
  );
}
