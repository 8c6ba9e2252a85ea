/**
 * A glossary of the default packs as the build made it (compiled.ts): the word ids it gave, each
 * pack's trie and the packs' tries laid over one another, all as arrays. A surface that starts with
 * the default packs reads it in place of laying the tries over one another again, which was most of
 * making the glossary at start-up. Its findings are the same; a snapshot that does not fit the packs
 * (another build's, or packs changed) is not used.
 *
 * Format (version 1), little-endian: the 32-bit version, the length of a JSON header in bytes, the
 * header (UTF-8; padded with spaces to 4 bytes), then the arrays one after another, as the header lists them.
 */
import { int32sAt } from '../binary.js';
import type { MergedTrieArrays, PackTrieArrays } from './trie.js';

export const SNAPSHOT_VERSION = 1;

/** What a snapshot was made from, to tell whether it fits the packs a glossary is made of. */
export interface SnapshotPack {
  id: string;
  entries: number;
  /** Lengths of the pack's compiled trie: nodes, forms (three numbers each) and words. */
  nodes: number;
  forms: number;
  words: number;
}

export interface GlossarySnapshot {
  packs: SnapshotPack[];
  /** Trie keys in the order of their ids. */
  vocabulary: string[];
  /** Each pack's trie, then the trie of entries merged from several packs (when there are any). */
  tries: PackTrieArrays[];
  merged: MergedTrieArrays;
}

type Named = [name: string, array: Int32Array | Uint8Array];

const PACK_ARRAYS = ['words', 'childStart', 'keys', 'formStart', 'forms'] as const;
const MERGED_ARRAYS = [
  'edgeParent',
  'edgeWord',
  'edgeChild',
  'childCount',
  'rootChild',
  'punct',
  'depth',
  'sourceHead',
  'sourceNext',
  'sourcePack',
  'sourceNode',
  'counts',
] as const;

interface Header {
  packs: SnapshotPack[];
  vocabulary: string[];
  tries: number;
  /** Each array: its name, kind (i32 or u8) and length, in the order they follow the header. */
  arrays: Array<[string, 'i32' | 'u8', number]>;
}

export function encodeGlossarySnapshot(s: GlossarySnapshot): Uint8Array {
  const named: Named[] = [
    ...s.tries.flatMap((t, i) => PACK_ARRAYS.map((k): Named => [`${i}.${k}`, t[k]])),
    ...MERGED_ARRAYS.map((k): Named => [`merged.${k}`, s.merged[k]]),
  ];
  const header: Header = {
    packs: s.packs,
    vocabulary: s.vocabulary,
    tries: s.tries.length,
    arrays: named.map(([name, a]) => [name, a instanceof Int32Array ? 'i32' : 'u8', a.length]),
  };
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 4) * 4;
  if (padded !== json.length)
    json = new TextEncoder().encode(JSON.stringify(header) + ' '.repeat(padded - json.length));
  const sizes = named.map(([, a]) => Math.ceil(a.byteLength / 4) * 4);
  const bytes = new Uint8Array(8 + padded + sizes.reduce((x, y) => x + y, 0));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, SNAPSHOT_VERSION, true);
  view.setUint32(4, padded, true);
  bytes.set(json, 8);
  let at = 8 + padded;
  named.forEach(([, a], i) => {
    if (a instanceof Int32Array) for (let k = 0; k < a.length; k++) view.setInt32(at + 4 * k, a[k], true);
    else bytes.set(a, at);
    at += sizes[i];
  });
  return bytes;
}

/** Reads a snapshot; throws a RangeError on bytes of another shape or version. */
export function decodeGlossarySnapshot(bytes: Uint8Array): GlossarySnapshot {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8) throw new RangeError('A glossary snapshot is too short.');
  const version = view.getUint32(0, true);
  if (version !== SNAPSHOT_VERSION)
    throw new RangeError(`A glossary snapshot of version ${version}; this engine reads version ${SNAPSHOT_VERSION}.`);
  const length = view.getUint32(4, true);
  if (8 + length > bytes.byteLength) throw new RangeError('A glossary snapshot of the wrong size.');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Header;
  } catch {
    throw new RangeError('A glossary snapshot whose header is not JSON.');
  }
  const arrays = new Map<string, Int32Array | Uint8Array>();
  let at = 8 + length;
  for (const [name, kind, n] of header.arrays) {
    const size = kind === 'i32' ? 4 * n : n;
    if (at + size > bytes.byteLength) throw new RangeError('A glossary snapshot of the wrong size.');
    arrays.set(name, kind === 'u8' ? bytes.subarray(at, at + n) : int32sAt(bytes, at, n));
    at += Math.ceil(size / 4) * 4;
  }
  if (at !== bytes.byteLength) throw new RangeError('A glossary snapshot of the wrong size.');
  const get = <T>(name: string, kind: 'i32' | 'u8'): T => {
    const a = arrays.get(name);
    if (!a || (kind === 'i32') !== a instanceof Int32Array)
      throw new RangeError(`A glossary snapshot without ${name}.`);
    return a as T;
  };
  const tries = Array.from({ length: header.tries }, (_, i) =>
    Object.fromEntries(PACK_ARRAYS.map((k) => [k, get<Int32Array>(`${i}.${k}`, 'i32')])),
  ) as unknown as PackTrieArrays[];
  const merged = Object.fromEntries(
    MERGED_ARRAYS.map((k) => [k, get(`merged.${k}`, k === 'punct' || k === 'depth' ? 'u8' : 'i32')]),
  ) as unknown as MergedTrieArrays;
  // What the trie's walk relies on: an edge table whose size is a power of two and that has an empty
  // slot (else a search for a missing edge would never end), and counts within its arrays.
  const size = merged.edgeChild.length;
  const [nodes, sources] = merged.counts;
  if (
    size === 0 ||
    (size & (size - 1)) !== 0 ||
    merged.edgeChild.indexOf(0) < 0 ||
    !(nodes >= 1 && nodes <= merged.childCount.length) ||
    !(sources >= 0 && sources <= merged.sourceNext.length) ||
    !Array.isArray(header.vocabulary) ||
    merged.rootChild.length > header.vocabulary.length
  )
    throw new RangeError('A glossary snapshot whose tables do not add up.');
  return { packs: header.packs, vocabulary: header.vocabulary, tries, merged };
}
