import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/engine/index.js';

const plain = (text: string) => analyse(text).findings.filter((f) => f.rule === 'plain-word');

describe('plain-word', () => {
  it('suggests plain words, keeping the capitals', () => {
    const [f] = plain('Utilise the quiet room.');
    expect(f).toMatchObject({ category: 'plain-word', text: 'Utilise' });
    expect(f.replacements[0].text).toBe('Use');
  });

  it('finds multi-word officialese', () => {
    expect(plain('In order to help, please reply prior to Friday.').map((f) => [f.text, f.suggestions[0]])).toEqual([
      ['In order to', 'to'],
      ['prior to', 'before'],
    ]);
  });
});
