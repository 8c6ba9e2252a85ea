/**
 * The types every surface shares. Offsets are UTF-16 code units into the text given to
 * `analyse` (what JavaScript strings index), so `text.slice(f.start, f.end) === f.text`.
 */

export type Category = 'acronym' | 'jargon' | 'plain-word' | 'sentence';

export type AudienceId = 'parent-carer' | 'school-staff' | 'professional';

/** A change the user can accept: replace the finding's span with `text`. */
export interface Replacement {
  /** What a button says, e.g. `Explain at first use`. */
  label: string;
  text: string;
}

/** Where a definition came from, so a card can say so. */
export interface TermSource {
  /** Pack id, e.g. `england`, `devon`, `user`. */
  pack: string;
  /** The pack's display name. */
  packName: string;
  /** The kind of public source the entry was written from. */
  reference: string;
}

export interface Finding {
  category: Category;
  /** Id of the rule that made it, e.g. `glossary-term`. */
  rule: string;
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`. */
  text: string;
  message: string;
  /** Glossary headword, e.g. `EHCP`. */
  term?: string;
  /** What an acronym stands for. */
  expansion?: string;
  /** Plain meaning. */
  definition?: string;
  /** Plain words to use instead. */
  suggestions: string[];
  /** Changes the user can accept, best first. */
  replacements: Replacement[];
  /** For acronyms: the text itself explains it (here or earlier). */
  explained?: boolean;
  /** Which glossary entry, if any: `pack:headword`. */
  entryId?: string;
  source?: TermSource;
}

/** Additive counts: a document's counts are the sum of its paragraphs'. */
export interface TextCounts {
  words: number;
  sentences: number;
  syllables: number;
  /** Letters and digits in words (Coleman-Liau, ARI). */
  characters: number;
  /** Words of three or more syllables (SMOG, Gunning fog). */
  polysyllables: number;
  /** Words of three or more syllables that are not proper nouns, compounds or -es/-ed/-ing forms (Gunning fog). */
  complexWords: number;
  /** Words outside the Dale-Chall list of familiar words. */
  difficultWords: number;
  /** Words with at most two syllables (Linsear Write). */
  easyWords: number;
}

export interface Readability extends TextCounts {
  averageSentenceLength: number;
  averageSyllablesPerWord: number;
  fleschReadingEase: number;
  fleschKincaidGrade: number;
  /** UK reading age in years: Flesch-Kincaid grade + 5, floored at 5. */
  readingAge: number;
  gunningFog: number;
  smogIndex: number;
  colemanLiauIndex: number;
  automatedReadabilityIndex: number;
  daleChallScore: number;
  linsearWrite: number;
  /** Longest sentence, in words. */
  longestSentence: number;
}

export interface ParagraphReport {
  start: number;
  end: number;
  readability: Readability;
}

export interface Analysis {
  findings: Finding[];
  readability: Readability;
  paragraphs: ParagraphReport[];
  /** The reading age the audience should be able to manage. */
  audience: Audience;
  /** True when the whole text is within the audience's reading age. */
  withinAudience: boolean;
}

export interface Audience {
  id: AudienceId;
  label: string;
  /** Highest UK reading age that counts as easy enough. */
  maxReadingAge: number;
  /** A sentence longer than this (in words) is flagged. */
  maxSentenceWords: number;
}
