/**
 * Checks dictionary files: format, plain definitions and examples.
 * Usage: npx tsx scripts/check-dictionary.ts [FILE...]   (default: every file in dictionaries/)
 */
import { definitionProblems, definitionsOf, exampleProblems } from '../src/engine/dictionary/quality.js';
import { mergeFiles } from '../src/engine/dictionary/validate.js';
import type { DictionaryFile } from '../src/engine/dictionary/schema.js';
import { dictionaryPaths, loadDictionaryFile } from './dictionary-files.js';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : dictionaryPaths();
const problems: string[] = [];
const files: DictionaryFile[] = [];
for (const path of paths) {
  const loaded = loadDictionaryFile(path);
  problems.push(...loaded.errors);
  if (!loaded.file) continue;
  files.push(loaded.file);
  for (const entry of loaded.file.entries) {
    for (const d of definitionsOf(entry))
      for (const p of definitionProblems(d)) problems.push(`${path}: "${entry.term}": ${p}`);
  }
}
const everyday = dictionaryPaths()
  .map(loadDictionaryFile)
  .find((f) => f.file?.pack === 'everyday')?.file;
const context = everyday ? [...mergeFiles([everyday]).values()] : [];
for (const pack of mergeFiles(files).values()) {
  for (const [entry, list] of exampleProblems(pack, pack.id === 'everyday' ? [] : context)) {
    for (const p of list) problems.push(`${pack.id}: "${entry.term}": ${p}`);
  }
}
const entries = files.reduce((n, f) => n + f.entries.length, 0);
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} problem(s) in ${paths.length} file(s), ${entries} entries.`);
  process.exit(1);
}
console.log(`OK: ${paths.length} file(s), ${entries} entries, no problems.`);
