/** Reads every dictionary file under dictionaries/ (Node only: used by scripts, tests and the CLI build). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDictionary } from '../src/engine/dictionary/parse.js';
import type { DictionaryFile } from '../src/engine/dictionary/schema.js';
import { addInflections } from './inflect.js';

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
  const parsed = parseDictionary(readFileSync(path, 'utf8'), name);
  if (!parsed.file) return { path, ...parsed };
  const entries = parsed.file.entries;
  const errors = [...parsed.errors, ...addInflections(entries).map((m) => `${name}: ${m}`)];
  // A verb's forms must not also be entries of their own: one entry, one set of suggestions.
  const written = new Map<string, string>();
  for (const e of entries) for (const w of [e.term, ...(e.variants ?? [])]) written.set(w.toLowerCase(), e.term);
  for (const e of entries)
    for (const i of e.inflections ?? []) {
      const other = written.get(i.text.toLowerCase());
      if (other && other !== e.term)
        errors.push(`${name}: "${other}" is a form of "${e.term}" (verb: true finds it); remove the entry "${other}".`);
    }
  return { path, file: parsed.file, errors };
}
