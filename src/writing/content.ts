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

/** Said on a document by each copy of this script as it starts there: any older copy stops. */
const STARTED = 'plain-send:writing-started';

export async function startContent(ctx: ContentScriptContext): Promise<void> {
  // One copy at work per document, the newest. WXT stops an older copy in the same sandbox, but
  // Firefox may inject a second copy, in a sandbox of its own, for a site the user granted, and
  // WXT's notice does not reach across; nor does a flag on our global. An event on the document
  // does. (A page could send it too; all it can do is stop the checking, as closing the tab would.)
  const doc = document;
  doc.dispatchEvent(new CustomEvent(STARTED));
  if (ctx.signal.aborted) return;
  const life = new AbortController();
  const signal = anySignal(ctx.signal, life.signal);
  doc.addEventListener(STARTED, () => life.abort(), { signal });
  const host = siteHost();
  const channel = new EngineChannel();
  let running: { checker: Checker; stop: AbortController } | undefined;
  const sync = async () => {
    const off = (await offSitesItem.getValue()).includes(host);
    if (signal.aborted) return;
    if (off) {
      running?.stop.abort();
      running = undefined;
    } else if (!running) {
      const stop = new AbortController();
      const checker = new Checker(doc, (text) => analyse(channel, text), anySignal(signal, stop.signal));
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
    signal,
  );
  onAbort(
    signal,
    offSitesItem.watch(() => void sync()),
  );
  onAbort(signal, () => {
    running?.stop.abort();
    running = undefined;
    channel.close();
  });
}

function analyse(channel: EngineChannel, text: string) {
  const request: AnalyseRequest = { type: ANALYSE, text, mode: 'write' };
  channel.loadEngine();
  return channel.analyse(request);
}
