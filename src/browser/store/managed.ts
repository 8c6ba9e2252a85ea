/**
 * The school's policy, read from `storage.managed` (set by IT; read-only for the extension).
 * Chrome checks it against src/browser/public/managed_schema.json first; we check it again
 * with the dictionary validator, so a bad entry is named in the options page, not silently lost.
 */
import { storage } from 'wxt/utils/storage';
import { PACK_INDEX } from '../../engine/dictionary/builtin.js';
import { MANAGED_KEYS, NO_POLICY, parseManagedPolicy, type ManagedPolicy } from './managed-policy.js';
import { MANAGED_COPY_KEY, policySoon, type RawPolicy } from './policy-soon.js';
import { debugLog } from '../debug.js';

// No storage.defineItem on the managed area: defining an item reads it at once, unwaited, and in
// Firefox, with no policy for us, that read fails (an uncaught error in every page we check).

/** The raw policy values (absent keys left out); empty where the browser has no policy for us. */
export async function readManagedRaw(): Promise<RawPolicy> {
  try {
    const values = await storage.getItems(MANAGED_KEYS.map((k) => `managed:${k}` as const));
    const out: Record<string, unknown> = {};
    values.forEach(({ value }, i) => {
      if (value !== null && value !== undefined) out[MANAGED_KEYS[i]] = value;
    });
    return out;
  } catch (error) {
    debugLog('school policy', error);
    // Firefox throws when no policy names this extension: that is "no policy".
    return {};
  }
}

export async function readManagedPolicy(): Promise<ManagedPolicy> {
  return policyOf(await readManagedRaw());
}

function policyOf(raw: RawPolicy): ManagedPolicy {
  return Object.keys(raw).length
    ? parseManagedPolicy(
        raw,
        PACK_INDEX.map((p) => p.id),
      )
    : NO_POLICY;
}

/** The copy of the policy that lets the engine start without waiting for the browser (policy-soon.ts). */
export const managedCopyItem = storage.defineItem<RawPolicy | null>(MANAGED_COPY_KEY, { fallback: null });

/**
 * The policy without a long wait: the browser's answer if it is quick, else the copy kept from
 * last time, else (the very first time) none after `waitMs`. `late` is called when the
 * browser's answer turns out different from what was given.
 */
export async function readManagedPolicySoon(waitMs: number, late: () => void): Promise<ManagedPolicy> {
  const raw = await policySoon(
    {
      fresh: readManagedRaw,
      copy: async () => (await managedCopyItem.getValue()) ?? undefined,
      keep: (r) => managedCopyItem.setValue(r),
    },
    waitMs,
    late,
  );
  return policyOf(raw);
}

/** Hostnames where the school wants read mode on from the start (read mode's own light reader). */
export { managedReadModeSites } from './managed-sites.js';
