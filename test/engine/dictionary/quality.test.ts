import { describe, expect, it } from 'vitest';
import { definitionProblems } from '../../../src/engine/dictionary/quality.js';

describe('definitionProblems', () => {
  it('reads a definition of any length (a user may paste a whole document)', () => {
    const problems = definitionProblems('Go on. '.repeat(200_000));
    expect(problems[0]).toMatch(/^the definition has 400000 words/);
  });
});
