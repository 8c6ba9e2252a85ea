/**
 * Every test file starts with every built-in pack loaded, as the tests read any pack
 * synchronously (createAnalyser, analyse). Surfaces load only the packs that are on.
 */
import { loadPacks, PACK_INDEX } from '../src/engine/dictionary/builtin.js';
import { bundledPacks } from '../src/engine/dictionary/bundled.js';

await loadPacks(
  PACK_INDEX.map((p) => p.id),
  bundledPacks,
);
