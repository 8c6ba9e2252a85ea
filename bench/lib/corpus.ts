/** The benchmark corpus: the five seed documents, concatenated, found relative to the repository. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS_DIR = process.env.PLAIN_SEND_SEEDS ?? resolve(repoRoot, 'test/fixtures/seeds');

export function loadCorpus(): { text: string; files: string[] } {
  const fail = (why: string): never => {
    throw new Error(
      `Benchmark corpus missing: ${why}\n` +
        `  Expected the five seed documents 000_*.txt … 004_*.txt in ${SEEDS_DIR}\n` +
        `  (test/fixtures/seeds in the repository; set PLAIN_SEND_SEEDS to use another folder).`,
    );
  };
  if (!existsSync(SEEDS_DIR)) fail(`folder ${SEEDS_DIR} does not exist.`);
  const files = readdirSync(SEEDS_DIR)
    .filter((f) => /^00\d.*\.txt$/.test(f))
    .sort();
  if (files.length < 5) fail(`found ${files.length} of 5 seed documents (${files.join(', ') || 'none'}).`);
  const text = files.map((f) => readFileSync(resolve(SEEDS_DIR, f), 'utf8').replace(/\s+$/, '')).join('\n\n');
  if (text.length < 100_000)
    fail(`the seed documents add up to only ${text.length} characters (expected about 180 KB).`);
  return { text, files };
}

/** `copies` copies of the text, one after another. */
export function repeat(text: string, copies: number): string {
  return Array.from({ length: copies }, () => text).join('\n\n');
}

/**
 * The same copies, but every line of copy k ends in k invisible WORD JOINERs (U+2060), which no
 * tool reads as a word, so no two copies share a paragraph: Plain SEND's per-paragraph cache
 * cannot reuse copy 1's results for copies 2-10 within one call.
 */
export function repeatDistinct(text: string, copies: number): string {
  return Array.from({ length: copies }, (_, k) =>
    k === 0 ? text : text.replace(/(\S)([ \t]*)(?=\r?\n|$)/g, `$1${'\u2060'.repeat(k)}$2`),
  ).join('\n\n');
}
