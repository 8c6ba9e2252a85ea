/**
 * Checks a list of files and folders and prints the results in order: one at a time in this
 * thread, or, for a large batch, spread over worker threads (see pool.ts). Either way the output
 * and the exit code are the same, and only a few files' results are held at once.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  checkFile,
  hasFindings,
  outputPieces,
  type Analysers,
  type BatchSettings,
  type Outcome,
} from './check-file.js';
import { FOLDER_EXTENSIONS, filesIn, statAsync, type WalkProblem } from './files.js';
import { JSON_START, jsonEnd } from './format.js';
import { EXIT, buffered, type Io } from './io.js';
import { problem } from './problem.js';
import { NO_PROGRESS, progressBar } from './progress.js';

/** More files than this make a batch "large": worker threads, and a progress bar on a terminal. */
export const LARGE_BATCH = 50;

/** A file to check, or a path that could not be opened (a folder's problem comes in its place in the walk). */
interface Item {
  path: string;
  problem?: string;
}

export async function checkAll(
  paths: readonly string[],
  settings: BatchSettings,
  io: Io,
  loadAnalysers: () => Promise<Analysers>,
): Promise<number> {
  const source = items(paths)[Symbol.asyncIterator]();
  // Look ahead far enough to know whether the batch is large, without walking a huge folder first.
  const head: Item[] = [];
  let exhausted = false;
  let files = 0;
  while (files <= LARGE_BATCH) {
    const next = await source.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head.push(next.value);
    if (!next.value.problem) files++;
  }
  const large = files > LARGE_BATCH;
  const threads =
    settings.jobs ?? (large && !paths.includes('-') ? Math.min(availableParallelism(), MAX_AUTO_THREADS) : 1);
  // The walk runs ahead of the checks (it is far quicker), so the total is soon known for the bar.
  let total = exhausted ? head.length : 0;
  const all = readAhead(source, head, READ_AHEAD, (n) => (total = n));

  const workerScript = workerUrl();
  const usePool = threads > 1 && files > 1 && workerScript !== undefined && !paths.includes('-');
  let analysers: Promise<Analysers> | undefined;
  const pool = usePool
    ? (await import('./pool.js')).startPool(workerScript, Math.min(threads, exhausted ? files : threads), settings)
    : undefined;
  const start = pool
    ? (item: Item): Promise<Outcome> =>
        item.problem ? Promise.resolve({ path: item.path, problem: item.problem }) : pool.check(item.path)
    : async (item: Item): Promise<Outcome> => {
        if (item.problem) return { path: item.path, problem: item.problem };
        try {
          const result = await checkFile(item.path, () => (analysers ??= loadAnalysers()), io.readStdin);
          return { path: item.path, result, found: hasFindings(result) };
        } catch (error) {
          return { path: item.path, problem: problem(error) };
        }
      };

  const progress = large && !io.resultsOnTerminal ? progressBar(io.progress) : NO_PROGRESS;
  const out = buffered(io.stdout);
  let printed = 0;
  let done = 0;
  let failed = false;
  let toLookAt = false;
  const print = async (outcome: Outcome) => {
    if ('problem' in outcome) {
      failed = true;
      await out.flush();
      progress.clear();
      io.stderr(`plain-send: ${outcome.path} ${outcome.problem}\n`);
    } else {
      if (!settings.json && printed) await out.write('\n');
      let first = settings.json && printed === 0;
      const pieces = 'result' in outcome ? outputPieces(outcome.result, settings) : outcome.pieces;
      for (const piece of pieces) {
        // The first file's JSON has no comma before it.
        await out.write(first ? piece.slice(1) : piece);
        first = false;
      }
      // A few files are shown as each is checked; a large batch is written in 64 KB pieces.
      if (!large) await out.flush();
      printed++;
      if (outcome.found) toLookAt = true;
    }
    done++;
    progress.update(done, total, outcome.path);
  };

  if (settings.json) await out.write(JSON_START);
  try {
    await inOrder(all, start, pool ? pool.size * 4 : 1, print);
  } finally {
    progress.clear();
    await pool?.close();
  }
  if (settings.json) await out.write(jsonEnd(printed));
  await out.flush();
  if (failed) return EXIT.error;
  return toLookAt ? EXIT.found : EXIT.clean;
}

/** Threads used without --jobs, at most: past this, reading and printing in one thread keep up no better. */
const MAX_AUTO_THREADS = 8;

/** The worker script beside the built command; none when running from the TypeScript source (tests, tsx). */
function workerUrl(): URL | undefined {
  if (!import.meta.url.endsWith('.mjs')) return undefined;
  const url = new URL('./worker.mjs', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Paths the walk may find ahead of the checks (a few megabytes of names at most). */
const READ_AHEAD = 20_000;

/**
 * `head`, then the rest of `source`, pulled in the background up to `limit` items ahead of the
 * reader; `ended(count)` is told the number of items once the source is done.
 */
function readAhead<T>(
  source: AsyncIterator<T>,
  head: T[],
  limit: number,
  ended: (count: number) => void,
): AsyncIterable<T> {
  let buffer = [...head];
  let at = 0; // the next item to yield (taken from the front without shifting the array each time)
  let count = head.length;
  let done = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  let resume: (() => void) | undefined;
  const wakeReader = () => {
    wake?.();
    wake = undefined;
  };
  void (async () => {
    try {
      for (let n = await source.next(); !n.done; n = await source.next()) {
        buffer.push(n.value);
        count++;
        wakeReader();
        if (buffer.length - at >= limit) await new Promise<void>((r) => (resume = r));
      }
      ended(count);
    } catch (error) {
      failure = { error };
    }
    done = true;
    wakeReader();
  })();
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (at < buffer.length) {
          const item = buffer[at++];
          if (at >= 1024 && at * 2 >= buffer.length) [buffer, at] = [buffer.slice(at), 0];
          yield item;
          resume?.();
          resume = undefined;
        } else if (failure) throw failure.error;
        else if (done) return;
        else await new Promise<void>((r) => (wake = r));
      }
    },
  };
}

/**
 * Starts up to `window` items at once and prints their outcomes in the order of the items,
 * whichever finishes first: memory holds at most `window` results, however long the batch.
 */
async function inOrder<T, R>(
  source: AsyncIterable<T>,
  start: (item: T) => Promise<R>,
  window: number,
  print: (outcome: R) => Promise<void>,
): Promise<void> {
  const it = source[Symbol.asyncIterator]();
  const started: Promise<R>[] = [];
  let ended = false;
  for (;;) {
    while (!ended && started.length < window) {
      const next = await it.next();
      if (next.done) ended = true;
      else {
        const outcome = start(next.value);
        // Awaited in turn below; this only stops a failure ahead of its turn counting as unhandled.
        outcome.catch(() => {});
        started.push(outcome);
      }
    }
    const first = started.shift();
    if (!first) return;
    await print(await first);
  }
}

/** Each named path as it comes, a folder as the files under it (and what could not be opened), in the walk's order. */
async function* items(paths: readonly string[]): AsyncGenerator<Item> {
  for (const path of paths) {
    if (path === '-' || !(await isFolder(path))) {
      yield { path };
      continue;
    }
    const problems: WalkProblem[] = [];
    let found = false;
    for await (const file of filesIn(path, { onProblem: (p) => problems.push(p) })) {
      for (const p of problems.splice(0)) yield { path: p.path, problem: problem(p.error) };
      found = true;
      yield { path: file };
    }
    for (const p of problems.splice(0)) {
      found = true;
      yield { path: p.path, problem: problem(p.error) };
    }
    if (!found)
      yield {
        path,
        problem: `is a folder with no files plain-send reads in it (${[...FOLDER_EXTENSIONS].map((e) => `.${e}`).join(', ')}).`,
      };
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await statAsync(path)).isDirectory();
  } catch {
    return false; // reported when the file is read, in the same words as any other file
  }
}
