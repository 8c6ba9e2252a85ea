/**
 * The Word adapter against what real Word does and the fake used not to model: a host that
 * offers only the requirement sets it reports (each of WordApi 1.1, 1.3, 1.4, 1.7 and 1.8, the
 * sets taken from @types/office-js), a pop-up suggestion Word puts in itself, the markup view
 * changing paragraph.text, highlight() moving the selection on the web, removeHighlight() on
 * the whole body failing on a Mac, a pane reloaded, and a batch failing half way.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Location } from '../../src/office/document-port.js';
import { TrackedChangesError, WordAdapter } from '../../src/word/word-adapter.js';
import { apiSetOf, wordApiSets } from './api-sets.js';
import { FakeWord, type FakeHost, type ParagraphSpec } from './fake-word.js';

const fakes: FakeWord[] = [];

function setUp(paragraphs: ParagraphSpec[], host: number | FakeHost) {
  const word = new FakeWord(paragraphs, host);
  fakes.push(word);
  vi.stubGlobal('Word', word.word());
  vi.stubGlobal('Office', word.office());
  return { word, adapter: new WordAdapter() };
}

afterEach(() => {
  vi.unstubAllGlobals();
  for (const word of fakes.splice(0)) expect(word.violations).toEqual([]);
});

function at(text: string, paragraph: number, needle: string, nth = 0): Location {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`${needle} not found`);
  return { paragraph, start, end: start + needle.length, text: needle };
}

const colours = (word: FakeWord, p: number) => word.paragraphs[p].runs.map((r) => [r.text, r.highlight ?? null]);

describe('the sets come from @types/office-js', () => {
  it('reads the [Api set] tags, as Microsoft documents them', () => {
    expect(wordApiSets().size).toBeGreaterThan(100);
    expect(apiSetOf('Body', 'getReviewedText')).toEqual({ name: 'WordApi', version: 1.4 });
    expect(apiSetOf('Range', 'insertComment')).toEqual({ name: 'WordApi', version: 1.4 });
    expect(apiSetOf('Paragraph', 'insertAnnotations')).toEqual({ name: 'WordApi', version: 1.7 });
    expect(apiSetOf('Document', 'onAnnotationPopupAction')).toEqual({ name: 'WordApi', version: 1.8 });
    expect(apiSetOf('Range', 'highlight')).toEqual({ name: 'WordApi', version: 1.8 });
    expect(apiSetOf('Paragraph', 'tableNestingLevel')).toEqual({ name: 'WordApi', version: 1.3 });
    expect(apiSetOf('Critique', 'popupOptions')).toEqual({ name: 'WordApi', version: 1.8 });
    expect(apiSetOf('Range', 'text')).toEqual({ name: 'WordApi', version: 1.1 });
  });

  it('the fake refuses what the host lacks, and what the adapter did not check for', async () => {
    const word = new FakeWord(['The SENCO.'], 1.3);
    const run = (word.word() as { run: (b: (c: unknown) => Promise<unknown>) => Promise<unknown> }).run;
    await expect(
      run(async (context) =>
        (context as { document: { body: { getReviewedText(v: string): unknown } } }).document.body.getReviewedText(
          'Current',
        ),
      ),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    const ok = new FakeWord(['The SENCO.'], 1.8);
    const office = ok.office() as { context: { requirements: { isSetSupported(n: string, v: string): boolean } } };
    await expect(
      (ok.word() as { run: (b: (c: unknown) => Promise<unknown>) => Promise<unknown> }).run(async (context) =>
        (context as { document: { body: { getRange(): unknown } } }).document.body.getRange(),
      ),
    ).rejects.toThrow(/did not check for it/);
    expect(office.context.requirements.isSetSupported('WordApi', '1.3')).toBe(true);
    expect(word.violations).toEqual(['Word.Body.getReviewedText needs WordApi 1.4; this Word has WordApi 1.3.']);
    expect(ok.violations).toEqual(['Word.Body.getRange needs WordApi 1.3; the adapter did not check for it.']);
    word.violations = [];
    ok.violations = [];
  });
});

describe.each([1.1, 1.3, 1.4, 1.7, 1.8])('a Word that supports WordApi %s', (version) => {
  const texts = ['Dear parent, the SENCO will write.', 'The SENCO and the EHCP.', 'Thank you.'];

  it('every action works, calling nothing above that set', async () => {
    // On the web, where highlight() would move the cursor (office-js issue 6141).
    const { word, adapter } = setUp(texts, { version, platform: 'web' });
    const caps = adapter.capabilities();
    expect((await adapter.readParagraphs()).map((p) => p.text)).toEqual(texts);
    word.selection = { paragraph: word.paragraphs[1], start: 4, end: 9 };
    expect((await adapter.readWithSelection()).selection.text).toBe('SENCO');
    await adapter.select(at(texts[1], 1, 'EHCP'));
    expect(word.selection).toMatchObject({ start: 18, end: 22 });
    if (caps.comments) await adapter.insertComment(at(texts[1], 1, 'EHCP'), 'Spell this out.');
    else await expect(adapter.insertComment(at(texts[1], 1, 'EHCP'), 'x')).rejects.toThrow(/WordApi 1.4/);
    expect(word.comments).toHaveLength(caps.comments ? 1 : 0);
    expect(await adapter.markUp([at(texts[0], 0, 'SENCO')])).toEqual({ marked: 1, skipped: 0 });
    expect(word.selection).toMatchObject({ paragraph: word.paragraphs[1], start: 18, end: 22 });
    expect(await adapter.clearMarks()).toBe(1);
    if (caps.annotations) {
      expect(
        (
          await adapter.showAnnotations(
            [{ location: at(texts[1], 1, 'SENCO'), category: 'acronym', suggestions: ['teacher'] }],
            { onSuggestion: () => undefined },
          )
        ).marked,
      ).toBe(1);
      expect(await adapter.clearAnnotations()).toBe(1);
    }
    await adapter.insertGlossary([{ term: 'SENCO', meaning: 'The teacher who leads help.' }], 'end');
    await adapter.replace(at(texts[1], 1, 'EHCP'), 'plan');
    expect(word.texts().slice(0, 3)).toEqual([texts[0], 'The SENCO and the plan.', texts[2]]);
    expect(word.temporary).toEqual([]);
    expect(word.paragraphs.flatMap((p) => p.runs).every((r) => !r.highlight)).toBe(true);
  });

  it('Mark up all twice, then Clear marks: every text is as it was, also where the words moved', async () => {
    const { word, adapter } = setUp(
      [{ runs: [{ text: 'The ' }, { text: 'SENCO', highlight: 'Green' }, { text: ' and the EHCP.' }] }, 'The EHCP.'],
      version,
    );
    const before = [colours(word, 0), colours(word, 1)];
    const locations = [
      at('The SENCO and the EHCP.', 0, 'SENCO'),
      at('The SENCO and the EHCP.', 0, 'EHCP'),
      at('The EHCP.', 1, 'EHCP'),
    ];
    expect((await adapter.markUp(locations)).marked).toBe(3);
    expect((await adapter.markUp(locations)).marked).toBe(3);
    // A paragraph added above: the marks are no longer where they were remembered.
    word.paragraphs.unshift(word.make('New first line.'));
    const reloaded = new WordAdapter();
    await reloaded.clearMarks();
    expect([colours(word, 1), colours(word, 2)].map((c) => c.map(([, h]) => h).filter((h) => h === 'Yellow'))).toEqual([
      [],
      [],
    ]);
    expect(word.colourOf(word.paragraphs[1], 4, 9)).toBe(version >= 1.8 ? before[0][1][1] : 'Green');
    expect(word.temporary).toEqual([]);
    expect(word.settings.has('plainSend.marks')).toBe(false);
  });
});

describe.each([1.7, 1.8])('underlines kept with the document (WordApi %s)', (version) => {
  const texts = ['The SENCO and the EHCP.'];
  const items = () => [
    { location: at(texts[0], 0, 'SENCO'), category: 'acronym', suggestions: ['teacher'] },
    { location: at(texts[0], 0, 'EHCP'), category: 'acronym', suggestions: [] },
  ];

  it('a reloaded pane takes them off with Hide, and Show adds no duplicates', async () => {
    const { word, adapter } = setUp(texts, version);
    const foreign = word.addForeignAnnotation(0);
    await adapter.showAnnotations(items(), { onSuggestion: () => undefined });
    const again = new WordAdapter();
    await again.showAnnotations(items(), { onSuggestion: () => undefined });
    expect(word.annotations.filter((a) => a.id !== foreign)).toHaveLength(2);
    const third = new WordAdapter();
    // A reopened pane knows there are underlines to take off (its button reads Hide in Word).
    expect(third.annotationsShown()).toBe(true);
    expect(await third.clearAnnotations()).toBe(2);
    expect(new WordAdapter().annotationsShown()).toBe(false);
    expect(word.annotations.map((a) => a.id)).toEqual([foreign]);
  });
});

describe('a picked suggestion is handled once', () => {
  it('Word replaces the words; the adapter reports it after, and a replace of the old words is not needed', async () => {
    const texts = ['We will utilise the EHCP.'];
    const { word, adapter } = setUp(texts, 1.8);
    const seen: string[] = [];
    await adapter.showAnnotations(
      [{ location: at(texts[0], 0, 'utilise'), category: 'plain-word', suggestions: ['use'] }],
      { onSuggestion: (_i, text) => seen.push(`${text}: ${word.texts()[0]}`) },
    );
    await word.popupAction(word.annotations[0].id, 'use');
    expect(seen).toEqual(['use: We will use the EHCP.']);
    expect(word.texts()).toEqual(['We will use the EHCP.']);
    // What the pane does next: check again, and show again (the old underline is gone with its words).
    const [p] = await adapter.readParagraphs();
    expect(p.text).toBe('We will use the EHCP.');
    expect(
      (
        await adapter.showAnnotations([{ location: at(p.text, 0, 'EHCP'), category: 'acronym', suggestions: [] }], {
          onSuggestion: () => undefined,
        })
      ).marked,
    ).toBe(1);
    expect(word.annotations).toHaveLength(1);
  });
});

describe.each(['all', 'simple', 'none', 'original'] as const)('tracked changes with the %s markup view', (view) => {
  const runs = [
    { text: 'The ' },
    { text: 'SENCO ', deleted: true },
    { text: 'new ', inserted: true },
    { text: 'teacher will call the SENCO.' },
  ];

  it('reads the text as it will be, flags it, and never acts on the wrong words', async () => {
    const { word, adapter } = setUp([{ runs }, 'No changes.'], { version: 1.8, markupView: view });
    const read = await adapter.readParagraphs();
    expect(read.map((p) => [p.text, !!p.trackedChanges])).toEqual([
      ['The new teacher will call the SENCO.', true],
      ['No changes.', false],
    ]);
    const senco = at(read[0].text, 0, 'SENCO');
    await expect(adapter.replace(senco, 'head')).rejects.toBeInstanceOf(TrackedChangesError);
    const shown = await adapter.showAnnotations([{ location: senco, category: 'acronym', suggestions: [] }], {
      onSuggestion: () => undefined,
    });
    expect(shown).toEqual({ marked: 0, skipped: 1 });
    await adapter.replace(at(read[0].text, 0, 'call'), 'ring');
    expect(word.texts()[0]).toBe('The SENCO new teacher will ring the SENCO.');
  });
});

describe('marking moves nothing and fails nowhere', () => {
  it('on the web, the cursor stays where the user left it', async () => {
    const texts = ['The SENCO and the EHCP.', 'Where I am typing.'];
    const { word, adapter } = setUp(texts, { version: 1.8, platform: 'web' });
    word.selection = { paragraph: word.paragraphs[1], start: 6, end: 6 };
    await adapter.markUp([at(texts[0], 0, 'SENCO'), at(texts[0], 0, 'EHCP')]);
    expect(word.temporary).toHaveLength(2);
    expect(word.selection).toMatchObject({ paragraph: word.paragraphs[1], start: 6, end: 6 });
  });

  it('on a Mac, Clear marks takes every mark off (removeHighlight on the whole body fails there)', async () => {
    const texts = ['The SENCO.', 'The EHCP.'];
    const { word, adapter } = setUp(texts, { version: 1.8, platform: 'mac' });
    await adapter.markUp([at(texts[0], 0, 'SENCO'), at(texts[1], 1, 'EHCP')]);
    expect(await adapter.clearMarks()).toBe(2);
    expect(word.temporary).toEqual([]);
  });
});

describe('a batch that fails half way leaves nothing behind', () => {
  it('colour marks made before a failed sync are still cleared', async () => {
    const texts = ['The SENCO and the EHCP.'];
    const { word, adapter } = setUp(texts, 1.4);
    word.failSync = (n) => n === 3; // read, search, then the one that colours
    await expect(adapter.markUp([at(texts[0], 0, 'SENCO'), at(texts[0], 0, 'EHCP')])).rejects.toThrow();
    word.failSync = undefined;
    expect(word.paragraphs[0].runs.some((r) => r.highlight === 'Yellow')).toBe(true);
    await new WordAdapter().clearMarks();
    expect(word.paragraphs[0].runs.every((r) => !r.highlight)).toBe(true);
  });

  it('underlines added by a batch whose last sync failed are still taken off', async () => {
    const texts = ['The SENCO and the EHCP.'];
    const { word, adapter } = setUp(texts, 1.8);
    const foreign = word.addForeignAnnotation(0);
    word.failSync = (n) => n === 2; // read, then the one that inserts
    await expect(
      adapter.showAnnotations([{ location: at(texts[0], 0, 'SENCO'), category: 'acronym', suggestions: [] }], {
        onSuggestion: () => undefined,
      }),
    ).rejects.toThrow();
    word.failSync = undefined;
    expect(word.annotations).toHaveLength(2);
    expect(await new WordAdapter().clearAnnotations()).toBe(1);
    expect(word.annotations.map((a) => a.id)).toEqual([foreign]);
  });
});
