/** A law's full title says what it is (test/fixtures/ANNOTATING.md, rule 5): known, not reported; its short form is. */
import { expect, test } from 'vitest';
import { createAnalyser } from '../../../src/engine/analyser.js';
import type { Pack } from '../../../src/engine/dictionary/schema.js';
import { isLawTitle } from '../../../src/engine/glossary/glossary.js';

const laws: Pack = {
  id: 'laws',
  name: 'Laws',
  known: [],
  entries: [
    {
      term: 'WID Regulations',
      kind: 'jargon',
      variants: ['WID Regulations 2019', 'Widget Safety (Wales) Regulations 2019'],
      definition: 'Rules about widgets.',
      source: 'test',
      examples: { flag: [] },
    },
    {
      term: 'Widget Act 2020',
      kind: 'jargon',
      definition: 'A law about widgets.',
      source: 'test',
      examples: { flag: [] },
    },
    {
      term: 'UNCRW',
      kind: 'acronym',
      expansion: 'United Nations Convention on the Rights of Widgets',
      definition: 'A world deal on widgets.',
      source: 'test',
      examples: { flag: [] },
    },
    { term: 'Safety', kind: 'jargon', definition: 'Not an inside word.', source: 'test', examples: { flag: [] } },
  ],
};

const text =
  'The Widget Safety (Wales) Regulations 2019, the WID Regulations 2019, the Widget Act 2020 and the ' +
  'United Nations Convention on the Rights of Widgets all apply.';
const marked = (includeCommon: boolean) =>
  createAnalyser({ packs: [], extraPacks: [laws], includeCommon })
    .analyse(text)
    .findings.filter((f) => f.category === 'jargon' || f.category === 'acronym')
    .map((f) => f.text);

test('a full title is known but not reported, and no word inside it is; a short form in one still is', () => {
  expect(marked(false)).toEqual(['WID Regulations 2019']);
});

test('asked for common words too, the titles are explained', () => {
  expect(marked(true)).toEqual([
    'Widget Safety (Wales) Regulations 2019',
    'WID Regulations 2019',
    'Widget Act 2020',
    'United Nations Convention on the Rights of Widgets',
  ]);
});

test('what counts as a full title', () => {
  for (const t of [
    'Special Educational Needs and Disability Regulations 2014',
    'Additional Learning Needs (Wales) Regulations 2021',
    'Education (Northern Ireland) Order 1996',
    'Mental Health (Wales) Measure 2010',
    'Children and Families Act 2014',
    'United Nations Convention on the Rights of the Child',
  ])
    expect(isLawTitle(t), t).toBe(true);
  for (const t of [
    'SEND Regulations 2014',
    'Mental Health Act',
    'ALN Act 2018',
    'Therapy Outcome Measure',
    'the act 2014',
  ])
    expect(isLawTitle(t), t).toBe(false);
});
