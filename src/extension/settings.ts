/**
 * What the user chose: the audience, the sites where checking is off, and the words to ignore
 * always. In `storage.sync`, so the user's other computers (signed in to the same browser
 * profile) get the same settings; the browser keeps them, no server of ours sees them.
 */
import { storage } from 'wxt/utils/storage';
import type { AudienceId } from '../engine/types.js';

export const audienceItem = storage.defineItem<AudienceId>('sync:audience', { fallback: 'parent-carer' });
/** Hostnames where the user turned checking off. */
export const offSitesItem = storage.defineItem<string[]>('sync:offSites', { fallback: [] });
/** Terms (or glossary entry ids) never to flag: "Ignore always". */
export const ignoredItem = storage.defineItem<string[]>('sync:ignored', { fallback: [] });

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
