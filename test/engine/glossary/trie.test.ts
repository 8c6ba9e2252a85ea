/**
 * The glossary's trie in integer arrays (trie.ts): every form a pack compiles is found by walking
 * its keys, a glossary holds only the packs that are on, and a word's id cached on a spelling
 * never hides a term added later.
 */
import { describe, expect, test } from 'vitest';
import { analyserWith, choosePacks } from '../../../src/engine/analyser.js';
import { loadedPacks } from '../../../src/engine/dictionary/builtin.js';
import type { Pack } from '../../../src/engine/dictionary/schema.js';
import { compileForms, loadGlossary } from '../../../src/engine/glossary/compiled.js';
import { tokenise } from '../../../src/engine/text/tokens.js';
import { layOut, MergedTrie, PackTrie, type CompiledTrie } from '../../../src/engine/glossary/trie.js';

const packs = loadedPacks();
const compiledOf = (id: string) => (packs.find((p) => p.id === id) as Pack & { compiled: CompiledTrie }).compiled;

const indexes = new WeakMap<CompiledTrie, Map<string, number>>();
function wordIndex(c: CompiledTrie): Map<string, number> {
  let index = indexes.get(c);
  if (!index) indexes.set(c, (index = new Map(c.words.map((w, i) => [w, i]))));
  return index;
}

/** The node a pack's trie reaches by these keys, or -1 (a walk over the arrays, as the merged trie is built). */
function walk(c: CompiledTrie, keys: string[], t = new PackTrie(c)): number {
  let node = 0;
  for (const key of keys) {
    const w = wordIndex(c).get(key) ?? -1;
    let found = -1;
    for (let k = t.childStart[node]; k < t.childStart[node + 1]; k++) if (t.keys[k] === w) found = k;
    if (found < 0) return -1;
    node = found;
  }
  return node;
}

describe('a pack compiled as a trie in arrays', () => {
  test('the built packs are format 3, their arrays consistent', () => {
    for (const p of packs) {
      const c = compiledOf(p.id);
      expect(c.v, p.id).toBe(3);
      // One character a number, from '0' on.
      const sum = (s: string) => [...s].reduce((n, ch) => n + ch.charCodeAt(0) - 48, 0);
      expect(c.keys.length, p.id).toBe(c.children.length - 1);
      expect(sum(c.children), p.id).toBe(c.keys.length);
      expect(sum(c.ends) * 3, p.id).toBe(c.forms.length);
      expect(new Set(c.words).size, p.id).toBe(c.words.length);
      const t = new PackTrie(c);
      expect(t.keys.subarray(1).every((k) => k >= 0 && k < c.words.length)).toBe(true);
    }
  });

  test('every form ends at the node its keys lead to, and no other form does', () => {
    const forms = [
      { entry: 0, what: 0, which: 0, keys: ['care', 'plan'] },
      { entry: 1, what: 0, which: 0, keys: ['care', 'plan', 'review'] },
      { entry: 2, what: 1, which: 0, keys: ['care', '\0.\0plan'] },
      { entry: 3, what: 0, which: 0, keys: ['plan'] },
      { entry: 0, what: 1, which: 1, keys: ['care', 'plan'] },
    ];
    const c = layOut(forms, []);
    expect(c.maxTokens).toBe(3);
    const t = new PackTrie(c);
    const endsAt = (node: number) => {
      const out: number[][] = [];
      for (let f = t.formStart[node]; f < t.formStart[node + 1]; f++) out.push([...t.forms.subarray(3 * f, 3 * f + 3)]);
      return out;
    };
    expect(endsAt(walk(c, ['care', 'plan']))).toEqual([
      [0, 0, 0],
      [0, 1, 1],
    ]);
    expect(endsAt(walk(c, ['care', 'plan', 'review']))).toEqual([[1, 0, 0]]);
    expect(endsAt(walk(c, ['care', '\0.\0plan']))).toEqual([[2, 1, 0]]);
    expect(endsAt(walk(c, ['care']))).toEqual([]);
    expect(walk(c, ['plan', 'care'])).toBe(-1);
  });

  test('the England pack: each of its forms is found by walking its keys', () => {
    const england = packs.find((p) => p.id === 'england')!;
    const c = compiledOf('england');
    // Compiled again now, from the entries: the same arrays as the build wrote.
    expect(compileForms(england, new Set())).toEqual({ ...c, shared: [] });
    const t = new PackTrie(c);
    let walked = 0;
    england.entries.forEach((entry, e) => {
      const tokens = tokenise(entry.term);
      // Terms with punctuation between words have gap keys (the matcher's tests cover those).
      if (tokens.slice(1).some((tk) => !tk.joinsPrevious)) return;
      const node = walk(
        c,
        tokens.map((tk) => tk.lower),
        t,
      );
      expect(node, entry.term).toBeGreaterThan(0);
      const entries = [];
      for (let f = t.formStart[node]; f < t.formStart[node + 1]; f++) entries.push(t.forms[3 * f]);
      expect(entries, entry.term).toContain(e);
      walked++;
    });
    expect(walked).toBeGreaterThan(1_500);
    expect(walk(c, ['ehcp', 'zzzz'])).toBe(-1);
  });
});

describe('a glossary lays the tries of its packs, and only those, over one another', () => {
  test('its nodes are those of the packs that are on', () => {
    const on = choosePacks({});
    const tries = on.map((p) => new PackTrie((p as Pack & { compiled: CompiledTrie }).compiled));
    const merged = new MergedTrie(tries, () => []);
    const most = 1 + tries.reduce((n, t) => n - 1 + t.size, 0);
    expect(merged.size).toBeLessThanOrEqual(most);
    expect(merged.size).toBeGreaterThanOrEqual(Math.max(...tries.map((t) => t.size)));
    // Every pack on: more nodes; a pack that is off adds none.
    const all = new MergedTrie(
      packs.map((p) => new PackTrie((p as Pack & { compiled: CompiledTrie }).compiled)),
      () => [],
    );
    expect(all.size).toBeGreaterThan(merged.size);
    const glossary = loadGlossary(on);
    expect((glossary.trie as MergedTrie).size).toBe(merged.size);
  });

  test('a word met before a pack that has it was on is found once the pack is on', () => {
    const text = 'We booked the Zorblat Suite for Tuesday.';
    const before = analyserWith({}, loadGlossary(choosePacks({})));
    expect(before.analyse(text).findings.map((f) => f.text)).toEqual([]);
    const own: Pack = {
      id: 'own',
      name: 'Your terms',
      known: [],
      entries: [{ term: 'Zorblat Suite', kind: 'jargon', definition: 'A room.', source: 'me', examples: { flag: [] } }],
    };
    const after = analyserWith({}, loadGlossary([...choosePacks({}), own]));
    expect(after.analyse(text).findings.map((f) => f.text)).toEqual(['Zorblat Suite']);
    // And the glossary without it still does not find it.
    expect(before.analyse(`${text} `).findings.map((f) => f.text)).toEqual([]);
  });
});
