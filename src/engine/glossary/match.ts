/** Finds glossary terms in a run of tokens: leftmost, then longest, never overlapping. */
import type { Token } from '../text/tokens.js';
import { gapKey, trieOf, type Form, type Glossary } from './glossary.js';
import type { Trie } from './trie.js';
import { keepShape } from '../keep-shape.js';

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

const NO_OPTIONS: MatchOptions = {};

/**
 * `text` is what `tokens` were made from. A form's punctuation must be in the text as written
 * (`C#` is not `C`); the walk is bounded by the glossary's longest form, so matching is linear
 * in the number of tokens.
 */
export function matchTerms(
  glossary: Glossary,
  text: string,
  tokens: readonly Token[],
  options: MatchOptions = NO_OPTIONS,
): TermMatch[] {
  const out: TermMatch[] = [];
  const walk = new Walk(glossary, text, tokens, options);
  let i = 0;
  while (i < tokens.length) {
    // Most tokens start no form: told from the root's children alone, without a walk.
    if (!walk.mayStart(i)) {
      i++;
      continue;
    }
    walk.from(i);
    let form = walk.best;
    // A form the caller rejects here: walk again without it, for the next-best match (rare, so
    // the caller is asked once per match found, not once per form tried).
    while (form && options.rejects?.(form, i, walk.bestLast)) {
      (walk.rejected ??= new Set()).add(form);
      walk.from(i);
      form = walk.best;
    }
    walk.rejected = undefined;
    if (form) {
      const last = walk.bestLast;
      const end = tokens[last].end + form.after.length;
      out.push({ form, first: i, last, start: tokens[i].start - form.before.length, end });
      walk.lastEnd = end;
      i = last + 1;
    } else {
      i++;
    }
  }
  return out;
}

/**
 * One paragraph's walk: its state in fields rather than closures, and the best form so far kept
 * as a form and a token index (a match object is made only for the one that wins), since this
 * runs for every token of every page.
 */
class Walk {
  /** The longest form found from `first` so far, and its last token (below `first` when none). */
  best: Form | undefined = undefined;
  bestLast = -1;
  /** End of the last match, which punctuation before the next one may not reach into. */
  lastEnd = 0;
  /** Forms the caller rejected at the current position. */
  rejected: Set<Form> | undefined = undefined;
  private first = 0;
  /** Per depth: whether the walk took the token's singular there (its case check reads the singular's capitals). */
  private readonly usedSingular: boolean[] = [];
  private readonly maxTokens: number;
  private readonly trie: Trie;

  constructor(
    glossary: Glossary,
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly options: MatchOptions,
  ) {
    this.maxTokens = glossary.maxTokens;
    this.trie = trieOf(glossary);
    keepShape('match walk', this); // its hidden class, and the optimised code that uses it, outlive a full GC
  }

  /** Whether a walk from token `j` can find anything: the root's first step of {@link step}, without its state. */
  mayStart(j: number): boolean {
    const t = this.tokens[j];
    const trie = this.trie;
    if (trie.child(0, this.wordOf(t, false)) >= 0) return true;
    const singular = t.singular;
    if (singular !== undefined && singular !== t.lower && trie.child(0, this.wordOf(t, true)) >= 0) return true;
    const a = this.text.charCodeAt(t.end);
    return a === 39 || a === 0x2019;
  }

  from(first: number): void {
    this.first = first;
    this.best = undefined;
    this.bestLast = first - 1;
    this.step(0, first, 0);
  }

  /** The walk from trie node `node` on at token `j`, `depth` tokens below the root: nodes and words are numbers. */
  private step(node: number, j: number, depth: number): void {
    const tokens = this.tokens;
    if (j >= tokens.length || depth >= this.maxTokens) return;
    const trie = this.trie;
    const t = tokens[j];
    // Punctuation between words ends a phrase, unless a form has that very punctuation there.
    const crossing = depth > 0 && !t.joinsPrevious;
    if (crossing && !trie.punctuated(node)) return;
    // The word as written, then its singular (no array: this runs for every token). Then, for
    // "year's" written for "years" ("early year's settings"), the plural.
    for (let pass = 0; pass < 3; pass++) {
      const singular = pass === 1;
      let child: number;
      if (pass === 2 || crossing) {
        const word = pass === 2 ? possessiveAsPlural(this.text, t) : singular ? t.singular : t.lower;
        if (word === undefined || (singular && word === t.lower)) continue;
        const key = crossing ? gapKey(this.text, tokens[j - 1].end, t.start, word) : word;
        if (!key) return;
        child = trie.child(node, trie.wordId(key));
      } else {
        if (singular && (t.singular === undefined || t.singular === t.lower)) continue;
        child = trie.child(node, this.wordOf(t, singular));
      }
      if (child < 0) continue;
      this.usedSingular[depth] = singular;
      if (j > this.bestLast) {
        const forms = trie.forms(child);
        for (let f = 0; f < forms.length; f++) {
          if (this.accepts(forms[f], j)) {
            this.best = forms[f];
            this.bestLast = j;
            break;
          }
        }
      }
      // A node with nothing below it (most one-word forms) has no longer form to look for.
      if (trie.hasChildren(child)) this.step(child, j + 1, depth + 1);
    }
  }

  private accepts(form: Form, last: number): boolean {
    const { text, tokens } = this;
    const first = this.first;
    if (form.before) {
      const at = tokens[first].start - form.before.length;
      if (at < this.lastEnd || !text.startsWith(form.before, at) || splitsPair(text, at)) return false;
    }
    if (
      form.after &&
      (!text.startsWith(form.after, tokens[last].end) || splitsPair(text, tokens[last].end + form.after.length))
    )
      return false;
    const cases = form.cases;
    for (let k = 0; k <= last - first; k++) {
      const want = cases[k];
      if (want === null) continue;
      const t = tokens[first + k];
      const surface = this.usedSingular[k] ? t.singularText! : t.text;
      if (surface !== want && surface !== want.toUpperCase() && !isOddCaseOf(surface, want)) return false;
    }
    if (
      last === first &&
      cases[0] !== null &&
      this.options.isEverydayWord?.(tokens[first].lower) &&
      this.options.isShouting?.(tokens[first].start)
    )
      return false;
    return this.rejected === undefined || !this.rejected.has(form);
  }

  /** The trie's id for a token's word or its singular: asked once per spelling (while the trie's vocabulary stays the same). */
  private wordOf(t: Token, singular: boolean): number {
    const trie = this.trie;
    const spelling = t.spelling;
    if (!spelling) return trie.wordId(singular ? t.singular! : t.lower);
    const vocabulary = trie.vocabulary;
    if (spelling.glossary !== vocabulary) {
      spelling.glossary = vocabulary;
      spelling.word = spelling.singularWord = undefined;
    }
    if (singular) return (spelling.singularWord ??= trie.wordId(t.singular!));
    return (spelling.word ??= trie.wordId(t.lower));
  }
}

/**
 * A short form typed in odd capitals ("SENDiass", "CaPa", "EHCp" for SENDIASS, CAPA, EHCP): the same
 * letters, with capitals inside the word and small letters too. A word in ordinary capitals ("Salt",
 * "send") never has a capital after its first letter, so it stays apart from the short form it spells.
 * Degrees ("MSc", "PhD") are written so, and are not looked up in the glossary in this way.
 */
function isOddCaseOf(surface: string, want: string): boolean {
  if (surface.length !== want.length || surface.length < 3) return false;
  let inner = 0;
  let small = 0;
  for (let i = 0; i < surface.length; i++) {
    const c = surface.charCodeAt(i);
    if (c >= 97 && c <= 122) small++;
    else if (i > 0 && c >= 65 && c <= 90) inner++;
  }
  return inner > 0 && small > 0 && !DEGREES.has(surface) && surface.toUpperCase() === want.toUpperCase();
}

/** Degrees and qualifications written in mixed capitals, which share letters with short forms of other things. */
const DEGREES = new Set([
  'BSc',
  'MSc',
  'PhD',
  'DPhil',
  'MPhil',
  'MEd',
  'BEd',
  'MRes',
  'MBChB',
  'BPhil',
  'EdD',
  'DClinPsy',
]);

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
