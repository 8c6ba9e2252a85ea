/**
 * The packs that ship with Plain SEND, compiled from dictionaries/ by
 * scripts/build-dictionaries.ts (run by `npm ci`, `npm test` and every build). Only their index
 * is always loaded; a pack's entries are loaded when it is on (`loadPacks`), from wherever the
 * surface keeps them (see bundled.ts for bundles; the extension reads its own files).
 */
import index from '../../generated/pack-index.json';
import type { Pack } from './schema.js';

/** What the settings, the command line's help and read mode's host matching need, without the entries. */
export interface PackInfo {
  id: string;
  name: string;
  description?: string;
  /** A local pack's own web sites: read mode turns it on there. */
  hosts?: string[];
  entryCount: number;
  /** Acronyms every reader knows, listed in the pack. */
  knownCount: number;
}

/** Every built-in pack, in built-in order (for the same term, a later pack wins). */
export const PACK_INDEX: readonly PackInfo[] = index as PackInfo[];

/** On unless the user turns them off. Order matters: for the same term, a later pack wins. */
export const DEFAULT_PACKS: readonly string[] = [
  'wales',
  'northern-ireland',
  'scotland',
  'england',
  'everyday',
  'plain-words',
];

/** Gives a built-in pack's data (the JSON scripts/build-dictionaries.ts wrote) by id. */
export type PackSource = (id: string) => Promise<unknown>;

const order = new Map(PACK_INDEX.map((p, i) => [p.id, i]));
const loaded = new Map<string, Pack>();
const loading = new Map<string, Promise<Pack>>();

/** The built-in pack `id`, or undefined if there is none. */
export function packInfo(id: string): PackInfo | undefined {
  const i = order.get(id);
  return i === undefined ? undefined : PACK_INDEX[i];
}

/**
 * Loads the built-in packs `ids` (once each: later calls reuse them) and gives them in built-in
 * order. An id that names no built-in pack is refused, naming the packs there are.
 */
export async function loadPacks(ids: Iterable<string>, source: PackSource): Promise<Pack[]> {
  const wanted = [...new Set(ids)];
  for (const id of wanted) {
    if (!order.has(id)) throw new RangeError(`Unknown pack "${id}". Packs: ${PACK_INDEX.map((p) => p.id).join(', ')}.`);
  }
  const packs = await Promise.all(wanted.map((id) => loadOne(id, source)));
  return packs.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

function loadOne(id: string, source: PackSource): Promise<Pack> {
  const done = loaded.get(id);
  if (done) return Promise.resolve(done);
  let pending = loading.get(id);
  if (!pending) {
    pending = source(id)
      .then((data) => {
        const pack = data as Pack;
        if (pack?.id !== id || !Array.isArray(pack.entries)) throw new Error(`The built-in pack "${id}" is damaged.`);
        loaded.set(id, pack);
        return pack;
      })
      // Loaded or not, a later call starts afresh (a failed read may be tried again).
      .finally(() => loading.delete(id));
    loading.set(id, pending);
  }
  return pending;
}

/** The built-in packs loaded so far, in built-in order: what an analyser chooses from by default. */
export function loadedPacks(): Pack[] {
  return PACK_INDEX.flatMap((p) => loaded.get(p.id) ?? []);
}
