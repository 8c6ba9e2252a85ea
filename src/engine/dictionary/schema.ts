/** The dictionary file format (see dictionaries/README.md). */

export type EntryKind = 'acronym' | 'jargon' | 'plain-word';

export const TOPICS = [
  'concerns',
  'sen-support',
  'assessment',
  'ehcp',
  'review',
  'disagreement',
  'funding',
  'school',
  'early-years',
  'post-16',
  'adulthood',
  'transport',
  'exclusion',
  'attendance',
  'health',
  'therapy',
  'social-care',
  'benefits',
  'needs',
  'law',
  'people',
  'services',
  'general',
] as const;
export type Topic = (typeof TOPICS)[number];

export interface Sense {
  expansion: string;
  definition: string;
  /** Lower-case words that, nearby, point to this sense. */
  cues?: string[];
  suggestions?: string[];
}

/**
 * Words around a term that say it is used in its SEND sense ("setting" after "early years", "panel"
 * in a sentence about a decision). A pattern holds when all the parts it gives hold.
 */
export interface ContextPattern {
  /** A word or phrase just before the term, in the same sentence (a plural in the text counts as its singular). */
  before?: string[];
  /** A word or phrase just after the term, in the same sentence. */
  after?: string[];
  /** A word anywhere in the same sentence. A word with capitals (`SEN`) counts only in capitals. */
  sentence?: string[];
  /** Every word of the term is written with a capital (`School Action`). */
  capitals?: boolean;
}

/** When an everyday word is marked: when one `when` pattern holds, and never when a part of `unless` holds. */
export interface EntryContext {
  when?: ContextPattern[];
  unless?: Omit<ContextPattern, 'capitals'>;
}

/** One other form of a plain word ("utilised"), with its suggestions in the same form ("used"). */
export interface Inflection {
  text: string;
  suggestions: string[];
  /** Where they differ, the suggestions after have or be ("has been submitted" → "has been given", not "gave"). */
  afterHave?: string[];
}

export interface DictionaryEntry {
  term: string;
  kind: EntryKind;
  expansion?: string;
  variants?: string[];
  definition?: string;
  suggestions?: string[];
  senses?: Sense[];
  caseSensitive?: boolean;
  flagExpansion?: boolean;
  /** A word most readers know: defined for look-up, not flagged in text. */
  common?: boolean;
  /** An everyday word that is marked only where the words around it show its SEND sense. */
  context?: EntryContext;
  /**
   * A plain word whose term starts with a verb ("utilise", "liaise with"): its other forms are
   * found too ("utilised", "liaising with"), and the suggestions given in the same form.
   */
  verb?: boolean;
  /** Made at build time from `verb`: each other written form with its suggestions in that form. */
  inflections?: Inflection[];
  topic?: Topic;
  source: string;
  examples: { flag: string[]; pass?: string[] };
}

export interface DictionaryFile {
  pack: string;
  name: string;
  description?: string;
  /** A local pack's own web sites (the council's host, its Local Offer's host): read mode turns the pack on there. */
  hosts?: string[];
  entries: DictionaryEntry[];
  /** Acronyms every reader knows: never flagged as unknown. */
  known?: string[];
}

/** A pack as the engine uses it: one or more files merged. */
export interface Pack {
  id: string;
  name: string;
  description?: string;
  hosts?: string[];
  entries: DictionaryEntry[];
  known: string[];
}
