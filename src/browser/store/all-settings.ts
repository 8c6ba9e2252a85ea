/**
 * Everything the sources of definitions depend on, read at once and merged
 * (dictionary-sources.ts): for the engine (engine-settings.ts), the options page and the
 * popup. Not for the content script, which must stay small: this pulls in the glossary.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_PACKS, PACK_INDEX } from '../../engine/dictionary/builtin.js';
import type { Category } from '../../engine/types.js';
import { mergeSources, type ImportedPack, type Sources } from './dictionary-sources.js';
import { readManagedPolicy, readManagedPolicySoon } from './managed.js';
import type { ManagedPolicy } from './managed-policy.js';
import type { OwnTerm } from './own-terms.js';
import { ownTermsIn, writeOwnTerms, type StorageArea } from './own-terms-store.js';
import { importedPacksItem, isAudience } from './settings.js';

const syncArea = (): StorageArea => browser.storage.sync as unknown as StorageArea;

export async function readOwnTermsNow(): Promise<OwnTerm[]> {
  return ownTermsIn(await syncArea().get(null));
}

/** Saves the user's terms; throws SyncFullError, with a plain message, when sync has no room. */
export async function saveOwnTerms(terms: readonly OwnTerm[]): Promise<void> {
  await writeOwnTerms(syncArea(), terms);
}

/** Everything the sources depend on, read at once. */
export interface AllSettings {
  sources: Sources;
  managed: ManagedPolicy;
  ownTerms: OwnTerm[];
  imported: ImportedPack[];
  ignored: string[];
  offCategories: Category[];
}

export interface ReadOptions {
  /** Wait at most this long for the school's policy (see readManagedPolicySoon); default: as long as it takes. */
  managedWaitMs?: number;
  /** Called when the policy arrives after that wait. */
  managedLate?: () => void;
}

export async function readAllSettings(options: ReadOptions = {}): Promise<AllSettings> {
  const policy =
    options.managedWaitMs === undefined
      ? readManagedPolicy()
      : readManagedPolicySoon(options.managedWaitMs, options.managedLate ?? (() => undefined));
  const [sync, imported, managed] = await Promise.all([syncArea().get(null), importedPacksItem.getValue(), policy]);
  const ownTerms = ownTermsIn(sync);
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  const ignored = list<string>(sync.ignored).filter((t) => typeof t === 'string');
  const offCategories = list<Category>(sync.offCategories);
  const choices =
    typeof sync.packChoices === 'object' && sync.packChoices !== null
      ? (sync.packChoices as Record<string, boolean>)
      : {};
  const chosen = isAudience(sync.audience) ? sync.audience : null;
  const sources = mergeSources({
    builtin: PACK_INDEX,
    defaultPacks: DEFAULT_PACKS,
    packChoices: choices,
    imported,
    managed,
    ownTerms,
    chosenAudience: chosen,
    offCategories,
    ignored,
  });
  return { sources, managed, ownTerms, imported, ignored, offCategories };
}
