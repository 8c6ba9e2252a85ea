import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createAnalyser, mergeFiles, parseDictionary, type AnalyseOptions, type Pack } from '../src/engine/index.js';
import { loadedPacks } from '../src/engine/dictionary/builtin.js';
import { otherSpellings } from '../src/engine/glossary/glossary.js';

/** The small hand-made pack in test/fixtures/mini.yaml, so engine tests do not depend on the shipped data. */
export function miniPack(): Pack {
  const parsed = parseDictionary(readFileSync(new URL('./fixtures/mini.yaml', import.meta.url), 'utf8'), 'mini.yaml');
  if (!parsed.file) throw new Error(parsed.errors.join('\n'));
  return mergeFiles([parsed.file]).get('mini')!;
}

export function miniAnalyser(options: AnalyseOptions = {}) {
  return createAnalyser({ available: [miniPack()], packs: ['mini'], ...options });
}

export const SEEDS = new URL('./fixtures/seeds/', import.meta.url).pathname;

const UK = new URL('./fixtures/uk-eval/', import.meta.url).pathname;

/** The seed documents' texts, in file order. */
export function seedTexts(): string[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(SEEDS, f), 'utf8'));
}

/** Every UK passage's text, every batch (`passages*.yaml`). */
export function ukPassageTexts(): string[] {
  return readdirSync(UK)
    .filter((f) => /^passages.*\.yaml$/.test(f))
    .sort()
    .flatMap((f) => (parse(readFileSync(join(UK, f), 'utf8')) as { passages: { text: string }[] }).passages)
    .map((p) => p.text);
}

/**
 * Every written form of every loaded entry and its other spellings ("coordinator" for
 * "co-ordinator"), one a line, with and without capitals: reaches every first word of the trie.
 */
export function everyWrittenForm(): string {
  return loadedPacks()
    .flatMap((p) => p.entries)
    .flatMap((e) => [e.term, ...(e.variants ?? []), e.expansion ?? '', ...(e.inflections ?? []).map((i) => i.text)])
    .flatMap((t) => [t, ...otherSpellings(t.trim())])
    .flatMap((t) => [`Read the ${t} today.`, `${t.toLowerCase()} and ${t.toUpperCase()}s.`])
    .join('\n');
}
