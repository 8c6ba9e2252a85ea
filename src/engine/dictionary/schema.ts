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
