import { describe, expect, it } from 'vitest';
import { matchCase } from '../../../src/engine/text/case.js';

describe('matchCase', () => {
  it.each([
    ['utilise', 'use', 'use'],
    ['Utilise', 'use', 'Use'],
    ['UTILISE', 'use', 'USE'],
    ['Prior to', 'before', 'Before'],
    ['utilise', 'Local Offer', 'Local Offer'],
    ['A', 'an', 'An'],
  ])('%s → %s gives %s', (original, replacement, expected) => {
    expect(matchCase(original, replacement)).toBe(expected);
  });
});
