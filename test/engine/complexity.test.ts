/**
 * Every pass of the engine is linear in the text: for each shape of hostile text, ten times
 * the text may take at most 30 times as long (linear ≈ 10, quadratic ≈ 100), and the result
 * stays sound. `npm run bench` prints the same shapes at 10 KB, 100 KB and 1 MB.
 */
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/engine/index.js';
import { analysisGrowth } from './growth.js';
import { checkAnalysis } from './invariants.js';
import { everyCharacter, GENERATORS, type Generator } from './pathological.js';

const SMALL = 5_000;

function check(g: Generator, small: number) {
  const big = g.make(small * 10);
  checkAnalysis(big, createAnalyser(g.options).analyse(big));
  expect(analysisGrowth(g.make, small, g.options), g.name).toBeLessThan(30);
}

describe('time linear in the text', () => {
  it.each(GENERATORS.map((g) => [g.name, g] as const))('%s', (_name, g) => check(g, SMALL));

  it('a run of any ASCII punctuation mark or space character', () => {
    for (const g of everyCharacter()) check(g, SMALL);
  });
});
