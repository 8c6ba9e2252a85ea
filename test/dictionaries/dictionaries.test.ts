/**
 * Every shipped dictionary file: valid, plain definitions, examples that behave, provenance,
 * and no form claimed by two entries of one pack. Also checks the JSON Schema editors use
 * agrees with the engine's validator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { definitionProblems, definitionsOf, exampleProblems } from '../../src/engine/dictionary/quality.js';
import { mergeFiles, validateDictionary } from '../../src/engine/dictionary/validate.js';
import type { DictionaryFile } from '../../src/engine/dictionary/schema.js';
import { dictionaryPaths, loadDictionaryFile } from '../../scripts/dictionary-files.js';
import { parse } from 'yaml';

const loaded = dictionaryPaths().map(loadDictionaryFile);
const files = loaded.map((l) => l.file).filter((f): f is DictionaryFile => !!f);
const packs = mergeFiles(files);
const everyday = packs.get('everyday');
const schema = JSON.parse(readFileSync(new URL('../../dictionaries/dictionary.schema.json', import.meta.url), 'utf8'));

describe('dictionary files', () => {
  it.each(loaded.map((l) => [l.path.replace(/.*dictionaries\//, ''), l] as const))('%s is valid', (_name, l) => {
    expect(l.errors).toEqual([]);
  });

  it.each(loaded.map((l) => [l.path.replace(/.*dictionaries\//, ''), l.path] as const))('%s names the schema on its first line', (_name, path) => {
    expect(readFileSync(path, 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)*\.?\/?dictionary\.schema\.json$/);
  });

  it.each(loaded.map((l) => [l.path.replace(/.*dictionaries\//, ''), l.path] as const))('%s passes the JSON Schema too', (_name, path) => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const data = parse(readFileSync(path, 'utf8'));
    expect(validate(data) ? [] : validate.errors).toEqual([]);
  });

  it('has the national pack with several hundred entries and the nation, region and plain-word packs', () => {
    expect(packs.get('england')!.entries.length).toBeGreaterThanOrEqual(300);
    for (const id of ['wales', 'northern-ireland', 'scotland', 'worcestershire', 'devon', 'cambridgeshire', 'plain-words', 'everyday']) {
      expect(packs.has(id), id).toBe(true);
    }
    expect(packs.get('plain-words')!.entries.length).toBeGreaterThanOrEqual(100);
  });
});

for (const pack of packs.values()) {
  describe(`pack ${pack.id}`, () => {
    it('has plain definitions (at most 30 words, reading age 11 or below)', () => {
      const problems = pack.entries.flatMap((e) => definitionsOf(e).flatMap((d) => definitionProblems(d).map((p) => `${e.term}: ${p}`)));
      expect(problems).toEqual([]);
    });

    it('has examples that behave: each flag sentence finds its entry, no pass sentence does', () => {
      const problems = [...exampleProblems(pack, everyday && pack.id !== 'everyday' ? [everyday] : [])].flatMap(([e, p]) => p.map((x) => `${e.term}: ${x}`));
      expect(problems).toEqual([]);
    });

    it('names a source for every entry, and gives acronyms an expansion', () => {
      for (const e of pack.entries) {
        expect(e.source.length, e.term).toBeGreaterThan(3);
        if (e.kind === 'acronym') expect(e.expansion ?? e.senses?.[0].expansion, e.term).toBeTruthy();
      }
    });

    it('never gives one written form to two entries', () => {
      // Keyed by the entry itself: two entries with the same term (in two files of a pack) clash too.
      // "&" and "+" are kept, as the matcher keeps them ("Universal+" is not "universal").
      const owner = new Map<string, (typeof pack.entries)[number]>();
      const clashes: string[] = [];
      for (const e of pack.entries) {
        const forms = new Set(
          [e.term, ...(e.variants ?? []), ...(e.kind === 'acronym' && e.expansion && e.flagExpansion !== false ? [e.expansion] : [])].map(
            (form) => form.toLowerCase().replace(/[^\p{L}\p{N}&+]+/gu, ' ').trim(),
          ),
        );
        for (const key of forms) {
          const other = owner.get(key);
          if (other && other !== e) clashes.push(`"${key}" belongs to both "${other.term}" and "${e.term}"`);
          owner.set(key, e);
        }
      }
      expect(clashes).toEqual([]);
    });
  });
}

describe('our own words', () => {
  it('no definition or example shares eight words in a row with the seed documents', () => {
    const seedDir = new URL('../fixtures/seeds/', import.meta.url);
    const norm = (t: string) => t.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean);
    const seedWords = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).flatMap((f) => norm(readFileSync(new URL(f, seedDir), 'utf8')));
    const grams = new Set<string>();
    for (let i = 0; i + 8 <= seedWords.length; i++) grams.add(seedWords.slice(i, i + 8).join(' '));
    const copied: string[] = [];
    for (const pack of packs.values()) {
      for (const e of pack.entries) {
        for (const text of [...definitionsOf(e), ...e.examples.flag, ...(e.examples.pass ?? [])]) {
          const w = norm(text);
          for (let i = 0; i + 8 <= w.length; i++) if (grams.has(w.slice(i, i + 8).join(' '))) copied.push(`${e.term}: ${text}`);
        }
      }
    }
    expect(copied).toEqual([]);
  });
});

describe('validateDictionary', () => {
  it('explains what is wrong, entry by entry', () => {
    const r = validateDictionary({ pack: 'My School', entries: [{ term: 'EHCP', kind: 'acronym' }, { kind: 'jargon' }, 'x'] });
    expect(r.file).toBeUndefined();
    expect(r.errors).toEqual(expect.arrayContaining([
      '"pack" must be a short id of lower-case letters, digits and hyphens, such as "my-school".',
      '"name" is missing: give the pack a name people will recognise.',
      'Entry 1 ("EHCP"): "source" is missing: name the kind of public source the facts came from.',
      'Entry 1 ("EHCP"): "definition" is missing.',
      'Entry 1 ("EHCP"): an acronym needs "expansion" (what the letters stand for).',
      'Entry 2: "term" is missing.',
      'Entry 3: must be a set of fields (term, kind, definition, ...).',
    ]));
  });

  it('rejects what is not a dictionary at all', () => {
    expect(validateDictionary(null).errors).toEqual(['The file must be a dictionary with "pack", "name" and "entries".']);
    expect(validateDictionary([1, 2]).errors[0]).toMatch(/must be a dictionary/);
  });

  it('agrees with the JSON Schema on good and bad files', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const good = { pack: 'my-school', name: 'My school', entries: [{ term: 'Rainbow Room', kind: 'jargon', definition: 'Our quiet room.', source: 'Our school', examples: { flag: ['Go to the Rainbow Room.'] } }] };
    const bad = [{ pack: 'x', name: 'X', entries: [{ term: 'A', kind: 'nonsense', definition: 'd', source: 's', examples: { flag: ['A'] } }] }, { pack: 'x', entries: [] }, { pack: 'x', name: 'X', entries: [], extra: 1 }];
    expect(validate(good)).toBe(true);
    expect(validateDictionary(good).errors).toEqual([]);
    for (const b of bad) {
      expect(validate(b)).toBe(false);
      expect(validateDictionary(b).errors.length).toBeGreaterThan(0);
    }
  });
});
