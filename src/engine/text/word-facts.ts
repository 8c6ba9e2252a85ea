/**
 * A table of what readability needs to know of common words (syllables, Gunning's "complex",
 * Dale-Chall's "difficult"), worked out at build time by the same functions the engine runs, so a
 * cold process looks a word up instead of working it out: the first sight of each word, not the
 * text's length, was most of a short `check`'s readability time (the `syllable` package runs about
 * a hundred regular expressions on a new word). A word the table lacks is worked out as before.
 *
 * Format (version 1), little-endian: three 32-bit numbers (version, slot count, bytes of words),
 * the slots (32-bit each), then the words in ASCII, one after another. The slots are an open-addressed
 * hash table (FNV-1a of the word, linear probing); a slot holds a word's offset in the words (20
 * bits), its length (5 bits) and its facts (6 bits), or 0 when empty. Reading it makes no object per
 * word: loading costs a file read, not a parse.
 */

import { int32sAt } from '../binary.js';
import { hashOf as spellingHash } from './tokens.js';

export const WORD_FACTS_VERSION = 1;
const HEADER_BYTES = 12;
const MAX_OFFSET = (1 << 20) - 1;
/** Longest word the table holds (its length has 5 bits). */
export const MAX_FACTS_WORD = 31;
/** Facts are 6 bits: syllables (4 bits), complex, difficult. */
export const MAX_FACTS = 63;

export interface WordFactsTable {
  readonly slots: Int32Array;
  readonly words: string;
  readonly mask: number;
}

/** The spelling table's hash (FNV-1a over the word's code units). */
const hashOf = (word: string) => spellingHash(word, 0, word.length);

const isLowerAscii = (word: string) => /^[a-z]+$/.test(word);

/** The table for `facts` (lower-case ASCII words, each with its facts), as bytes. */
export function encodeWordFacts(facts: ReadonlyMap<string, number>): Uint8Array {
  // At most 70% full: a word not in the table is found missing in a few steps.
  let size = 2;
  while (size * 0.7 < facts.size) size *= 2;
  const slots = new Uint32Array(size);
  let words = '';
  for (const [word, value] of facts) {
    if (!isLowerAscii(word) || word.length > MAX_FACTS_WORD)
      throw new RangeError(
        `A word facts table holds lower-case words of up to ${MAX_FACTS_WORD} letters, not "${word}".`,
      );
    if (!Number.isInteger(value) || value < 0 || value > MAX_FACTS)
      throw new RangeError(`The facts of "${word}" (${value}) do not fit in 6 bits.`);
    if (words.length > MAX_OFFSET) throw new RangeError('Too many words for a word facts table.');
    let at = hashOf(word) & (size - 1);
    while (slots[at] !== 0) at = (at + 1) & (size - 1);
    slots[at] = ((words.length << 11) | (word.length << 6) | value) >>> 0;
    words += word;
  }
  const bytes = new Uint8Array(HEADER_BYTES + slots.byteLength + words.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, WORD_FACTS_VERSION, true);
  view.setUint32(4, size, true);
  view.setUint32(8, words.length, true);
  for (let i = 0; i < size; i++) view.setUint32(HEADER_BYTES + i * 4, slots[i], true);
  for (let i = 0; i < words.length; i++) bytes[HEADER_BYTES + size * 4 + i] = words.charCodeAt(i);
  return bytes;
}

/** Reads a table made by `encodeWordFacts`; throws a RangeError on bytes of another shape or version. */
export function decodeWordFacts(bytes: Uint8Array): WordFactsTable {
  if (bytes.byteLength < HEADER_BYTES) throw new RangeError('A word facts table is too short.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0, true);
  if (version !== WORD_FACTS_VERSION)
    throw new RangeError(`A word facts table of version ${version}; this engine reads version ${WORD_FACTS_VERSION}.`);
  const size = view.getUint32(4, true);
  const length = view.getUint32(8, true);
  if (size === 0 || (size & (size - 1)) !== 0 || bytes.byteLength !== HEADER_BYTES + size * 4 + length)
    throw new RangeError('A word facts table of the wrong size.');
  // A slot's number has 31 bits (20 + 5 + 6), so it reads the same as a signed one.
  const slots = int32sAt(bytes, HEADER_BYTES, size);
  // A table with no empty slot would never end a search for a word it lacks.
  if (slots.indexOf(0) < 0) throw new RangeError('A word facts table with no empty slot.');
  // ASCII is UTF-8: a byte that is not UTF-8 throws, and other UTF-8 makes fewer characters than bytes.
  let words = '';
  try {
    words = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER_BYTES + size * 4));
  } catch {
    // Said below.
  }
  if (words.length !== length) throw new RangeError('A word facts table whose words are not ASCII.');
  return { slots, words, mask: size - 1 };
}

/** The facts of `lower` (a lower-case word), or -1 when the table does not have it. */
export function wordFactsOf(table: WordFactsTable, lower: string): number {
  if (lower.length > MAX_FACTS_WORD) return -1;
  const { slots, words, mask } = table;
  for (let at = hashOf(lower) & mask; ; at = (at + 1) & mask) {
    const slot = slots[at];
    if (slot === 0) return -1;
    if (((slot >>> 6) & 31) === lower.length && words.startsWith(lower, slot >>> 11)) return slot & 63;
  }
}
