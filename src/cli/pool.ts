/**
 * Worker threads for a large batch: each builds the engine once, then reads, checks and formats
 * the files it is given, and sends back the output as text. Jobs go to whichever thread is free.
 */
import { Worker } from 'node:worker_threads';
import type { BatchSettings, Outcome } from './check-file.js';

/** What a worker is started with (structured-cloned into it). */
export type WorkerSetup = BatchSettings;

/** A job for a worker, and its answer. */
export interface Job {
  id: number;
  path: string;
}
export type Answer = { id: number } & Outcome;

/** Jobs sent ahead to each thread, so it never waits for the next while this thread prints. */
const AHEAD = 2;

export interface Pool {
  size: number;
  check(path: string): Promise<Outcome>;
  close(): Promise<void>;
}

export function startPool(script: URL, size: number, setup: WorkerSetup): Pool {
  interface Waiting {
    job: Job;
    resolve: (o: Outcome) => void;
    reject: (e: unknown) => void;
  }
  const queue: Waiting[] = [];
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let broken: unknown;
  let closing = false;
  const threads = Array.from({ length: size }, () => {
    const thread = { worker: new Worker(script, { workerData: setup }), busy: 0 };
    thread.worker.on('message', (answer: Answer) => {
      const w = waiting.get(answer.id);
      waiting.delete(answer.id);
      thread.busy--;
      const { id: _id, ...outcome } = answer;
      w?.resolve(outcome as Outcome);
      feed();
    });
    thread.worker.on('error', fail);
    thread.worker.on('exit', (code) => {
      if (!closing) fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
    return thread;
  });
  function fail(error: unknown) {
    broken ??= error;
    for (const w of [...waiting.values(), ...queue.splice(0)]) w.reject(error);
    waiting.clear();
  }
  function feed() {
    for (const thread of threads) {
      while (thread.busy < AHEAD && queue.length) {
        const w = queue.shift()!;
        waiting.set(w.job.id, w);
        thread.busy++;
        thread.worker.postMessage(w.job);
      }
    }
  }
  return {
    size,
    check(path) {
      return new Promise((resolve, reject) => {
        if (broken) return reject(broken);
        queue.push({ job: { id: nextId++, path }, resolve, reject });
        feed();
      });
    },
    async close() {
      closing = true;
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
