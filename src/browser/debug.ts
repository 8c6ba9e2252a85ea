/**
 * Failures we let pass (a tab that went away, a frame we may not script, a page that blocks a
 * stylesheet) are logged to the console when debugging is on, so they can be seen: set
 * `debug: true` in the extension's storage.local, or `localStorage['plain-send-debug'] = '1'`
 * in a page (for the scripts in that page). Read once per page or worker: reload after changing it.
 */
import { browser } from 'wxt/browser';

const PAGE_KEY = 'plain-send-debug';
let on: Promise<boolean> | undefined;

async function readFlag(): Promise<boolean> {
  try {
    if (globalThis.localStorage?.getItem(PAGE_KEY)) return true;
  } catch {
    // A sandboxed frame or a worker: no localStorage.
  }
  try {
    return (await browser.storage.local.get('debug')).debug === true;
  } catch {
    return false;
  }
}

/** Logs a failure we otherwise let pass, when debugging is on. `where` names the place in a few words. */
export function debugLog(where: string, error: unknown): void {
  void (on ??= readFlag()).then((yes) => {
    if (yes) console.debug(`Plain SEND (${where}):`, error);
  });
}

/** For `.catch()`: logs the failure (when debugging is on) and gives `fallback` (or `undefined`) instead. */
export function logged<T = undefined>(where: string, fallback?: T): (error: unknown) => T {
  return (error) => {
    debugLog(where, error);
    return fallback as T;
  };
}
