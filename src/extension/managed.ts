/**
 * The school's policy, read from `storage.managed` (set by IT; read-only for the extension).
 * Chrome checks it against src/extension/public/managed_schema.json first; we check it again
 * with the dictionary validator, so a bad entry is named in the options page, not silently lost.
 */
import { storage } from 'wxt/utils/storage';
import { BUILTIN_PACKS } from '../engine/dictionary/builtin.js';
import { MANAGED_KEYS, NO_POLICY, parseManagedPolicy, type ManagedKey, type ManagedPolicy } from './managed-policy.js';

export const managedItems = Object.fromEntries(MANAGED_KEYS.map((k) => [k, storage.defineItem<unknown>(`managed:${k}`)])) as Record<ManagedKey, ReturnType<typeof storage.defineItem<unknown>>>;

/** The raw policy values (absent keys left out); empty where the browser has no policy for us. */
export async function readManagedRaw(): Promise<Record<string, unknown>> {
  try {
    const values = await storage.getItems(MANAGED_KEYS.map((k) => `managed:${k}` as const));
    const out: Record<string, unknown> = {};
    values.forEach(({ value }, i) => {
      if (value !== null && value !== undefined) out[MANAGED_KEYS[i]] = value;
    });
    return out;
  } catch {
    // Firefox throws when no policy names this extension: that is "no policy".
    return {};
  }
}

export async function readManagedPolicy(): Promise<ManagedPolicy> {
  const raw = await readManagedRaw();
  return Object.keys(raw).length ? parseManagedPolicy(raw, BUILTIN_PACKS.map((p) => p.id)) : NO_POLICY;
}

/**
 * The policy without a long wait. Chromium answers the first `storage.managed` read after it
 * starts only when its policy service is ready: measured here, 2.8 s, while later reads take
 * under 1 ms. Checking must not wait that long, so until the browser answers this says "no
 * policy", and calls `late` once it has answered with one.
 */
export function readManagedPolicySoon(waitMs: number, late: () => void): Promise<ManagedPolicy> {
  const full = readManagedPolicy();
  let timedOut = false;
  void full.then((policy) => {
    if (timedOut && policy !== NO_POLICY) late();
  }, () => undefined);
  return Promise.race([full, new Promise<ManagedPolicy>((ok) => setTimeout(() => {
    timedOut = true;
    ok(NO_POLICY);
  }, waitMs))]);
}

/** Hostnames where the school wants read mode on from the start (read mode's own light reader). */
export { managedReadModeSites } from './managed-sites.js';
