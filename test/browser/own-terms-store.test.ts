import { describe, expect, test } from 'vitest';
import {
  OWN_TERMS_KEY,
  chunkKey,
  readOwnTerms,
  writeOwnTerms,
  ownTermsUsage,
  type StorageArea,
} from '../../src/browser/store/own-terms-store.js';
import {
  MAX_ITEMS,
  OWN_TERMS_BUDGET,
  QUOTA_BYTES,
  QUOTA_BYTES_PER_ITEM,
  SyncFullError,
  chunkForSync,
  itemBytes,
} from '../../src/browser/store/sync-quota.js';
import type { OwnTerm } from '../../src/browser/store/own-terms.js';

/**
 * storage.sync as Chrome documents it: a write that would break a quota fails whole, with
 * Chrome's error text. (The end-to-end test does the same against Chromium's own sync area.)
 */
class QuotaArea implements StorageArea {
  data: Record<string, unknown> = {};
  writes: string[][] = [];
  async get(keys?: string | string[] | null) {
    if (keys === null || keys === undefined) return structuredClone(this.data);
    const out: Record<string, unknown> = {};
    for (const k of [keys].flat()) if (k in this.data) out[k] = structuredClone(this.data[k]);
    return out;
  }
  async set(items: Record<string, unknown>) {
    const next = { ...this.data, ...structuredClone(items) };
    for (const [k, v] of Object.entries(items))
      if (itemBytes(k, v) > QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    const total = Object.entries(next).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    if (total > QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
    if (Object.keys(next).length > MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
    this.writes.push(Object.keys(items));
    this.data = next;
  }
  async remove(keys: string | string[]) {
    for (const k of [keys].flat()) delete this.data[k];
  }
}

const term = (i: number, definitionWords = 20): OwnTerm => ({
  term: `Term ${i}`,
  kind: 'jargon',
  definition: Array.from({ length: definitionWords }, (_, j) => `word${j}`).join(' ') + '.',
});

describe("the user's terms in storage.sync", () => {
  test('a long list is split so no item passes 8 KB, and reads back whole and in order', async () => {
    const area = new QuotaArea();
    const list = Array.from({ length: 300 }, (_, i) => term(i));
    await writeOwnTerms(area, list);
    const meta = area.data[OWN_TERMS_KEY] as { chunks: number };
    expect(meta.chunks).toBeGreaterThan(5);
    for (let i = 0; i < meta.chunks; i++)
      expect(itemBytes(chunkKey(i), area.data[chunkKey(i)])).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
    expect(await readOwnTerms(area)).toEqual(list);
    // Without splitting it would not fit in one item.
    expect(itemBytes('ownTerms', list)).toBeGreaterThan(QUOTA_BYTES_PER_ITEM);
  });

  test('adding one term rewrites only the last chunk; removing many drops the spare chunks', async () => {
    const area = new QuotaArea();
    const list = Array.from({ length: 200 }, (_, i) => term(i));
    await writeOwnTerms(area, list);
    const chunks = (area.data[OWN_TERMS_KEY] as { chunks: number }).chunks;
    await writeOwnTerms(area, [...list, term(999, 3)]);
    expect(area.writes.at(-1)!.sort()).toEqual([OWN_TERMS_KEY, chunkKey(chunks - 1)].sort());
    await writeOwnTerms(area, list.slice(0, 3));
    expect(Object.keys(area.data).sort()).toEqual([OWN_TERMS_KEY, chunkKey(0)]);
    expect(await readOwnTerms(area)).toEqual(list.slice(0, 3));
  });

  test('when full: a plain message, and the terms already kept are unchanged', async () => {
    const area = new QuotaArea();
    const small = [term(1)];
    await writeOwnTerms(area, small);
    const huge = Array.from({ length: 1200 }, (_, i) => term(i));
    expect(ownTermsUsage(huge).bytes).toBeGreaterThan(OWN_TERMS_BUDGET);
    const error = await writeOwnTerms(area, huge).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncFullError);
    expect((error as Error).message).toMatch(
      /^There is no room for these terms: your terms can use up to 80 KB of your browser's synced settings, and these need \d+ KB\. Remove some terms/,
    );
    expect(await readOwnTerms(area)).toEqual(small);
  });

  test("the browser's own quota error becomes the same message", async () => {
    const area = new QuotaArea();
    // Other settings already use most of sync.
    for (let i = 0; i < 13; i++) area.data[`filler${i}`] = 'y'.repeat(7000);
    const list = Array.from({ length: 200 }, (_, i) => term(i));
    const error = await writeOwnTerms(area, list).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncFullError);
    expect(await readOwnTerms(area)).toEqual([]);
  });

  test('one term too long for any item is named', () => {
    const long = { term: 'Essay', kind: 'jargon' as const, definition: 'x'.repeat(9000) };
    expect(() => chunkForSync([long], chunkKey, (t) => t.term)).toThrow(
      /^"Essay" is too long to keep \(9 KB; one term may use up to 8 KB\)\. Make its definition shorter\.$/,
    );
  });

  test('a chunk still on its way from another computer is skipped, not an error', async () => {
    const area = new QuotaArea();
    area.data = { [OWN_TERMS_KEY]: { chunks: 2 }, [chunkKey(1)]: [term(5)] };
    expect(await readOwnTerms(area)).toEqual([term(5)]);
  });
});
