/**
 * What the user chose, in `storage.local` (never synced, never sent): the audience, the sites
 * where checking is off, and the words to ignore always.
 */
import { storage } from 'wxt/utils/storage';
import type { AudienceId } from '../engine/types.js';

export const audienceItem = storage.defineItem<AudienceId>('local:audience', { fallback: 'parent-carer' });
/** Hostnames where the user turned checking off. */
export const offSitesItem = storage.defineItem<string[]>('local:offSites', { fallback: [] });
/** Terms (or glossary entry ids) never to flag: "Ignore always". */
export const ignoredItem = storage.defineItem<string[]>('local:ignored', { fallback: [] });

export { isAudience } from './protocol.js';

export async function addIgnored(term: string): Promise<void> {
  const list = await ignoredItem.getValue();
  const key = term.toLowerCase();
  if (!list.some((t) => t.toLowerCase() === key)) await ignoredItem.setValue([...list, term]);
}

export async function setSiteOn(host: string, on: boolean): Promise<void> {
  const list = await offSitesItem.getValue();
  const next = on ? list.filter((h) => h !== host) : list.includes(host) ? list : [...list, host];
  await offSitesItem.setValue(next);
}
