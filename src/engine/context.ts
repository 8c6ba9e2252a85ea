/** One paragraph as the rules see it; each piece is computed once, when a rule first asks. */
import { isEverydayWord } from './readability.js';
import { findExplanations, type Explanation } from './glossary/explanations.js';
import type { Glossary } from './glossary/glossary.js';
import { matchTerms, type TermMatch } from './glossary/match.js';
import { sentences, type Sentence } from './text/segment.js';
import { tokenise, type Token } from './text/tokens.js';
import type { Audience } from './types.js';

export class ParagraphContext {
  private cache: {
    sentences?: Sentence[];
    tokens?: Token[];
    terms?: TermMatch[];
    explanations?: Explanation[];
    shouting?: Sentence[];
  } = {};

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

  /** Every glossary term in the paragraph, whatever its kind. */
  terms(): TermMatch[] {
    return (this.cache.terms ??= matchTerms(this.glossary, this.tokens(), {
      isShouting: (offset) => this.isShouting(offset),
      isEverydayWord,
    }));
  }

  explanations(): Explanation[] {
    return (this.cache.explanations ??=
      this.text.includes('(') || /[-–—:=\t]/.test(this.text) ? findExplanations(this.text) : []);
  }

  /** Lower-case words of the sentence holding `offset`, or of the whole paragraph, for telling senses apart. */
  wordsAround(offset: number, scope: 'sentence' | 'paragraph'): Set<string> {
    const sentence =
      scope === 'sentence' ? this.sentences().find((s) => s.start <= offset && offset < s.end) : undefined;
    const tokens = this.tokens().filter((t) => !sentence || (t.start >= sentence.start && t.end <= sentence.end));
    return new Set(tokens.map((t) => t.lower));
  }

  /** Sentences written in capitals throughout (headings, notices): there capitals say nothing about acronyms. */
  shoutingSpans(): Array<{ start: number; end: number }> {
    return (this.cache.shouting ??= this.sentences().filter(isShouting));
  }

  /** The sentence holding `offset` has no small letters at all (a heading such as "POLICY" or "AIMS"). */
  hasNoSmallLetters(offset: number): boolean {
    const s = this.sentences().find((x) => x.start <= offset && offset < x.end);
    return s !== undefined && s.words.every((w) => w.text === w.text.toUpperCase());
  }

  isShouting(offset: number): boolean {
    return this.shoutingSpans().some((s) => s.start <= offset && offset < s.end);
  }
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
