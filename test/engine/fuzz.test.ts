/**
 * Random and hostile input: nothing throws; every finding's offsets are in range, slice to its
 * text and split no surrogate pair; every score is finite; and an analyser that has seen other
 * text answers as a fresh one does.
 */
import { describe, expect, it } from 'vitest';
import { analyse, createAnalyser, type Analysis } from '../../src/engine/index.js';
import { checkAnalysis } from './invariants.js';
import { everyCharacter, GENERATORS, PUNCTUATED_TERMS } from './pathological.js';

function checkOffsets(text: string, result: Analysis) {
  checkAnalysis(text, result);
  expect(result.findings.every((f) => text.slice(f.start, f.end) === f.text)).toBe(true);
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const PIECES = [
  'EHCP',
  'SENCo',
  "LA's",
  'EHCPs',
  'SEN support',
  'Education, Health and Care Plan (EHCP)',
  'OT',
  'SLT',
  'post-16',
  'co-production',
  'utilise',
  'in order to',
  '(',
  ')',
  '.',
  '!',
  '?',
  '\n',
  '\r\n',
  '\t',
  ' ',
  '  ',
  '—',
  '-',
  "'",
  '’',
  '"',
  '😀',
  '👩‍👧',
  'é',
  'e\u0301',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u0000',
  '\ufeff',
  'שלום',
  'مرحبا',
  '中文',
  'ＦＵＬＬ',
  'İ',
  'ß',
  '\ud800',
  '\udc00',
  '1.',
  'IV.',
  'e.g.',
  'KS2',
  'PCF',
  'A',
  'I',
  'Y6',
  '&',
  '/',
  'x'.repeat(50),
  '#',
  '- ',
  '• ',
];

describe('analyse on hostile input', () => {
  it.each([
    ['empty', ''],
    ['spaces only', ' \n\t\n '],
    ['NUL bytes', '\u0000EHCP\u0000 and SEN\u0000support'],
    ['zero-width characters', 'E\u200bHCP SEN\u200b support EHCP\u200d'],
    ['right-to-left text', '\u202eEHCP\u202c مرحبا EHCP שלום SENCo'],
    ['emoji', '😀EHCP😀 👩‍👧 SENCo 🏳️‍🌈 (EHCP) 😀'],
    ['lone surrogates', '\ud800EHCP\udc00 SENCo\ud800'],
    ['unbalanced brackets', '((((EHCP) Education, Health and Care Plan (((('],
    ['only punctuation', '.!?.!?()()--'.repeat(1000)],
  ])('%s', (_name, text) => {
    checkOffsets(text, analyse(text));
  });

  it('one 100,000-character line', () => {
    const line = 'The SENCo and the EHCP and the PCF talk about SEN support and co-production '
      .repeat(1400)
      .slice(0, 100_000);
    const result = analyse(line);
    checkOffsets(line, result);
    expect(result.findings.length).toBeGreaterThan(1000);
  });

  it('5 MB of text', () => {
    const para =
      'Dear parent, the SENCo will review the EHCP (Education, Health and Care Plan) at the annual review. We utilise the LA’s offer.\n';
    const text = para.repeat(Math.ceil(5_000_000 / para.length));
    const result = analyse(text);
    checkOffsets(text, result);
    expect(result.readability.words).toBeGreaterThan(500_000);
  });

  it('5,000 random documents built from awkward pieces', () => {
    const next = random(20261122);
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const len = Math.floor(next() * 40);
      for (let i = 0; i < len; i++) text += PIECES[Math.floor(next() * PIECES.length)] + (next() < 0.5 ? ' ' : '');
      checkOffsets(text, analyse(text));
    }
  });

  it('random code units', () => {
    const next = random(7);
    for (let n = 0; n < 300; n++) {
      const units = Array.from({ length: Math.floor(next() * 300) }, () => Math.floor(next() * 0x10000));
      const text = String.fromCharCode(...units);
      checkOffsets(text, analyse(text));
    }
  });

  it('pieces of every pathological shape, mixed at random', () => {
    const next = random(42);
    const shapes = [...GENERATORS, ...everyCharacter()];
    const analyser = createAnalyser({ extraPacks: [PUNCTUATED_TERMS] });
    for (let n = 0; n < 400; n++) {
      let text = '';
      for (let i = Math.floor(next() * 6); i >= 0; i--) {
        const piece = shapes[Math.floor(next() * shapes.length)].make(Math.floor(next() * 300));
        const from = Math.floor(next() * piece.length);
        text += piece.slice(from, from + Math.floor(next() * 200)) + PIECES[Math.floor(next() * PIECES.length)];
      }
      checkOffsets(text, analyser.analyse(text));
    }
  });
});

describe('incremental analysis', () => {
  it('an analyser that has read other text answers as a fresh one', () => {
    const next = random(99);
    for (const options of [{}, { lineBreaks: 'soft' as const }, { extraPacks: [PUNCTUATED_TERMS] }]) {
      const warm = createAnalyser(options);
      let text = 'The SENCo will review the EHCP.\nWe utilise the LA’s offer (see s.17).\n\nPLEASE READ THE EHCP NOW.';
      for (let edit = 0; edit < 40; edit++) {
        // Type, delete or paste at a random place, as an editor would.
        const at = Math.floor(next() * (text.length + 1));
        const roll = next();
        if (roll < 0.5) text = text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(at);
        else if (roll < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 5));
        else text = text.slice(0, at) + '\n' + text.slice(at);
        const incremental = warm.analyse(text);
        checkOffsets(text, incremental);
        expect(incremental).toEqual(createAnalyser(options).analyse(text));
      }
    }
  });
});
