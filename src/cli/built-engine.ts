/**
 * The built command's engine: dist/engine.cjs compiled from V8's code cache (code-cache.ts), with
 * the packs read from dist/packs/ (pack-files.ts), and common words' facts and the default packs'
 * glossary from dist/word-facts.bin and dist/glossary.bin (engine-data.ts). One module, so loading it is one chunk.
 */
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { PackSource } from '../engine/index.js';
import { runScript } from './code-cache.js';
import { packFiles } from './pack-files.js';
import { loadGlossarySnapshot, loadWordFacts } from './engine-data.js';

export { saveCodeCaches } from './code-cache.js';
export { loadGlossarySnapshot, loadWordFacts } from './engine-data.js';

export type Engine = typeof import('./engine-script.js') & { packSource: PackSource };

/**
 * How much bytecode a function runs before V8 optimises it (TurboFan): about 30 times V8's default.
 * A check is short, and at the default V8 spent more time compiling the engine's code than the
 * optimised code saved on text under a few megabytes (the 180 KB corpus: about a quarter fewer
 * instructions; over 1 MB still fewer); the code that stays hot in a long batch is still optimised.
 */
export const V8_FLAGS = '--interrupt-budget=2000000';

/** The engine built into `dist` (a folder URL). */
export function builtEngine(dist: URL): Engine {
  // Before the engine is compiled (its functions take their budget then), for this process and its
  // worker threads. The code cache is made under the same flag (V8 refuses one made under others).
  setFlagsFromString(V8_FLAGS);
  const script = runScript(fileURLToPath(new URL('engine.cjs', dist))).exports as typeof import('./engine-script.js');
  loadWordFacts(script, new URL('word-facts.bin', dist));
  loadGlossarySnapshot(script, new URL('glossary.bin', dist));
  return { ...script, packSource: packFiles(fileURLToPath(new URL('packs/', dist))) };
}
