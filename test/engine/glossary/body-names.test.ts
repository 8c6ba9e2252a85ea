/** A body's full name that ends in what kind of body it is says what it is (ANNOTATING.md, rule 5): known, not reported; its short form is. */
import { expect, test } from 'vitest';
import { createAnalyser } from '../../../src/engine/analyser.js';
import type { Pack } from '../../../src/engine/dictionary/schema.js';
import { isBodyName } from '../../../src/engine/glossary/glossary.js';

const bodies: Pack = {
  id: 'bodies',
  name: 'Bodies',
  known: [],
  entries: [
    {
      term: 'WQA',
      kind: 'acronym',
      expansion: 'Widget Quality Authority',
      definition: 'The body that checks widgets.',
      source: 'test',
      examples: { flag: [] },
    },
    {
      term: 'WECNI',
      kind: 'acronym',
      expansion: 'Widget Equality Commission for Northern Ireland',
      definition: 'The body that keeps widgets fair.',
      source: 'test',
      examples: { flag: [] },
    },
    {
      term: 'WCB',
      kind: 'acronym',
      expansion: 'Widget Care Board',
      definition: 'The board that plans widget care.',
      source: 'test',
      examples: { flag: [] },
    },
  ],
};

const marked = (text: string, includeCommon = false) =>
  createAnalyser({ packs: [], extraPacks: [bodies], includeCommon })
    .analyse(text)
    .findings.filter((f) => f.category === 'jargon' || f.category === 'acronym')
    .map((f) => f.text);

test('a body named for what kind of body it is is known but not reported; its short form and a board still are', () => {
  expect(
    marked('The Widget Quality Authority and the Widget Equality Commission for Northern Ireland will write.'),
  ).toEqual([]);
  expect(marked('The WQA will write to the Widget Care Board.')).toEqual(['WQA', 'Widget Care Board']);
  expect(marked('The Widget Quality Authority will write.', true)).toEqual(['Widget Quality Authority']);
});

test('which names are a body’s full name', () => {
  for (const t of [
    'Care Quality Commission',
    'Equality Commission for Northern Ireland',
    'National Autistic Society',
    'Health and Social Care Board',
    'Swansea Bay University Health Board',
  ])
    expect(isBodyName(t), t).toBe(true);
  for (const t of ['local authority', 'Integrated Care Board', 'SEND Authority', 'Local Authority Designated Officer'])
    expect(isBodyName(t), t).toBe(false);
});
