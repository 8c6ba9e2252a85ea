import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyseRequest, warmUp } from '../browser/messages/engine-service.js';
import { engineSettings, watchEngineSettings } from '../browser/messages/engine-settings.js';
import { PORT_NAME, type PortAnswer, type PortRequest } from '../browser/messages/channel.js';
import {
  addTermAddress,
  isAddTermRequest,
  isAnalyseRequest,
  isEnableSiteRequest,
  isLoadEngineRequest,
} from '../browser/messages/protocol.js';
import { startInTab, syncGrantedSites } from '../background/site-access.js';
import { setupReadMode } from '../background/read-mode.js';
import { debugLog, logged } from '../browser/debug.js';

export default defineBackground(() => {
  watchEngineSettings();
  // Start reading the settings (and the browser's slow first answer about a school policy) now,
  // not at the first check; then ready read mode's engine, which a parent may ask for any time.
  void engineSettings().then((settings) => warmUp(settings, 'read'), logged('reading the settings at start'));
  setupReadMode();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
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
    if (isAddTermRequest(message)) {
      void browser.tabs.create({ url: addTermAddress(new URL('/options.html', self.location.origin).href, message) });
      return false;
    }
    return false;
  });
  // Content scripts keep a port open and send each check over it.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PORT_NAME || port.sender?.id !== browser.runtime.id) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((m: unknown) => {
      const { id, request } = (m ?? {}) as PortRequest;
      if (typeof id !== 'number' || !isAnalyseRequest(request)) return;
      void engineSettings()
        .then(
          (settings) => analyseRequest(request, settings),
          (e: unknown) => ({ ok: false as const, error: `settings could not be read: ${String(e)}` }),
        )
        .then((response) => {
          try {
            port.postMessage({ id, response } satisfies PortAnswer);
          } catch (error) {
            debugLog('answer to a closed tab', error);
            // The tab went away while the engine worked.
          }
        });
    });
  });
  browser.permissions.onAdded.addListener(() => void syncGrantedSites());
  browser.permissions.onRemoved.addListener(() => void syncGrantedSites());
  browser.runtime.onInstalled.addListener(() => void syncGrantedSites());
});
