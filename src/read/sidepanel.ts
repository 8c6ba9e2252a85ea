/**
 * The side panel "Words on this page" (a Firefox sidebar there): every word read mode found on
 * the tab's page, A to Z, with what it means and how many times it is there. Choosing a word
 * shows it on the page (again: the next place it is). Copy puts the list on the clipboard;
 * Print opens our own clean page of it (glossary.html) to print, not the school's page.
 *
 * It follows the active tab of its window. `?tab=ID` ties it to one tab (the list in a tab of
 * its own; the tests open it so, as Chromium will not open a real side panel headless).
 */
import { browser, type Browser } from 'wxt/browser';
import { logged } from '../browser/debug.js';
import {
  isReadMessage,
  READ_CHANGED,
  READ_LIST,
  READ_SHOW,
  READ_TAB,
  type ReadChangedMessage,
  type ReadList,
  type ReadShowMessage,
  type ReadTabMessage,
} from '../browser/messages/read-protocol.js';
import { listAsText, type WordSummary } from '../engine/review/word-list.js';
import { listen } from '../browser/signals.js';
import { copyText } from './clipboard.js';
import { saveGlossary } from './glossary-store.js';
import { drawWords, statusOf, type ListPlaces } from './word-list.js';

export async function startSidePanel(doc: Document): Promise<void> {
  const panel = new SidePanel(doc);
  // The panel's page lives as long as its listeners: nothing aborts this.
  panel.listen(new AbortController().signal);
  await panel.refresh();
}

class SidePanel {
  private readonly places: ListPlaces;
  private readonly pinned: number;
  private tabId: number | undefined;
  private list: ReadList | undefined;
  private timer = 0;

  constructor(private readonly doc: Document) {
    this.places = { status: this.$('status'), letters: this.$('letters'), words: this.$('words') };
    this.pinned = Number(new URL(doc.location.href).searchParams.get('tab'));
    this.tabId = Number.isInteger(this.pinned) && this.pinned > 0 ? this.pinned : undefined;
  }

  private $<T extends HTMLElement>(id: string): T {
    return this.doc.getElementById(id) as T;
  }

  listen(signal: AbortSignal): void {
    this.$('start').addEventListener('click', () => this.startReading(), { signal });
    this.$('copy').addEventListener('click', () => this.copy(), { signal });
    this.$('print').addEventListener('click', () => this.print(), { signal });
    listen(
      browser.runtime.onMessage,
      (message: unknown, sender: Browser.runtime.MessageSender) => {
        if (sender.id !== browser.runtime.id) return false;
        if (
          isReadMessage<ReadChangedMessage>(message, READ_CHANGED) &&
          sender.tab?.id === this.tabId &&
          sender.frameId === 0
        )
          this.refreshSoon();
        return false;
      },
      signal,
    );
    if (!(this.pinned > 0)) {
      listen(
        browser.tabs.onActivated,
        () => {
          this.tabId = undefined;
          this.refreshSoon();
        },
        signal,
      );
    }
    listen(
      browser.tabs.onUpdated,
      (id: number, change: Browser.tabs.OnUpdatedInfo) => {
        if (id === this.tabId && (change.status === 'complete' || change.title)) this.refreshSoon();
      },
      signal,
    );
  }

  private async findTab(): Promise<void> {
    if (this.pinned > 0) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    this.tabId = tab?.id;
  }

  private render(): void {
    const list = this.list;
    const showing = !!list?.on;
    this.$('off').hidden = showing;
    this.$('on').hidden = !showing;
    this.$('page').textContent = list?.title || list?.url || '';
    this.places.status.textContent = statusOf(list);
    if (!list || !list.on) {
      this.places.letters.replaceChildren();
      this.places.words.replaceChildren();
      return;
    }
    drawWords(this.doc, this.places, list.words, (w) => void this.showWord(w));
  }

  private async showWord(w: WordSummary): Promise<void> {
    if (this.tabId === undefined) return;
    const message: ReadShowMessage = { type: READ_SHOW, key: w.key };
    const r = (await browser.tabs.sendMessage(this.tabId, message, { frameId: 0 }).catch(logged('showing a word'))) as
      { ok?: boolean } | undefined;
    this.places.status.textContent = r?.ok
      ? `Showing "${w.term}" on the page.`
      : 'Plain SEND could not find that word on the page now.';
  }

  async refresh(): Promise<void> {
    if (this.tabId === undefined) await this.findTab();
    const tabId = this.tabId;
    if (tabId === undefined) {
      this.list = undefined;
      this.render();
      return;
    }
    this.list = (await browser.tabs
      .sendMessage(tabId, { type: READ_LIST }, { frameId: 0 })
      .catch(logged("the page's words"))) as ReadList | undefined;
    // A page without our script yet still has a name to show.
    if (!this.list) {
      const tab = await browser.tabs.get(tabId).catch(logged("the tab's title"));
      this.list = { on: false, found: 0, busy: false, title: tab?.title ?? '', url: tab?.url ?? '', words: [] };
    }
    this.render();
  }

  private refreshSoon(): void {
    if (this.timer) return;
    this.timer = this.doc.defaultView!.setTimeout(() => {
      this.timer = 0;
      void this.refresh();
    }, 150);
  }

  private startReading(): void {
    if (this.tabId === undefined) return;
    const note = this.$('start-note');
    const message: ReadTabMessage = { type: READ_TAB, tabId: this.tabId, on: true };
    void browser.runtime.sendMessage(message).then(
      (r: { error?: string } | undefined) => {
        note.hidden = !r?.error;
        if (!r?.error) void this.refresh();
      },
      (error: unknown) => {
        logged('starting read mode from the side panel')(error);
        note.hidden = false;
      },
    );
  }

  private copy(): void {
    const list = this.list;
    if (!list) return;
    void copyText(this.doc, listAsText(list.words, { title: list.title, url: list.url })).then((ok) => {
      this.places.status.textContent = ok
        ? `Copied the list of ${list.words.length} words.`
        : 'Plain SEND could not copy the list. Try Print the list instead.';
    });
  }

  private print(): void {
    const list = this.list;
    if (!list) return;
    void saveGlossary({ title: list.title, url: list.url, words: list.words, made: new Date().toISOString() }).then(
      () =>
        // Relative to this extension page: our own glossary.html.
        browser.tabs.create({ url: '/glossary.html' }),
    );
  }
}
