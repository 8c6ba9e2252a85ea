/**
 * Where the user's own terms live: `storage.sync`, so they follow the user to their other
 * computers, split over items `ownTerms.0`, `ownTerms.1`, ... (each under sync's 8 KB item
 * limit) with `ownTerms` saying how many there are. Only chunks that changed are written
 * (sync also limits writes a minute), and the count is written with them in one call.
 */
import { type OwnTerm, termKey } from './own-terms.js';
import { OWN_TERMS_BUDGET, SyncFullError, chunkForSync, itemBytes, kb } from './sync-quota.js';

/** The part of a `storage.sync` area the store uses (the real one, or a test's). */
export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const OWN_TERMS_KEY = 'ownTerms';
export const chunkKey = (i: number) => `${OWN_TERMS_KEY}.${i}`;

interface Meta {
  chunks: number;
}

const isMeta = (v: unknown): v is Meta =>
  typeof v === 'object' && v !== null && Number.isInteger((v as Meta).chunks) && (v as Meta).chunks >= 0;
const isTerm = (v: unknown): v is OwnTerm =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as OwnTerm).term === 'string' &&
  typeof (v as OwnTerm).kind === 'string';

/** The terms in a snapshot of the sync area (everything `get(null)` gave). */
export function ownTermsIn(all: Record<string, unknown>): OwnTerm[] {
  const meta = all[OWN_TERMS_KEY];
  if (!isMeta(meta)) return [];
  const out: OwnTerm[] = [];
  for (let i = 0; i < meta.chunks; i++) {
    const chunk = all[chunkKey(i)];
    // A chunk still on its way from another computer is missing for a moment: skip it.
    if (Array.isArray(chunk)) out.push(...chunk.filter(isTerm));
  }
  return out;
}

export async function readOwnTerms(area: StorageArea): Promise<OwnTerm[]> {
  return ownTermsIn(await area.get(null));
}

/** How many bytes of sync the terms take, and the most they may take. */
export function ownTermsUsage(terms: readonly OwnTerm[]): { bytes: number; budget: number } {
  const chunks = chunkForSync(terms, chunkKey, (t) => t.term);
  const bytes = chunks.reduce(
    (n, c, i) => n + itemBytes(chunkKey(i), c),
    itemBytes(OWN_TERMS_KEY, { chunks: chunks.length }),
  );
  return { bytes, budget: OWN_TERMS_BUDGET };
}

/**
 * Saves the whole list. Throws SyncFullError (nothing written) when it would not fit; a
 * failure of the browser's own quota check is turned into the same plain message.
 */
export async function writeOwnTerms(area: StorageArea, terms: readonly OwnTerm[]): Promise<void> {
  const keys = new Set<string>();
  for (const t of terms) {
    if (keys.has(termKey(t))) throw new Error(`"${t.term}" is in the list twice.`);
    keys.add(termKey(t));
  }
  const chunks = chunkForSync(terms, chunkKey, (t) => t.term);
  const { bytes, budget } = ownTermsUsage(terms);
  if (bytes > budget) throw fullError(bytes, budget);
  const before = await area.get(null);
  const oldMeta = before[OWN_TERMS_KEY];
  const oldCount = isMeta(oldMeta) ? oldMeta.chunks : 0;
  const changes: Record<string, unknown> = { [OWN_TERMS_KEY]: { chunks: chunks.length } };
  chunks.forEach((c, i) => {
    if (JSON.stringify(before[chunkKey(i)]) !== JSON.stringify(c)) changes[chunkKey(i)] = c;
  });
  try {
    await area.set(changes);
  } catch (e) {
    if (/quota|MAX_ITEMS|MAX_WRITE/i.test(String(e))) {
      if (/MAX_WRITE/i.test(String(e)))
        throw new Error('Your browser limits how often settings can be saved. Wait a minute, then try again.');
      throw fullError(bytes, budget);
    }
    throw e;
  }
  const stale: string[] = [];
  for (let i = chunks.length; i < oldCount; i++) stale.push(chunkKey(i));
  if (stale.length) await area.remove(stale);
}

function fullError(bytes: number, budget: number): SyncFullError {
  return new SyncFullError(
    `There is no room for these terms: your terms can use up to ${kb(budget)} of your browser's synced settings, and these need ${kb(bytes)}. ` +
      'Remove some terms or shorten their meanings. For a long list, make a glossary file and import it under "Glossaries": glossaries are kept on this computer and have much more room.',
    bytes,
    budget,
  );
}
