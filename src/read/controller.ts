/**
 * Read mode in one page: owns the reader (the page's words), the words explained from a
 * selection, the card, the read bar and the pointer and keyboard handling in the page and its
 * same-origin frames. The side panel and the popup reach it through the read-mode script's
 * messages (src/read/page-script.ts).
 *
 * Keys while read mode is on: Alt+Shift+N next word, Alt+Shift+B previous word (both put you on
 * the read bar's word button); there Enter opens the card (focus in it), the arrow keys move,
 * Escape goes back to where you were. In the card: Escape closes it and puts focus back.
 */
import { Card } from '../browser/page/card.js';
import { PERF_ATTRIBUTE } from '../browser/page/perf.js';
import { meaningKey } from '../engine/identity.js';
import {
  ANALYSE,
  unpack,
  type AnalyseRequest,
  type AnalyseResponse,
  type WireFinding,
} from '../browser/messages/protocol.js';
import { UiRoot } from '../browser/page/ui-root.js';
import { ReadBar } from './bar.js';
import { chunkText, extractRange, rangeAt } from './extract.js';
import { anchorOf, reveal } from './frames.js';
import { markOf, ReadLayer } from './highlights.js';
import type { ReadList, ReadState } from '../browser/messages/read-protocol.js';
import { Reader, type Occurrence } from './reader.js';
import { readUiCss } from './styles.js';
import { listWords, UNKNOWN_NOTE } from '../browser/messages/words.js';

const HOVER_OPEN_MS = 450;
const HOVER_CLOSE_MS = 300;
const EXPLAIN = 'explain';
const ACTIVE = 'active';
/** Clicks on these do their own thing (follow a link, press a button): no card. */
const INTERACTIVE =
  'a[href], button, summary, label, select, input, textarea, [role="button"], [role="link"], [contenteditable]:not([contenteditable="false"])';

interface Item {
  finding: WireFinding;
  key: string;
  range?: Range;
}

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
  private readonly listening = new Map<Document, () => void>();
  private hoverTimer = 0;
  private leaveTimer = 0;
  private moveFrame = 0;
  private layoutFrame = 0;
  private lastPointer: { doc: Document; x: number; y: number; target: EventTarget | null } | undefined;
  private changedTimer = 0;
  private readonly view: Window & typeof globalThis;

  constructor(
    readonly doc: Document,
    private readonly host: ControllerHost,
  ) {
    this.view = doc.defaultView as Window & typeof globalThis;
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
      documents: (docs) => {
        for (const d of docs) this.listen(d);
        // Frames gone or reloaded: let go of their old documents.
        for (const d of [...this.listening.keys()]) {
          if (d === this.doc || docs.includes(d)) continue;
          this.listening.get(d)!();
          this.listening.delete(d);
          this.layers.get(d)?.destroy();
          this.layers.delete(d);
        }
      },
      painted: (done) => this.painted(done),
    });
    this.reader = reader;
    this.set = 'page';
    this.index = -1;
    // Reading starts before our bar goes in: the page is read (and asked about) while its layout is clean.
    const reading = reader.read();
    this.ensureUi();
    this.layer(this.doc).adoptStyles();
    this.bar!.setCount(0, true);
    this.bar!.setCurrent(undefined, 0, 0);
    this.bar!.show();
    this.bar!.announce('Plain SEND is reading the page.');
    this.host.changed(true);
    await reading;
    if (this.reader !== reader) return;
    await nextPaint(this.view);
    const found = reader.occurrences.length;
    this.bar!.announce(
      found
        ? `Plain SEND explains ${found} ${found === 1 ? 'word' : 'words'} on this page. Alt+Shift+N goes to the next one.`
        : 'Plain SEND found no SEND words on this page.',
    );
    if (this.doc.documentElement.hasAttribute(PERF_ATTRIBUTE)) {
      try {
        performance.measure('plain-send:read-painted', {
          start: t0,
          end: performance.now(),
          detail: { ...reader.stats },
        });
      } catch {
        // No User Timing Level 3: no figures.
      }
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
    for (const off of this.listening.values()) off();
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
    if (!reader || !this.bar) return;
    this.bar.setCount(reader.occurrences.length, !done);
    if (done) {
      // The open card's word may have moved to new ranges after a re-read.
      if (this.set === 'page' && this.card?.isOpen && this.card.finding) {
        // Found again by where it is in the DOM (ranges follow the page's changes), else by its offsets.
        const f = this.card.finding;
        const at = this.activeRange;
        let i = at
          ? reader.occurrences.findIndex(
              (o) => o.range.startContainer === at.startContainer && o.range.startOffset === at.startOffset,
            )
          : -1;
        if (i < 0)
          i = reader.occurrences.findIndex(
            (o) => o.finding.start === f.start && o.finding.end === f.end && o.key === meaningKey(f),
          );
        // Same word, new place in the list (the page grew): say so on the card and the bar.
        if (i >= 0) this.showCard(i, { focus: this.cardHasFocus(), hover: this.card.hover });
        else this.closeCard();
      }
    }
    this.changedSoon(done);
  }

  private changedSoon(now: boolean): void {
    if (now) {
      this.view.clearTimeout(this.changedTimer);
      this.changedTimer = 0;
      this.host.changed(this.on);
      return;
    }
    if (this.changedTimer) return;
    this.changedTimer = this.view.setTimeout(() => {
      this.changedTimer = 0;
      this.host.changed(this.on);
    }, 200);
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
      words: listWords(occurrences.map((o) => o.finding)),
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
    const selection = this.doc.getSelection();
    const range =
      selection && selection.rangeCount && !selection.isCollapsed ? selection.getRangeAt(0).cloneRange() : undefined;
    const map = range ? extractRange(range) : undefined;
    const useMap = !!map && map.text.trim().length > 0;
    const text = useMap ? map!.text : (fallback ?? '');
    const anchorRange = range;
    const items: Item[] = [];
    for (const c of chunkText(text)) {
      const part = text.slice(c.start, c.end);
      const response = await this.host.analyse({ type: ANALYSE, text: part, mode: 'explain' }).catch(() => undefined);
      if (!response?.ok) continue;
      for (const f of unpack(response.spans, response.details, part)) {
        const finding = { ...f, start: f.start + c.start, end: f.end + c.start };
        items.push({
          finding,
          key: meaningKey(finding),
          range: useMap ? rangeAt(map!, finding.start, finding.end) : undefined,
        });
      }
    }
    this.explained = items;
    for (const item of items)
      if (item.range)
        this.layer(item.range.startContainer.ownerDocument!).add(EXPLAIN, markOf(item.finding.category), [item.range]);
    this.set = 'explain';
    this.index = -1;
    this.cardReturn = 'page';
    if (!items.length) {
      const anchor = anchorRange ? anchorOf(anchorRange, this.doc) : this.pageFocus?.getBoundingClientRect();
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
    const ui = new UiRoot(this.doc, { writingMarks: false });
    ui.host.setAttribute('data-plain-send-read', '');
    try {
      const sheet = new this.view.CSSStyleSheet();
      sheet.replaceSync(readUiCss());
      ui.shadow.adoptedStyleSheets = [...ui.shadow.adoptedStyleSheets, sheet];
    } catch {
      const style = this.doc.createElement('style');
      style.textContent = readUiCss();
      ui.shadow.append(style);
    }
    this.ui = ui;
    this.card = new Card(
      ui.layer,
      {
        closed: (_f, restore) => this.cardClosed(restore),
        noteClosed: (restore) => this.cardClosed(restore),
        next: () => this.step(1, { focus: this.cardHasFocus() }),
        previous: () => this.step(-1, { focus: this.cardHasFocus() }),
      },
      { readOnly: true, unknownNote: UNKNOWN_NOTE },
    );
    this.bar = new ReadBar(ui.layer, {
      step: (by) => {
        this.cardReturn = 'bar';
        this.step(by);
      },
      openCurrent: () => {
        this.cardReturn = 'bar';
        if (this.index < 0 || this.set !== 'page') {
          this.set = 'page';
          this.index = -1;
          this.step(1, { focus: true });
        } else this.go(this.index, { focus: true });
      },
      leave: () => {
        this.closeCard();
        this.backToPage();
      },
      turnOff: () => {
        this.backToPage();
        void this.setRead(false);
      },
    });
    ui.attach();
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

  private listen(doc: Document): void {
    if (this.listening.has(doc)) return;
    const view = doc.defaultView;
    if (!view) return;
    const offs: (() => void)[] = [];
    const on = (target: EventTarget, type: string, fn: (e: Event) => void, options: AddEventListenerOptions) => {
      target.addEventListener(type, fn, options);
      offs.push(() => target.removeEventListener(type, fn, options));
    };
    on(view, 'keydown', (e) => this.keydown(e as KeyboardEvent), { capture: true });
    on(doc, 'pointermove', (e) => this.pointerMoved(doc, e as PointerEvent), { capture: true, passive: true });
    on(
      doc,
      'pointerout',
      (e) => {
        if (!(e as PointerEvent).relatedTarget) this.pointerLeft();
      },
      { capture: true, passive: true },
    );
    on(doc, 'click', (e) => this.clicked(doc, e as MouseEvent), { capture: true, passive: true });
    on(doc, 'scroll', () => this.layoutSoon(), { capture: true, passive: true });
    on(view, 'resize', () => this.layoutSoon(), { passive: true });
    this.listening.set(doc, () => offs.forEach((f) => f()));
  }

  private ours(target: EventTarget | null): boolean {
    return !!this.ui && !!target && this.ui.contains(target as Node);
  }

  private keydown(e: KeyboardEvent): void {
    const target = e.composedPath()[0] ?? e.target;
    if (this.ours(target)) return; // the card and the bar handle their own keys
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyN' || e.code === 'KeyB')) {
      if (!this.reader && !this.explained.length) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      const active = deepActive(this.doc);
      if (active && !this.ours(active)) this.pageFocus = active;
      this.cardReturn = 'bar';
      this.step(e.code === 'KeyN' ? 1 : -1);
      if (this.set === 'page') this.bar?.focusWord();
      return;
    }
    if (e.key === 'Escape' && this.card?.isOpen) {
      e.preventDefault();
      e.stopImmediatePropagation();
      this.card.close(false);
    }
  }

  private pointerMoved(doc: Document, e: PointerEvent): void {
    if (!this.reader) return;
    this.lastPointer = { doc, x: e.clientX, y: e.clientY, target: e.composedPath()[0] ?? e.target };
    if (this.moveFrame) return;
    this.moveFrame = this.view.requestAnimationFrame(() => {
      this.moveFrame = 0;
      const p = this.lastPointer;
      if (!p || !this.reader) return;
      if (this.ours(p.target)) {
        this.view.clearTimeout(this.leaveTimer);
        return;
      }
      const hit = this.reader.at(p.doc, p.x, p.y);
      this.view.clearTimeout(this.hoverTimer);
      const card = this.card;
      if (hit && card) {
        this.view.clearTimeout(this.leaveTimer);
        if (card.isOpen && card.finding === hit.finding) return;
        if (card.isOpen && !card.hover) return; // a card opened on purpose stays until closed
        this.hoverTimer = this.view.setTimeout(() => this.openAt(hit, true), HOVER_OPEN_MS);
      } else if (card?.isOpen && card.hover) {
        this.view.clearTimeout(this.leaveTimer);
        this.leaveTimer = this.view.setTimeout(() => {
          if (card.hover) card.close(false);
        }, HOVER_CLOSE_MS);
      }
    });
  }

  private pointerLeft(): void {
    this.lastPointer = undefined;
    this.view.clearTimeout(this.hoverTimer);
    const card = this.card;
    if (card?.isOpen && card.hover) {
      this.view.clearTimeout(this.leaveTimer);
      this.leaveTimer = this.view.setTimeout(() => {
        if (card.hover) card.close(false);
      }, HOVER_CLOSE_MS);
    }
  }

  private clicked(doc: Document, e: MouseEvent): void {
    const target = e.composedPath()[0] ?? e.target;
    if (this.ours(target)) return;
    this.view.clearTimeout(this.hoverTimer);
    const el =
      target instanceof (doc.defaultView ?? this.view).Element
        ? (target as Element)
        : (target as Node | null)?.parentElement;
    const hit = this.reader && !el?.closest(INTERACTIVE) ? this.reader.at(doc, e.clientX, e.clientY) : undefined;
    if (hit) this.openAt(hit, false);
    else if (this.card?.isOpen) this.card.close(false);
  }

  private openAt(o: Occurrence, hover: boolean): void {
    if (!this.reader) return;
    const i = this.reader.occurrences.indexOf(o);
    if (i < 0) return;
    if (this.set === 'explain') this.clearExplained();
    this.set = 'page';
    this.showCard(i, { focus: false, hover });
  }

  private layoutSoon(): void {
    if (this.layoutFrame || !this.card?.isOpen) return;
    this.layoutFrame = this.view.requestAnimationFrame(() => {
      this.layoutFrame = 0;
      const item = this.items()[this.index];
      if (!this.card?.isOpen || !item?.range) return;
      // A card whose word scrolled away goes too, unless you are using it from the keyboard.
      if (!inView(item.range, this.doc) && !this.cardHasFocus()) this.card.close(false);
      else this.card.place(anchorOf(item.range, this.doc));
    });
  }
}

function inView(range: Range, top: Document): boolean {
  const r = anchorOf(range, top);
  const view = top.defaultView!;
  return !!r && r.bottom > 0 && r.top < view.innerHeight;
}

function deepActive(doc: Document): HTMLElement | undefined {
  let a: Element | null = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  // Into same-origin frames.
  while (a && /^i?frame$/i.test(a.tagName)) {
    try {
      const inner: Document | null | undefined = (a as HTMLIFrameElement).contentDocument;
      if (!inner?.activeElement || inner.activeElement === inner.body) break;
      a = inner.activeElement;
    } catch {
      break;
    }
  }
  return a && a !== doc.body ? (a as HTMLElement) : undefined;
}

/** Resolves after the next frame has been painted (a frame callback, then a task after it). */
function nextPaint(view: Window): Promise<void> {
  return new Promise((ok) => view.requestAnimationFrame(() => view.setTimeout(ok, 0)));
}
