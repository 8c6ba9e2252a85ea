/**
 * Compiles dictionaries/*.yaml into src/generated/dictionaries.json, the built-in packs every
 * surface bundles. Fails loudly, naming the file and entry, when a dictionary is broken.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mergeFiles } from '../src/engine/dictionary/validate.js';
import type { DictionaryFile } from '../src/engine/dictionary/schema.js';
import { dictionaryPaths, loadDictionaryFile } from './dictionary-files.js';

/** Canonical order: nations, then England (wins over them), everyday words, plain words, then regions. */
const ORDER = ['wales', 'northern-ireland', 'scotland', 'england', 'everyday', 'plain-words'];

const files: DictionaryFile[] = [];
const errors: string[] = [];
for (const path of dictionaryPaths()) {
  const loaded = loadDictionaryFile(path);
  if (loaded.file) files.push(loaded.file);
  errors.push(...loaded.errors);
}
if (errors.length) {
  console.error(`Plain SEND: ${errors.length} problem(s) in dictionaries/:\n  ${errors.join('\n  ')}`);
  process.exit(1);
}
const packs = [...mergeFiles(files).values()].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
function rank(id: string): number {
  const i = ORDER.indexOf(id);
  return i < 0 ? ORDER.length : i;
}
const out = new URL('../src/generated/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
// The example sentences are for the tests, which read them from dictionaries/: the built packs
// leave them out (a quarter of the size every surface loads), all but every tenth, which the
// extension's worker reads to warm its engine up.
const warmUp = packs.flatMap((p) => p.entries.flatMap((e) => e.examples.flag)).filter((_, i) => i % 10 === 0);
const shipped = packs.map((p) => ({ ...p, entries: p.entries.map((e) => ({ ...e, examples: { flag: [] } })) }));
writeFileSync(`${out}dictionaries.json`, JSON.stringify({ packs: shipped, warmUp }));
const count = packs.reduce((n, p) => n + p.entries.length, 0);
console.log(`Plain SEND: built ${packs.length} packs, ${count} entries.`);
