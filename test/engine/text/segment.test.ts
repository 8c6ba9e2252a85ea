import { describe, expect, it } from 'vitest';
import { paragraphs, sentences, words } from '../../../src/engine/text/segment.js';
import { functionGrowth } from '../growth.js';
import { paragraphs as referenceParagraphs, sentences as referenceSentences } from '../../reference/segment.js';

const texts = (t: string, spans: { start: number; end: number }[]) => spans.map((s) => t.slice(s.start, s.end));

describe('paragraphs', () => {
  it('makes each non-empty line a paragraph in hard mode', () => {
    const t = 'Dear parent,\n\nWe will meet.\r\n  Thank you.  \n';
    expect(texts(t, paragraphs(t))).toEqual(['Dear parent,', 'We will meet.', 'Thank you.']);
  });

  it('joins wrapped lines in soft mode but keeps list items and headings apart', () => {
    const t = '# Help at school\nWe will meet\nyou soon.\n- one item\n- two\n\nNew para.';
    expect(texts(t, paragraphs(t, 'soft'))).toEqual([
      '# Help at school',
      'We will meet\nyou soon.',
      '- one item',
      '- two',
      'New para.',
    ]);
  });

  it('copes with empty and blank text', () => {
    expect(paragraphs('')).toEqual([]);
    expect(paragraphs(' \n\t\n')).toEqual([]);
  });

  it('splits random text at \\n, \\r and \\r\\n as the per-character pass did, in both modes', () => {
    const alphabet = ['\n', '\r', '\r\n', ' ', '\t', 'a', 'B', '.', '# ', '- ', '1. ', '> ', '\u00a0', '\u2028'];
    let seed = 5;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let n = 0; n < 20_000; n++) {
      let t = '';
      for (let i = Math.floor(next() * 20); i > 0; i--) t += alphabet[Math.floor(next() * alphabet.length)];
      for (const mode of ['hard', 'soft'] as const)
        expect(paragraphs(t, mode), `${mode} ${JSON.stringify(t)}`).toEqual(referenceParagraphs(t, mode));
    }
  });

  it('finds line breaks in time linear in the text, whichever kinds it mixes', () => {
    // One \r at the end of many \n lines (and the other way round): each break is searched for once.
    expect(functionGrowth((n) => 'ab\n'.repeat(n / 3) + '\r', paragraphs, 30_000)).toBeLessThan(30);
    expect(functionGrowth((n) => 'ab\r'.repeat(n / 3) + '\n', paragraphs, 30_000)).toBeLessThan(30);
  });
});

describe('sentences', () => {
  const count = (t: string) => sentences(t).length;

  it('ends sentences at . ! ? and line breaks', () => {
    expect(texts('One. Two! Three?', sentences('One. Two! Three?'))).toEqual(['One.', 'Two!', 'Three?']);
    expect(count('A heading\nA line with no stop\nAnother')).toBe(3);
  });

  it('does not end a sentence at abbreviations, decimals or initials', () => {
    expect(count('Bring items, e.g. a coat, i.e. warm. Then go.')).toBe(2);
    expect(count('It costs 2.5 pounds. Mrs. Smith will see J. Brown.')).toBe(2);
    expect(count('We do art, music etc. The class is full.')).toBe(2);
  });

  it('keeps closing quotes and brackets with the sentence', () => {
    const t = '"Come in." (She smiled.) Then we sat.';
    expect(texts(t, sentences(t))).toEqual(['"Come in."', '(She smiled.)', 'Then we sat.']);
  });

  it('ends them where the character-by-character pass did, on random text', () => {
    const alphabet = [...'aZJ1iv .!?…。\n\r"\'“‘”’([)]', 'e.g', 'Mrs', ' 2', '\u2028', '\u00a0', 'é', 'Ł'];
    let seed = 11;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let n = 0; n < 20_000; n++) {
      let t = '';
      for (let i = Math.floor(next() * 24); i > 0; i--) t += alphabet[Math.floor(next() * alphabet.length)];
      expect(sentences(t), JSON.stringify(t)).toEqual(referenceSentences(t));
    }
  });

  it('does not count a list number as a word or a sentence', () => {
    const s = sentences('1. Your school has a plan.');
    expect(s).toHaveLength(1);
    expect(s[0].words.map((w) => w.text)).toEqual(['Your', 'school', 'has', 'a', 'plan']);
  });
});

describe('words', () => {
  it('keeps hyphenated words, apostrophes and numbers whole', () => {
    expect(words("The child's co-production plan, post-16, 2.5 hours.").map((w) => w.text)).toEqual([
      'The',
      "child's",
      'co-production',
      'plan',
      'post-16',
      '2.5',
      'hours',
    ]);
  });

  it('gives UTF-16 offsets', () => {
    const t = '😀 café naïve';
    for (const w of words(t)) expect(t.slice(w.start, w.end)).toBe(w.text);
  });
});

describe('segmentation of hostile text, in time linear in it', () => {
  const WORD = /[\p{L}\p{N}\p{M}]+(?:['’‘\-‐‑.](?=[\p{L}\p{N}])[\p{L}\p{N}\p{M}]+)*/gu;

  it('finds the words the expression would, in any script and around surrogates', () => {
    const alphabet = [..."aZ1.'’‘-‐‑ ,", 'é', 'e\u0301', '\u0301', '𝐀', '😀', '\ud835', '\udc00', '٣', '²', '中', 'ǅ'];
    let seed = 1;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let n = 0; n < 20_000; n++) {
      let t = '';
      for (let i = Math.floor(next() * 16); i > 0; i--) t += alphabet[Math.floor(next() * alphabet.length)];
      const expected = [...t.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
      expect(
        words(t).map((w) => [w.start, w.end]),
        JSON.stringify(t),
      ).toEqual(expected);
    }
  });

  it('reads one word of millions of characters without running out of stack', () => {
    const t = 'A.'.repeat(3_355_430);
    const w = words(t);
    expect(w).toHaveLength(1);
    expect(w[0].end).toBe(t.length - 1);
    expect(sentences(t)).toHaveLength(1);
  });

  it('reads a run of full stops or exclamation marks once', () => {
    expect(texts('Help!!!!! Now', sentences('Help!!!!! Now'))).toEqual(['Help!!!!!', 'Now']);
    expect(sentences('a' + '.'.repeat(1000) + 'b')).toHaveLength(1);
    expect(functionGrowth((n) => 'a' + '.'.repeat(n) + 'b', sentences, 20_000)).toBeLessThan(30);
    expect(functionGrowth((n) => 'Help' + '!'.repeat(n), sentences, 20_000)).toBeLessThan(30);
    expect(functionGrowth((n) => 'Why' + '?!.)'.repeat(n / 4) + ' Then', sentences, 20_000)).toBeLessThan(30);
  });
});
