/**
 * The background worker's view of the settings: read from storage once, kept until any
 * storage area changes (sync, local or managed), then read again. A fresh object each time,
 * so the engine service builds fresh analysers.
 */
import { browser } from 'wxt/browser';
import type { EngineSettings } from './engine-service.js';
import { audienceItem, ignoredItem } from './settings.js';

let current: Promise<EngineSettings> | undefined;

export async function readEngineSettings(): Promise<EngineSettings> {
  const [audience, ignore] = await Promise.all([audienceItem.getValue(), ignoredItem.getValue()]);
  return { audience, ignore };
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
