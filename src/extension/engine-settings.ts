/**
 * The engine's view of the settings (the worker's, and a frame's own engine's): read from
 * storage once, kept until any storage area changes (sync, local or managed), then read again.
 * A fresh object each time, so the engine service builds fresh analysers. The sources are
 * merged in dictionary-sources.ts: built-in packs, imported glossaries, the school's packs
 * and terms, then the user's own terms.
 */
import { browser } from 'wxt/browser';
import type { EngineSettings } from './engine-service.js';
import { readAllSettings } from './all-settings.js';

let current: Promise<EngineSettings> | undefined;

export async function readEngineSettings(): Promise<EngineSettings> {
  return (await readAllSettings()).sources.settings;
}

/** The settings now; cheap after the first call. */
export function engineSettings(): Promise<EngineSettings> {
  return (current ??= readEngineSettings().catch((e: unknown) => {
    current = undefined;
    throw e;
  }));
}

/** Forget the settings whenever storage changes (call once, in the worker). */
export function watchEngineSettings(): void {
  browser.storage.onChanged.addListener(() => {
    current = undefined;
  });
}
