/**
 * The built command's engine: dist/engine.cjs compiled from V8's code cache (code-cache.ts), with
 * the packs read from dist/packs/ (pack-files.ts). One module, so loading it is one chunk.
 */
import { fileURLToPath } from 'node:url';
import type { PackSource } from '../engine/index.js';
import { runScript } from './code-cache.js';
import { packFiles } from './pack-files.js';

export { saveCodeCaches } from './code-cache.js';

export type Engine = typeof import('./engine-script.js') & { packSource: PackSource };

/** The engine built into `dist` (a folder URL). */
export function builtEngine(dist: URL): Engine {
  const script = runScript(fileURLToPath(new URL('engine.cjs', dist))).exports as typeof import('./engine-script.js');
  return { ...script, packSource: packFiles(fileURLToPath(new URL('packs/', dist))) };
}
