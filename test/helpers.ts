import { readFileSync } from 'node:fs';
import { createAnalyser, mergeFiles, parseDictionary, type AnalyseOptions, type Pack } from '../src/engine/index.js';

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
