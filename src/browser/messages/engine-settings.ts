/**
 * The engine's view of the settings (the worker's, and a frame's own engine's): read from
 * storage once, kept until any storage area changes (sync, local or managed), then read again.
 * A fresh object each time, so the engine service builds fresh analysers. The sources are
 * merged in dictionary-sources.ts: built-in packs, imported glossaries, the school's packs
 * and terms, then the user's own terms.
 */
import { browser } from 'wxt/browser';
import type { EngineSettings } from './engine-service.js';
import { readAllSettings } from '../store/all-settings.js';

let current: Promise<EngineSettings> | undefined;

/** The longest a check waits for the school's policy when the browser has just started. */
const POLICY_WAIT_MS = 150;

export async function readEngineSettings(): Promise<EngineSettings> {
  const all = await readAllSettings({
    managedWaitMs: POLICY_WAIT_MS,
    // The policy came after the first checks: the next check uses it.
    managedLate: () => {
      current = undefined;
    },
  });
  return all.sources.settings;
}

/** The settings now; cheap after the first call. */
export function engineSettings(): Promise<EngineSettings> {
  return (current ??= readEngineSettings().catch((e: unknown) => {
    current = undefined;
    throw e;
  }));
}

/** Forget the settings whenever a settings area changes (call once per engine). `session` holds no settings. */
export function watchEngineSettings(): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'session') current = undefined;
  });
}
