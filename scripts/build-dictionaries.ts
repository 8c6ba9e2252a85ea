/**
 * Compiles dictionaries/*.yaml into src/generated/: a small index of the packs every surface
 * bundles (pack-index.json), each pack's data in its own file (packs/<id>.json) that a surface
 * loads only when the pack is on (pack-loaders.ts), and the worker's warm-up lines. Fails
 * loudly, naming the file and entry, when a dictionary is broken.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mergeFiles } from '../src/engine/dictionary/validate.js';
import { compileForms, entryKey } from '../src/engine/glossary/compiled.js';
import type { DictionaryFile } from '../src/engine/dictionary/schema.js';
import { dictionaryPaths, loadDictionaryFile } from './dictionary-files.js';
import { buildWordFacts, wordListFolder } from './word-facts.js';

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
// Last build's outputs go first: a pack since removed must not linger in packs/.
rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}packs`, { recursive: true });
// The example sentences are for the tests, which read them from dictionaries/: the built packs
// leave them out (a quarter of the size), all but every tenth, which the extension's worker
// reads to warm its engine up.
const warmUp = packs.flatMap((p) => p.entries.flatMap((e) => e.examples.flag)).filter((_, i) => i % 10 === 0);
const index = packs.map((p) => ({
  id: p.id,
  name: p.name,
  ...(p.description === undefined ? {} : { description: p.description }),
  ...(p.hosts === undefined ? {} : { hosts: p.hosts }),
  entryCount: p.entries.length,
  knownCount: p.known.length,
}));
// Each pack's forms as a trie in arrays of integers, worked out here once (src/engine/glossary/trie.ts,
// compiled.ts); entries that more than one pack has are merged when the glossary is made.
const seen = new Set<string>();
const sharedKeys = new Set<string>();
for (const p of packs) for (const e of p.entries) (seen.has(entryKey(e)) ? sharedKeys : seen).add(entryKey(e));
for (const p of packs) {
  const shipped = {
    ...p,
    entries: p.entries.map((e) => ({ ...e, examples: { flag: [] } })),
    compiled: compileForms(p, sharedKeys),
  };
  writeFileSync(`${out}packs/${p.id}.json`, JSON.stringify(shipped));
}
writeFileSync(`${out}pack-index.json`, JSON.stringify(index));
writeFileSync(`${out}warm-up.json`, JSON.stringify(warmUp));
// Each import() is written out, so that every bundler (Vite, esbuild, vitest) splits each pack into its own chunk.
const loaders = packs.map((p) => `  ${JSON.stringify(p.id)}: () => import('./packs/${p.id}.json'),`).join('\n');
writeFileSync(
  `${out}pack-loaders.ts`,
  `// Made by scripts/build-dictionaries.ts: each built-in pack's data, loaded only when asked for.
export const PACK_LOADERS: Readonly<Record<string, () => Promise<{ default: unknown }>>> = {
${loaders}
};

export const loadWarmUp = (): Promise<{ default: unknown }> => import('./warm-up.json');
`,
);
// Common words' readability facts for the command line to look up (scripts/word-facts.ts), with the
// word lists' permission notice.
const facts = buildWordFacts(
  packs.flatMap((p) =>
    p.entries.flatMap((e) => [
      e.term,
      e.expansion ?? '',
      e.definition ?? '',
      ...(e.variants ?? []),
      ...(e.suggestions ?? []),
      ...(e.senses ?? []).flatMap((s) => [s.expansion, s.definition]),
    ]),
  ),
);
writeFileSync(`${out}word-facts.bin`, facts.bytes);
copyFileSync(`${wordListFolder}/Copyright`, `${out}word-facts.LICENCE.txt`);
// The default packs' glossary as the engine makes it, for a surface to read at start-up (glossary/snapshot.ts).
// Imported now: builtin.ts reads the pack index written above.
const { DEFAULT_PACKS, loadPacks } = await import('../src/engine/dictionary/builtin.js');
const { glossarySnapshot } = await import('../src/engine/glossary/compiled.js');
const { encodeGlossarySnapshot } = await import('../src/engine/glossary/snapshot.js');
const defaults = await loadPacks(DEFAULT_PACKS, async (id) =>
  JSON.parse(readFileSync(`${out}packs/${id}.json`, 'utf8')),
);
writeFileSync(`${out}glossary.bin`, encodeGlossarySnapshot(glossarySnapshot(defaults)));
const count = packs.reduce((n, p) => n + p.entries.length, 0);
console.log(
  `Plain SEND: built ${packs.length} packs, ${count} entries (${sharedKeys.size} terms in more than one pack), facts of ${facts.words} common words.`,
);
