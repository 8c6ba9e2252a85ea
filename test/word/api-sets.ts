/**
 * Which requirement set each member of Word's JavaScript API needs, read from the
 * `[Api set: …]` tags of @types/office-js (the same tags Microsoft's documentation is built
 * from), so that the fake Word of the tests cannot offer an API the host it plays does not have.
 * Nothing here is typed by hand: a newer @types/office-js moves the sets with it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface ApiSet {
  /** `WordApi`, `WordApiOnline`, `WordApiDesktop`, `WordApiHiddenDocument`. */
  name: string;
  version: number;
}

/** Class name (Word.Body, …) to member name to the lowest set any of its overloads needs. */
export type ApiTable = ReadonlyMap<string, ReadonlyMap<string, ApiSet>>;

const TAG = /\[Api set: (\w+) (\d+\.\d+)\]/g;
const CLASS = /^ {4}(?:export )?(?:class|interface) (\w+)\b/;
const MEMBER = /^ {8}(?:readonly )?(\w+)\??[(:<]/;

function lower(a: ApiSet | undefined, b: ApiSet): ApiSet {
  if (!a) return b;
  // A member offered in WordApi is what counts, whatever other sets also list it.
  if (a.name === 'WordApi' && b.name !== 'WordApi') return a;
  if (b.name === 'WordApi' && a.name !== 'WordApi') return b;
  return b.version < a.version ? b : a;
}

/** Parses the Word namespaces of an office-js declaration file. */
export function parseApiSets(source: string): ApiTable {
  const table = new Map<string, Map<string, ApiSet>>();
  let inWord = false;
  let current: Map<string, ApiSet> | undefined;
  let doc: ApiSet[] = [];
  for (const line of source.split('\n')) {
    if (line.startsWith('declare namespace ')) {
      inWord = line.startsWith('declare namespace Word ');
      current = undefined;
      continue;
    }
    if (!inWord) continue;
    if (line.includes('[Api set: '))
      for (const m of line.matchAll(TAG)) doc.push({ name: m[1], version: Number(m[2]) });
    if (/^ {4}\S/.test(line) && !line.startsWith('    /**') && !line.startsWith('     *')) {
      const c = CLASS.exec(line);
      current = c ? (table.get(c[1]) ?? new Map()) : undefined;
      if (c) table.set(c[1], current!);
      doc = [];
      continue;
    }
    const m = current && MEMBER.exec(line);
    if (m && current) {
      const set = doc.reduce<ApiSet | undefined>((a, b) => lower(a, b), undefined);
      if (set) current.set(m[1], lower(current.get(m[1]), set));
      doc = [];
    }
  }
  return table;
}

let cached: ApiTable | undefined;

/** The table from node_modules/@types/office-js/index.d.ts. */
export function wordApiSets(): ApiTable {
  if (!cached) {
    const file = createRequire(import.meta.url).resolve('@types/office-js/index.d.ts');
    cached = parseApiSets(readFileSync(file, 'utf8'));
  }
  return cached;
}

/** The set `Word.<className>.<member>` needs, or undefined when the declarations do not say. */
export function apiSetOf(className: string, member: string): ApiSet | undefined {
  return wordApiSets().get(className)?.get(member);
}
