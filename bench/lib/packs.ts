/** Loads every built-in pack before a bench runs (imported first, so the rest sees them loaded). */
import { loadPacks, PACK_INDEX } from '../../src/engine/dictionary/builtin.js';
import { bundledPacks } from '../../src/engine/dictionary/bundled.js';

await loadPacks(
  PACK_INDEX.map((p) => p.id),
  bundledPacks,
);
