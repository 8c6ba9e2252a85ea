/**
 * What the user chose. In `storage.sync`, so the user's other computers (signed in to the same
 * browser profile) get the same settings; the browser keeps them, no server of ours sees them:
 * the audience, sites where checking is off, words to ignore always, kinds of finding turned
 * off, built-in glossaries turned on or off, and the user's own terms (split over several
 * items, see own-terms-store.ts). Glossaries imported from files can be large, so they stay
 * in `storage.local` on this computer. The school's policy is in `storage.managed` (managed.ts).
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { BUILTIN_PACKS, DEFAULT_PACKS } from '../engine/dictionary/builtin.js';
import type { AudienceId, Category } from '../engine/types.js';
import { mergeSources, type ImportedPack, type Sources } from './dictionary-sources.js';
import { readManagedPolicy } from './managed.js';
import type { ManagedPolicy } from './managed-policy.js';
import type { OwnTerm } from './own-terms.js';
import { ownTermsIn, writeOwnTerms, type StorageArea } from './own-terms-store.js';

/** The audience, `parent-carer` until the user chooses (the school's default is in readSources). */
export const audienceItem = storage.defineItem<AudienceId>('sync:audience', { fallback: 'parent-carer' });
/** The same value, null when the user never chose one (so the school's default can apply). */
export const chosenAudienceItem = storage.defineItem<AudienceId>('sync:audience');
/** Hostnames where the user turned checking off. */
export const offSitesItem = storage.defineItem<string[]>('sync:offSites', { fallback: [] });
/** Terms (or glossary entry ids) never to flag: "Ignore always". */
export const ignoredItem = storage.defineItem<string[]>('sync:ignored', { fallback: [] });
/** Kinds of finding the user turned off while writing. */
export const offCategoriesItem = storage.defineItem<Category[]>('sync:offCategories', { fallback: [] });
/** The user's switches for built-in packs, by id; a pack not here follows its default. */
export const packChoicesItem = storage.defineItem<Record<string, boolean>>('sync:packChoices', { fallback: {} });
/** Glossaries imported from files: on this computer only (they can be megabytes; sync holds 100 KB). */
export const importedPacksItem = storage.defineItem<ImportedPack[]>('local:importedPacks', { fallback: [] });

import { isAudience } from './protocol.js';

export { isAudience };

const syncArea = (): StorageArea => browser.storage.sync as unknown as StorageArea;

export async function addIgnored(term: string): Promise<void> {
  const list = await ignoredItem.getValue();
  const key = term.toLowerCase();
  if (!list.some((t) => t.toLowerCase() === key)) await ignoredItem.setValue([...list, term]);
}

export async function removeIgnored(term: string): Promise<void> {
  const list = await ignoredItem.getValue();
  await ignoredItem.setValue(list.filter((t) => t !== term));
}

export async function setSiteOn(host: string, on: boolean): Promise<void> {
  const list = await offSitesItem.getValue();
  const next = on ? list.filter((h) => h !== host) : list.includes(host) ? list : [...list, host];
  await offSitesItem.setValue(next);
}

export async function setCategoryOn(category: Category, on: boolean): Promise<void> {
  const list = await offCategoriesItem.getValue();
  await offCategoriesItem.setValue(on ? list.filter((c) => c !== category) : [...new Set([...list, category])]);
}

export async function setBuiltinPackOn(id: string, on: boolean): Promise<void> {
  await packChoicesItem.setValue({ ...(await packChoicesItem.getValue()), [id]: on });
}

export async function setImportedPackOn(id: string, on: boolean): Promise<void> {
  const list = await importedPacksItem.getValue();
  await importedPacksItem.setValue(list.map((p) => (p.file.pack === id ? { ...p, on } : p)));
}

/** Adds an imported glossary, or replaces the one with the same pack id. */
export async function saveImportedPack(pack: ImportedPack): Promise<void> {
  const list = await importedPacksItem.getValue();
  const i = list.findIndex((p) => p.file.pack === pack.file.pack);
  await importedPacksItem.setValue(i < 0 ? [...list, pack] : list.map((p, j) => (j === i ? pack : p)));
}

export async function removeImportedPack(id: string): Promise<void> {
  await importedPacksItem.setValue((await importedPacksItem.getValue()).filter((p) => p.file.pack !== id));
}

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

export async function readAllSettings(): Promise<AllSettings> {
  const [sync, imported, managed] = await Promise.all([syncArea().get(null), importedPacksItem.getValue(), readManagedPolicy()]);
  const ownTerms = ownTermsIn(sync);
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  const ignored = list<string>(sync.ignored).filter((t) => typeof t === 'string');
  const offCategories = list<Category>(sync.offCategories);
  const choices = typeof sync.packChoices === 'object' && sync.packChoices !== null ? (sync.packChoices as Record<string, boolean>) : {};
  const chosen = isAudience(sync.audience) ? sync.audience : null;
  const sources = mergeSources({
    builtin: BUILTIN_PACKS,
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

/** Sets the audience unless the school has fixed it. */
export async function setAudience(audience: AudienceId): Promise<void> {
  await audienceItem.setValue(audience);
}
