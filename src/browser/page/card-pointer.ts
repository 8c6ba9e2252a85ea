/**
 * The pointer and keys around a card, the same for writing and read mode: hovering a marked
 * word opens its card after a moment (and leaving closes a hovered card), a click opens it at
 * once, Escape closes it, and scrolling or resizing places it again. What is under the pointer,
 * and what a card or shortcut does, is the host's.
 */
import type { WireFinding } from '../messages/protocol.js';
import { NextFrame, Timer } from '../signals.js';
import type { Card } from './card.js';

const HOVER_OPEN_MS = 450;
const HOVER_CLOSE_MS = 300;

export interface CardPointerHost<Hit> {
  /** The card, once there is one. */
  card(): Card | undefined;
  /** Whether `target` is in our own UI (the card and the badge or bar handle their own events). */
  ours(target: EventTarget | null): boolean;
  /** Whether hovering can find anything now (there are fields, or read mode is on). */
  watching(): boolean;
  /** The marked word under the pointer in `doc`. */
  hoverAt(doc: Document, x: number, y: number, target: EventTarget | null): Hit | undefined;
  /** The marked word a click in `doc` is on (undefined: a click elsewhere closes the card). */
  clickAt(doc: Document, e: MouseEvent, target: EventTarget | null): Hit | undefined;
  findingOf(hit: Hit): WireFinding;
  /** Opens the card for `hit` (`hover`: it closes when the pointer leaves). */
  open(hit: Hit, hover: boolean): void;
  /** A key outside our UI; true when the host took it as its own shortcut. */
  shortcut(e: KeyboardEvent, target: EventTarget | null): boolean;
  /** Scroll or resize (batched to a frame): place things again. */
  layout(): void;
  /** Whether a scroll or resize needs `layout` at all. */
  needsLayout?(): boolean;
}

export class CardPointer<Hit> {
  private readonly hoverTimer: Timer;
  private readonly leaveTimer: Timer;
  private readonly moved: NextFrame;
  private readonly laidOut: NextFrame;
  private last: { doc: Document; x: number; y: number; target: EventTarget | null } | undefined;

  /** Timers and frames run in `view` and stop when `signal` aborts. */
  constructor(
    view: Window,
    private readonly host: CardPointerHost<Hit>,
    signal: AbortSignal,
  ) {
    this.hoverTimer = new Timer(view, signal);
    this.leaveTimer = new Timer(view, signal);
    this.moved = new NextFrame(view, signal, () => this.hoverNow());
    this.laidOut = new NextFrame(view, signal, () => this.host.layout());
  }

  /** Listens in `doc` (the page, or one of its frames) until `signal` aborts. */
  listen(doc: Document, signal: AbortSignal): void {
    const view = doc.defaultView;
    if (!view) return;
    const quiet = { capture: true, passive: true, signal };
    view.addEventListener('keydown', (e) => this.keydown(e), { capture: true, signal });
    doc.addEventListener('pointermove', (e) => this.pointerMoved(doc, e), quiet);
    doc.addEventListener(
      'pointerout',
      (e) => {
        if (!e.relatedTarget) this.pointerLeft();
      },
      quiet,
    );
    doc.addEventListener('click', (e) => this.clicked(doc, e), quiet);
    doc.addEventListener('scroll', () => this.layoutSoon(), quiet);
    view.addEventListener('resize', () => this.layoutSoon(), { passive: true, signal });
  }

  /** A card is opening some other way: no hovered card on top of it. */
  cancelHover(): void {
    this.hoverTimer.clear();
  }

  layoutSoon(): void {
    if (this.host.needsLayout && !this.host.needsLayout()) return;
    this.laidOut.request();
  }

  private pointerMoved(doc: Document, e: PointerEvent): void {
    if (!this.host.watching()) return;
    this.last = { doc, x: e.clientX, y: e.clientY, target: e.composedPath()[0] ?? e.target };
    this.moved.request();
  }

  /** Once a frame: what is under the pointer now. */
  private hoverNow(): void {
    const p = this.last;
    if (!p || !this.host.watching()) return;
    if (this.host.ours(p.target)) {
      this.leaveTimer.clear();
      return;
    }
    const hit = this.host.hoverAt(p.doc, p.x, p.y, p.target);
    this.hoverTimer.clear();
    const card = this.host.card();
    if (hit && card) {
      this.leaveTimer.clear();
      if (card.isOpen && card.finding === this.host.findingOf(hit)) return;
      if (card.isOpen && !card.hover) return; // a card opened on purpose stays until closed
      this.hoverTimer.set(() => this.host.open(hit, true), HOVER_OPEN_MS);
    } else if (card?.isOpen && card.hover) this.closeHoveredSoon(card);
  }

  /** The pointer left the document (for a frame: left the frame). */
  private pointerLeft(): void {
    this.last = undefined;
    this.hoverTimer.clear();
    const card = this.host.card();
    if (card?.isOpen && card.hover) this.closeHoveredSoon(card);
  }

  private closeHoveredSoon(card: Card): void {
    this.leaveTimer.set(() => {
      if (card.hover) card.close(false);
    }, HOVER_CLOSE_MS);
  }

  private clicked(doc: Document, e: MouseEvent): void {
    const target = e.composedPath()[0] ?? e.target;
    if (this.host.ours(target)) return;
    this.hoverTimer.clear();
    const hit = this.host.clickAt(doc, e, target);
    if (hit) this.host.open(hit, false);
    else if (this.host.card()?.isOpen) this.host.card()!.close(false);
  }

  private keydown(e: KeyboardEvent): void {
    const target = e.composedPath()[0] ?? e.target;
    if (this.host.ours(target)) return; // the card handles its own keys
    if (this.host.shortcut(e, target)) return;
    const card = this.host.card();
    if (e.key === 'Escape' && card?.isOpen) {
      e.preventDefault();
      e.stopImmediatePropagation();
      card.close(false);
    }
  }
}
