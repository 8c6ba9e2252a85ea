/** Findings in document order: the in-place sort gives what a stable `Array.sort` gives. */
import { describe, expect, it } from 'vitest';
import { sortByPlace } from '../../../src/engine/rules/rule.js';

describe('sortByPlace', () => {
  it('orders by start, the longer first, keeping ties in their order, at any length', () => {
    let seed = 3;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let n = 0; n < 5_000; n++) {
      const size = Math.floor(next() * 50);
      const items = Array.from({ length: size }, (_, id) => {
        const start = Math.floor(next() * 8);
        return { start, end: start + Math.floor(next() * 3), id };
      });
      const want = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
      expect(sortByPlace(items).map((x) => x.id)).toEqual(want.map((x) => x.id));
    }
  });

  it('sorts in place and returns the same array', () => {
    const a = [
      { start: 5, end: 6 },
      { start: 1, end: 2 },
    ];
    expect(sortByPlace(a)).toBe(a);
    expect(a.map((x) => x.start)).toEqual([1, 5]);
  });
});
