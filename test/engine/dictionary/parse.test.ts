import { describe, expect, it } from 'vitest';
import { audience, parseDictionary } from '../../../src/engine/index.js';

describe('parseDictionary', () => {
  it('reads YAML and JSON alike', () => {
    const yaml =
      'pack: my-school\nname: My school\nentries:\n  - term: Rainbow Room\n    kind: jargon\n    definition: Our quiet room.\n    source: Our school\n    examples: {flag: [Go to the Rainbow Room.]}\n';
    const json = JSON.stringify({ pack: 'my-school', name: 'My school', entries: [] });
    expect(parseDictionary(yaml).file?.entries[0].term).toBe('Rainbow Room');
    expect(parseDictionary(json).file?.entries).toEqual([]);
  });

  it('says where broken YAML is, in plain words', () => {
    const r = parseDictionary('pack: x\nname: [unclosed\nentries: []\n', 'terms.yaml');
    expect(r.file).toBeUndefined();
    expect(r.errors[0]).toMatch(/^terms\.yaml, line \d+: this is not valid YAML or JSON/);
  });

  it('refuses duplicate keys and huge files', () => {
    expect(parseDictionary('pack: a\npack: b\nname: x\nentries: []').errors[0]).toMatch(/not valid YAML/);
    expect(parseDictionary('x'.repeat(5_000_001)).errors[0]).toMatch(/too large/);
  });

  it('prefixes validation errors with the file name', () => {
    expect(parseDictionary('pack: ok\nname: OK\nentries: [{term: X}]', 'mine.json').errors[0]).toMatch(
      /^mine\.json: Entry 1 \("X"\)/,
    );
  });

  it('points at the line where a quote that is never closed opened, not at the end of the file', () => {
    for (const q of ['"', "'"]) {
      const text = `pack: x\nname: ${q}My terms\nentries:\n  - term: A\n    kind: jargon\n    definition: B\n`;
      expect(parseDictionary(text, 'q.yaml').errors).toEqual([
        'q.yaml, line 2: this is not valid YAML or JSON (a quote opened on this line is never closed).',
      ]);
    }
  });

  it('names a very long term without repeating it', () => {
    const long = 'x'.repeat(10_000);
    const errors = parseDictionary(JSON.stringify({ pack: 'x', name: 'X', entries: [{ term: long }] }), 'l.json', {
      level: 'own',
    }).errors;
    expect(errors[0]).toMatch(/^l\.json: Entry 1 \("x{60}…"\): "term" is longer than 120 characters\.$/);
  });
});

describe('audience', () => {
  it('knows only its own audiences, not the keys every object has', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'valueOf'])
      expect(() => audience(name)).toThrow(/Unknown audience/);
    expect(audience('professional').maxReadingAge).toBe(16);
  });
});

describe('a pack’s own web sites', () => {
  it('accepts host names and merges them', async () => {
    const { validateDictionary, mergeFiles } = await import('../../../src/engine/dictionary/validate.js');
    const file = {
      pack: 'devon-test',
      name: 'Devon',
      hosts: ['www.devon.gov.uk', 'devon.cc'],
      entries: [],
    };
    expect(validateDictionary(file).errors).toEqual([]);
    expect(mergeFiles([file as never]).get('devon-test')?.hosts).toEqual(['www.devon.gov.uk', 'devon.cc']);
  });
  it('refuses what is not a host name', async () => {
    const { validateDictionary } = await import('../../../src/engine/dictionary/validate.js');
    for (const hosts of [['https://www.devon.gov.uk'], ['WWW.DEVON.GOV.UK'], ['devon'], 'www.devon.gov.uk']) {
      expect(validateDictionary({ pack: 'x', name: 'X', hosts, entries: [] }).errors.join(' ')).toMatch(/"hosts"/);
    }
  });
});
