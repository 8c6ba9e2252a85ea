/**
 * Gives the engine what the build worked out ahead for it: common words' readability facts
 * (src/engine/text/word-facts.ts), so a check looks a word's syllables up, and the default packs'
 * glossary (src/engine/glossary/snapshot.ts), so start-up reads it rather than making it. The answers
 * are the same without them, only slower: a file that is missing or of another version is left unused.
 */
import { readFileSync } from 'node:fs';
import type { GlossarySnapshot } from '../engine/glossary/snapshot.js';
import type { WordFactsTable } from '../engine/text/word-facts.js';

interface UsesWordFacts {
  useWordFacts(table: WordFactsTable | undefined): void;
  decodeWordFacts(bytes: Uint8Array): WordFactsTable;
}

interface UsesGlossarySnapshot {
  useGlossarySnapshot(snapshot: GlossarySnapshot | undefined): void;
  decodeGlossarySnapshot(bytes: Uint8Array): GlossarySnapshot;
}

/** `use(decode(the file's bytes))`; false, and nothing used, when the file is not there or will not decode. */
function loadFile<T>(file: URL, decode: (bytes: Uint8Array) => T, use: (data: T) => void): boolean {
  let data: T;
  try {
    data = decode(readFileSync(file));
  } catch {
    return false;
  }
  use(data);
  return true;
}

/** Loads the word facts table at `file` into `engine`; says whether it could. */
export function loadWordFacts(engine: UsesWordFacts, file: URL): boolean {
  return loadFile(file, engine.decodeWordFacts, engine.useWordFacts);
}

/** Loads the glossary snapshot at `file` into `engine`; says whether it could. */
export function loadGlossarySnapshot(engine: UsesGlossarySnapshot, file: URL): boolean {
  return loadFile(file, engine.decodeGlossarySnapshot, engine.useGlossarySnapshot);
}
