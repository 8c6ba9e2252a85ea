/** Reads every dictionary file under dictionaries/ (Node only: used by scripts, tests and the CLI build). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDictionary } from '../src/engine/dictionary/parse.js';
import type { DictionaryFile } from '../src/engine/dictionary/schema.js';

export const DICTIONARY_DIR = new URL('../dictionaries/', import.meta.url).pathname;

export function dictionaryPaths(dir = DICTIONARY_DIR): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...dictionaryPaths(path));
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

export interface LoadedFile {
  path: string;
  file?: DictionaryFile;
  errors: string[];
}

export function loadDictionaryFile(path: string): LoadedFile {
  const name = relative(process.cwd(), path);
  return { path, ...parseDictionary(readFileSync(path, 'utf8'), name) };
}
