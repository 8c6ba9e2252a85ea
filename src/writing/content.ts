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
  // The newest copy of the script takes over: WXT has already stopped the older one (its signal
  // aborted) when this one starts. Firefox can inject a second copy, in a sandbox of its own, for a
  // site the user granted; going by the older copy's flag alone, neither would run.
  const g = globalThis as unknown as Record<symbol, WeakMap<Document, AbortSignal> | undefined>;
  const loaded = (g[LOADED] ??= new WeakMap());
  const doc = document;
  if (ctx.signal.aborted || loaded.get(doc)?.aborted === false) return;
  loaded.set(doc, ctx.signal);
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
    if (loaded.get(doc) === ctx.signal) loaded.delete(doc);
  });
}

function analyse(channel: EngineChannel, text: string) {
  const request: AnalyseRequest = { type: ANALYSE, text, mode: 'write' };
  channel.loadEngine();
  return channel.analyse(request);
}
