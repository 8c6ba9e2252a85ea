/** Analysers over the same packs share one glossary, so a fresh analyser does not build its trie again. */
import { expect, test } from 'vitest';
import { choosePacks, createAnalyser } from '../../../src/engine/analyser.js';
import type { Pack } from '../../../src/engine/dictionary/schema.js';
import { loadGlossary } from '../../../src/engine/glossary/compiled.js';

const own: Pack = {
  id: 'own',
  name: 'Your terms',
  known: [],
  entries: [{ term: 'Rainbow Room', kind: 'jargon', definition: 'A calm room.', source: 'me', examples: { flag: [] } }],
};

test('the same packs, the same glossary; other packs or common words, another', () => {
  const packs = choosePacks({});
  expect(loadGlossary(packs)).toBe(loadGlossary([...packs]));
  expect(createAnalyser().glossary).toBe(createAnalyser({ audience: 'professional' }).glossary);
  expect(loadGlossary(packs, { includeCommon: true })).not.toBe(loadGlossary(packs));
  expect(loadGlossary([...packs, own])).not.toBe(loadGlossary(packs));
  expect(loadGlossary([...packs].reverse())).not.toBe(loadGlossary(packs));
  // Another pack object, even with the same content, is not assumed to be the same.
  expect(loadGlossary([...packs, { ...own }])).not.toBe(loadGlossary([...packs, own]));
  const text = 'We met in the Rainbow Room about the EHCP.';
  expect(
    createAnalyser({ extraPacks: [own] })
      .analyse(text)
      .findings.map((f) => f.text),
  ).toEqual(['Rainbow Room', 'EHCP']);
});

test('a caller changing its list of packs afterwards does not change the glossary', () => {
  const packs = choosePacks({});
  const glossary = loadGlossary(packs);
  packs.push(own);
  expect(glossary.root.next.get('rainbow')).toBeUndefined();
  expect(glossary.entries.some((e) => e.pack === 'own')).toBe(false);
});
