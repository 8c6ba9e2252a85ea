/**
 * The shipped engine against the engine as it was before one scan fed everything (issue 13),
 * kept in test/reference/: the same findings (every field), explanations, readability and
 * paragraph reports on every seed, every UK passage and every written form of every entry, under
 * several options, on the dictionaries as they are now (no stored snapshot to go stale).
 */
import { describe, expect, test } from 'vitest';
import { choosePacks, createAnalyser, type AnalyseOptions } from '../../src/engine/analyser.js';
import { audience } from '../../src/engine/audiences.js';
import { ParagraphContext } from '../../src/engine/context.js';
import { PACK_INDEX } from '../../src/engine/dictionary/builtin.js';
import { loadGlossary } from '../../src/engine/glossary/compiled.js';
import { paragraphs } from '../../src/engine/text/segment.js';
import { everyWrittenForm, seedTexts, ukPassageTexts } from '../helpers.js';
import { referenceAnalyser } from '../reference/analyser.js';
import { ParagraphContext as ReferenceContext } from '../reference/context.js';

const ALL = PACK_INDEX.map((p) => p.id);
const seeds = seedTexts();
const passages = ukPassageTexts();
const everyForm = everyWrittenForm();
const texts = [...seeds, ...passages, everyForm];

const OPTIONS: Array<[string, AnalyseOptions]> = [
  ['the default packs', {}],
  ['every pack', { packs: ALL }],
  ['every pack, common words too, for professionals', { packs: ALL, includeCommon: true, audience: 'professional' }],
  ['soft line breaks, acronyms and plain words only', { lineBreaks: 'soft', categories: ['acronym', 'plain-word'] }],
  ['no readability', { readability: false }],
];

describe('the engine gives what the reference engine gives', () => {
  test('the texts are all there', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    expect(passages.length).toBeGreaterThanOrEqual(80);
    expect(everyForm.length).toBeGreaterThan(100_000);
  });

  test.each(OPTIONS)('%s', (_, options) => {
    const reference = referenceAnalyser(options);
    const shipped = createAnalyser(options);
    let findings = 0;
    for (const text of texts) {
      const want = reference.analyse(text);
      expect(shipped.analyse(text)).toEqual(want);
      findings += want.findings.length;
    }
    expect(findings).toBeGreaterThan(options.categories ? 1_000 : 5_000);
  });

  test('the acronyms each paragraph explains, and the long forms it gives', () => {
    const glossary = loadGlossary(choosePacks({ packs: ALL }));
    let explained = 0;
    for (const text of texts) {
      for (const span of paragraphs(text)) {
        const body = text.slice(span.start, span.end);
        const want = new ReferenceContext(body, glossary, audience(undefined));
        const got = new ParagraphContext(body, glossary, audience(undefined));
        expect(got.explanations()).toEqual(want.explanations());
        expect(got.longForms()).toEqual(want.longForms());
        explained += want.explanations().length;
      }
    }
    expect(explained).toBeGreaterThan(100);
  });
});
