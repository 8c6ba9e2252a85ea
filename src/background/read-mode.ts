/**
 * Read mode's side of the background worker: the keyboard shortcut (Alt+Shift+R), the context
 * menu ("Explain words on this page", and "Explain this" on a selection), the popup's and the
 * side panel's requests, and the sites where read mode is always on.
 *
 * Each of these is the user asking, so `activeTab` lets us put the read-mode script in that tab
 * then; nothing is needed at install.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  isReadMessage,
  isReadTabMessage,
  READ_EXPLAIN,
  READ_SET,
  READ_SITES_CHANGED,
  type ReadExplainMessage,
  type ReadSetMessage,
  type ReadState,
} from '../browser/messages/read-protocol.js';
import { READ_SCRIPT_FILE, syncReadSites } from '../browser/store/read-sites.js';
import { debugLog, logged } from '../browser/debug.js';

export const READ_COMMAND = 'read-mode';
export const MENU_READ = 'plain-send-read-page';
export const MENU_EXPLAIN = 'plain-send-explain';

async function inject(tabId: number, frameIds?: number[]): Promise<void> {
  await browser.scripting.executeScript({
    target: frameIds ? { tabId, frameIds } : { tabId, allFrames: true },
    files: [`/${READ_SCRIPT_FILE}`],
  });
}

/** Tabs this worker has reached read mode in since it started (a worker that has just woken knows none). */
const reached = new Set<number>();

/**
 * Puts the read-mode script in a tab and turns it on or over in the top frame, with no answer
 * from the page in between: both go to the browser at once, so a worker busy making its glossary
 * (as when the command woke it) holds up neither. Undefined if the page did not take it so.
 */
async function injectAndSet(tabId: number, on: boolean | 'toggle'): Promise<ReadState | undefined> {
  const injected = inject(tabId);
  const set = browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    args: [on],
    // Runs in the read-mode script's world: its controller for this document, or, if the script is
    // not in yet (the browser may run this first), the controller it hands over when it starts
    // (page-script.ts). Given up after a while, when the answer is undefined.
    func: (want: boolean | 'toggle') => {
      type Controller = { setRead(w: boolean | 'toggle'): Promise<unknown> };
      const g = globalThis as unknown as Record<symbol, WeakMap<Document, unknown> | undefined>;
      const loaded = g[Symbol.for('plain-send.read')] as WeakMap<Document, Controller> | undefined;
      const controller = loaded?.get(document);
      if (controller) return controller.setRead(want);
      const waiting = (g[Symbol.for('plain-send.read.waiting')] ??= new WeakMap()) as WeakMap<
        Document,
        Array<(c: Controller) => void>
      >;
      return new Promise((done) => {
        waiting.set(document, [...(waiting.get(document) ?? []), (c) => done(c.setRead(want))]);
        setTimeout(() => done(undefined), 5_000);
      });
    },
  });
  await injected;
  const [result] = await set;
  return (result?.result as ReadState | null | undefined) ?? undefined;
}

/** Turns read mode on, off or over in a tab (the top frame decides, frames of other origins follow). */
export async function setReadMode(tabId: number, on: boolean | 'toggle'): Promise<ReadState> {
  const message: ReadSetMessage = { type: READ_SET, on };
  let state: ReadState | undefined;
  // A tab this worker has not reached yet most likely lacks the script: asking first would cost a round trip.
  if (!reached.has(tabId)) state = await injectAndSet(tabId, on).catch(logged('starting read mode at once', undefined));
  if (!state) {
    try {
      state = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    } catch (error) {
      debugLog('read mode not in the page yet', error);
      // Not in this page yet.
      await inject(tabId);
      state = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    }
  }
  if (!state) throw new Error('Plain SEND could not start on this page.');
  reached.add(tabId);
  // Frames of other origins that run their own read mode: the same state as the top frame.
  browser.tabs
    .sendMessage(tabId, { type: READ_SET, on: state.on } satisfies ReadSetMessage)
    .catch(logged('read mode in other frames'));
  return state;
}

/** Explains the selection in a frame; if we may not reach that frame, in the top frame from the browser's copy of the text. */
export async function explainIn(tabId: number, frameId: number, text?: string): Promise<void> {
  const message: ReadExplainMessage = { type: READ_EXPLAIN, text };
  for (const frame of frameId === 0 ? [0] : [frameId, 0]) {
    try {
      await inject(tabId, [frame]);
      await browser.tabs.sendMessage(tabId, frame === frameId ? message : { ...message }, { frameId: frame });
      return;
    } catch (error) {
      debugLog('explaining in a frame', error);
      // Try the top frame next.
    }
  }
}

async function activeTabId(tab?: Browser.tabs.Tab): Promise<number | undefined> {
  if (tab?.id !== undefined && tab.id >= 0) return tab.id;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

function createMenus(): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: MENU_READ, title: 'Explain words on this page', contexts: ['page', 'frame'] });
    browser.contextMenus.create({ id: MENU_EXPLAIN, title: 'Explain this', contexts: ['selection'] });
  });
}

/** Call once, at the top of the worker (listeners must be added before it goes idle). */
export function setupReadMode(): void {
  browser.runtime.onInstalled.addListener(() => {
    createMenus();
    void syncReadSites().catch(logged('registering the read-mode sites'));
  });
  browser.runtime.onStartup?.addListener(() => void syncReadSites().catch(logged('registering the read-mode sites')));
  // The school's policy may name new sites.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void syncReadSites().catch(logged('registering the read-mode sites'));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void activeTabId(tab)
      .then(async (tabId): Promise<void> => {
        if (tabId === undefined) return;
        if (info.menuItemId === MENU_READ) await setReadMode(tabId, true);
        else if (info.menuItemId === MENU_EXPLAIN) await explainIn(tabId, info.frameId ?? 0, info.selectionText);
      })
      .catch(logged('the context menu'));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== READ_COMMAND) return;
    void activeTabId(tab)
      .then((tabId) => (tabId === undefined ? undefined : setReadMode(tabId, 'toggle')))
      .catch(logged('the read-mode shortcut'));
  });
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return false;
    if (isReadTabMessage(message)) {
      setReadMode(message.tabId, message.on).then(sendResponse, (e: unknown) =>
        sendResponse({ error: e instanceof Error ? e.message : String(e) }),
      );
      return true;
    }
    if (isReadMessage(message, READ_SITES_CHANGED)) {
      syncReadSites().then(
        () => sendResponse({ ok: true }),
        (e: unknown) => sendResponse({ ok: false, error: String(e) }),
      );
      return true;
    }
    return false;
  });
  browser.permissions.onAdded.addListener(() => void syncReadSites().catch(logged('registering the read-mode sites')));
  browser.permissions.onRemoved.addListener(
    () => void syncReadSites().catch(logged('registering the read-mode sites')),
  );
  // The same functions the shortcut, the menu and the popup call, for the worker's console and the end-to-end tests.
  (globalThis as unknown as { plainSendRead?: unknown }).plainSendRead = { setReadMode, explainIn, syncReadSites };
}
