/**
 * The build's table of common words' facts (scripts/word-facts.ts, made by `npm run
 * build:dictionaries`) says what the engine works out for every word in it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wordFacts } from '../../src/engine/readability.js';
import { decodeWordFacts, wordFactsOf } from '../../src/engine/text/word-facts.js';

const built = decodeWordFacts(readFileSync(new URL('../../src/generated/word-facts.bin', import.meta.url)));

/** Every word in the table, read back from its slots. */
function wordsOf(table: ReturnType<typeof decodeWordFacts>): string[] {
  const words: string[] = [];
  for (const slot of table.slots)
    if (slot !== 0) words.push(table.words.slice(slot >>> 11, (slot >>> 11) + ((slot >>> 6) & 31)));
  return words;
}

describe("the build's word facts", () => {
  it('give every word the figures the engine works out for it', () => {
    const words = wordsOf(built);
    expect(words.length).toBeGreaterThan(30_000);
    const wrong = words.filter((w) => wordFactsOf(built, w) !== wordFacts(w));
    expect(wrong).toEqual([]);
  });

  it('hold British spellings and the glossary’s own words', () => {
    for (const word of ['behaviour', 'organisation', 'recognised', 'colour', 'provision', 'tribunal', 'dyspraxia'])
      expect(wordFactsOf(built, word), word).toBeGreaterThanOrEqual(0);
    expect(wordFactsOf(built, 'provision')).toBe(wordFacts('provision'));
  });
});
