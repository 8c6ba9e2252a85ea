/**
 * The Word adapter against a small Word built on office-addin-mock (fake-word.ts), with the
 * `Word` and `Office` globals stubbed. What is counted is what costs time in real Word: the
 * round trips (`context.sync()`), which must not grow with the document or the findings.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyEdits, createAnalyser, shortFormEdits } from '../../src/engine/index.js';
import { checkDocument } from '../../src/office/check.js';
import { GLOSSARY_HEADING, GLOSSARY_TITLE, StaleLocationError, type Location } from '../../src/office/document-port.js';
import {
  SEARCH_LIMIT,
  critiqueResources,
  TrackedChangesError,
  WordAdapter,
  escapeSearch,
  glossaryHtml,
} from '../../src/word/word-adapter.js';
import { miniAnalyser } from '../helpers.js';
import { FakeWord, type FakeHost, type ParagraphSpec } from './fake-word.js';
import { policy } from './policy.js';

const fakes: FakeWord[] = [];

function setUp(paragraphs: ParagraphSpec[], host: number | FakeHost = 1.8) {
  const word = new FakeWord(paragraphs, host);
  fakes.push(word);
  vi.stubGlobal('Word', word.word());
  vi.stubGlobal('Office', word.office());
  return { word, adapter: new WordAdapter() };
}

afterEach(() => {
  vi.unstubAllGlobals();
  // Nothing was called that the host does not offer or that the adapter did not check for,
  // even where the adapter caught the error.
  for (const word of fakes.splice(0)) expect(word.violations).toEqual([]);
});

/** Where the nth (0-based) occurrence of `text` is in paragraph `paragraph`. */
function at(texts: string[], paragraph: number, text: string, nth = 0): Location {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = texts[paragraph].indexOf(text, start + 1);
  if (start < 0) throw new Error(`${text} not found`);
  return { paragraph, start, end: start + text.length, text };
}

const LONG =
  'Where a child or young person has special educational needs, the school will work with the family, the local authority and health and care services to agree the help the child needs, to write it down, to review it at least once a year and to change it when the child’s needs change.';

describe('reading the document', () => {
  it('reads every paragraph in one sync, with table and list flags (WordApi 1.3)', async () => {
    const { word, adapter } = setUp(
      ['Heading', { text: 'A bullet', list: true }, { text: 'A cell', table: true }],
      1.3,
    );
    const paragraphs = await adapter.readParagraphs();
    expect(paragraphs).toEqual([
      { text: 'Heading', inTable: false, isListItem: false },
      { text: 'A bullet', inTable: false, isListItem: true },
      { text: 'A cell', inTable: true, isListItem: false },
    ]);
    expect(word.syncs).toBe(1);
    expect(adapter.syncCounts()).toEqual({ syncs: 1, runs: 1 });
  });

  it('uses the same number of syncs for 10 paragraphs as for 1,000', async () => {
    const counts: number[] = [];
    for (const n of [10, 1000]) {
      const { adapter } = setUp(policy(n * 25).slice(0, n));
      const paragraphs = await adapter.readParagraphs();
      expect(paragraphs).toHaveLength(n);
      counts.push(adapter.syncCounts().syncs);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBe(1);
  });

  it('on WordApi 1.1 reads text only (loading a 1.3 property there would throw)', async () => {
    const { word, adapter } = setUp(['One', { text: 'Two', table: true }], 1.1);
    expect(await adapter.readParagraphs()).toEqual([{ text: 'One' }, { text: 'Two' }]);
    expect(word.syncs).toBe(1);
    expect(adapter.capabilities()).toEqual({
      comments: false,
      temporaryMarks: false,
      structure: false,
      trackedChanges: false,
      annotations: false,
      annotationSuggestions: false,
    });
  });

  it('reads tracked changes as they will be once accepted, flagged, in two syncs', async () => {
    // Word on the web gives deleted text in paragraph.text (office-js issue #1267). We read
    // getReviewedText('Current') for every paragraph instead, only when the body has tracked
    // changes at all (Current differs from Original), so a clean document still takes one sync.
    const { word, adapter } = setUp([
      { runs: [{ text: 'The ' }, { text: 'SENCO ', deleted: true }, { text: 'teacher will call.' }] },
      'No changes here.',
    ]);
    const paragraphs = await adapter.readParagraphs();
    expect(paragraphs).toEqual([
      { text: 'The teacher will call.', inTable: false, isListItem: false, trackedChanges: true },
      { text: 'No changes here.', inTable: false, isListItem: false },
    ]);
    expect(word.syncs).toBe(2);
  });

  it('reads the selection: its text and the whole paragraphs it touches', async () => {
    const { word, adapter } = setUp(['First paragraph.', 'Second paragraph here.', 'Third.']);
    word.selection = { paragraph: word.paragraphs[0], start: 6, end: 0, last: word.paragraphs[1], lastEnd: 6 };
    const selection = { text: 'paragraph.\nSecond', paragraphs: ['First paragraph.', 'Second paragraph here.'] };
    expect(await adapter.readSelection()).toEqual(selection);
    // Check selection reads the body and the selection in one Word.run and one sync.
    const both = await adapter.readWithSelection();
    expect(both.selection).toEqual(selection);
    expect(both.paragraphs.map((p) => p.text)).toEqual(word.texts());
    expect(adapter.syncCounts()).toEqual({ runs: 2, syncs: 2 });
  });

  it('finds findings in a document checked through the adapter (engine offsets map to Word paragraphs)', async () => {
    const { adapter } = setUp(['Dear parent,', 'We will ask the LA for an EHCP.', { text: 'SENCO', table: true }]);
    const check = await checkDocument(miniAnalyser(), await adapter.readParagraphs(), { yieldNow: async () => {} });
    const where = check.findings.map((f) => [f.location.paragraph, f.location.text]);
    expect(where).toEqual(
      expect.arrayContaining([
        [1, 'LA'],
        [1, 'EHCP'],
        [2, 'SENCO'],
      ]),
    );
  });
});

describe('acting on a finding', () => {
  it('selects, replaces and comments on the nth occurrence in its paragraph', async () => {
    const texts = ['The EHCP says. The EHCP also says. And the EHCP ends.'];
    const { word, adapter } = setUp(texts);
    const second = at(texts, 0, 'EHCP', 1);
    await adapter.select(second);
    expect(word.selection).toMatchObject({ start: second.start, end: second.end });
    await adapter.insertComment(second, 'Explain this.');
    expect(word.comments).toEqual([
      { paragraph: 0, start: second.start, end: second.end, text: 'EHCP', comment: 'Explain this.' },
    ]);
    await adapter.replace(second, 'Education, Health and Care plan (EHCP)');
    expect(word.texts()).toEqual([
      'The EHCP says. The Education, Health and Care plan (EHCP) also says. And the EHCP ends.',
    ]);
    // One Word.run per action; each a constant number of syncs (read, search, act).
    expect(adapter.syncCounts()).toEqual({ runs: 3, syncs: 9 });
  });

  it('escapes Word search codes: a caret is searched for as ^^, a tab as ^t', async () => {
    expect(escapeSearch('a^b\tc')).toBe('a^^b^tc');
    const texts = ['Score 2^3 today.'];
    const { word, adapter } = setUp(texts);
    await adapter.replace(at(texts, 0, '2^3'), 'eight');
    expect(word.searches).toEqual(['2^^3']);
    expect(word.texts()).toEqual(['Score eight today.']);
  });

  it(`finds texts longer than Word's ${SEARCH_LIMIT}-character search by their first and last parts`, async () => {
    expect(LONG.length).toBeGreaterThan(SEARCH_LIMIT);
    const texts = [`Intro. ${LONG} Outro.`];
    const { word, adapter } = setUp(texts);
    const long = at(texts, 0, LONG);
    await adapter.select(long);
    expect(word.selection).toMatchObject({ start: long.start, end: long.end });
    expect(word.searches.every((s) => s.length <= SEARCH_LIMIT)).toBe(true);
    expect(word.searches).toHaveLength(2);
    await adapter.replace(long, 'A short sentence.');
    expect(word.texts()).toEqual(['Intro. A short sentence. Outro.']);
  });

  it('on WordApi 1.1 selects the first part of a long text but refuses to replace part of it', async () => {
    const texts = [LONG];
    const { word, adapter } = setUp(texts, 1.1);
    const long = at(texts, 0, LONG);
    await adapter.select(long);
    expect(word.selection!.start).toBe(0);
    expect(word.selection!.end).toBeLessThan(LONG.length);
    await expect(adapter.replace(long, 'Short.')).rejects.toThrow(/WordApi 1.3/);
    expect(word.texts()).toEqual([LONG]);
  });

  it('acts on a term split across formatting runs as one', async () => {
    // Word's search matches across runs (bold "EHC" + plain " plan" is one match), which the
    // fake copies; what we test is that the adapter never looks at runs: it finds the words by
    // search, replaces them whole (Word keeps the first run's formatting), and marks and restores
    // the highlight of every run under them.
    const runs = [
      { text: 'Ask for an ' },
      { text: 'EHC', bold: true },
      { text: ' plan', highlight: null },
      { text: ' today.' },
    ];
    const { word, adapter } = setUp([{ runs }], 1.4);
    const loc = at(word.texts(), 0, 'EHC plan');
    expect(await adapter.markUp([loc])).toEqual({ marked: 1, skipped: 0 });
    expect(word.colourOf(word.paragraphs[0], loc.start, loc.end)).toBe('Yellow');
    expect(await adapter.clearMarks()).toBe(1);
    expect(word.colourOf(word.paragraphs[0], loc.start, loc.end)).toBeNull();
    await adapter.replace(loc, 'Education, Health and Care plan');
    expect(word.texts()).toEqual(['Ask for an Education, Health and Care plan today.']);
    expect(word.paragraphs[0].runs.find((r) => r.text === 'Education, Health and Care plan')).toMatchObject({
      bold: true,
    });
  });

  it('refuses to act when the document changed since the check, and changes nothing', async () => {
    const texts = ['The SENCO will call.'];
    const { word, adapter } = setUp(texts);
    const loc = at(texts, 0, 'SENCO');
    word.paragraphs[0].runs = [{ text: 'Now the SENCO will call.' }];
    await expect(adapter.replace(loc, 'teacher')).rejects.toBeInstanceOf(StaleLocationError);
    expect(word.texts()).toEqual(['Now the SENCO will call.']);
  });

  it('refuses to act where tracked deletions hold the same words, rather than change the wrong ones', async () => {
    const { word, adapter } = setUp([
      { runs: [{ text: 'The ' }, { text: 'SENCO ', deleted: true }, { text: 'SENCO will call. The EHCP is ready.' }] },
    ]);
    const [p] = await adapter.readParagraphs();
    expect(p.text).toBe('The SENCO will call. The EHCP is ready.');
    // SENCO is once in the text as it will read, twice in Word's search (once deleted): stop.
    await expect(adapter.replace(at([p.text], 0, 'SENCO'), 'teacher')).rejects.toBeInstanceOf(TrackedChangesError);
    // EHCP is not in the deleted text: the counts agree, so it is safe.
    await adapter.replace(at([p.text], 0, 'EHCP'), 'plan');
    expect(word.texts()).toEqual(['The SENCO SENCO will call. The plan is ready.']);
  });

  it('works in tables and list items like any paragraph', async () => {
    const texts = ['Intro', 'Who', 'SENCO', 'What', 'Leads SEN support'];
    const { word, adapter } = setUp(
      [
        'Intro',
        { text: 'Who', table: true },
        { text: 'SENCO', table: true },
        { text: 'What', list: true },
        { text: 'Leads SEN support', list: true },
      ],
      1.3,
    );
    await adapter.replace(at(texts, 2, 'SENCO'), 'Special needs teacher');
    await adapter.replace(at(texts, 4, 'SEN support'), 'extra help');
    expect(word.texts()).toEqual(['Intro', 'Who', 'Special needs teacher', 'What', 'Leads extra help']);
    expect(word.paragraphs[2].table).toBe(true);
  });

  it('cannot add comments before WordApi 1.4, and says so', async () => {
    const texts = ['The EHCP.'];
    const { adapter } = setUp(texts, 1.3);
    await expect(adapter.insertComment(at(texts, 0, 'EHCP'), 'x')).rejects.toThrow(/WordApi 1.4/);
  });
});

describe('marking up', () => {
  function findingsIn(texts: string[]): Location[] {
    return texts.flatMap((t, i) =>
      [...t.matchAll(/EHCP|SENCO/g)].map((m) => ({
        paragraph: i,
        start: m.index!,
        end: m.index! + m[0].length,
        text: m[0],
      })),
    );
  }

  it('batches the searches: 10 findings and 500 take the same number of syncs', async () => {
    const counts: number[] = [];
    for (const n of [5, 250]) {
      const texts = Array.from({ length: n }, (_, i) => `Paragraph ${i}: the SENCO and the EHCP.`);
      const { adapter } = setUp(texts, 1.4);
      const locations = findingsIn(texts);
      expect(await adapter.markUp(locations)).toEqual({ marked: 2 * n, skipped: 0 });
      counts.push(adapter.syncCounts().syncs);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it('without WordApi 1.8, highlights, remembers the colour there was, and puts it back', async () => {
    const { word, adapter } = setUp(
      [{ runs: [{ text: 'The ' }, { text: 'SENCO', highlight: 'Green' }, { text: ' and the EHCP.' }] }],
      1.4,
    );
    const locations = findingsIn(word.texts());
    expect(await adapter.markUp(locations)).toEqual({ marked: 2, skipped: 0 });
    const p = word.paragraphs[0];
    expect(locations.map((l) => word.colourOf(p, l.start, l.end))).toEqual(['Yellow', 'Yellow']);
    // Remembered in the document, so a closed and reopened pane can still clear them.
    expect(word.settings.get('plainSend.marks')).toHaveLength(2);
    expect(await new WordAdapter().clearMarks()).toBe(2);
    expect(locations.map((l) => word.colourOf(p, l.start, l.end))).toEqual(['Green', null]);
    expect(word.settings.has('plainSend.marks')).toBe(false);
    expect(word.texts()).toEqual(['The SENCO and the EHCP.']);
  });

  it('leaves text with several highlight colours unmarked (it could not be put back)', async () => {
    const { word, adapter } = setUp(
      [
        {
          runs: [
            { text: 'The ' },
            { text: 'SEN', highlight: 'Green' },
            { text: 'CO', highlight: 'Pink' },
            { text: ' called.' },
          ],
        },
      ],
      1.4,
    );
    expect(await adapter.markUp(findingsIn(word.texts()))).toEqual({ marked: 0, skipped: 1 });
    expect(word.paragraphs[0].runs.map((r) => r.highlight ?? null)).toEqual([null, 'Green', 'Pink', null]);
  });

  it('with WordApi 1.8, marks with range.highlight(), which leaves the document unchanged', async () => {
    const { word, adapter } = setUp(['The SENCO and the EHCP.']);
    expect(await adapter.markUp(findingsIn(word.texts()))).toEqual({ marked: 2, skipped: 0 });
    expect(word.temporary).toHaveLength(2);
    expect(word.paragraphs[0].runs).toEqual([{ text: 'The SENCO and the EHCP.' }]);
    expect(await adapter.clearMarks()).toBe(2);
    expect(word.temporary).toHaveLength(0);
  });
});

describe("findings as Word's own underlines (annotations, WordApi 1.7)", () => {
  const noEvents = { onSuggestion: () => undefined };
  const item = (location: Location, category: string, suggestions: string[] = []) => ({
    location,
    category,
    suggestions,
  });

  it('gives each finding a critique with its start, length, colour, title and suggestions (at most three)', async () => {
    const texts = ['Ask the SENCO about the EHCP.', 'We will utilise it.'];
    const { word, adapter } = setUp(texts);
    expect(adapter.capabilities()).toMatchObject({ annotations: true, annotationSuggestions: true });
    const items = [
      item(at(texts, 0, 'SENCO'), 'acronym', ['special needs teacher', 'Explain', 'a', 'b']),
      item(at(texts, 0, 'EHCP'), 'acronym', ['Education, Health and Care plan (EHCP)']),
      item(at(texts, 1, 'utilise'), 'plain-word', ['use']),
    ];
    expect(await adapter.showAnnotations(items, noEvents)).toEqual({ marked: 3, skipped: 0 });
    expect(word.insertAnnotationsCalls).toEqual([
      {
        paragraph: 0,
        critiques: [
          {
            colorScheme: 'Blue',
            start: 8,
            length: 5,
            popupOptions: { ...critiqueResources('acronym'), suggestions: ['special needs teacher', 'Explain', 'a'] },
          },
          {
            colorScheme: 'Blue',
            start: 24,
            length: 4,
            popupOptions: { ...critiqueResources('acronym'), suggestions: ['Education, Health and Care plan (EHCP)'] },
          },
        ],
      },
      {
        paragraph: 1,
        critiques: [
          {
            colorScheme: 'Green',
            start: 8,
            length: 7,
            popupOptions: { ...critiqueResources('plain-word'), suggestions: ['use'] },
          },
        ],
      },
    ]);
    expect(word.texts()).toEqual(texts);
  });

  it('takes the same number of syncs for 10 findings as for 1,000: one insertAnnotations per paragraph, one sync', async () => {
    const counts: number[] = [];
    for (const n of [5, 500]) {
      const texts = Array.from({ length: n }, (_, i) => `Paragraph ${i}: the SENCO and the EHCP.`);
      const { word, adapter } = setUp(texts);
      const items = texts.flatMap((_, i) => [
        item(at(texts, i, 'SENCO'), 'acronym'),
        item(at(texts, i, 'EHCP'), 'acronym'),
      ]);
      expect(await adapter.showAnnotations(items, noEvents)).toEqual({ marked: 2 * n, skipped: 0 });
      expect(word.insertAnnotationsCalls).toHaveLength(n);
      counts.push(adapter.syncCounts().syncs);
      expect(adapter.syncCounts().runs).toBe(1);
    }
    expect(counts).toEqual([2, 2]);
  });

  it('clears only the annotations it made, in a constant number of syncs, also when shown again', async () => {
    const texts = ['The SENCO and the EHCP.', 'The LA.'];
    const { word, adapter } = setUp(texts);
    const foreign = word.addForeignAnnotation(0);
    await adapter.showAnnotations(
      [item(at(texts, 0, 'SENCO'), 'acronym'), item(at(texts, 1, 'LA'), 'acronym')],
      noEvents,
    );
    expect(word.annotations).toHaveLength(3);
    // Shown again: the old ones go, the new ones come, the other add-in's stays.
    await adapter.showAnnotations([item(at(texts, 0, 'EHCP'), 'acronym')], noEvents);
    expect(word.annotations.map((a) => a.id)).toEqual([foreign, expect.stringMatching(/^annotation-/)]);
    const before = adapter.syncCounts().syncs;
    expect(await adapter.clearAnnotations()).toBe(1);
    expect(adapter.syncCounts().syncs - before).toBe(3);
    expect(word.annotations.map((a) => a.id)).toEqual([foreign]);
    expect(await adapter.clearAnnotations()).toBe(0);
    expect(word.annotations.map((a) => a.id)).toEqual([foreign]);
  });

  it('skips stale findings, findings in paragraphs with tracked changes, and sentences over underlined words', async () => {
    const texts = ['The SENCO will call.', 'The EHCP is ready.'];
    const { word, adapter } = setUp([
      texts[0],
      { runs: [{ text: 'The ' }, { text: 'old ', deleted: true }, { text: 'EHCP is ready.' }] },
    ]);
    const items = [
      item({ paragraph: 0, start: 0, end: texts[0].length, text: texts[0] }, 'sentence'),
      item(at(texts, 0, 'SENCO'), 'acronym'),
      item(at(texts, 1, 'EHCP'), 'acronym'),
      item({ ...at(texts, 0, 'will'), text: 'shall' }, 'plain-word'),
    ];
    expect(await adapter.showAnnotations(items, noEvents)).toEqual({ marked: 1, skipped: 3 });
    expect(word.insertAnnotationsCalls).toEqual([
      { paragraph: 0, critiques: [expect.objectContaining({ start: 4, length: 5 })] },
    ]);
  });

  it("reports the suggestion picked in Word's pop-up once, after Word has put it in (the pane only checks again)", async () => {
    const texts = ['We will utilise the EHCP.'];
    const { word, adapter } = setUp(texts);
    const picked: [number, string, string][] = [];
    const items = [item(at(texts, 0, 'utilise'), 'plain-word', ['use']), item(at(texts, 0, 'EHCP'), 'acronym')];
    await adapter.showAnnotations(items, {
      onSuggestion: (index, text) => picked.push([index, text, word.texts()[0]]),
    });
    const [utilise] = word.annotations;
    await word.popupAction(utilise.id, 'use');
    await word.popupAction(utilise.id, 'use');
    await word.popupAction('not-ours', 'x');
    expect(picked).toEqual([[0, 'use', 'We will use the EHCP.']]);
    expect(word.texts()).toEqual(['We will use the EHCP.']);
  });

  it('on WordApi 1.7 underlines without a pop-up (popupOptions are WordApi 1.8)', async () => {
    const texts = ['The SENCO.'];
    const { word, adapter } = setUp(texts, 1.7);
    expect(adapter.capabilities()).toMatchObject({ annotations: true, annotationSuggestions: false });
    await adapter.showAnnotations([item(at(texts, 0, 'SENCO'), 'acronym', ['teacher'])], noEvents);
    expect(word.insertAnnotationsCalls[0].critiques).toEqual([{ colorScheme: 'Blue', start: 4, length: 5 }]);
    expect(word.handlers.popup).toHaveLength(0);
    expect(word.handlers.clicked).toHaveLength(1);
  });

  it('without WordApi 1.7: the capability is off and nothing is called', async () => {
    const texts = ['The SENCO.'];
    const { word, adapter } = setUp(texts, 1.4);
    expect(adapter.capabilities()).toMatchObject({ annotations: false, annotationSuggestions: false });
    await expect(adapter.showAnnotations([item(at(texts, 0, 'SENCO'), 'acronym')], noEvents)).rejects.toThrow(
      /WordApi 1.7/,
    );
    expect(await adapter.clearAnnotations()).toBe(0);
    expect(word.insertAnnotationsCalls).toEqual([]);
    expect(word.handlers).toEqual({ clicked: [], popup: [] });
    expect(adapter.syncCounts()).toEqual({ runs: 0, syncs: 0 });
  });
});

describe('the glossary', () => {
  const rows = [
    { term: 'SENCO', meaning: 'The teacher who leads help for children with special needs.' },
    { term: 'EHCP', meaning: 'Education, Health and Care plan. A legal plan.' },
    { term: 'annual review', meaning: 'A meeting once a year to look at the plan.' },
  ];
  const block = [
    'Glossary',
    'Term',
    'What it means',
    'annual review',
    rows[2].meaning,
    'EHCP',
    rows[1].meaning,
    'SENCO',
    rows[0].meaning,
  ];

  it('inserts a native table at the end, A to Z, tagged with a content control (WordApi 1.3)', async () => {
    const { word, adapter } = setUp(['Our SEND policy.', 'Last paragraph.'], 1.3);
    expect(await adapter.insertGlossary(rows, 'end')).toEqual({ replaced: false });
    expect(word.texts()).toEqual(['Our SEND policy.', 'Last paragraph.', ...block, '']);
    expect(word.controls).toHaveLength(1);
    expect(word.controls[0].title).toBe(GLOSSARY_TITLE);
    expect(word.paragraphs[2].style).toBe('Heading2');
    expect(word.paragraphs.slice(3, 3 + 8).every((p) => p.table)).toBe(true);
    expect(adapter.syncCounts()).toEqual({ runs: 1, syncs: 2 });
  });

  it('replaces the glossary when inserted again, wherever it is, and the check skips it', async () => {
    const { word, adapter } = setUp(['Our SEND policy.', 'Last paragraph.'], 1.3);
    await adapter.insertGlossary(rows, 'end');
    word.paragraphs.push(word.make('Added later.'));
    const more = [...rows, { term: 'CAMHS', meaning: 'Child and adolescent mental health services.' }];
    expect(await adapter.insertGlossary(more, 'cursor')).toEqual({ replaced: true });
    expect(word.controls).toHaveLength(1);
    const texts = word.texts();
    expect(texts.slice(0, 2)).toEqual(['Our SEND policy.', 'Last paragraph.']);
    expect(texts.slice(2, 7)).toEqual(['Glossary', 'Term', 'What it means', 'annual review', rows[2].meaning]);
    expect(texts).toContain('CAMHS');
    expect(texts[texts.length - 1]).toBe('Added later.');
    const read = await adapter.readParagraphs();
    expect(read.filter((p) => p.inGlossary).map((p) => p.text)).toEqual(
      word.controls[0].paragraphs.map((p) => p.runs[0]?.text ?? ''),
    );
    expect(read.find((p) => p.text === 'Added later.')!.inGlossary).toBeUndefined();
    expect(read[0].inGlossary).toBeUndefined();
  });

  it('inserts after the cursor when asked', async () => {
    const { word, adapter } = setUp(['One.', 'Two.', 'Three.'], 1.3);
    word.selection = { paragraph: word.paragraphs[0], start: 2, end: 2 };
    await adapter.insertGlossary(rows, 'cursor');
    const texts = word.texts();
    expect(texts[0]).toBe('One.');
    expect(texts[1]).toBe(GLOSSARY_HEADING);
    expect(texts.slice(-2)).toEqual(['Two.', 'Three.']);
  });

  it('on WordApi 1.1, inserts the same table as HTML into the content control, and replaces it', async () => {
    const { word, adapter } = setUp(['Policy.'], 1.1);
    await adapter.insertGlossary([...rows, { term: 'S&L <therapy>', meaning: 'Speech & language "help".' }], 'end');
    expect(word.controls[0].html).toBe(
      glossaryHtml(
        [...rows, { term: 'S&L <therapy>', meaning: 'Speech & language "help".' }].sort((a, b) =>
          a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }),
        ),
      ),
    );
    expect(word.texts()).toEqual([
      'Policy.',
      ...block.slice(0, 7),
      'S&L <therapy>',
      'Speech & language "help".',
      ...block.slice(7),
    ]);
    await adapter.insertGlossary(rows, 'end');
    expect(word.texts()).toEqual(['Policy.', ...block]);
    expect(word.controls).toHaveLength(1);
  });
});

describe('settings', () => {
  it('keeps per-document settings in the document (Office settings, saved with saveAsync)', async () => {
    const { word, adapter } = setUp(['x']);
    await adapter.documentSettings.set('ignored', ['ehcp']);
    expect(word.settings.get('plainSend.ignored')).toEqual(['ehcp']);
    expect(adapter.documentSettings.get('ignored')).toEqual(['ehcp']);
    await adapter.userSettings.set('audience', 'school-staff');
    expect(adapter.userSettings.get('audience')).toBe('school-staff');
  });
});

describe('review actions in Word (editText)', () => {
  it('explains every short form in one Word.run with a constant number of syncs, leaving the rest alone', async () => {
    const texts = ['The EHCP and the SENCO.', 'No change here.', 'Ask the EHCP team and the SENCO.'];
    const { word, adapter } = setUp(texts, 1.3);
    const paragraphs = await adapter.readParagraphs();
    const check = await checkDocument(createAnalyser(), paragraphs, { yieldNow: async () => {} });
    const text = texts.join('\n');
    const edits = shortFormEdits(check.analysis.findings);
    expect(edits.length).toBe(2);
    const before = adapter.syncCounts();
    await adapter.editText(text, edits);
    expect(word.texts().join('\n')).toBe(applyEdits(text, edits));
    expect(word.texts()[2]).toBe(texts[2]); // later uses are left alone
    const after = adapter.syncCounts();
    expect(after.runs - before.runs).toBe(1);
    expect(after.syncs - before.syncs).toBeLessThanOrEqual(5);
  });

  it('changes nothing when the document changed since the check, or when asked to add lines', async () => {
    const texts = ['The EHCP is here.'];
    const { word, adapter } = setUp(texts, 1.3);
    await expect(adapter.editText('Something else', [{ start: 4, end: 8, text: 'plan' }])).rejects.toBeInstanceOf(
      StaleLocationError,
    );
    await expect(adapter.editText(texts[0], [{ start: 17, end: 17, text: '\n\nWords' }])).rejects.toThrow(
      /Insert glossary/,
    );
    expect(word.texts()).toEqual(texts);
  });
});
