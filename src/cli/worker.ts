/** A worker thread of a large batch (see pool.ts): builds the engine once, then checks file after file. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, hasFindings, outputPieces, type Analysers } from './check-file.js';
import { loadAnalysers } from './main.js';
import type { Answer, Job, WorkerSetup } from './pool.js';
import { problem } from './problem.js';

const setup = workerData as WorkerSetup;
let analysers: Promise<Analysers> | undefined;
const noStdin = () => Promise.reject(new Error('standard input is read by the main thread'));

/** Output in pieces of about 64 KB: one string per finding would be slow to send, one string for all may be too long. */
function pieces(parts: Iterable<string>): string[] {
  const out: string[] = [];
  let piece = '';
  for (const part of parts) {
    piece += part;
    if (piece.length >= 65_536) {
      out.push(piece);
      piece = '';
    }
  }
  if (piece) out.push(piece);
  return out;
}

async function answer({ id, path }: Job): Promise<Answer> {
  try {
    const result = await checkFile(path, () => (analysers ??= loadAnalysers(setup.options)), noStdin);
    return { id, path, pieces: pieces(outputPieces(result, setup)), found: hasFindings(result) };
  } catch (error) {
    return { id, path, problem: problem(error) };
  }
}

// One file at a time, in the order given.
let last: Promise<void> = Promise.resolve();
parentPort!.on('message', (job: Job) => {
  last = last.then(async () => parentPort!.postMessage(await answer(job)));
});
