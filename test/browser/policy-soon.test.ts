import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { canonical, policySoon, type PolicySources, type RawPolicy } from '../../src/browser/store/policy-soon.js';

/** A browser whose policy answer comes when the test says, and a copy in memory. */
function sources(copy: RawPolicy | undefined) {
  let answer!: (raw: RawPolicy) => void;
  let fail!: (e: Error) => void;
  const fresh = new Promise<RawPolicy>((ok, no) => {
    answer = ok;
    fail = no;
  });
  const kept: RawPolicy[] = [];
  const s: PolicySources = {
    fresh: () => fresh,
    copy: async () => copy,
    keep: async (raw) => {
      kept.push(raw);
    },
  };
  return { s, answer, fail, kept };
}

const SCHOOL = { audience: 'staff', readModeSites: ['school.example.sch.uk'] };

describe('the policy without the wait', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives the copy at once, and stays quiet when the browser agrees', async () => {
    const { s, answer, kept } = sources({ ...SCHOOL });
    const late = vi.fn();
    const got = policySoon(s, 150, late);
    await vi.advanceTimersByTimeAsync(1);
    expect(await got).toEqual(SCHOOL);
    // The same policy, its keys in another order.
    answer({ readModeSites: ['school.example.sch.uk'], audience: 'staff' });
    await vi.advanceTimersByTimeAsync(3000);
    expect(late).not.toHaveBeenCalled();
    expect(kept).toEqual([]);
  });

  it('gives the copy, then says so and keeps the new one when the browser answers differently', async () => {
    const { s, answer, kept } = sources({ ...SCHOOL });
    const late = vi.fn();
    expect(await policySoon(s, 150, late)).toEqual(SCHOOL);
    answer({});
    await vi.advanceTimersByTimeAsync(0);
    expect(late).toHaveBeenCalledTimes(1);
    expect(kept).toEqual([{}]);
  });

  it('with no copy (the first time), waits for the browser up to the limit', async () => {
    const { s, answer, kept } = sources(undefined);
    const late = vi.fn();
    const got = policySoon(s, 150, late);
    await vi.advanceTimersByTimeAsync(100);
    answer({ ...SCHOOL });
    expect(await got).toEqual(SCHOOL);
    await vi.advanceTimersByTimeAsync(0);
    expect(late).not.toHaveBeenCalled();
    expect(kept).toEqual([SCHOOL]);
  });

  it('with no copy and a slow browser, gives no policy at the limit, then the real one late', async () => {
    const { s, answer, kept } = sources(undefined);
    const late = vi.fn();
    const got = policySoon(s, 150, late);
    await vi.advanceTimersByTimeAsync(150);
    expect(await got).toEqual({});
    answer({ ...SCHOOL });
    await vi.advanceTimersByTimeAsync(0);
    expect(late).toHaveBeenCalledTimes(1);
    expect(kept).toEqual([SCHOOL]);
  });

  it('a browser that cannot answer leaves what was given, and the copy, alone', async () => {
    const { s, fail, kept } = sources({ ...SCHOOL });
    const late = vi.fn();
    expect(await policySoon(s, 150, late)).toEqual(SCHOOL);
    fail(new Error('no policy service'));
    await vi.advanceTimersByTimeAsync(3000);
    expect(late).not.toHaveBeenCalled();
    expect(kept).toEqual([]);
  });

  it('compares policies whatever the order of their keys, at any depth', () => {
    expect(canonical({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe(
      canonical({ a: { c: 3, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
    expect(canonical({ a: [1, 2] })).not.toBe(canonical({ a: [2, 1] }));
  });
});
