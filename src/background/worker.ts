/**
 * The background worker's own requests: the popup turning a site on, a frame asking for the
 * engine, the card's "Add to my terms", and the checks content scripts send over their ports.
 * (Read mode's requests are in read-mode.ts.) The worker lives as long as the browser keeps it:
 * these listeners are added once, at its top, and never removed.
 */
import { browser, type Browser } from 'wxt/browser';
import { debugLog } from '../browser/debug.js';
import { PORT_NAME, type PortAnswer, type PortRequest } from '../browser/messages/channel.js';
import { answerRequest } from '../browser/messages/engine-service.js';
import { extensionFiles } from '../browser/messages/extension-files.js';
import { hostOf } from '../browser/store/site-host.js';
import { engineSettings } from '../browser/messages/engine-settings.js';
import {
  addTermAddress,
  isAddTermRequest,
  isAnalyseRequest,
  isEnableSiteRequest,
  isLoadEngineRequest,
  isLoadPackRequest,
  type LoadPackResponse,
} from '../browser/messages/protocol.js';
import { inTurn } from './in-turn.js';
import { startInTab, syncGrantedSites } from './site-access.js';

/** Call once, at the top of the worker. */
export function setupWorker(): void {
  browser.runtime.onMessage.addListener(answer);
  // Content scripts keep a port open and send each check over it.
  browser.runtime.onConnect.addListener(serve);
  browser.permissions.onAdded.addListener(() => void syncGrantedSites());
  browser.permissions.onRemoved.addListener(() => void syncGrantedSites());
  browser.runtime.onInstalled.addListener(() => void syncGrantedSites());
}

function answer(message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void): boolean {
  // Only our own content scripts and pages talk to us (never web pages: no externally_connectable).
  if (sender.id !== browser.runtime.id) return false;
  if (isEnableSiteRequest(message)) {
    syncGrantedSites()
      .then(() => (message.tabId !== undefined ? startInTab(message.tabId) : undefined))
      .then(
        () => sendResponse({ ok: true }),
        (e: unknown) => sendResponse({ ok: false, error: String(e) }),
      );
    return true;
  }
  if (isLoadEngineRequest(message) && sender.tab?.id !== undefined) {
    // Into the asking frame's content-script world only, never the page's.
    browser.scripting
      .executeScript({
        target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] },
        files: ['/page-engine.js'],
      })
      .then(
        () => sendResponse({ ok: true }),
        (e: unknown) => sendResponse({ ok: false, error: String(e) }),
      );
    return true;
  }
  if (isLoadPackRequest(message)) {
    // The engine in a frame reads its packs through here.
    extensionFiles.pack(message.id).then(
      (pack) => sendResponse({ ok: true, pack } satisfies LoadPackResponse),
      (e: unknown) => sendResponse({ ok: false, error: String(e) } satisfies LoadPackResponse),
    );
    return true;
  }
  if (isAddTermRequest(message)) {
    void browser.tabs.create({ url: addTermAddress(new URL('/options.html', self.location.origin).href, message) });
    return false;
  }
  return false;
}

/** One content script's port: each check it sends, answered with the engine and the settings now. */
function serve(port: Browser.runtime.Port): void {
  if (port.name !== PORT_NAME || port.sender?.id !== browser.runtime.id) {
    port.disconnect();
    return;
  }
  // A page's checks in the order sent, each answered before the next is worked out: read mode's
  // lines on screen come first, and their answer leaves before the page's long pieces are read.
  const next = inTurn();
  port.onMessage.addListener((m: unknown) => {
    const { id, request } = (m ?? {}) as PortRequest;
    if (typeof id !== 'number' || !isAnalyseRequest(request)) return;
    void next(async () => {
      const response = await engineSettings().then(
        // Reading a council's own site turns its local glossary on.
        (settings) => answerRequest(request, settings, hostOf(port.sender?.url ?? ''), extensionFiles),
        (e: unknown) => ({ ok: false as const, error: `settings could not be read: ${String(e)}` }),
      );
      try {
        port.postMessage({ id, response } satisfies PortAnswer);
      } catch (error) {
        debugLog('answer to a closed tab', error);
        // The tab went away while the engine worked.
      }
    });
  });
}
