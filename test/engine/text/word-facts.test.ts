import { describe, expect, it } from 'vitest';
import {
  decodeWordFacts,
  encodeWordFacts,
  MAX_FACTS_WORD,
  WORD_FACTS_VERSION,
  wordFactsOf,
} from '../../../src/engine/text/word-facts.js';

const sample = new Map([
  ['cat', 1],
  ['provision', 3 | 16 | 32],
  ['behaviour', 3 | 32],
  ['a', 1],
  ['aa', 63],
  ['z'.repeat(MAX_FACTS_WORD), 0],
]);

/** Words like "w0001a" … in letters only: many, with shared beginnings and endings. */
function manyWords(n: number): Map<string, number> {
  const letters = (k: number) => k.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)));
  return new Map(Array.from({ length: n }, (_, k) => [`w${letters(k)}s`, k % 64] as const));
}

describe('word facts table', () => {
  it('finds every word it was made from, with its facts', () => {
    const table = decodeWordFacts(encodeWordFacts(sample));
    for (const [word, facts] of sample) expect(wordFactsOf(table, word)).toBe(facts);
    const many = manyWords(20_000);
    const big = decodeWordFacts(encodeWordFacts(many));
    for (const [word, facts] of many) expect(wordFactsOf(big, word)).toBe(facts);
    // Never more than 70% full, so a missing word is found missing in a few steps.
    expect(big.slots.filter((s) => s !== 0).length / big.slots.length).toBeLessThanOrEqual(0.7);
  });

  it('does not find words it was not made from: parts, longer words, capitals, empty', () => {
    const table = decodeWordFacts(encodeWordFacts(sample));
    for (const word of [
      '',
      'ca',
      'cats',
      'Cat',
      'CAT',
      'provisions',
      'provisio',
      'aaa',
      'b',
      'z'.repeat(MAX_FACTS_WORD + 1),
    ])
      expect(wordFactsOf(table, word)).toBe(-1);
    // A word sharing letters with one in the table, in the words' run ("atp" is in "catprovision").
    expect(wordFactsOf(table, 'atp')).toBe(-1);
    const some = manyWords(5_000);
    const big = decodeWordFacts(encodeWordFacts(some));
    for (const word of manyWords(6_000).keys()) if (!some.has(word)) expect(wordFactsOf(big, word)).toBe(-1);
  });

  it('makes the same bytes from the same words, and reads a copy that is not aligned', () => {
    const bytes = encodeWordFacts(sample);
    expect(encodeWordFacts(new Map(sample))).toEqual(bytes);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const table = decodeWordFacts(shifted.subarray(1));
    for (const [word, facts] of sample) expect(wordFactsOf(table, word)).toBe(facts);
  });

  it('refuses bytes of another shape or version, saying why', () => {
    const bytes = encodeWordFacts(sample);
    expect(() => decodeWordFacts(bytes.subarray(0, 8))).toThrow(/too short/);
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(0, WORD_FACTS_VERSION + 1, true);
    expect(() => decodeWordFacts(other)).toThrow(/version 2.*reads version 1/);
    expect(() => decodeWordFacts(bytes.subarray(0, bytes.length - 1))).toThrow(/wrong size/);
    const odd = bytes.slice();
    new DataView(odd.buffer).setUint32(4, 3, true);
    expect(() => decodeWordFacts(odd)).toThrow(/wrong size/);
    // Every slot full: a search for a missing word would never end.
    const full = bytes.slice();
    const view = new DataView(full.buffer);
    for (let i = 0; i < view.getUint32(4, true); i++)
      if (view.getUint32(12 + 4 * i, true) === 0) view.setUint32(12 + 4 * i, 1 << 6, true);
    expect(() => decodeWordFacts(full)).toThrow(/no empty slot/);
    const accented = bytes.slice();
    accented[accented.length - 1] = 0xe9;
    expect(() => decodeWordFacts(accented)).toThrow(/not ASCII/);
    // Good UTF-8 that is not ASCII ("é" in two bytes) is refused too.
    const two = bytes.slice();
    two.set([0xc3, 0xa9], two.length - 2);
    expect(() => decodeWordFacts(two)).toThrow(/not ASCII/);
  });

  it('holds only lower-case words of up to 31 letters, with facts that fit', () => {
    expect(() => encodeWordFacts(new Map([['Cat', 1]]))).toThrow(/lower-case words/);
    expect(() => encodeWordFacts(new Map([["child's", 1]]))).toThrow(/lower-case words/);
    expect(() => encodeWordFacts(new Map([['z'.repeat(32), 1]]))).toThrow(/up to 31 letters/);
    expect(() => encodeWordFacts(new Map([['cat', 64]]))).toThrow(/do not fit/);
    expect(() => encodeWordFacts(new Map([['cat', 1.5]]))).toThrow(/do not fit/);
  });
});
