import { describe, expect, it } from 'vitest';
import { paragraphs, sentences, words } from '../../../src/engine/text/segment.js';

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
