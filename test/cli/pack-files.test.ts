/** The built command's pack files (dist/packs/<id>.jsonl): the same packs as the generated JSON, entries parsed when read. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lazyList, packFiles, readPack } from '../../src/cli/pack-files.js';

const root = new URL('../../', import.meta.url).pathname;
const generated = join(root, 'src/generated/packs');

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
}, 60_000);

describe('pack files', () => {
  it('give every built-in pack as the generated JSON has it', async () => {
    const source = packFiles(join(root, 'dist/packs'));
    const names = readdirSync(generated).filter((n) => n.endsWith('.json'));
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) {
      const pack = (await source(name.replace(/\.json$/, ''))) as { entries: unknown[] };
      expect(Array.isArray(pack.entries)).toBe(true);
      // toEqual reads every entry, through the lazy list.
      expect(pack).toEqual(JSON.parse(readFileSync(join(generated, name), 'utf8')));
      // ASCII only, so V8 keeps the text one byte a character.
      expect(readFileSync(join(root, 'dist/packs', `${name}l`), 'latin1')).not.toMatch(/[\x80-\xff]/);
    }
  });

  it('parse an entry only when it is read', () => {
    const pack = readPack('{"id":"p","known":[]}\n{"term":"EHCP"}\nnot JSON at all\n{"term":"SEN"}\n') as {
      id: string;
      entries: { term: string }[];
    };
    expect(pack.id).toBe('p');
    expect(pack.entries.length).toBe(3);
    expect(pack.entries[0].term).toBe('EHCP');
    expect(pack.entries[2].term).toBe('SEN');
    expect(() => pack.entries[1]).toThrow(SyntaxError);
  });

  it('refuse a name that is not a pack id', async () => {
    await expect(packFiles(join(root, 'dist/packs'))('../cache/x')).rejects.toThrow(/no built-in pack/);
  });
});

describe('lazyList', () => {
  it('makes each item once, when first read, and behaves as an array', () => {
    const made: number[] = [];
    const list = lazyList(4, (i) => {
      made.push(i);
      return { n: i * 10 };
    });
    expect(made).toEqual([]);
    expect(list[2].n).toBe(20);
    expect(list[2]).toBe(list[2]);
    expect(made).toEqual([2]);
    expect(list.map((x) => x.n)).toEqual([0, 10, 20, 30]);
    const seen: number[] = [];
    list.forEach((_, i) => seen.push(i));
    expect(seen).toEqual([0, 1, 2, 3]);
    expect([...list].map((x) => x.n)).toEqual([0, 10, 20, 30]);
    expect(made.sort()).toEqual([0, 1, 2, 3]);
    expect(list[4]).toBeUndefined();
    expect(made).toHaveLength(4);
  });
});
