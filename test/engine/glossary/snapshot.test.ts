/**
 * A glossary read from a snapshot of the default packs (snapshot.ts) is the glossary the packs make:
 * the same findings on every seed and UK passage; and a snapshot that does not fit is not used.
 */
import { describe, expect, it } from 'vitest';
import { analyserWith } from '../../../src/engine/analyser.js';
import { DEFAULT_PACKS, loadedPacks } from '../../../src/engine/dictionary/builtin.js';
import type { Pack } from '../../../src/engine/dictionary/schema.js';
import { glossarySnapshot, loadGlossary, useGlossarySnapshot } from '../../../src/engine/glossary/compiled.js';
import {
  decodeGlossarySnapshot,
  encodeGlossarySnapshot,
  SNAPSHOT_VERSION,
} from '../../../src/engine/glossary/snapshot.js';
import { adoptVocabulary, vocabularyWords, type MergedTrie } from '../../../src/engine/glossary/trie.js';
import { seedTexts, ukPassageTexts } from '../../helpers.js';

const defaults = () => loadedPacks().filter((p) => DEFAULT_PACKS.includes(p.id));
/** The same packs as new objects: a glossary is made afresh for them (glossaries are kept per pack object). */
const copies = (packs: readonly Pack[]) => packs.map((p) => structuredClone(p));
const texts = [...seedTexts(), ...ukPassageTexts()];
const findingsOf = (packs: readonly Pack[]) => {
  const analyser = analyserWith({}, loadGlossary(packs));
  return texts.map((t) => analyser.analyse(t).findings);
};
const edgesOf = (packs: readonly Pack[]) => (loadGlossary(packs).trie as MergedTrie).arrays().edgeChild;

describe('glossary snapshot', () => {
  const made = glossarySnapshot(defaults());
  const bytes = encodeGlossarySnapshot(made);
  const read = decodeGlossarySnapshot(bytes);

  it('reads back the arrays and words it was made from', () => {
    expect(read.packs).toEqual(made.packs);
    expect(read.vocabulary).toEqual(made.vocabulary);
    expect(read.tries).toEqual(made.tries);
    expect(read.merged).toEqual(made.merged);
    // The packs' tries, and the one trie of entries that more than one pack has.
    expect(read.tries.length).toBe(DEFAULT_PACKS.length + 1);
    // A copy that is not aligned reads the same.
    const shifted = new Uint8Array(bytes.length + 2);
    shifted.set(bytes, 2);
    expect(decodeGlossarySnapshot(shifted.subarray(2))).toEqual(read);
  });

  it('makes the glossary the packs make, finding the same on every seed and UK passage', () => {
    const before = findingsOf(copies(defaults()));
    useGlossarySnapshot(read);
    try {
      const packs = copies(defaults());
      // Its arrays are the snapshot's own: nothing was laid over again.
      expect(edgesOf(packs)).toBe(read.merged.edgeChild);
      expect(findingsOf(packs)).toEqual(before);
    } finally {
      useGlossarySnapshot(undefined);
    }
  });

  it('is not used for other packs, or for packs that changed, and those glossaries are still right', () => {
    useGlossarySnapshot(read);
    try {
      const fewer = copies(defaults()).slice(1);
      expect(edgesOf(fewer)).not.toBe(read.merged.edgeChild);
      const changed = copies(defaults());
      changed[3] = { ...changed[3], entries: changed[3].entries.slice(1) };
      expect(edgesOf(changed)).not.toBe(read.merged.edgeChild);
      useGlossarySnapshot(undefined);
      expect(findingsOf(copies(defaults()).slice(1))).toEqual(findingsOf(fewer));
    } finally {
      useGlossarySnapshot(undefined);
    }
  });

  it('takes its word ids only where the words met so far are its first ones', () => {
    const words = vocabularyWords();
    expect(adoptVocabulary(words)).toBe(true);
    expect(adoptVocabulary(words.slice(0, 10))).toBe(false);
    expect(adoptVocabulary(['not a word of the glossary', ...words])).toBe(false);
    expect(vocabularyWords()).toEqual(words);
  });

  it('refuses bytes of another shape or version, saying why', () => {
    expect(() => decodeGlossarySnapshot(bytes.subarray(0, 4))).toThrow(/too short/);
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(0, SNAPSHOT_VERSION + 1, true);
    expect(() => decodeGlossarySnapshot(other)).toThrow(/version 2.*reads version 1/);
    expect(() => decodeGlossarySnapshot(bytes.subarray(0, bytes.length - 4))).toThrow(/wrong size/);
    const broken = bytes.slice();
    broken[8] = 0x41;
    expect(() => decodeGlossarySnapshot(broken)).toThrow(/not JSON/);
    // An edge table with no empty slot, or counts beyond its arrays, would send the walk astray.
    const full = encodeGlossarySnapshot({
      ...made,
      merged: { ...made.merged, edgeChild: made.merged.edgeChild.map((c) => c || 1) },
    });
    expect(() => decodeGlossarySnapshot(full)).toThrow(/do not add up/);
    const counted = encodeGlossarySnapshot({ ...made, merged: { ...made.merged, counts: Int32Array.of(1e9, 0) } });
    expect(() => decodeGlossarySnapshot(counted)).toThrow(/do not add up/);
    const long = new Uint8Array(bytes.length + 4);
    long.set(bytes);
    expect(() => decodeGlossarySnapshot(long)).toThrow(/wrong size/);
  });
});
