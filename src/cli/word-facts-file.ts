/**
 * Gives the engine the build's table of common words' readability facts (src/engine/text/word-facts.ts),
 * so a check looks a word's syllables up rather than working them out. The answers are the same
 * without it, only slower: a table that is missing or of another version is left unused.
 */
import { readFileSync } from 'node:fs';
import type { WordFactsTable } from '../engine/text/word-facts.js';

interface UsesWordFacts {
  useWordFacts(table: WordFactsTable | undefined): void;
  decodeWordFacts(bytes: Uint8Array): WordFactsTable;
}

/** Loads the table at `file` into `engine`; says whether it could. */
export function loadWordFacts(engine: UsesWordFacts, file: URL): boolean {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return false;
  }
  try {
    engine.useWordFacts(engine.decodeWordFacts(bytes));
    return true;
  } catch {
    return false;
  }
}
