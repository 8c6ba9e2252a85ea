import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyseRequest } from '../extension/engine-service.js';
import { PORT_NAME, type PortAnswer, type PortRequest } from '../extension/channel.js';
import { isAnalyseRequest, isEnableSiteRequest } from '../extension/protocol.js';
import { startInTab, syncGrantedSites } from '../extension/site-access.js';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only our own content scripts and pages talk to us (never web pages: no externally_connectable).
    if (sender.id !== browser.runtime.id) return false;
    if (isEnableSiteRequest(message)) {
      syncGrantedSites()
        .then(() => (message.tabId !== undefined ? startInTab(message.tabId) : undefined))
        .then(() => sendResponse({ ok: true }), (e: unknown) => sendResponse({ ok: false, error: String(e) }));
      return true;
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
      port.postMessage({ id, response: analyseRequest(request) } satisfies PortAnswer);
    });
  });
  browser.permissions.onAdded.addListener(() => void syncGrantedSites());
  browser.permissions.onRemoved.addListener(() => void syncGrantedSites());
  browser.runtime.onInstalled.addListener(() => void syncGrantedSites());
});
