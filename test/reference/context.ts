/** One paragraph as the rules see it; each piece is computed once, when a rule first asks. */
import { isEverydayWord } from './readability.js';
import { findExplanations, type Explanation } from '../../src/engine/glossary/explanations.js';
import type { Form, Glossary } from '../../src/engine/glossary/glossary.js';
import { namedNotMeant } from '../../src/engine/glossary/as-name.js';
import { contextRejects } from '../../src/engine/glossary/in-context.js';
import { knownLongForms, type LongForm } from '../../src/engine/glossary/long-forms.js';
import { matchTerms, type TermMatch } from './match.js';
import { sentences, type Sentence, type Span } from './segment.js';
import { tokenise, type Token } from './tokens.js';
import type { Audience } from '../../src/engine/types.js';

/**
 * Lookups by offset ("the sentence holding this word") go through a cursor that walks from the
 * last sentence asked about, and what they compute is kept per sentence: the rules ask in text
 * order, so a paragraph's lookups cost time linear in its length, however long it is.
 */
export class ParagraphContext {
  private cache: {
    sentences?: Sentence[];
    tokens?: Token[];
    terms?: TermMatch[];
    explanations?: Explanation[];
    longForms?: LongForm[];
    shouting?: Sentence[];
    paragraphWords?: Set<string>;
  } = {};
  /** Per sentence, computed when first asked: its words, whether it is in capitals, whether it has no small letters. */
  private sentenceWords = new Map<number, Set<string>>();
  private shoutingFlags: Array<boolean | undefined> = [];
  private noSmallFlags: Array<boolean | undefined> = [];
  private cursor = 0;

  constructor(
    readonly text: string,
    readonly glossary: Glossary,
    readonly audience: Audience,
  ) {}

  sentences(): Sentence[] {
    return (this.cache.sentences ??= sentences(this.text));
  }

  tokens(): Token[] {
    return (this.cache.tokens ??= tokenise(this.text));
  }

  /** Every glossary term in the paragraph, whatever its kind (an everyday word only in its SEND sense). */
  terms(): TermMatch[] {
    return (this.cache.terms ??= matchTerms(this.glossary, this.text, this.tokens(), {
      isShouting: (offset) => this.isShouting(offset),
      isEverydayWord,
      rejects: this.rejects(),
    }));
  }

  /** Matches out of their SEND sense that no term overlaps, leftmost-longest, none overlapping another. */
  outOfSense(): TermMatch[] {
    const terms = this.terms();
    const out: TermMatch[] = [];
    for (const r of this.rejected) if (![...terms, ...out].some((m) => m.start < r.end && r.start < m.end)) out.push(r);
    return out;
  }

  private readonly rejected: TermMatch[] = [];

  /** Forms that may not match where they are: an everyday word out of its SEND sense, officialese written as a name. */
  private rejects(): (form: Form, first: number, last: number) => boolean {
    const tokens = this.tokens();
    const outOfContext = contextRejects(tokens, this.sentences(), (form, first, last) =>
      this.rejected.push({
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
    return (this.cache.explanations ??=
      this.text.includes('(') || /[-–—:=\t]/.test(this.text) ? findExplanations(this.text) : []);
  }

  /** Long forms the text gives for acronyms the glossary knows, where it writes them its own way. */
  longForms(): LongForm[] {
    return (this.cache.longForms ??= knownLongForms(this.text, this.explanations(), this.glossary, this.terms()));
  }

  /** Lower-case words of the sentence holding `offset`, or of the whole paragraph, for telling senses apart. */
  wordsAround(offset: number, scope: 'sentence' | 'paragraph'): ReadonlySet<string> {
    const k = scope === 'sentence' ? this.sentenceAt(offset) : -1;
    if (k < 0) return (this.cache.paragraphWords ??= new Set(this.tokens().map((t) => t.lower)));
    let words = this.sentenceWords.get(k);
    if (!words) {
      const s = this.sentences()[k];
      const tokens = this.tokens();
      words = new Set();
      // Tokens lie wholly inside the sentence: a run of the sorted tokens.
      for (let i = firstAtOrAfter(tokens, s.start); i < tokens.length && tokens[i].end <= s.end; i++)
        words.add(tokens[i].lower);
      this.sentenceWords.set(k, words);
    }
    return words;
  }

  /** Which of `cues` stand among {@link wordsAround}'s words (the shipped context finds them without that set). */
  cuesAround(offset: number, scope: 'sentence' | 'paragraph', cues: ReadonlySet<string>): ReadonlySet<string> {
    const words = this.wordsAround(offset, scope);
    return new Set([...cues].filter((c) => words.has(c)));
  }

  /** Sentences written in capitals throughout (headings, notices): there capitals say nothing about acronyms. */
  shoutingSpans(): Array<{ start: number; end: number }> {
    return (this.cache.shouting ??= this.sentences().filter(isShouting));
  }

  /** The sentence holding `offset` has no small letters at all (a heading such as "POLICY" or "AIMS"). */
  hasNoSmallLetters(offset: number): boolean {
    const k = this.sentenceAt(offset);
    if (k < 0) return false;
    return (this.noSmallFlags[k] ??= this.sentences()[k].words.every((w) => w.text === w.text.toUpperCase()));
  }

  isShouting(offset: number): boolean {
    const k = this.sentenceAt(offset);
    if (k < 0) return false;
    return (this.shoutingFlags[k] ??= isShouting(this.sentences()[k]));
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
    if (!/\p{L}/u.test(w.text)) continue;
    words++;
    const text = w.text;
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
  }
  return words >= 3 && upper > 0 && lower <= upper * 0.1;
}
