/**
 * The side panel "Words on this page" (a Firefox sidebar there): every word read mode found on
 * the tab's page, A to Z, with what it means and how many times it is there. Choosing a word
 * shows it on the page (again: the next place it is). Copy puts the list on the clipboard;
 * Print opens our own clean page of it (glossary.html) to print, not the school's page.
 *
 * It follows the active tab of its window. `?tab=ID` ties it to one tab (the list in a tab of
 * its own; the tests open it so, as Chromium will not open a real side panel headless).
 */
import { browser } from 'wxt/browser';
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
import { byLetter, listAsText, meaningOf, timesLabel, type WordEntry } from '../browser/messages/words.js';
import { saveGlossary } from './glossary-store.js';
import { debugLog, logged } from '../browser/debug.js';

const CATEGORY: Record<string, string> = { jargon: 'SEND term', acronym: 'Short form' };

export async function startSidePanel(doc: Document): Promise<void> {
  const $ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const page = $<HTMLParagraphElement>('page');
  const status = $<HTMLParagraphElement>('status');
  const off = $<HTMLDivElement>('off');
  const on = $<HTMLDivElement>('on');
  const start = $<HTMLButtonElement>('start');
  const startNote = $<HTMLParagraphElement>('start-note');
  const letters = $<HTMLElement>('letters');
  const wordsBox = $<HTMLDivElement>('words');
  const pinned = Number(new URL(doc.location.href).searchParams.get('tab'));
  let tabId: number | undefined = Number.isInteger(pinned) && pinned > 0 ? pinned : undefined;
  let list: ReadList | undefined;

  const findTab = async () => {
    if (pinned > 0) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    tabId = tab?.id;
  };

  const render = () => {
    const showing = !!list?.on;
    off.hidden = showing;
    on.hidden = !showing;
    page.textContent = list?.title || list?.url || '';
    if (!list || !list.on) {
      status.textContent = list ? 'Plain SEND is not explaining this page yet.' : 'Plain SEND cannot see this page.';
      letters.replaceChildren();
      wordsBox.replaceChildren();
      return;
    }
    const words = list.words;
    const total = words.reduce((n, w) => n + w.count, 0);
    status.textContent =
      list.busy && !words.length
        ? 'Reading the page…'
        : words.length
          ? `${words.length} ${words.length === 1 ? 'word' : 'words'} to know, ${timesLabel(total)} on this page.`
          : 'No SEND words found on this page.';
    const groups = byLetter(words);
    letters.replaceChildren(
      ...groups.map((g) => {
        const a = doc.createElement('a');
        a.href = `#letter-${g.letter === '#' ? 'numbers' : g.letter}`;
        a.textContent = g.letter;
        if (g.letter === '#') a.setAttribute('aria-label', 'Numbers and signs');
        return a;
      }),
    );
    let n = 0;
    wordsBox.replaceChildren(
      ...groups.map((g) => {
        const section = doc.createElement('section');
        const h = doc.createElement('h2');
        h.id = `letter-${g.letter === '#' ? 'numbers' : g.letter}`;
        h.textContent = g.letter === '#' ? 'Numbers and signs' : g.letter;
        const ul = doc.createElement('ul');
        ul.className = 'words';
        ul.setAttribute('aria-labelledby', h.id);
        for (const w of g.words) ul.append(item(w, n++));
        section.append(h, ul);
        return section;
      }),
    );
  };

  const item = (w: WordEntry, n: number) => {
    const li = doc.createElement('li');
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = 'word';
    b.dataset.key = w.key;
    const name = doc.createElement('span');
    name.textContent = w.term;
    const count = doc.createElement('span');
    count.className = 'count';
    count.textContent = timesLabel(w.count);
    // The name is what the button shows (WCAG 2.5.3); what it does is said once, in the hint.
    b.append(name, ' ', count);
    const kind = doc.createElement('p');
    kind.className = `kind ${w.category}`;
    kind.textContent = CATEGORY[w.category] ?? 'Word';
    const parts: HTMLElement[] = [b, kind];
    if (w.expansion && w.expansion.toLowerCase() !== w.term.toLowerCase()) {
      const e = doc.createElement('p');
      e.className = 'expansion';
      e.textContent = `Stands for: ${w.expansion}`;
      parts.push(e);
    }
    const m = doc.createElement('p');
    m.className = 'meaning';
    m.id = `meaning-${n}`;
    m.textContent = meaningOf(w);
    parts.push(m);
    if (w.packName) {
      const s = doc.createElement('p');
      s.className = 'source';
      s.textContent = `From the ${w.packName} glossary`;
      parts.push(s);
    }
    b.setAttribute('aria-describedby', `${m.id} word-hint`);
    b.addEventListener('click', () => void showWord(w));
    li.append(...parts);
    return li;
  };

  const showWord = async (w: WordEntry) => {
    if (tabId === undefined) return;
    const message: ReadShowMessage = { type: READ_SHOW, key: w.key };
    const r = (await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(logged('showing a word'))) as
      { ok?: boolean } | undefined;
    status.textContent = r?.ok
      ? `Showing "${w.term}" on the page.`
      : 'Plain SEND could not find that word on the page now.';
  };

  const refresh = async () => {
    if (tabId === undefined) await findTab();
    if (tabId === undefined) {
      list = undefined;
      render();
      return;
    }
    list = (await browser.tabs
      .sendMessage(tabId, { type: READ_LIST }, { frameId: 0 })
      .catch(logged("the page's words"))) as ReadList | undefined;
    // A page without our script yet still has a name to show.
    if (!list) {
      const tab = await browser.tabs.get(tabId).catch(logged("the tab's title"));
      list = { on: false, found: 0, busy: false, title: tab?.title ?? '', url: tab?.url ?? '', words: [] };
    }
    render();
  };

  let timer = 0;
  const refreshSoon = () => {
    if (timer) return;
    timer = doc.defaultView!.setTimeout(() => {
      timer = 0;
      void refresh();
    }, 150);
  };

  start.addEventListener('click', () => {
    if (tabId === undefined) return;
    const message: ReadTabMessage = { type: READ_TAB, tabId, on: true };
    void browser.runtime.sendMessage(message).then(
      (r: { error?: string } | undefined) => {
        startNote.hidden = !r?.error;
        if (!r?.error) void refresh();
      },
      () => {
        startNote.hidden = false;
      },
    );
  });

  $<HTMLButtonElement>('copy').addEventListener('click', () => {
    if (!list) return;
    const text = listAsText(list.words, { title: list.title, url: list.url });
    void copy(doc, text).then((ok) => {
      status.textContent = ok
        ? `Copied the list of ${list!.words.length} words.`
        : 'Plain SEND could not copy the list. Try Print the list instead.';
    });
  });

  $<HTMLButtonElement>('print').addEventListener('click', () => {
    if (!list) return;
    void saveGlossary({ title: list.title, url: list.url, words: list.words, made: new Date().toISOString() }).then(
      () =>
        // Relative to this extension page: our own glossary.html.
        browser.tabs.create({ url: '/glossary.html' }),
    );
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return false;
    if (isReadMessage<ReadChangedMessage>(message, READ_CHANGED) && sender.tab?.id === tabId && sender.frameId === 0)
      refreshSoon();
    return false;
  });
  if (!(pinned > 0)) {
    browser.tabs.onActivated.addListener(() => {
      tabId = undefined;
      refreshSoon();
    });
  }
  browser.tabs.onUpdated.addListener((id, change) => {
    if (id === tabId && (change.status === 'complete' || change.title)) refreshSoon();
  });
  await refresh();
}

/** The clipboard API, or the old copy command on a hidden text box of our own page. */
async function copy(doc: Document, text: string): Promise<boolean> {
  try {
    await doc.defaultView!.navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    debugLog('clipboard', error);
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    doc.body.append(area);
    area.select();
    const ok = doc.execCommand('copy');
    area.remove();
    return ok;
  }
}
