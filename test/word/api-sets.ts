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
  /** The version as written (`1.14`): `version` cannot tell 1.1 from 1.10. */
  label?: string;
}

/** Orders versions as numbers per part: 1.3 before 1.10. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0);
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
  return compareVersions(b.label ?? String(b.version), a.label ?? String(a.version)) < 0 ? b : a;
}

/** Parses the Word namespaces (or another, e.g. `Office` for Outlook's Mailbox sets) of an office-js declaration file. */
export function parseApiSets(source: string, namespace = 'Word'): ApiTable {
  const table = new Map<string, Map<string, ApiSet>>();
  let inWord = false;
  let current: Map<string, ApiSet> | undefined;
  let doc: ApiSet[] = [];
  for (const line of source.split('\n')) {
    if (line.startsWith('declare namespace ')) {
      inWord = line.startsWith(`declare namespace ${namespace} `);
      current = undefined;
      continue;
    }
    if (!inWord) continue;
    if (line.includes('[Api set: '))
      for (const m of line.matchAll(TAG))
        doc.push(
          // `label` is not enumerable: a set still equals `{ name, version }` in the tests.
          Object.defineProperty({ name: m[1], version: Number(m[2]) }, 'label', { value: m[2], enumerable: false }),
        );
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

const cached = new Map<string, ApiTable>();

/** The table from node_modules/@types/office-js/index.d.ts. */
export function wordApiSets(namespace = 'Word'): ApiTable {
  let table = cached.get(namespace);
  if (!table) {
    const file = createRequire(import.meta.url).resolve('@types/office-js/index.d.ts');
    table = parseApiSets(readFileSync(file, 'utf8'), namespace);
    cached.set(namespace, table);
  }
  return table;
}

/** The Mailbox set `Office.<className>.<member>` needs (Outlook), or undefined when the declarations do not say. */
export function mailboxSetOf(className: string, member: string): ApiSet | undefined {
  const set = wordApiSets('Office').get(className)?.get(member);
  return set?.name === 'Mailbox' ? set : undefined;
}

/** The set `Word.<className>.<member>` needs, or undefined when the declarations do not say. */
export function apiSetOf(className: string, member: string): ApiSet | undefined {
  return wordApiSets().get(className)?.get(member);
}
