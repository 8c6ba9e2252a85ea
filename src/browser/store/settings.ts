/**
 * What the user chose. In `storage.sync`, so the user's other computers (signed in to the same
 * browser profile) get the same settings; the browser keeps them, no server of ours sees them:
 * the audience, sites where checking is off, words to ignore always, kinds of finding turned
 * off, built-in glossaries turned on or off, and the user's own terms (split over several
 * items, see own-terms-store.ts). Glossaries imported from files can be large, so they stay
 * in `storage.local` on this computer. The school's policy is in `storage.managed` (managed.ts).
 * The content script imports this file: keep it light (no glossary, no validator); reading
 * everything and merging the sources is in all-settings.ts.
 */
import { storage } from 'wxt/utils/storage';
import type { AudienceId, Category } from '../../engine/types.js';
import type { ImportedPack } from './dictionary-sources.js';

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

import { isAudience } from '../messages/protocol.js';

export { isAudience };

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

/** Sets the audience the user chose (the options page and popup do not offer it when the school fixed it). */
export async function setAudience(audience: AudienceId): Promise<void> {
  await audienceItem.setValue(audience);
}
