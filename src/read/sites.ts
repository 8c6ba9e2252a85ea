/**
 * Sites where read mode is always on (the school's website, the council's Local Offer), chosen
 * from the popup. Each needs the user's permission for that site (an optional host
 * permission); the background worker keeps one registered content script in step with the
 * sites that are both chosen and granted.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/** The read-mode script in the built extension (an unlisted script). */
export const READ_SCRIPT_FILE = 'read-mode.js';
export const READ_SCRIPT_ID = 'plain-send-read-sites';

/** Origin patterns such as `https://school.example/*`. In `storage.sync`, like the other settings. */
export const readSitesItem = storage.defineItem<string[]>('sync:readSites', { fallback: [] });

export async function setReadSite(pattern: string, on: boolean): Promise<void> {
  const list = await readSitesItem.getValue();
  const next = on ? (list.includes(pattern) ? list : [...list, pattern]) : list.filter((p) => p !== pattern);
  if (next !== list) await readSitesItem.setValue(next);
}

/** Chosen sites the browser still lets us into. */
export async function readSiteMatches(): Promise<string[]> {
  const [sites, granted] = await Promise.all([readSitesItem.getValue(), browser.permissions.getAll()]);
  const origins = granted.origins ?? [];
  return sites.filter((s) => origins.includes(s) || origins.includes('<all_urls>'));
}

export async function syncReadSites(): Promise<void> {
  const matches = await readSiteMatches();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [READ_SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [READ_SCRIPT_ID] });
  if (!matches.length) return;
  await browser.scripting.registerContentScripts([
    { id: READ_SCRIPT_ID, matches, js: [READ_SCRIPT_FILE], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}
