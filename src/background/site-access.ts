/**
 * Background: keeps one dynamically registered content script in step with the sites the user
 * granted from the popup (optional host permissions), so checking there survives restarts.
 */
import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_FILE, GRANTED_SCRIPT_ID, WEBMAIL_MATCHES } from '../browser/store/sites.js';
import { debugLog } from '../browser/debug.js';

export async function grantedOrigins(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  return (all.origins ?? []).filter((o) => !WEBMAIL_MATCHES.includes(o));
}

export async function syncGrantedSites(): Promise<void> {
  const origins = await grantedOrigins();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [GRANTED_SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [GRANTED_SCRIPT_ID] });
  if (!origins.length) return;
  const script = {
    id: GRANTED_SCRIPT_ID,
    matches: origins,
    js: [CONTENT_SCRIPT_FILE],
    allFrames: true,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  try {
    await browser.scripting.registerContentScripts([{ ...script, matchOriginAsFallback: true }]);
  } catch (error) {
    debugLog('registering the content script', error);
    // Browsers without matchOriginAsFallback for registered scripts still check the top frame and its same-site frames.
    await browser.scripting.registerContentScripts([script]);
  }
}

/** Starts checking in a tab now (after the user turned a site on), without a reload. */
export async function startInTab(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [`/${CONTENT_SCRIPT_FILE}`] });
}
