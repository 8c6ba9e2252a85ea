/**
 * The build's snapshot of the default packs' glossary (src/generated/glossary.bin, made by `npm run
 * build:dictionaries`) fits the packs as built and is read in place of making their glossary.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyserWith } from '../../src/engine/analyser.js';
import { DEFAULT_PACKS, loadedPacks } from '../../src/engine/dictionary/builtin.js';
import { loadGlossary, useGlossarySnapshot } from '../../src/engine/glossary/compiled.js';
import { decodeGlossarySnapshot } from '../../src/engine/glossary/snapshot.js';
import type { MergedTrie } from '../../src/engine/glossary/trie.js';
import { seedTexts } from '../helpers.js';

describe("the build's glossary snapshot", () => {
  it('is of the default packs as built, and gives their findings', () => {
    const built = decodeGlossarySnapshot(readFileSync(new URL('../../src/generated/glossary.bin', import.meta.url)));
    expect(built.packs.map((p) => p.id)).toEqual(DEFAULT_PACKS);
    // Read in a process that has made no glossary yet (this file's), so its word ids are taken as they are.
    useGlossarySnapshot(built);
    const packs = loadedPacks().filter((p) => DEFAULT_PACKS.includes(p.id));
    const glossary = loadGlossary(packs);
    expect((glossary.trie as MergedTrie).arrays().edgeChild).toBe(built.merged.edgeChild);
    const fromSnapshot = seedTexts().map((t) => analyserWith({}, glossary).analyse(t).findings);
    useGlossarySnapshot(undefined);
    const made = loadGlossary(packs.map((p) => structuredClone(p)));
    expect((made.trie as MergedTrie).arrays().edgeChild).not.toBe(built.merged.edgeChild);
    expect(seedTexts().map((t) => analyserWith({}, made).analyse(t).findings)).toEqual(fromSnapshot);
  });
});
