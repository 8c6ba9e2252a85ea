import { describe, expect, test } from 'vitest';
import {
  readCsvCell,
  readTermsCsv,
  readTermsFile,
  writeTermsCsv,
  writeTermsJson,
} from '../../src/settings/options/own-terms-io.js';
import { mergeTerms, termProblems, type OwnTerm } from '../../src/browser/store/own-terms.js';
import { parseDictionary } from '../../src/engine/index.js';
import { MAX_ENTRIES } from '../../src/engine/dictionary/validate.js';

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

  test('CSV export never writes a cell a spreadsheet would run as a formula, and import gives back exactly what was written', () => {
    const risky: OwnTerm[] = [
      { term: '=HYPERLINK("http://x.test","Click")', kind: 'jargon', definition: '+1 for this.' },
      { term: '@SUM(A1)', kind: 'jargon', definition: '-2 points.' },
      { term: "'=quoted", kind: 'jargon', definition: "''+twice" },
      { term: "It's fine", kind: 'plain-word', suggestions: ['=one', '+two'] },
    ];
    const csv = writeTermsCsv(risky);
    // No cell starts with =, +, -, @, tab or CR (quoted or not).
    for (const line of csv
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .slice(1, -1))
      for (const cell of line.match(/("(?:[^"]|"")*"|[^,]*)(?=,|$)/g) ?? [])
        expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    expect(csv).toContain("'=HYPERLINK");
    const back = readTermsCsv(csv, 'risky.csv');
    expect(back.errors).toEqual([]);
    expect(back.terms).toEqual(risky);
    // A hand-made cell with a tab before the formula is not turned into a formula by trimming.
    expect(readCsvCell("'\t=1+1")).toBe('\t=1+1');
    const tab = readTermsCsv('term,kind,definition\n"\t=1+1",jargon,x\n', 't.csv');
    expect(writeTermsCsv(tab.terms!)).toContain("'=1+1");
  });

  test('one limit on terms for every format, with the same message', () => {
    const many = (n: number): OwnTerm[] =>
      Array.from({ length: n }, (_, i) => ({ term: `Term ${i}`, kind: 'jargon', definition: 'A word.' }));
    const csvOver = `term,definition\n${Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => `T${i},D`).join('\n')}\n`;
    const jsonOver = writeTermsJson(many(MAX_ENTRIES + 1));
    const message = `A file may hold at most ${MAX_ENTRIES} terms`;
    expect(readTermsCsv(csvOver, 'big.csv').errors).toEqual([expect.stringContaining(message)]);
    expect(readTermsFile(jsonOver, 'big.json').errors).toEqual([expect.stringContaining(message)]);
    // A full list exported as CSV reads back.
    const full = readTermsCsv(writeTermsCsv(many(MAX_ENTRIES)), 'full.csv');
    expect(full.errors).toEqual([]);
    expect(full.terms).toHaveLength(MAX_ENTRIES);
  });

  test('a very long term is named, not repeated, in a message', () => {
    const long = 'x'.repeat(10_000);
    const csv = readTermsCsv(`term,kind,definition\n${long},jargon,x\n`, 'l.csv').errors.join(' ');
    const json = readTermsFile(
      JSON.stringify({ pack: 'x', name: 'X', entries: [{ term: long, kind: 'jargon', definition: 'x' }] }),
      'l.json',
    ).errors.join(' ');
    for (const message of [csv, json]) {
      expect(message).toMatch(/"x{60}…"/);
      expect(message.length).toBeLessThan(300);
    }
  });
});
