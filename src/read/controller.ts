/**
 * Read mode in one page: turns it on and off, and moves between its words (the page's, or those
 * explained from a selection) with the card and the read bar. The pointer and Escape are the
 * shared CardPointer's, in the page and its same-origin frames. The side panel and the popup
 * reach it through the read-mode script's messages (src/read/page-script.ts).
 *
 * Keys while read mode is on: Alt+Shift+N next word, Alt+Shift+B previous word (both put you on
 * the read bar's word button); there Enter opens the card (focus in it), the arrow keys move,
 * Escape goes back to where you were. In the card: Escape closes it and puts focus back.
 */
import { debugLog } from '../browser/debug.js';
import type { AnalyseRequest, AnalyseResponse } from '../browser/messages/protocol.js';
import type { ReadList, ReadState } from '../browser/messages/read-protocol.js';
import { listWords } from '../engine/review/word-list.js';
import type { Card } from '../browser/page/card.js';
import { CardPointer, type CardPointerHost } from '../browser/page/card-pointer.js';
import { PERF_ATTRIBUTE } from '../browser/page/perf.js';
import type { UiRoot } from '../browser/page/ui-root.js';
import { childOf, Timer } from '../browser/signals.js';
import { meaningKey } from '../engine/identity.js';
import type { ReadBar } from './bar.js';
import { explainSelection, type Item } from './explain.js';
import { anchorOf, reveal } from './frames.js';
import { markOf, ReadLayer } from './highlights.js';
import { deepActive, inView, nextPaint } from './page-view.js';
import { createReadUi } from './read-ui.js';
import { Reader, type Occurrence } from './reader.js';

const EXPLAIN = 'explain';
const ACTIVE = 'active';
/** Clicks on these do their own thing (follow a link, press a button): no card. */
const INTERACTIVE =
  'a[href], button, summary, label, select, input, textarea, [role="button"], [role="link"], [contenteditable]:not([contenteditable="false"])';

type WordSet = 'page' | 'explain';

export interface ControllerHost {
  analyse(request: AnalyseRequest): Promise<AnalyseResponse>;
  /** The words changed (for the side panel). */
  changed(on: boolean): void;
}

export class ReadController {
  private ui: UiRoot | undefined;
  private card: Card | undefined;
  private bar: ReadBar | undefined;
  private readonly layers = new Map<Document, ReadLayer>();
  private reader: Reader | undefined;
  private explained: Item[] = [];
  private set: WordSet = 'page';
  private index = -1;
  /** The word whose card is open (a live range: it follows the page's changes). */
  private activeRange: Range | undefined;
  /** Where focus goes when the card closes from the keyboard. */
  private cardReturn: 'bar' | 'page' | 'none' = 'none';
  private pageFocus: HTMLElement | undefined;
  /** While anything of ours is in the page: aborting it takes out listeners, timers and frames. */
  private session: { stop: AbortController; pointer: CardPointer<Occurrence> } | undefined;
  /** Each document listened to (the page, its same-origin frames), stopped on its own when a frame goes. */
  private readonly listening = new Map<Document, AbortController>();
  private readonly changedTimer: Timer;
  /** When read mode was last turned on, and whether its first marks were painted since (for the benchmark's figures). */
  private startedAt = 0;
  private firstShown = false;
  /** The reader whose bar is shown (the bar goes in after its first marks). */
  private barFor: Reader | undefined;
  private readonly view: Window & typeof globalThis;

  /** Works in `doc` until `signal` aborts. */
  constructor(
    readonly doc: Document,
    private readonly host: ControllerHost,
    private readonly signal: AbortSignal,
  ) {
    this.view = doc.defaultView as Window & typeof globalThis;
    this.changedTimer = new Timer(this.view, signal);
  }

  get on(): boolean {
    return !!this.reader;
  }

  state(): ReadState {
    return { on: this.on, found: this.reader?.occurrences.length ?? 0 };
  }

  // ---- read mode on and off ---------------------------------------------------------------------

  async setRead(want: boolean | 'toggle'): Promise<ReadState> {
    const on = want === 'toggle' ? !this.on : want;
    if (on && !this.reader) await this.start();
    else if (!on && this.reader) this.stop();
    return this.state();
  }

  private async start(): Promise<void> {
    const t0 = performance.now();
    this.listen(this.doc);
    const reader = new Reader(this.doc, {
      analyse: (r) => this.host.analyse(r),
      layer: (d) => this.layer(d),
      documents: (docs) => this.documents(docs),
      painted: (done) => this.painted(done),
    });
    this.reader = reader;
    this.startedAt = t0;
    this.firstShown = false;
    this.set = 'page';
    this.index = -1;
    // Reading starts before anything of ours goes in: the page is read (and asked about) while its
    // layout is clean. The marks' styles go in while the engine works (they restyle the page); our
    // bar only once the first marks are shown, so that laying it out does not hold them up.
    const reading = reader.read();
    this.layer(this.doc).adoptStyles();
    this.host.changed(true);
    await reading;
    if (this.reader !== reader) return;
    this.showBar(reader);
    await nextPaint(this.view);
    const found = reader.occurrences.length;
    this.bar!.announce(
      found
        ? `Plain SEND explains ${found} ${found === 1 ? 'word' : 'words'} on this page. Alt+Shift+N goes to the next one.`
        : 'Plain SEND found no SEND words on this page.',
    );
    this.measure('plain-send:read-painted', t0, { ...reader.stats });
  }

  /** The read bar, once per turning on: after the first marks are shown, or when the page is read. */
  private showBar(reader: Reader): void {
    if (this.reader !== reader || this.barFor === reader) return;
    this.barFor = reader;
    this.ensureUi();
    this.bar!.setCount(reader.occurrences.length, reader.busy);
    this.bar!.setCurrent(undefined, 0, 0);
    this.bar!.show();
    if (reader.busy) this.bar!.announce('Plain SEND is reading the page.');
  }

  /**
   * For the benchmark (only when it asks): how long the page took to read and paint, to its
   * first marks shown (`plain-send:read-first-marks`, those in view) and to all of them
   * (`plain-send:read-painted`).
   */
  private measure(name: string, t0: number, detail: object): void {
    if (!this.doc.documentElement.hasAttribute(PERF_ATTRIBUTE)) return;
    try {
      performance.measure(name, { start: t0, end: performance.now(), detail });
    } catch (error) {
      debugLog('timing marks', error); // no User Timing Level 3: no figures
    }
  }

  /** The documents read this time: listen in each; let go of frames gone or reloaded. */
  private documents(docs: readonly Document[]): void {
    for (const d of docs) this.listen(d);
    for (const [d, listening] of this.listening) {
      if (d === this.doc || docs.includes(d)) continue;
      listening.abort();
      this.listening.delete(d);
      this.layers.get(d)?.destroy();
      this.layers.delete(d);
    }
  }

  private stop(): void {
    this.reader?.stop();
    this.reader = undefined;
    if (this.set === 'page') this.closeCard();
    this.bar?.hide();
    this.clearActive();
    this.host.changed(false);
    if (!this.explained.length) this.teardown();
  }

  /** Everything of ours out of the page: marks, listeners, our UI element. */
  private teardown(): void {
    this.session?.stop.abort();
    this.session = undefined;
    this.listening.clear();
    for (const layer of this.layers.values()) layer.destroy();
    this.layers.clear();
    this.card = undefined;
    this.bar = undefined;
    this.ui?.destroy();
    this.ui = undefined;
  }

  private painted(done: boolean): void {
    const reader = this.reader;
    if (!reader) return;
    if (!this.firstShown) {
      this.firstShown = true;
      const t0 = this.startedAt;
      void nextPaint(this.view).then(() => {
        if (this.reader !== reader) return;
        this.measure('plain-send:read-first-marks', t0, {});
        this.showBar(reader);
      });
    }
    if (!this.bar || this.barFor !== reader) return;
    this.bar.setCount(reader.occurrences.length, !done);
    // The open card's word may have moved to new ranges after a re-read.
    if (done && this.set === 'page' && this.card?.isOpen && this.card.finding) {
      const i = this.findAgain(reader, this.card.finding);
      // Same word, new place in the list (the page grew): say so on the card and the bar.
      if (i >= 0) this.showCard(i, { focus: this.cardHasFocus(), hover: this.card.hover });
      else this.closeCard();
    }
    this.changedSoon(done);
  }

  /** The open card's word after a re-read: by where it is in the DOM (ranges follow the page's changes), else by its offsets. */
  private findAgain(reader: Reader, f: Item['finding']): number {
    const at = this.activeRange;
    const i = at
      ? reader.occurrences.findIndex(
          (o) => o.range.startContainer === at.startContainer && o.range.startOffset === at.startOffset,
        )
      : -1;
    if (i >= 0) return i;
    return reader.occurrences.findIndex(
      (o) => o.finding.start === f.start && o.finding.end === f.end && o.key === meaningKey(f),
    );
  }

  private changedSoon(now: boolean): void {
    if (now) {
      this.changedTimer.clear();
      this.host.changed(this.on);
    } else if (!this.changedTimer.pending) this.changedTimer.set(() => this.host.changed(this.on), 200);
  }

  /** Settings changed in storage: read the page again with them. */
  settingsChanged(): void {
    this.reader?.forget();
  }

  list(): ReadList {
    const occurrences = this.reader?.occurrences ?? [];
    return {
      ...this.state(),
      busy: !!this.reader?.busy,
      title: this.doc.title,
      url: this.doc.location?.href ?? '',
      words: listWords(occurrences.map((o) => o.finding)).map(({ places: _places, ...w }) => w),
    };
  }

  /** From the side panel: the next place this word is on the page, shown with its card. */
  show(key: string): boolean {
    const all = this.reader?.occurrences ?? [];
    if (!all.length) return false;
    const from = this.set === 'page' ? this.index : -1;
    let i = all.findIndex((o, j) => j > from && o.key === key);
    if (i < 0) i = all.findIndex((o) => o.key === key);
    if (i < 0) return false;
    this.set = 'page';
    this.go(i, { focus: false });
    return true;
  }

  // ---- explaining a selection -------------------------------------------------------------------

  /** Explains the words in the selection (or in `fallback`, the browser's copy of a text box's selection). */
  async explain(fallback?: string): Promise<number> {
    this.ensureUi();
    this.listen(this.doc);
    this.clearExplained();
    const active = deepActive(this.doc);
    this.pageFocus = active && !this.ui!.contains(active) ? active : undefined;
    const { items, selection } = await explainSelection(this.doc, (r) => this.host.analyse(r), fallback);
    this.explained = items;
    for (const item of items)
      if (item.range)
        this.layer(item.range.startContainer.ownerDocument!).add(EXPLAIN, markOf(item.finding.category), [item.range]);
    this.set = 'explain';
    this.index = -1;
    this.cardReturn = 'page';
    if (!items.length) {
      const anchor = selection ? anchorOf(selection, this.doc) : this.pageFocus?.getBoundingClientRect();
      this.ensureUi();
      this.card!.openNote(
        'No SEND words found',
        'Plain SEND has no meanings for the words you chose. It explains SEND words, short forms and words schools and councils use.',
        anchor,
        { focus: true },
      );
      return 0;
    }
    this.go(0, { focus: true });
    return items.length;
  }

  private clearExplained(): void {
    if (!this.explained.length) return;
    for (const layer of this.layers.values()) layer.clear(EXPLAIN);
    this.explained = [];
    if (this.set === 'explain') {
      this.set = 'page';
      this.index = -1;
    }
  }

  // ---- moving between words ---------------------------------------------------------------------

  private items(): Item[] {
    return this.set === 'explain' ? this.explained : (this.reader?.occurrences ?? []);
  }

  /** The first word at or below the top of the view: where a reader is. */
  private firstInView(): number {
    const all = this.items();
    for (let i = 0; i < all.length; i++) {
      const r = all[i].range ? anchorOf(all[i].range!, this.doc) : undefined;
      if (r && r.bottom >= 0) return i;
    }
    return 0;
  }

  step(by: 1 | -1, options: { focus?: boolean } = {}): void {
    const all = this.items();
    if (!all.length) {
      this.bar?.announce(this.reader?.busy ? 'Still reading the page.' : 'There are no words to explain here.');
      return;
    }
    // From the word you were on, if it is still on screen; else from where you are reading now.
    const current = this.index >= 0 ? all[this.index] : undefined;
    const fromHere = !!current && (!current.range || inView(current.range, this.doc));
    const i = fromHere
      ? (this.index + by + all.length) % all.length
      : by === 1
        ? this.firstInView()
        : (this.firstInView() - 1 + all.length) % all.length;
    this.go(i, { focus: !!options.focus });
  }

  /** Moves to word `i` of the current set: scrolls it into view, marks it, opens its card, says where you are. */
  private go(i: number, options: { focus: boolean }): void {
    const item = this.items()[i];
    if (!item) return;
    if (item.range) reveal(item.range);
    this.showCard(i, { focus: options.focus, hover: false });
    if (this.set === 'page') {
      const term = item.finding.term ?? item.finding.text;
      const stands =
        item.finding.expansion && item.finding.expansion.toLowerCase() !== term.toLowerCase()
          ? ` Stands for ${item.finding.expansion}.`
          : '';
      this.bar?.announce(`${term}, ${i + 1} of ${this.items().length}.${stands}`);
    }
  }

  /** The card for word `i` where it is now (no scrolling), its mark, and the bar's word button. */
  private showCard(i: number, options: { focus: boolean; hover: boolean }): void {
    const all = this.items();
    const item = all[i];
    if (!item) return;
    this.index = i;
    this.setActive(item.range);
    this.ensureUi();
    this.card!.open(
      item.finding,
      item.range ? anchorOf(item.range, this.doc) : this.pageFocus?.getBoundingClientRect(),
      {
        focus: options.focus,
        hover: options.hover,
        position: `Word ${i + 1} of ${all.length} ${this.set === 'explain' ? 'in what you chose' : 'on this page'}`,
        navigation: all.length > 1,
      },
    );
    if (this.set === 'page') this.bar?.setCurrent(item.finding.term ?? item.finding.text, i + 1, all.length);
  }

  private setActive(range: Range | undefined): void {
    this.clearActive();
    this.activeRange = range;
    if (range) this.layer(range.startContainer.ownerDocument!).set(ACTIVE, 'active', [range]);
  }

  private clearActive(): void {
    this.activeRange = undefined;
    for (const layer of this.layers.values()) layer.clear(ACTIVE);
  }

  private closeCard(): void {
    if (this.card?.isOpen) this.card.close(false);
  }

  // ---- our UI -----------------------------------------------------------------------------------

  private ensureUi(): void {
    if (this.ui) {
      this.ui.attach();
      return;
    }
    const ui = createReadUi(
      this.doc,
      {
        closed: (_f, restore) => this.cardClosed(restore),
        noteClosed: (restore) => this.cardClosed(restore),
        next: () => this.step(1, { focus: this.cardHasFocus() }),
        previous: () => this.step(-1, { focus: this.cardHasFocus() }),
      },
      {
        step: (by) => {
          this.cardReturn = 'bar';
          this.step(by);
        },
        openCurrent: () => this.openCurrent(),
        leave: () => {
          this.closeCard();
          this.backToPage();
        },
        turnOff: () => {
          this.backToPage();
          void this.setRead(false);
        },
      },
    );
    ({ root: this.ui, card: this.card, bar: this.bar } = ui);
    ui.root.attach();
  }

  /** The bar's word button: the card for the word you are on, or for the first one, with focus in it. */
  private openCurrent(): void {
    this.cardReturn = 'bar';
    if (this.index < 0 || this.set !== 'page') {
      this.set = 'page';
      this.index = -1;
      this.step(1, { focus: true });
    } else this.go(this.index, { focus: true });
  }

  private cardHasFocus(): boolean {
    return !!this.ui && this.card!.contains(this.ui.shadow.activeElement);
  }

  private cardClosed(restore: boolean): void {
    this.clearActive();
    const wasExplain = this.set === 'explain';
    if (wasExplain) this.clearExplained();
    if (restore) {
      if (this.cardReturn === 'bar' && this.bar && !this.bar.el.hidden && !wasExplain) this.bar.focusWord();
      else this.backToPage();
    }
    if (wasExplain && !this.reader) this.teardown();
  }

  private backToPage(): void {
    const el = this.pageFocus;
    this.pageFocus = undefined;
    if (el && el.isConnected) el.focus({ preventScroll: true });
    else (this.ui?.shadow.activeElement as HTMLElement | null)?.blur();
  }

  private layer(doc: Document): ReadLayer {
    let layer = this.layers.get(doc);
    if (!layer) this.layers.set(doc, (layer = new ReadLayer(doc)));
    return layer;
  }

  // ---- pointer and keys, in the page and each same-origin frame ---------------------------------

  /** Pointer and keys in `doc` until read mode leaves the page (or that frame goes). */
  private listen(doc: Document): void {
    if (this.listening.has(doc) || !doc.defaultView) return;
    if (!this.session) {
      const stop = childOf(this.signal);
      this.session = { stop, pointer: new CardPointer(this.view, this.pointerHost(), stop.signal) };
    }
    const listening = childOf(this.session.stop.signal);
    this.session.pointer.listen(doc, listening.signal);
    this.listening.set(doc, listening);
  }

  private pointerHost(): CardPointerHost<Occurrence> {
    return {
      card: () => this.card,
      ours: (target) => this.ours(target),
      watching: () => !!this.reader,
      hoverAt: (doc, x, y) => this.reader?.at(doc, x, y),
      clickAt: (doc, e, target) => {
        const el =
          target instanceof (doc.defaultView ?? this.view).Element
            ? (target as Element)
            : (target as Node | null)?.parentElement;
        return this.reader && !el?.closest(INTERACTIVE) ? this.reader.at(doc, e.clientX, e.clientY) : undefined;
      },
      findingOf: (o) => o.finding,
      open: (o, hover) => this.openAt(o, hover),
      shortcut: (e) => this.shortcut(e),
      layout: () => this.layout(),
      needsLayout: () => !!this.card?.isOpen,
    };
  }

  private ours(target: EventTarget | null): boolean {
    return !!this.ui && !!target && this.ui.contains(target as Node);
  }

  /** Alt+Shift+N and Alt+Shift+B: the next or previous word, from the read bar. */
  private shortcut(e: KeyboardEvent): boolean {
    if (!(e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyN' || e.code === 'KeyB'))) return false;
    if (!this.reader && !this.explained.length) return true;
    e.preventDefault();
    e.stopImmediatePropagation();
    const active = deepActive(this.doc);
    if (active && !this.ours(active)) this.pageFocus = active;
    this.cardReturn = 'bar';
    this.step(e.code === 'KeyN' ? 1 : -1);
    if (this.set === 'page') this.bar?.focusWord();
    return true;
  }

  private openAt(o: Occurrence, hover: boolean): void {
    if (!this.reader) return;
    const i = this.reader.occurrences.indexOf(o);
    if (i < 0) return;
    if (this.set === 'explain') this.clearExplained();
    this.set = 'page';
    this.showCard(i, { focus: false, hover });
  }

  private layout(): void {
    const item = this.items()[this.index];
    if (!this.card?.isOpen || !item?.range) return;
    // A card whose word scrolled away goes too, unless you are using it from the keyboard.
    if (!inView(item.range, this.doc) && !this.cardHasFocus()) this.card.close(false);
    else this.card.place(anchorOf(item.range, this.doc));
  }
}
