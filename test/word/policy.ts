/**
 * A long SEND policy made from the seed documents (test/fixtures/seeds), as Word would give it:
 * one string per paragraph, bullets and indentation stripped. Used by the end-to-end tests
 * and bench/word.bench.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';

export const SEEDS = new URL('../fixtures/seeds/', import.meta.url).pathname;

/** Every non-empty line of the seeds, in file order, as a paragraph. */
export function seedParagraphs(): string[] {
  const files = readdirSync(SEEDS)
    .filter((f) => /^\d+_.*\.txt$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`No seed documents in ${SEEDS}`);
  const out: string[] = [];
  for (const file of files) {
    for (const line of readFileSync(SEEDS + file, 'utf8').split(/\r?\n/)) {
      const text = line.replace(/^[\s•◦▪‣\-*]+/, '').replace(/\s+$/, '');
      if (text) out.push(text);
    }
  }
  return out;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** At least `words` words of policy, cycling through the seeds' paragraphs. */
export function policy(words: number): string[] {
  const source = seedParagraphs();
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = source[i % source.length];
    out.push(p);
    count += wordCount(p);
  }
  return out;
}

/** About 40 pages of A4 at 500 words a page. */
export const FORTY_PAGES = 20_000;
