import { describe, expect, test } from 'vitest';
import { PACK_INDEX, DEFAULT_PACKS, createAnalyser } from '../../src/engine/index.js';
import { mergeSources, type SourcesInput } from '../../src/browser/store/dictionary-sources.js';
import { NO_POLICY, parseManagedPolicy } from '../../src/browser/store/managed-policy.js';
import { analyseRequest } from '../../src/browser/messages/engine-service.js';
import { ANALYSE, unpack } from '../../src/browser/messages/protocol.js';
import type { DictionaryFile } from '../../src/engine/dictionary/schema.js';

const ids = PACK_INDEX.map((p) => p.id);
const base: SourcesInput = {
  builtin: PACK_INDEX,
  defaultPacks: DEFAULT_PACKS,
  packChoices: {},
  imported: [],
  managed: NO_POLICY,
  ownTerms: [],
  chosenAudience: null,
  offCategories: [],
  ignored: [],
};

const file = (pack: string, name: string, definition: string): DictionaryFile => ({
  pack,
  name,
  entries: [{ term: 'Rainbow Room', kind: 'jargon', definition, source: name, examples: { flag: [] } }],
});

/** Which source's definition the engine gives for a word, through the worker's own code path. */
function cardFor(input: SourcesInput, text: string) {
  const r = analyseRequest({ type: ANALYSE, text, mode: 'write' }, mergeSources(input).settings);
  if (!r.ok) throw new Error(r.error);
  return unpack(r.spans, r.details, text);
}

describe('merging the sources of definitions', () => {
  test('with nothing set: the default packs, regional packs off, no extra packs, all categories', () => {
    const s = mergeSources(base);
    expect(s.settings.packs).toEqual(ids.filter((id) => DEFAULT_PACKS.includes(id)));
    expect(s.settings.packs).not.toContain('devon');
    expect(s.settings.extraPacks).toEqual([]);
    expect(s.settings.categories).toBeUndefined();
    expect(s.audience).toBe('parent-carer');
    expect(s.audienceFrom).toBe('default');
    expect(s.list.filter((x) => x.kind === 'builtin').map((x) => x.id)).toEqual(ids);
    expect(s.list.at(-1)).toMatchObject({ kind: 'own', name: 'Your terms', entries: 0, locked: false });
  });

  test('the user turns packs on and off; categories off are left out', () => {
    const s = mergeSources({
      ...base,
      packChoices: { devon: true, 'plain-words': false },
      offCategories: ['sentence', 'plain-word'],
    });
    expect(s.settings.packs).toContain('devon');
    expect(s.settings.packs).not.toContain('plain-words');
    expect(s.settings.categories).toEqual(['acronym', 'jargon']);
    const text = 'We will utilise it. The EHCP is due.';
    expect(cardFor({ ...base, offCategories: ['sentence', 'plain-word'] }, text).map((f) => f.text)).toEqual(['EHCP']);
  });

  test('priority: built-in < imported < school pack < school terms < your terms, and the card names the source', () => {
    const managed = parseManagedPolicy(
      {
        packs: [file('oak-trust', 'Oak Trust glossary', 'The trust room.')],
        extraTerms: [{ term: 'Rainbow Room', kind: 'jargon', definition: 'The school room.' }],
      },
      ids,
    );
    expect(managed.errors).toEqual([]);
    const imported = [
      { file: file('mine', 'Imported glossary', 'The imported room.'), fileName: 'mine.yaml', on: true },
    ];
    const own = [{ term: 'Rainbow Room', kind: 'jargon' as const, definition: 'My room.' }];
    const text = 'Meet in the Rainbow Room.';
    const source = (input: SourcesInput) => {
      const [f] = cardFor(input, text);
      return [f.definition, f.packName];
    };
    expect(source({ ...base, imported })).toEqual(['The imported room.', 'Imported glossary']);
    expect(source({ ...base, imported, managed: { ...managed, terms: [] } })).toEqual([
      'The trust room.',
      'Oak Trust glossary',
    ]);
    expect(source({ ...base, imported, managed })).toEqual(['The school room.', "Your school's terms"]);
    expect(source({ ...base, imported, managed, ownTerms: own })).toEqual(['My room.', 'Your terms']);
    // An imported pack the user turned off is not used, but still listed.
    const off = mergeSources({ ...base, imported: [{ ...imported[0], on: false }] });
    expect(off.settings.extraPacks).toEqual([]);
    expect(off.list.find((x) => x.kind === 'imported')).toMatchObject({
      name: 'Imported glossary',
      on: false,
      locked: false,
      entries: 1,
    });

    const s = mergeSources({ ...base, imported, managed, ownTerms: own });
    expect(s.list.filter((x) => x.kind !== 'builtin').map((x) => [x.kind, x.name, x.locked])).toEqual([
      ['imported', 'Imported glossary', false],
      ['school', 'Oak Trust glossary', true],
      ['school-terms', "Your school's terms", true],
      ['own', 'Your terms', false],
    ]);
    expect(s.settings.extraPacks!.map((p) => p.name)).toEqual([
      'Imported glossary',
      'Oak Trust glossary',
      "Your school's terms",
      'Your terms',
    ]);
  });

  test('your own term beats a built-in one, and the built-in one is back when yours is gone', () => {
    const own = [
      {
        term: 'EHCP',
        kind: 'acronym' as const,
        expansion: 'Education, Health and Care plan',
        definition: 'The plan we write with you.',
      },
    ];
    const mine = cardFor({ ...base, ownTerms: own }, 'The EHCP is due.')[0];
    expect(mine).toMatchObject({ definition: 'The plan we write with you.', packName: 'Your terms' });
    const builtIn = cardFor(base, 'The EHCP is due.')[0];
    expect(builtIn.packName).toBe('SEND in England');
    expect(builtIn.definition).not.toBe(mine.definition);
  });

  test('the school default audience applies until the user chooses; lockSettings fixes it and its packs', () => {
    const managed = parseManagedPolicy({ defaultAudience: 'school-staff', builtinPacks: ['devon'] }, ids);
    let s = mergeSources({ ...base, managed });
    expect([s.audience, s.audienceFrom, s.audienceLocked]).toEqual(['school-staff', 'school', false]);
    expect(s.settings.packs).toContain('devon');
    s = mergeSources({ ...base, managed, chosenAudience: 'professional', packChoices: { devon: false } });
    expect([s.audience, s.audienceFrom]).toEqual(['professional', 'you']);
    expect(s.settings.packs).not.toContain('devon');
    const locked = { ...managed, lockSettings: true };
    s = mergeSources({ ...base, managed: locked, chosenAudience: 'professional', packChoices: { devon: false } });
    expect([s.audience, s.audienceFrom, s.audienceLocked]).toEqual(['school-staff', 'school', true]);
    expect(s.settings.packs).toContain('devon');
    expect(s.list.find((x) => x.id === 'devon')).toMatchObject({ on: true, locked: true });
    expect(s.list.find((x) => x.id === 'england')).toMatchObject({ on: true, locked: false });
  });

  test('the settings drive the engine as createAnalyser would with the same packs', () => {
    const s = mergeSources({ ...base, packChoices: { devon: true } });
    const direct = createAnalyser({ packs: s.settings.packs, extraPacks: s.settings.extraPacks });
    expect(direct.glossary.entries.some((e) => e.pack === 'devon')).toBe(true);
  });
});
