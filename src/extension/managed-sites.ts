/**
 * The school's read-mode sites (policy `readModeSites`) on their own, for the read-mode script
 * in pages: reading the whole policy would bring the dictionaries and their validator with it.
 */
import { storage } from 'wxt/utils/storage';
import { hostOf } from './site-host.js';

/** Hostnames where the school wants read mode on from the start; none when there is no policy. */
export async function managedReadModeSites(): Promise<string[]> {
  let value: unknown;
  try {
    value = await storage.getItem<unknown>('managed:readModeSites');
  } catch {
    // Firefox throws when no policy names this extension.
    return [];
  }
  // Windows' registry may hold the list as JSON text.
  if (typeof value === 'string' && /^\s*\[/.test(value)) {
    try {
      value = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(value) ? value.flatMap((s) => (typeof s === 'string' ? hostOf(s) ?? [] : [])) : [];
}
