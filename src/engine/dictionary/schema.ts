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
