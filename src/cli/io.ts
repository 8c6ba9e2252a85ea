/** What every command shares: its streams, its exit codes, and how it quotes the user's input back. */
import type { ProgressTarget } from './progress.js';

export const EXIT = { clean: 0, found: 1, error: 2 } as const;

export interface Io {
  /** May return a promise: then nothing more is written until it settles (a slow pipe). */
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  readStdin: () => Promise<Uint8Array>;
  colour: boolean;
  /** Standard error when it is a terminal (for a progress bar); left out for a pipe or a file. */
  progress?: ProgressTarget;
  /** Standard output is a terminal too: then `check`'s scrolling results are its progress. */
  resultsOnTerminal?: boolean;
}

/** Longest piece of the user's input quoted back in a message. */
const QUOTED = 60;
export const quoted = (s: string) => JSON.stringify(s.length > QUOTED ? `${s.slice(0, QUOTED)}…` : s);

/** Collects small writes into pieces of about 64 KB (one write per finding would be slow). */
export function buffered(write: Io['stdout']) {
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    if (pending.length) {
      const piece = pending.join('');
      pending = [];
      size = 0;
      await write(piece);
    }
  };
  return {
    write(s: string): Promise<void> | undefined {
      pending.push(s);
      size += s.length;
      return size >= 65_536 ? flush() : undefined;
    },
    flush,
  };
}
