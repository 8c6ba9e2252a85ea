import { describe, expect, it } from 'vitest';
import { singularOf, tokenise } from '../../../src/engine/text/tokens.js';

describe('tokenise', () => {
  it('splits hyphenated words and folds possessives into the word', () => {
    const t = "The LA's post-16 offer";
    const tokens = tokenise(t);
    expect(tokens.map((x) => x.text)).toEqual(['The', 'LA', 'post', '16', 'offer']);
    expect(tokens[1]).toMatchObject({ start: 4, end: 6 });
    expect(tokens[3].joinsPrevious).toBe(true);
  });

  it('does not join across sentence punctuation or line breaks', () => {
    const tokens = tokenise('SEN. Support\nplan, review');
    expect(tokens.map((x) => x.joinsPrevious)).toEqual([false, false, false, true]);
  });

  it('reads & as and', () => {
    expect(tokenise('Speech & Language').map((x) => x.lower)).toEqual(['speech', 'and', 'language']);
  });
});

describe('singularOf', () => {
  it.each([
    ['EHCPs', 'EHCP'], ['SENCos', 'SENCo'], ['reviews', 'review'], ['therapies', 'therapy'], ['classes', 'class'],
    ['process', undefined], ['this', undefined], ['is', undefined], ['SEND', undefined],
  ])('%s → %s', (word, singular) => {
    expect(singularOf(word)).toBe(singular);
  });
});
