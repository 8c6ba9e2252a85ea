/** One paragraph as the rules see it; each piece is computed once, when a rule first asks. */
import { isEverydayWord } from './readability.js';
import { findExplanations, type Explanation } from './glossary/explanations.js';
import type { Form, Glossary } from './glossary/glossary.js';
import { namedNotMeant } from './glossary/as-name.js';
import { contextRejects } from './glossary/in-context.js';
import { knownLongForms, type LongForm } from './glossary/long-forms.js';
import { matchTerms, type TermMatch } from './glossary/match.js';
import { sentencesOf, type Sentence, type Span } from './text/segment.js';
import { ALL_UPPER, scan, type Scan, type Spelling, type Token } from './text/tokens.js';
import { keepShape } from './keep-shape.js';
import type { Audience } from './types.js';

/**
 * Lookups by offset ("the sentence holding this word") go through a cursor that walks from the
 * last sentence asked about, and what they compute is kept per sentence: the rules ask in text
 * order, so a paragraph's lookups cost time linear in its length, however long it is.
 */
export class ParagraphContext {
  // Each piece as a field of its own, made when first asked: a context is made for every paragraph,
  // and most rules ask for only a few of them.
  private scanCache: Scan | undefined = undefined;
  private sentenceCache: Sentence[] | undefined = undefined;
  private termCache: TermMatch[] | undefined = undefined;
  /** Terms the words around did not show in their SEND sense ({@link outOfSense}). */
  private outOfSenseCache: TermMatch[] | undefined = undefined;
  private explanationCache: Explanation[] | undefined = undefined;
  private longFormCache: LongForm[] | undefined = undefined;
  private shoutingCache: Sentence[] | undefined = undefined;
  private paragraphWords: Set<string> | undefined = undefined;
  /** Per sentence, computed when first asked: its words, whether it is in capitals, whether it has no small letters. */
  private sentenceWords: Map<number, Set<string>> | undefined = undefined;
  /** {@link cuesAround}'s answers, by set of cues, then by sentence (-1: the paragraph). */
  private cueCache: Map<ReadonlySet<string>, Map<number, ReadonlySet<string>>> | undefined = undefined;
  /** {@link cueTokens}, and how many cue words there were when it was made. */
  private cueTokenCache: number[] | undefined = undefined;
  private cueTokenWords = -1;
  private shoutingFlags: Array<boolean | undefined> | undefined = undefined;
  private noSmallFlags: Array<boolean | undefined> | undefined = undefined;
  private cursor = 0;

  constructor(
    readonly text: string,
    readonly glossary: Glossary,
    readonly audience: Audience,
  ) {
    keepShape('paragraph context', this); // its hidden class, and the optimised code that uses it, outlive a full GC
  }

  /** Tokens and words, from one pass over the text. */
  private scanned(): Scan {
    return (this.scanCache ??= scan(this.text));
  }

  sentences(): Sentence[] {
    return (this.sentenceCache ??= sentencesOf(this.text, this.scanned().words));
  }

  tokens(): Token[] {
    return this.scanned().tokens;
  }

  /** Every glossary term in the paragraph, whatever its kind (an everyday word only in its SEND sense). */
  terms(): TermMatch[] {
    if (this.termCache) return this.termCache;
    const rejected: TermMatch[] = [];
    this.termCache = matchTerms(this.glossary, this.text, this.tokens(), {
      isShouting: (offset) => this.isShouting(offset),
      isEverydayWord,
      rejects: this.rejects(rejected),
    });
    this.outOfSenseCache = rejected.length ? apartFrom(rejected, this.termCache) : NO_TERMS;
    return this.termCache;
  }

  /**
   * Everyday words of entries with `context` ("setting", "panel") where the words around did not show
   * their SEND sense and no other term stands, leftmost first and never overlapping: the document may
   * show that sense elsewhere, and a word keeps one sense through one text.
   */
  outOfSense(): TermMatch[] {
    this.terms();
    return this.outOfSenseCache!;
  }

  /**
   * Forms that may not match where they are: an everyday word out of its SEND sense (kept in
   * `rejected`), officialese written as a name.
   */
  private rejects(rejected: TermMatch[]): (form: Form, first: number, last: number) => boolean {
    const tokens = this.tokens();
    const outOfContext = contextRejects(tokens, this.sentences(), (form, first, last) =>
      rejected.push({
        form,
        first,
        last,
        start: tokens[first].start - form.before.length,
        end: tokens[last].end + form.after.length,
      }),
    );
    return (form, first, last) =>
      namedNotMeant(this.text, tokens, form, first, last) || outOfContext(form, first, last);
  }

  explanations(): Explanation[] {
    return (this.explanationCache ??= findExplanations(this.text));
  }

  /** Long forms the text gives for acronyms the glossary knows, where it writes them its own way. */
  longForms(): LongForm[] {
    return (this.longFormCache ??= knownLongForms(this.text, this.explanations(), this.glossary, this.terms()));
  }

  /** Lower-case words of the sentence holding `offset`, or of the whole paragraph, for telling senses apart. */
  wordsAround(offset: number, scope: 'sentence' | 'paragraph'): ReadonlySet<string> {
    const k = scope === 'sentence' ? this.sentenceAt(offset) : -1;
    if (k < 0) return (this.paragraphWords ??= lowerWords(this.tokens(), 0, this.tokens().length));
    const bySentence = (this.sentenceWords ??= new Map());
    let words = bySentence.get(k);
    if (!words) {
      const s = this.sentences()[k];
      const tokens = this.tokens();
      // Tokens lie wholly inside the sentence: a run of the sorted tokens.
      const from = firstAtOrAfter(tokens, s.start);
      let to = from;
      while (to < tokens.length && tokens[to].end <= s.end) to++;
      words = lowerWords(tokens, from, to);
      bySentence.set(k, words);
    }
    return words;
  }

  /**
   * Which of `cues` (a term's cue words, one set per entry) stand in the sentence holding `offset`,
   * or in the whole paragraph: `cues` ∩ {@link wordsAround}, without a set of every word (a keystroke
   * redoes this for the paragraph it changed). Kept per sentence and per set of cues: a sentence is
   * read once for each entry with senses that it holds (a few dozen entries have them), so it stays linear.
   */
  cuesAround(offset: number, scope: 'sentence' | 'paragraph', cues: ReadonlySet<string>): ReadonlySet<string> {
    if (!cueSets.has(cues)) {
      cueSets.add(cues);
      for (const w of cues) cueWords.add(w);
    }
    const k = scope === 'sentence' ? this.sentenceAt(offset) : -1;
    let byScope = (this.cueCache ??= new Map()).get(cues);
    if (!byScope) this.cueCache.set(cues, (byScope = new Map()));
    let found = byScope.get(k);
    if (!found) {
      const tokens = this.tokens();
      const at = this.cueTokens();
      let from = 0;
      let to = tokens.length;
      if (k >= 0) {
        const s = this.sentences()[k];
        from = firstAtOrAfter(tokens, s.start);
        to = from;
        while (to < tokens.length && tokens[to].end <= s.end) to++;
      }
      found = NONE;
      for (let j = firstAtLeast(at, from); j < at.length && at[j] < to; j++) {
        const lower = tokens[at[j]].lower;
        if (cues.has(lower)) (found === NONE ? (found = new Set()) : found).add(lower);
      }
      byScope.set(k, found);
    }
    return found;
  }

  /**
   * Where the paragraph's cue words stand (indexes of tokens that are a word of any set of cues
   * asked about so far): read once a paragraph, where each sentence and the paragraph were read
   * again for each entry with senses. Read again only when a new set of cues adds words.
   */
  private cueTokens(): number[] {
    if (this.cueTokenCache !== undefined && this.cueTokenWords === cueWords.size) return this.cueTokenCache;
    const tokens = this.tokens();
    const at: number[] = [];
    for (let i = 0; i < tokens.length; i++) if (cueWords.has(tokens[i].lower)) at.push(i);
    this.cueTokenWords = cueWords.size;
    return (this.cueTokenCache = at);
  }

  /** Sentences written in capitals throughout (headings, notices): there capitals say nothing about acronyms. */
  shoutingSpans(): Array<{ start: number; end: number }> {
    return (this.shoutingCache ??= this.sentences().filter(isShouting));
  }

  /** The sentence holding `offset` has no small letters at all (a heading such as "POLICY" or "AIMS"). */
  hasNoSmallLetters(offset: number): boolean {
    const k = this.sentenceAt(offset);
    if (k < 0) return false;
    return ((this.noSmallFlags ??= [])[k] ??= this.sentences()[k].words.every(inCapitals));
  }

  isShouting(offset: number): boolean {
    const k = this.sentenceAt(offset);
    if (k < 0) return false;
    return ((this.shoutingFlags ??= [])[k] ??= isShouting(this.sentences()[k]));
  }

  /**
   * Index of the sentence holding `offset`, or -1. Gallops from the last answer, so a run of
   * lookups in text order costs O(1) each, amortised; any other order costs O(log n) each.
   */
  private sentenceAt(offset: number): number {
    const all = this.sentences();
    if (all.length === 0) return -1;
    let k = Math.min(this.cursor, all.length - 1);
    if (all[k].end <= offset) {
      // Forwards: the first sentence ending after `offset`.
      let step = 1;
      let lo = k + 1;
      let hi = k + 1;
      while (hi < all.length && all[hi].end <= offset) {
        lo = hi + 1;
        hi += step;
        step *= 2;
      }
      k = firstEndingAfter(all, offset, lo, Math.min(hi, all.length - 1) + 1);
    } else if (k > 0 && all[k - 1].end > offset) {
      // Backwards.
      let step = 1;
      let hi = k - 1;
      let lo = k - 1;
      while (lo > 0 && all[lo - 1].end > offset) {
        hi = lo - 1;
        lo = Math.max(0, lo - step);
        step *= 2;
      }
      k = firstEndingAfter(all, offset, lo, hi + 1);
    }
    if (k >= all.length) return -1;
    this.cursor = k;
    return all[k].start <= offset ? k : -1;
  }
}

/** The first index in [lo, hi) whose span ends after `offset` (spans sorted, disjoint); `hi` when none. */
function firstEndingAfter(spans: readonly Span[], offset: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Every word of the sets of cues {@link ParagraphContext.cuesAround} has been asked about (one set
 * per entry with senses, a few dozen): it only grows, so its size says whether a paragraph's list
 * of cue words is still whole.
 */
const cueWords = new Set<string>();
const cueSets = new WeakSet<ReadonlySet<string>>();

/** The first index into sorted `list` whose value is at least `value`. */
function firstAtLeast(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lower-case words of `tokens[from, to)`; a word met again in a row ("the the") is not added twice. */
function lowerWords(tokens: readonly Token[], from: number, to: number): Set<string> {
  const words = new Set<string>();
  let last = '';
  for (let i = from; i < to; i++) {
    const lower = tokens[i].lower;
    if (lower !== last) words.add((last = lower));
  }
  return words;
}

/** The first token starting at or after `offset`. */
function firstAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isShouting(sentence: Sentence): boolean {
  let upper = 0;
  let lower = 0;
  let words = 0;
  for (const w of sentence.words) {
    // A word of one run is its token: its spelling keeps the counts, worked out once per spelling.
    const spelling = (w as { spelling?: Spelling }).spelling;
    if (spelling) {
      const counts = (spelling.letterCase ??= packedCases(w.text));
      if (counts === 0) continue;
      words++;
      upper += (counts >>> 1) & 0x7fff;
      lower += counts >>> 16;
      continue;
    }
    if (!/\p{L}/u.test(w.text)) continue;
    words++;
    const [u, l] = cases(w.text);
    upper += u;
    lower += l;
  }
  return words >= 3 && upper > 0 && lower <= upper * 0.1;
}

/** Nothing in the word changes in capitals (from its spelling when it is a token). */
function inCapitals(w: { text: string }): boolean {
  const spelling = (w as { spelling?: Spelling }).spelling;
  return spelling ? (spelling.caps & ALL_UPPER) !== 0 : w.text === w.text.toUpperCase();
}

/** {@link cases} of a short word (a spelling: 32 code units at most) in one number: 0 when it has no letter. */
function packedCases(text: string): number {
  if (!/\p{L}/u.test(text)) return 0;
  const [upper, lower] = cases(text);
  return 1 | (upper << 1) | (lower << 16);
}

/** Capital and small letters in a word. */
function cases(text: string): [number, number] {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII by its code (this runs over every letter of a page); any other letter by its case forms.
    if (c < 128) {
      if (c >= 65 && c <= 90) upper++;
      else if (c >= 97 && c <= 122) lower++;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (ch.length === 2) i++;
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  return [upper, lower];
}

const NO_TERMS: TermMatch[] = [];

/** The matches of `rejected` (in text order) that overlap no match of `terms` nor an earlier one kept. */
function apartFrom(rejected: readonly TermMatch[], terms: readonly TermMatch[]): TermMatch[] {
  const out: TermMatch[] = [];
  let t = 0;
  let lastEnd = -1;
  for (const r of rejected) {
    if (r.start < lastEnd) continue;
    while (t < terms.length && terms[t].end <= r.start) t++;
    if (t < terms.length && terms[t].start < r.end) continue;
    out.push(r);
    lastEnd = r.end;
  }
  return out;
}
