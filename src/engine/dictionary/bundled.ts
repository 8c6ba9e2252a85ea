/**
 * The built-in packs as parts of a bundle (the command line, the Word add-in, the tests): each
 * pack is its own chunk, read the first time it is asked for.
 */
import { loadWarmUp, PACK_LOADERS } from '../../generated/pack-loaders.js';
import type { PackSource } from './builtin.js';

export const bundledPacks: PackSource = async (id) => {
  const load = PACK_LOADERS[id];
  if (!load) throw new RangeError(`There is no built-in pack "${id}".`);
  return (await load()).default;
};

/** Every tenth example sentence of the glossary (the packs ship without their examples): real SEND writing. */
export async function bundledWarmUpLines(): Promise<string[]> {
  return (await loadWarmUp()).default as string[];
}
