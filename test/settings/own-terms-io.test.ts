import { describe, expect, test } from 'vitest';
import { readTermsCsv, readTermsFile, writeTermsCsv, writeTermsJson } from '../../src/settings/options/own-terms-io.js';
import { mergeTerms, termProblems, type OwnTerm } from '../../src/browser/store/own-terms.js';
import { parseDictionary } from '../../src/engine/index.js';

const terms: OwnTerm[] = [
  { term: 'Rainbow Room', kind: 'jargon', definition: 'Our quiet room, for a calm break.', variants: ['rainbow base'] },
  {
    term: 'ELSA',
    kind: 'acronym',
    expansion: 'emotional literacy support assistant',
    definition: 'A member of staff who helps children with feelings; "Mrs Khan" runs it.',
  },
  { term: 'commence', kind: 'plain-word', suggestions: ['start', 'begin'] },
  { term: 'Café club', kind: 'jargon', definition: 'Lunch club,\non two lines.', source: 'Our handbook' },
];

describe("the user's terms in files", () => {
  test('JSON round trip, in the dictionary format (no source or examples needed)', () => {
    const json = writeTermsJson(terms);
    const data = JSON.parse(json);
    expect(data).toMatchObject({ pack: 'my-terms', name: 'My terms' });
    expect(data.entries[0].examples).toBeUndefined();
    expect(readTermsFile(json, 'mine.json')).toEqual({ terms, errors: [] });
    // The shipped format still needs source and examples: the same file is refused there.
    expect(parseDictionary(json, 'mine.json').errors[0]).toMatch(/"source" is missing/);
  });

  test('YAML in the dictionary format is read too', () => {
    const yaml =
      'pack: ours\nname: Ours\nentries:\n  - term: Oak Room\n    kind: jargon\n    definition: The calm room.\n';
    expect(readTermsFile(yaml, 'ours.yaml').terms).toEqual([
      { term: 'Oak Room', kind: 'jargon', definition: 'The calm room.' },
    ]);
  });

  test('CSV round trip, with commas, quotes, line breaks and accents', () => {
    const csv = writeTermsCsv(terms);
    expect(csv.startsWith('\ufeffterm,kind,expansion,definition,suggestions,variants\r\n')).toBe(true);
    const back = readTermsCsv(csv, 'mine.csv');
    expect(back.errors).toEqual([]);
    // CSV has no "source" column: everything else comes back.
    expect(back.terms).toEqual(terms.map(({ source, ...t }) => (void source, t)));
  });

  test('CSV: kind may be left empty; the columns may come in any order', () => {
    const r = readTermsCsv(
      'definition,term,suggestions,expansion\nOur calm room.,Oak Room,,\n,utilise,use; make use of,\nA helper.,ELSA,,emotional literacy support assistant\n',
      'x.csv',
    );
    expect(r.errors).toEqual([]);
    expect(r.terms!.map((t) => [t.term, t.kind])).toEqual([
      ['Oak Room', 'jargon'],
      ['utilise', 'plain-word'],
      ['ELSA', 'acronym'],
    ]);
    expect(r.terms![1].suggestions).toEqual(['use', 'make use of']);
  });

  test('a broken CSV says which line and what is wrong', () => {
    expect(readTermsCsv('', 'e.csv').errors).toEqual([
      'e.csv is empty. The first line must name the columns: term, kind, expansion, definition, suggestions, variants.',
    ]);
    expect(readTermsCsv('word,meaning\nA,B\n', 'h.csv').errors).toEqual([
      'h.csv, line 1: the first line must name the columns (term, kind, expansion, definition, suggestions, variants), but it has "word", "meaning", which Plain SEND does not know.',
    ]);
    const r = readTermsCsv(
      'term,kind,definition\nOak Room,jargon,Calm room.\n\n"Multi\nline",jargon,Fine.\nELSA,acronym,A helper.\nX,thing,Y\nOak Room,jargon,Again.\n',
      'b.csv',
    );
    expect(r.terms).toBeUndefined();
    expect(r.errors).toEqual([
      'b.csv, line 6 ("ELSA"): An acronym needs "expansion" (what the letters stand for).',
      'b.csv, line 7 ("X"): "kind" must be one of acronym, jargon, plain-word (or left empty), not "thing".',
      'b.csv, line 8 ("Oak Room"): this term is already on line 2.',
    ]);
    expect(readTermsCsv('term,definition\n"Oak Room,Calm.\n', 'q.csv').errors).toEqual([
      'q.csv, line 2: a quoted cell is never closed (a " is missing).',
    ]);
  });

  test('a broken JSON or YAML file says which entry and what is wrong', () => {
    expect(
      readTermsFile('{"pack": "x", "name": "X", "entries": [{"term": "A", "kind": "jargon"}]}', 'j.json').errors,
    ).toEqual(['j.json: Entry 1 ("A"): "definition" is missing.']);
    expect(readTermsFile('{"pack": "x",', 'j.json').errors[0]).toMatch(
      /^j\.json, line 1: this is not valid YAML or JSON/,
    );
    expect(readTermsFile('[1, 2]', 'list.json').errors[0]).toMatch(
      /must be a dictionary with "pack", "name" and "entries"/,
    );
  });

  test('merging adds new terms and replaces the same term (any case)', () => {
    const merged = mergeTerms(terms, [
      { term: 'rainbow room', kind: 'jargon', definition: 'New.' },
      { term: 'Oak', kind: 'jargon', definition: 'Tree.' },
    ]);
    expect(merged.map((t) => t.term)).toEqual(['rainbow room', 'ELSA', 'commence', 'Café club', 'Oak']);
  });

  test('one term is checked with the same rules', () => {
    expect(termProblems({ term: 'ELSA', kind: 'acronym', definition: 'x' })).toEqual([
      'An acronym needs "expansion" (what the letters stand for).',
    ]);
    expect(termProblems({ term: 'Oak', kind: 'jargon', definition: 'x' })).toEqual([]);
    expect(termProblems({ term: '', kind: 'jargon', definition: 'x' })).toEqual(['"term" is missing.']);
  });
});
