/**
 * The glossary compiled at build time (compiled.ts, what every analyser uses) against the one
 * built from the entries at start-up (compileGlossary, the reference): the same findings on
 * every seed, every UK passage and every written form of every entry, with every pack on, on
 * the dictionaries as they are now (not a stored snapshot).
 */
import { describe, expect, test } from 'vitest';
import { analyserWith, choosePacks, createAnalyser, type AnalyseOptions } from '../../../src/engine/analyser.js';
import { loadedPacks, PACK_INDEX } from '../../../src/engine/dictionary/builtin.js';
import type { Pack } from '../../../src/engine/dictionary/schema.js';
import { loadGlossary } from '../../../src/engine/glossary/compiled.js';
import { compileGlossary } from '../../../src/engine/glossary/glossary.js';
import { everyWrittenForm, seedTexts, ukPassageTexts } from '../../helpers.js';

const ALL = PACK_INDEX.map((p) => p.id);
const seeds = seedTexts();
const passages = ukPassageTexts();
const everyForm = everyWrittenForm();

/** A user's own terms that redefine built-in ones (merged when the glossary is made) and add new ones. */
const own: Pack = {
  id: 'own',
  name: 'Your terms',
  known: ['QRB'],
  entries: [
    {
      term: 'EHCP',
      kind: 'acronym',
      expansion: 'my plan',
      variants: ['EHC plan', 'E.H.C.P.'],
      definition: 'Mine.',
      source: 'me',
      examples: { flag: [] },
    },
    {
      term: 'SENCo',
      kind: 'acronym',
      caseSensitive: true,
      expansion: 'the SEN lead',
      definition: 'Ours.',
      source: 'me',
      examples: { flag: [] },
    },
    { term: 'Rainbow Room', kind: 'jargon', definition: 'A calm room.', source: 'me', examples: { flag: [] } },
    // Written as built-in forms are spelled otherwise: a written form wins over another spelling, whichever pack,
    // even a plain long form over a flagged phrase's other spelling in the same pack.
    { term: 'SEN co-ordinator', kind: 'jargon', definition: 'Our lead.', source: 'me', examples: { flag: [] } },
    {
      term: 'QMT',
      kind: 'acronym',
      expansion: 'multiagency team',
      flagExpansion: false,
      definition: 'A team.',
      source: 'me',
      examples: { flag: [] },
    },
    { term: 'multi-agency team', kind: 'jargon', definition: 'A team.', source: 'me', examples: { flag: [] } },
    { term: 'utilise', kind: 'plain-word', suggestions: ['use'], source: 'me', examples: { flag: [] } },
  ],
};

const OPTIONS: Array<[string, AnalyseOptions]> = [
  ['every pack', { packs: ALL }],
  ['every pack, common words too', { packs: ALL, includeCommon: true }],
  ['every pack and a user’s own terms', { packs: ALL, extraPacks: [own] }],
  ['the default packs', {}],
];

describe('the compiled glossary gives the same findings as the glossary built from the entries', () => {
  test.each(OPTIONS)('%s', (_, options) => {
    const reference = analyserWith(
      options,
      compileGlossary(choosePacks(options), { includeCommon: options.includeCommon }),
    );
    const compiled = createAnalyser(options);
    let findings = 0;
    const ownForms = 'The SEN coordinator and the multiagency team, the Multi-agency Team and the SEN Co-ordinator.';
    for (const text of [...seeds, ...passages, everyForm, ownForms]) {
      const want = reference.analyse(text);
      expect(compiled.analyse(text)).toEqual(want);
      findings += want.findings.length;
    }
    expect(findings).toBeGreaterThan(5_000);
    expect(compiled.glossary.entries.map((e) => e.id)).toEqual(reference.glossary.entries.map((e) => e.id));
    expect(compiled.glossary.maxTokens).toBeGreaterThanOrEqual(reference.glossary.maxTokens);
    expect([...compiled.glossary.known].sort()).toEqual([...reference.glossary.known].sort());
  });

  test('the short forms a text may explain are the same entries', () => {
    const packs = [...choosePacks({ packs: ALL }), own];
    const reference = compileGlossary(packs);
    const compiled = loadGlossary(packs);
    const texts = packs.flatMap((p) => p.entries.flatMap((e) => [e.term, ...(e.variants ?? [])]));
    let found = 0;
    for (const t of texts) {
      expect(compiled.acronyms.get(t)?.id, t).toBe(reference.acronyms.get(t)?.id);
      if (reference.acronyms.get(t)) found++;
    }
    expect(found).toBeGreaterThan(300);
  });

  test('the built packs carry their compiled forms; a pack without them is compiled when it is on', () => {
    const kent = loadedPacks().find((p) => p.id === 'kent') as Pack & { compiled?: { v: number } };
    expect(kent.compiled?.v).toBe(3);
    const { compiled: _, ...bare } = kent;
    const text = 'The STLS and the LIFT meeting. Your EHCP.';
    expect(loadGlossary([bare]).root.next.get('stls')?.forms[0].entry.id).toBe('kent:STLS');
    expect(analyserWith({}, loadGlossary([bare])).analyse(text)).toEqual(
      analyserWith({}, loadGlossary([kent])).analyse(text),
    );
  });

  test('a node made when a text first reaches it is the same whichever text reaches it first', () => {
    // Forms that share their first words to several depths, with punctuation, capitals, plurals and other spellings.
    const shared: Pack = {
      id: 'shared',
      name: 'Shared words',
      known: [],
      entries: [
        { term: 'care plan', kind: 'jargon', definition: 'A plan.', source: 'me', examples: { flag: [] } },
        { term: 'care plan review', kind: 'jargon', definition: 'A review.', source: 'me', examples: { flag: [] } },
        { term: 'care and support plan', kind: 'jargon', definition: 'Help.', source: 'me', examples: { flag: [] } },
        {
          term: 'CP',
          kind: 'acronym',
          caseSensitive: true,
          expansion: 'care plan',
          flagExpansion: false,
          definition: 'A plan.',
          source: 'me',
          examples: { flag: [] },
        },
        { term: 'care co-ordinator', kind: 'jargon', definition: 'A lead.', source: 'me', examples: { flag: [] } },
        { term: 'care (s.17)', kind: 'jargon', definition: 'A duty.', source: 'me', examples: { flag: [] } },
      ],
    };
    const texts = [
      'Your care plan and the care plan reviews.',
      'The Care and Support Plan names a care coordinator; the care (s.17) duty and the CP.',
      'Care. Plan. care, plan review and care-plan.',
    ];
    const packs = [...choosePacks({}), shared];
    const reference = analyserWith({}, compileGlossary(packs));
    const want = texts.map((t) => reference.analyse(t));
    expect(want.flatMap((a) => a.findings).length).toBeGreaterThanOrEqual(6);
    for (const order of [texts, [...texts].reverse()]) {
      // Copies of the packs: a new glossary each time, its trie grown from nothing in this order.
      const analyser = analyserWith({}, loadGlossary(packs.map((p) => ({ ...p }))));
      const got = new Map(order.map((t) => [t, analyser.analyse(t)]));
      texts.forEach((t, i) => expect(got.get(t), t).toEqual(want[i]));
    }
  });
});
