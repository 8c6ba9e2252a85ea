/**
 * How a function's time grows with its input, for complexity tests: never an absolute time,
 * only the ratio between two sizes, each the best of a few runs (other work on the machine
 * only ever makes a run slower), measured again before a test gives up.
 */
import { createAnalyser, type AnalyseOptions, type Analysis } from '../../src/engine/index.js';

/** Makes the input for one size; returns what to time, after any untimed set-up for that run. */
export type Work = (size: number) => () => () => unknown;

function best(setup: () => () => unknown, rounds: number): number {
  let min = Infinity;
  for (let i = 0; i < rounds; i++) {
    const run = setup();
    const t = performance.now();
    run();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/**
 * time(big) / time(small) with `big = small × factor`: for linear work about `factor` (10),
 * for quadratic about `factor²` (100). While it is at or over `limit` it is measured again,
 * the last time at ten times the sizes: small inputs run from the processor's caches and
 * without a full garbage collection, which can make ten times the text cost 30 to 50 times
 * as long on a busy machine, for no fault of the code. A quadratic pass only gets worse.
 */
export function growth(work: Work, small: number, factor = 10, limit = 30): number {
  let ratio = Infinity;
  for (let attempt = 0; attempt < 3 && ratio >= limit; attempt++) {
    const size = attempt < 2 ? small : small * factor;
    const a = best(work(size), 3);
    const b = best(work(size * factor), attempt === 0 ? 1 : 2);
    // Below 1 ms the small run says more about the timer and the scheduler than about the code;
    // any quadratic pass takes far longer than 30 ms on the big input.
    ratio = Math.min(ratio, b / Math.max(a, 1));
  }
  return ratio;
}

/** Bound for a whole analysis: it allocates a result per finding, and garbage collection adds to the noise. */
export const ANALYSIS_LIMIT = 40;

/**
 * {@link growth} of a whole analysis by a fresh analyser (so no paragraph cache helps), made
 * outside the timing; `verify` sees each size's first result. Measured again while at or over
 * {@link ANALYSIS_LIMIT}.
 */
export function analysisGrowth(
  make: (size: number) => string,
  small: number,
  options?: AnalyseOptions,
  verify?: (text: string, result: Analysis) => void,
): number {
  const verified = new Set<number>();
  return growth(
    (size) => {
      const text = make(size);
      return () => {
        const analyser = createAnalyser(options);
        return () => {
          const result = analyser.analyse(text);
          if (verify && !verified.has(size)) {
            verified.add(size);
            verify(text, result);
          }
        };
      };
    },
    small,
    10,
    ANALYSIS_LIMIT,
  );
}

/** {@link growth} of a pure function of the text. */
export function functionGrowth(make: (size: number) => string, run: (text: string) => unknown, small: number): number {
  return growth((size) => {
    const text = make(size);
    return () => () => run(text);
  }, small);
}
