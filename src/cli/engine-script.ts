/**
 * What `check` needs from the engine, built into one script, dist/engine.cjs (see
 * scripts/build-cli.mjs), so that it can be compiled from V8's code cache (code-cache.ts): Node 20
 * keeps no such cache for ES modules, and compiling the engine was much of a short run's time.
 */
export { createAnalyser } from '../engine/analyser.js';
export { DEFAULT_PACKS, loadPacks } from '../engine/dictionary/builtin.js';
export { useWordFacts } from '../engine/readability.js';
export { decodeWordFacts } from '../engine/text/word-facts.js';
export { decodeGlossarySnapshot } from '../engine/glossary/snapshot.js';
export { useGlossarySnapshot } from '../engine/glossary/compiled.js';
