/**
 * A one-line progress bar on standard error, for long batches (`check FOLDER`, `audit`). Only
 * on a terminal: a pipe or a log file gets nothing, so the output stays clean for scripts.
 * Redrawn at most every 100 ms, whatever the number of steps, and cleared when done.
 */

export interface ProgressTarget {
  write: (s: string) => void;
  /** Terminal width in columns, if a terminal. */
  columns?: number;
}

export interface Progress {
  /** `done` of `total` (total unknown: 0); `label` is what is being read now. */
  update(done: number, total: number, label?: string): void;
  /** Removes the bar, leaving the line clear for whatever is printed next. */
  clear(): void;
}

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export const NO_PROGRESS: Progress = { update() {}, clear() {} };

/** A bar on `target`, or `NO_PROGRESS` when `target` is not a terminal. */
export function progressBar(target: ProgressTarget | undefined, now: () => number = Date.now): Progress {
  if (!target) return NO_PROGRESS;
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total, label = '') {
      const t = now();
      if (t - last < REDRAW_MS && done !== total) return;
      last = t;
      shown = true;
      target.write(`\r\x1b[2K${progressLine(done, total, label, target.columns ?? 80)}`);
    },
    clear() {
      if (shown) target.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/** The bar's text, at most `columns - 1` characters: `[#####-----] 12/40 file.txt`. */
export function progressLine(done: number, total: number, label: string, columns: number): string {
  const count = total > 0 ? `${done}/${total}` : `${done}`;
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * BAR_WIDTH) : 0;
  const bar = total > 0 ? `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ` : '';
  const head = `${bar}${count}`;
  const room = columns - 1 - head.length - 1;
  // Control characters in a file name could move the cursor: shown as spaces.
  // eslint-disable-next-line no-control-regex
  const safe = label.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  if (room < 8 || !safe) return head.slice(0, columns - 1);
  return `${head} ${safe.length > room ? `…${safe.slice(safe.length - room + 1)}` : safe}`;
}
