/**
 * The read-mode script, in a page's frames: put there by the background worker when the user
 * asks (toolbar, Alt+Shift+R, context menu; `activeTab`), or registered for the sites where the
 * user wants read mode always on. Once per document; later injections find it listening.
 *
 * Read mode runs in the top frame and reads same-origin frames from there (one list of words
 * for the page). A frame whose parent it cannot reach (another origin) runs its own. Every
 * frame can explain a selection made in it.
 */
import { browser, type Browser } from 'wxt/browser';
import { EngineChannel } from '../browser/messages/channel.js';
import { originPattern } from '../browser/store/sites.js';
import { ReadController } from './controller.js';
import {
  isReadMessage,
  READ_CHANGED,
  READ_EXPLAIN,
  READ_LIST,
  READ_SET,
  READ_SHOW,
  READ_STATE,
  type ReadChangedMessage,
  type ReadExplainMessage,
  type ReadSetMessage,
  type ReadShowMessage,
} from '../browser/messages/read-protocol.js';
import { readSitesItem } from '../browser/store/read-sites.js';
import { managedReadModeSitesSoon } from '../browser/store/managed-sites.js';
import { logged } from '../browser/debug.js';
import { listen } from '../browser/signals.js';

const LOADED = Symbol.for('plain-send.read');
/** Commands that came before this script (src/background/read-mode.ts puts both in at once): each waits for the controller. */
const WAITING = Symbol.for('plain-send.read.waiting');

/** True when this frame runs read mode itself (the top frame, or a frame of another origin than its parent's). */
export function runsReadMode(win: Window): boolean {
  if (win.top === win) return true;
  try {
    return !win.parent.document;
  } catch {
    return true;
  }
}

export function startReadScript(): ReadController | undefined {
  const g = globalThis as unknown as Record<symbol, WeakMap<Document, ReadController> | undefined>;
  const loaded = (g[LOADED] ??= new WeakMap());
  const doc = document;
  const existing = loaded.get(doc);
  if (existing) return existing;
  const channel = new EngineChannel();
  const root = runsReadMode(window);
  // Read mode stays for the document's life; the signal is there so that everything it adds has one way out.
  const signal = new AbortController().signal;
  const controller = new ReadController(
    doc,
    {
      analyse: (request) => channel.analyse(request),
      changed: (on) => {
        if (!root) return;
        const message: ReadChangedMessage = { type: READ_CHANGED, on };
        // Only the side panel listens; without it there is nobody to answer.
        browser.runtime.sendMessage(message).catch(logged('telling the side panel'));
      },
    },
    signal,
  );
  loaded.set(doc, controller);

  listen(browser.runtime.onMessage, answer(controller, root), signal);

  // Audience, packs, the user's terms, ignored words: the worker applies them; read again with them.
  if (root) {
    listen(
      browser.storage.onChanged,
      (_changes: unknown, area: string) => {
        if (area !== 'session') controller.settingsChanged();
      },
      signal,
    );
  }

  // A site the user (or the school's policy) chose to have read mode always on.
  if (root) {
    const pattern = originPattern(location.href);
    if (pattern) {
      void Promise.all([
        readSitesItem.getValue(),
        managedReadModeSitesSoon().catch(logged("school policy's read-mode sites", [] as string[])),
      ]).then(([sites, school]) => {
        const always = sites.includes(pattern) || school.includes(location.hostname);
        if (always && !controller.on) void controller.setRead(true);
      }, logged('read mode always on here'));
    }
  }
  // Set up: now the commands that came first.
  const waiting = g[WAITING] as WeakMap<Document, Array<(c: ReadController) => void>> | undefined;
  for (const hand of waiting?.get(doc)?.splice(0) ?? []) hand(controller);
  return controller;
}

/** Answers the worker, the popup and the side panel (only the frame that runs read mode answers all but "explain"). */
function answer(controller: ReadController, root: boolean) {
  return (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return false;
    if (isReadMessage<ReadExplainMessage>(message, READ_EXPLAIN)) {
      controller.explain(message.text).then(
        (n) => sendResponse({ ok: true, found: n }),
        (e: unknown) => sendResponse({ ok: false, error: String(e) }),
      );
      return true;
    }
    if (!root) return false;
    if (isReadMessage<ReadSetMessage>(message, READ_SET)) {
      controller
        .setRead(message.on)
        .then(sendResponse, (e: unknown) => sendResponse({ on: controller.on, found: 0, error: String(e) }));
      return true;
    }
    if (isReadMessage(message, READ_STATE)) {
      sendResponse(controller.state());
      return false;
    }
    if (isReadMessage(message, READ_LIST)) {
      sendResponse(controller.list());
      return false;
    }
    if (isReadMessage<ReadShowMessage>(message, READ_SHOW)) {
      sendResponse({ ok: controller.show(String(message.key)) });
      return false;
    }
    return false;
  };
}
