/**
 * Sites where read mode is always on (the school's website, the council's Local Offer), chosen
 * from the popup. Each needs the user's permission for that site (an optional host
 * permission); the background worker keeps one registered content script in step with the
 * sites that are both chosen and granted.
 */
import { browser } from 'wxt/browser';
import { managedReadModeSites } from './managed-sites.js';
import { storage } from 'wxt/utils/storage';
import { logged } from '../debug.js';

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

/** The pattern read mode uses for a host the school's policy names (`portal.example.sch.uk`). */
export function schoolSitePattern(host: string): string {
  return `https://${host}/*`;
}

/**
 * Sites where read mode starts on, that the browser still lets us into: the user's, and the
 * school's (policy `readModeSites`). A policy cannot grant a site, so the school's sites start
 * on once the user allows the site from the toolbar button (it says the school asked).
 */
export async function readSiteMatches(): Promise<string[]> {
  const [sites, school, granted] = await Promise.all([
    readSitesItem.getValue(),
    managedReadModeSites().catch(logged("school policy's read-mode sites", [] as string[])),
    browser.permissions.getAll(),
  ]);
  const origins = granted.origins ?? [];
  const all = origins.includes('<all_urls>');
  const mine = sites.filter((s) => all || origins.includes(s));
  // A school's host, on whatever grant covers it (https://host/*, or http:// on a school's intranet).
  const hostOf = (pattern: string) => /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1];
  const schools = school.flatMap((host) =>
    all ? [schoolSitePattern(host)] : origins.filter((o) => hostOf(o) === host),
  );
  return [...new Set([...mine, ...schools])];
}

export async function syncReadSites(): Promise<void> {
  const matches = await readSiteMatches();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [READ_SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [READ_SCRIPT_ID] });
  if (!matches.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: READ_SCRIPT_ID,
      matches,
      js: [READ_SCRIPT_FILE],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}
