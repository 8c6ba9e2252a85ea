/**
 * The built-in packs as files in a folder (dist/packs/<id>.jsonl), for the built command. The first
 * line is the pack without its entries (its compiled glossary index among them), then one entry a
 * line, parsed the first time the engine reads it: a check reads the index of every pack that is on
 * but only the entries its text has, and parsing every entry up front was a third of a short run's
 * engine time. (JSON.parse is itself several times faster than V8 compiling the same data as a module.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackSource } from '../engine/index.js';

export function packFiles(folder: string): PackSource {
  return async (id) => {
    // loadPacks asks only for built-in ids; this only keeps a path out of the name.
    if (!/^[a-z0-9-]+$/.test(id)) throw new RangeError(`There is no built-in pack "${id}".`);
    return readPack(readFileSync(join(folder, `${id}.jsonl`), 'utf8'));
  };
}

/** A pack file's lines (see above) as the pack, with its entries read on demand. */
export function readPack(text: string): unknown {
  const first = lineEnd(text, 0);
  const pack = JSON.parse(text.slice(0, first)) as Record<string, unknown>;
  const bounds: number[] = [];
  for (let start = first + 1; start < text.length;) {
    const end = lineEnd(text, start);
    bounds.push(start, end);
    start = end + 1;
  }
  pack.entries = lazyList(
    bounds.length / 2,
    (i) => JSON.parse(text.slice(bounds[2 * i], bounds[2 * i + 1])) as unknown,
  );
  return pack;
}

function lineEnd(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at < 0 ? text.length : at;
}

/** An array of `length` items, each made by `make` the first time it is read (by index, loop, map...). */
export function lazyList<T>(length: number, make: (index: number) => T): T[] {
  // Filled, not holes: forEach and map skip an index the array does not have.
  const items = new Array<T | undefined>(length).fill(undefined);
  return new Proxy(items as T[], {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const c = key.charCodeAt(0);
        if (c >= 48 && c <= 57) {
          const i = Number(key);
          if (i < length && target[i] === undefined) target[i] = make(i);
        }
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
