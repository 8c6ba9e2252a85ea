/**
 * `storage.sync` is small: Chrome and Firefox allow 100 KB in all, at most 8 KB in one item
 * (key plus its value as JSON, in bytes) and 512 items. A long list (the user's own terms) is
 * split across numbered items, each under the per-item limit, and kept within a budget that
 * leaves room for the other settings.
 */

export const QUOTA_BYTES = 102_400;
export const QUOTA_BYTES_PER_ITEM = 8_192;
export const MAX_ITEMS = 512;
/** Room kept in each item for the browser's own rounding and the chunk's brackets. */
const ITEM_MARGIN = 192;
/** The user's terms may use this much; the rest of sync (about 20 KB) is for the other settings. */
export const OWN_TERMS_BUDGET = 80 * 1024;

const encoder = new TextEncoder();

/** What the browser counts for one item: its key and its value as JSON, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
}

/** A list too big for sync: the message says so in plain words. */
export class SyncFullError extends Error {
  constructor(
    message: string,
    readonly needed: number,
    readonly budget: number,
  ) {
    super(message);
    this.name = 'SyncFullError';
  }
}

export const kb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en-GB')} KB`;

/**
 * Splits `list` into chunks whose items (`keyOf(i)` → chunk i) each fit in one sync item.
 * `label(x)` names an element too big for any item. Greedy and in order, so adding at the end
 * changes only the last chunk.
 */
export function chunkForSync<T>(list: readonly T[], keyOf: (i: number) => string, label: (x: T) => string): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  // Bytes of `[a,b,c]` = 2 + sum(len) + commas; tracked without re-serialising the chunk.
  let bytes = 2;
  for (const x of list) {
    const size = encoder.encode(JSON.stringify(x)).length;
    const limit = QUOTA_BYTES_PER_ITEM - ITEM_MARGIN - encoder.encode(keyOf(chunks.length)).length;
    if (size + 2 > limit) {
      throw new SyncFullError(
        `"${label(x)}" is too long to keep (${kb(size)}; one term may use up to ${kb(limit)}). Make its definition shorter.`,
        size,
        limit,
      );
    }
    const extra = (current.length ? 1 : 0) + size;
    if (bytes + extra > limit) {
      chunks.push(current);
      current = [];
      bytes = 2;
    }
    bytes += (current.length ? 1 : 0) + size;
    current.push(x);
  }
  if (current.length) chunks.push(current);
  return chunks;
}
