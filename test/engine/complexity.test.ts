/**
 * Every pass of the engine is linear in the text: for each shape of hostile text, ten times
 * the text may take at most 40 times as long (linear ≈ 10, quadratic ≈ 100), and the result
 * stays sound. The sizes are small (5 KB against 50 KB) to keep `npm test` quick; the tests of each
 * pass that was once quadratic use larger ones. `npm run bench` prints the same shapes at 10 KB, 100 KB and 1 MB.
 */
import { describe, expect, it } from 'vitest';
import { ANALYSIS_LIMIT, analysisGrowth } from './growth.js';
import { checkAnalysis } from './invariants.js';
import { everyCharacter, GENERATORS, type Generator } from './pathological.js';

function check(g: Generator, small: number) {
  expect(analysisGrowth(g.make, small, g.options, checkAnalysis), g.name).toBeLessThan(ANALYSIS_LIMIT);
}

describe('time linear in the text', () => {
  it.each(GENERATORS.map((g) => [g.name, g] as const))('%s', (_name, g) => check(g, 5_000));

  it('a run of any ASCII punctuation mark or space character', () => {
    for (const g of everyCharacter()) check(g, 2_000);
  });
});
