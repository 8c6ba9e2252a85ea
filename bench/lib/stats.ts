/** Timing helpers for the benchmarks: warm-up, a time budget, medians and percentiles. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** A full garbage collection between samples (outside the timed region), so one tool's garbage is not billed to the next. */
export const collectGarbage: () => void = runInNewContext('gc');

export interface Sample {
  /** Milliseconds per run (or per keystroke). */
  times: number[];
  /** The very first call, before any warm-up (cold JIT). */
  first: number;
  /** What the last call returned, e.g. a count of findings. */
  output?: unknown;
}

export interface MeasureOptions {
  /** Untimed runs before measuring (the first of them is still recorded as `first`). */
  warmup: number;
  /** Keep warming up until this much time has passed too (JIT tier-up of short runs takes a while). */
  warmupMs?: number;
  minRuns: number;
  maxRuns: number;
  /** Stop once this much time has been spent measuring (and `minRuns` are done). */
  budgetMs: number;
  /** Collect garbage before each timed run (default true; off for sub-millisecond work). */
  gc?: boolean;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Times `fn(i)` repeatedly; works for sync and async functions (async ones are awaited inside the timing). */
export async function measure(fn: (i: number) => unknown, o: MeasureOptions): Promise<Sample> {
  const times: number[] = [];
  let first = NaN;
  let output: unknown;
  let i = 0;
  const run = async (): Promise<number> => {
    if (o.gc !== false) collectGarbage();
    const t = now();
    let r = fn(i++);
    if (r instanceof Promise) r = await r;
    const dt = now() - t;
    output = r;
    return dt;
  };
  const warmupStarted = now();
  for (let w = 0; w < o.warmup || (o.warmup > 0 && now() - warmupStarted < (o.warmupMs ?? 0)); w++) {
    const dt = await run();
    if (w === 0) first = dt;
  }
  const started = now();
  while (times.length < o.maxRuns && (times.length < o.minRuns || now() - started < o.budgetMs)) {
    const dt = await run();
    if (Number.isNaN(first)) first = dt;
    times.push(dt);
  }
  return { times, first, output };
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);
export const p95 = (xs: readonly number[]) => quantile(xs, 0.95);
