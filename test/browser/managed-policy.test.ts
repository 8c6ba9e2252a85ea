import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PACK_INDEX } from '../../src/engine/index.js';
import { MANAGED_KEYS, hostOf, parseManagedPolicy } from '../../src/browser/store/managed-policy.js';

const ids = PACK_INDEX.map((p) => p.id);
const schema = JSON.parse(
  readFileSync(new URL('../../src/browser/public/managed_schema.json', import.meta.url), 'utf8'),
);

describe("the school's policy", () => {
  test('no policy is no policy', () => {
    expect(parseManagedPolicy({}, ids)).toMatchObject({ present: false, packs: [], terms: [], errors: [] });
    expect(parseManagedPolicy(null, ids).present).toBe(false);
  });

  test('reads packs, terms, audience, built-in packs, read-mode sites and the lock', () => {
    const p = parseManagedPolicy(
      {
        packs: [
          {
            pack: 'oak',
            name: 'Oak Trust',
            entries: [{ term: 'Oak Room', kind: 'jargon', definition: 'Our calm room.' }],
          },
        ],
        extraTerms: [
          {
            term: 'ELSA',
            kind: 'acronym',
            expansion: 'emotional literacy support assistant',
            definition: 'A helper for feelings.',
          },
        ],
        defaultAudience: 'school-staff',
        builtinPacks: ['devon'],
        readModeSites: ['https://Portal.Example.sch.uk/letters', 'intranet.oak.sch.uk', 'portal.example.sch.uk'],
        lockSettings: true,
      },
      ids,
    );
    expect(p.errors).toEqual([]);
    expect(p.present).toBe(true);
    expect(p.packs.map((x) => x.name)).toEqual(['Oak Trust']);
    // Own level: no source or examples needed, and both are filled in for the engine.
    expect(p.packs[0].entries[0]).toMatchObject({ source: 'Oak Trust', examples: { flag: [] } });
    expect(p.terms.map((t) => t.term)).toEqual(['ELSA']);
    expect(p).toMatchObject({ defaultAudience: 'school-staff', builtinPacks: ['devon'], lockSettings: true });
    expect(p.readModeSites).toEqual(['portal.example.sch.uk', 'intranet.oak.sch.uk']);
  });

  test('names every problem plainly and still uses what is good', () => {
    const p = parseManagedPolicy(
      {
        packs: [
          { pack: 'Bad Id', name: 'Broken', entries: [] },
          { pack: 'ok', name: 'Fine', entries: [] },
        ],
        extraTerms: [
          { term: 'ELSA', kind: 'acronym', definition: 'A helper.' },
          { term: 'Nurture group', kind: 'jargon', definition: 'A small class.' },
        ],
        defaultAudience: 'pupils',
        builtinPacks: ['atlantis'],
        readModeSites: ['not a site', 42],
        lockSettings: 'yes',
      },
      ids,
    );
    expect(p.packs.map((x) => x.name)).toEqual(['Fine']);
    expect(p.terms.map((t) => t.term)).toEqual(['Nurture group']);
    expect(p.defaultAudience).toBeUndefined();
    expect(p.lockSettings).toBe(false);
    expect(p.errors).toEqual([
      'School glossary 1 ("Broken"): "pack" must be a short id of lower-case letters, digits and hyphens, such as "my-school".',
      'School term 1 ("ELSA"): an acronym needs "expansion" (what the letters stand for).',
      '"defaultAudience" must be one of parent-carer, school-staff, professional.',
      `"builtinPacks": there is no built-in glossary called "atlantis". Glossaries: ${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more.`,
      '"readModeSites": "not a site" is not a website address, such as "portal.example.sch.uk".',
      '"readModeSites": 42 is not a website address, such as "portal.example.sch.uk".',
      '"lockSettings" must be true or false.',
    ]);
  });

  test('lists and packs given as JSON text (as Windows registry values can be) are read', () => {
    const p = parseManagedPolicy(
      { readModeSites: '["a.sch.uk"]', packs: ['{"pack":"t","name":"T","entries":[]}'] },
      ids,
    );
    expect(p.errors).toEqual([]);
    expect(p.readModeSites).toEqual(['a.sch.uk']);
    expect(p.packs[0].name).toBe('T');
    expect(parseManagedPolicy({ readModeSites: '[oops' }, ids).errors).toEqual([
      '"readModeSites" is not a list that can be read.',
    ]);
  });

  test('hostOf takes a host from an address or a bare name', () => {
    expect(hostOf('portal.example.sch.uk')).toBe('portal.example.sch.uk');
    expect(hostOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(hostOf('ftp://x.org')).toBeUndefined();
    expect(hostOf('')).toBeUndefined();
  });

  test('the managed schema is in the subset Chrome accepts and names exactly our keys', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
    const ids = new Set<string>();
    const refs: string[] = [];
    const walk = (s: Record<string, unknown>, path: string) => {
      // Chrome: every schema has exactly one of "type" or "$ref"; types from its list.
      expect('type' in s !== '$ref' in s, path).toBe(true);
      if ('type' in s) expect(['object', 'array', 'string', 'boolean', 'integer', 'number', 'null']).toContain(s.type);
      if (typeof s.id === 'string') ids.add(s.id);
      if (typeof s.$ref === 'string') refs.push(s.$ref);
      if (s.properties)
        for (const [k, v] of Object.entries(s.properties as Record<string, Record<string, unknown>>))
          walk(v, `${path}.${k}`);
      if (s.items) walk(s.items as Record<string, unknown>, `${path}[]`);
    };
    walk(schema, 'policy');
    for (const r of refs) expect(ids.has(r), r).toBe(true);
  });

  test('audience names that are keys of every object are not audiences', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const p = parseManagedPolicy({ defaultAudience: name }, ids);
      expect(p.defaultAudience).toBeUndefined();
      expect(p.errors).toEqual([expect.stringMatching(/^"defaultAudience" must be one of parent-carer/)]);
    }
  });

  test('long values are cut short in messages', () => {
    const p = parseManagedPolicy(
      { builtinPacks: ['y'.repeat(10_000)], readModeSites: ['not a site '.repeat(1_000)] },
      ids,
    );
    expect(p.errors).toHaveLength(2);
    for (const e of p.errors) expect(e.length).toBeLessThan(300);
  });
});
