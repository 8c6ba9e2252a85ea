/**
 * The school's read-mode sites (policy `readModeSites`) on their own, for the read-mode script
 * in pages: reading the whole policy would bring the dictionaries and their validator with it.
 */
import { storage } from 'wxt/utils/storage';
import { MANAGED_COPY_KEY, type RawPolicy } from './policy-soon.js';
import { hostOf } from './site-host.js';
import { debugLog, logged } from '../debug.js';

/** Hostnames where the school wants read mode on from the start; none when there is no policy. */
export async function managedReadModeSites(): Promise<string[]> {
  try {
    return sitesIn(await storage.getItem<unknown>('managed:readModeSites'));
  } catch (error) {
    debugLog("school policy's read-mode sites", error);
    // Firefox throws when no policy names this extension.
    return [];
  }
}

/**
 * The same from the copy of the policy (policy-soon.ts) when there is one: a page asking
 * whether to start read mode must not wait for the browser's slow first answer. The worker
 * registers the read-mode script from the browser's own answer (sites.ts).
 */
export async function managedReadModeSitesSoon(): Promise<string[]> {
  const copy = await storage.getItem<RawPolicy>(MANAGED_COPY_KEY).catch(logged('kept copy of the school policy', null));
  return copy ? sitesIn(copy.readModeSites) : managedReadModeSites();
}

function sitesIn(value: unknown): string[] {
  // Windows' registry may hold the list as JSON text.
  if (typeof value === 'string' && /^\s*\[/.test(value)) {
    try {
      value = JSON.parse(value);
    } catch (error) {
      debugLog("school policy's read-mode sites", error);
      return [];
    }
  }
  return Array.isArray(value) ? value.flatMap((s) => (typeof s === 'string' ? (hostOf(s) ?? []) : [])) : [];
}
