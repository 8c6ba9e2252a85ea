/**
 * The content script's start, once per document in every frame of the pages it runs on: a
 * checker while the site is on, none while the user has turned it off, and everything gone
 * when the extension reloads (WXT's `ctx.signal`). Text goes to the extension's own engine
 * and nowhere else.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { EngineChannel } from '../browser/messages/channel.js';
import { ANALYSE, type AnalyseRequest } from '../browser/messages/protocol.js';
import { anySignal, listen, onAbort } from '../browser/signals.js';
import { offSitesItem } from '../browser/store/settings.js';
import { Checker } from './checker.js';
import { siteHost } from './frame-site.js';

const LOADED = Symbol.for('plain-send.content');

export async function startContent(ctx: ContentScriptContext): Promise<void> {
  // Once per document. (Not per global: a frame's first about:blank document and the document
  // that replaces it, as TinyMCE's srcdoc frame does, share one global.)
  const g = globalThis as unknown as Record<symbol, WeakSet<Document> | undefined>;
  const loaded = (g[LOADED] ??= new WeakSet());
  const doc = document;
  if (loaded.has(doc)) return;
  loaded.add(doc);
  const host = siteHost();
  const channel = new EngineChannel();
  let running: { checker: Checker; stop: AbortController } | undefined;
  const sync = async () => {
    const off = (await offSitesItem.getValue()).includes(host);
    if (off) {
      running?.stop.abort();
      running = undefined;
    } else if (!running) {
      const stop = new AbortController();
      const checker = new Checker(doc, (text) => analyse(channel, text), anySignal(ctx.signal, stop.signal));
      running = { checker, stop };
      checker.start();
    }
  };
  await sync();
  // Any other setting (audience, packs, terms, ignored words, a school's policy) is the
  // worker's to apply: check again with it.
  // (After this task: the frame's engine hears of the change in its own listener first.)
  listen(
    browser.storage.onChanged,
    (_changes: unknown, area: string) => {
      if (area !== 'session') setTimeout(() => running?.checker.recheckAll(), 0);
    },
    ctx.signal,
  );
  onAbort(
    ctx.signal,
    offSitesItem.watch(() => void sync()),
  );
  onAbort(ctx.signal, () => {
    running = undefined;
    channel.close();
    loaded.delete(doc);
  });
}

function analyse(channel: EngineChannel, text: string) {
  const request: AnalyseRequest = { type: ANALYSE, text, mode: 'write' };
  channel.loadEngine();
  return channel.analyse(request);
}
