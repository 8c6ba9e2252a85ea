/**
 * Marks acronyms the text explains (there or earlier) as explained, and offers to spell out
 * the first unexplained use: "EHCP" → "Education, Health and Care plan (EHCP)".
 */
import { EXPLAIN_AT_FIRST_USE } from '../review/short-forms.js';
import type { Replacement } from '../types.js';
import type { DocumentRule } from './rule.js';

export const acronymFirstUse: DocumentRule = {
  id: 'acronym-first-use',
  description: 'Acronyms explained in the text are marked as explained; the first unexplained use can be spelled out.',
  examples: {
    flag: ['We will ask for an EHCP. The EHCP will list the help your child gets.'],
    pass: ['An Education, Health and Care Plan (EHCP) sets out help. The EHCP is reviewed each year.'],
  },
  apply(findings, facts) {
    // Where each acronym is first explained, by entry id and by its letters.
    const explainedFrom = new Map<string, { at: number; expansion: string }>();
    for (const e of facts.explanations) {
      for (const key of [facts.entryIdFor(e.acronym), letters(e.acronym)]) {
        if (key && !explainedFrom.has(key)) explainedFrom.set(key, { at: e.start, expansion: e.expansion });
      }
    }
    const offered = new Set<string>();
    const any = explainedFrom.size > 0;
    for (const f of findings) {
      if (f.category !== 'acronym') continue;
      // By entry id first, then by letters; the letters key is made only when something may use it (this runs on every keystroke).
      let byLetters = any ? letters(singular(f.text)) : undefined;
      const byId = any && f.entryId ? explainedFrom.get(f.entryId) : undefined;
      const explanation =
        byId && byId.at <= f.start ? byId : any ? earlierThan(explainedFrom.get(byLetters!), f.start) : undefined;
      if (explanation) {
        f.explained = true;
        f.expansion ??= explanation.expansion;
        f.message = `"${f.text}" is explained in the text (${f.expansion}).`;
        continue;
      }
      f.explained = false;
      // Offer to spell out the first single-word use, with the glossary's expansion or, failing that, the one the text gives later.
      if (hasSpace(f.text)) continue;
      const key = f.entryId || (byLetters ??= letters(singular(f.text)));
      if (offered.has(key)) continue;
      offered.add(key);
      const expansion =
        f.expansion ?? (any ? byId?.expansion || explainedFrom.get(byLetters!)?.expansion || undefined : undefined);
      // A new array, not `unshift` (a call into the runtime on every keystroke): the document's copy is its own.
      if (expansion) f.replacements = firstThen(explainAtFirstUse(f.text, expansion), f.replacements);
    }
  },
};

/** `first`, then `rest`'s items. */
function firstThen<T>(first: T, rest: readonly T[]): T[] {
  const out = [first];
  for (let i = 0; i < rest.length; i++) out.push(rest[i]);
  return out;
}

function explainAtFirstUse(short: string, expansion: string): Replacement {
  return { label: EXPLAIN_AT_FIRST_USE, text: `${pluralLike(short, expansion)} (${short})` };
}

/** What `/\s/` matches, by character code: asked of every acronym finding on every keystroke. */
function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 160 && isUnicodeSpace(c)) return true;
  }
  return false;
}

function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function earlierThan<T extends { at: number }>(x: T | undefined, start: number): T | undefined {
  return x && x.at <= start ? x : undefined;
}

/** By its letters, full stops left out: "A.L.N." is ALN. Kept per text: each analysis asks again for the same short forms. */
function letters(acronym: string): string {
  let key = lettersCache.get(acronym);
  if (key === undefined) {
    key = `letters:${acronym.replaceAll('.', '').toUpperCase()}`;
    if (acronym.length > 32) return key;
    if (lettersCache.size >= 10_000) lettersCache.clear();
    lettersCache.set(acronym, key);
  }
  return key;
}
const lettersCache = new Map<string, string>();

function singular(text: string): string {
  return text.length > 2 && text.endsWith('s') && /\p{Lu}/u.test(text[text.length - 2]) ? text.slice(0, -1) : text;
}

/** "EHCPs" → "Education, Health and Care plans". */
function pluralLike(short: string, expansion: string): string {
  return singular(short) !== short && !expansion.endsWith('s') ? `${expansion}s` : expansion;
}
