import { describe, expect, it } from 'vitest';
import {
  createAnalyser,
  mergeFiles,
  parseDictionary,
  parseOwnDictionary,
  validateDictionary,
} from '../../../src/engine/index.js';

const own = {
  pack: 'mine',
  name: 'My terms',
  entries: [{ term: 'Rainbow Room', kind: 'jargon', definition: 'Our quiet room.' }],
};

describe("own terms: a user's or a school's", () => {
  it('need no source or examples, and get them filled in for the engine', () => {
    const r = validateDictionary(own, { level: 'own' });
    expect(r.errors).toEqual([]);
    expect(r.file!.entries[0]).toMatchObject({ source: 'My terms', examples: { flag: [] } });
    const pack = [...mergeFiles([r.file!]).values()];
    const f = createAnalyser({ extraPacks: pack }).analyse('Meet in the Rainbow Room.').findings[0];
    expect(f.source).toEqual({ pack: 'mine', packName: 'My terms', reference: 'My terms' });
  });

  it('still check everything else, and source and examples when they are given', () => {
    const bad = {
      ...own,
      entries: [{ term: 'ELSA', kind: 'acronym', definition: 'A helper.', source: 3, examples: { flag: 'x' } }],
    };
    expect(validateDictionary(bad, { level: 'own' }).errors).toEqual([
      'Entry 1 ("ELSA"): "source" must be text.',
      'Entry 1 ("ELSA"): an acronym needs "expansion" (what the letters stand for).',
      'Entry 1 ("ELSA"): "examples" must have "flag": a list of sentences in which the term must be found.',
    ]);
  });

  it('the shipped level (the default) is as strict as before', () => {
    expect(validateDictionary(own).errors).toEqual([
      'Entry 1 ("Rainbow Room"): "source" is missing: name the kind of public source the facts came from.',
      'Entry 1 ("Rainbow Room"): "examples" needs "flag": at least one sentence in which the term must be found.',
    ]);
    const text = JSON.stringify(own);
    expect(parseDictionary(text, 'mine.json').file).toBeUndefined();
    expect(parseOwnDictionary(text, 'mine.json').file?.entries).toHaveLength(1);
  });
});
