/**
 * Writing in one document: finds the fields someone writes in, runs a session for each, and
 * owns the card, the readability badge and the review panel there. The pointer and Escape are
 * the shared CardPointer's; Alt+Shift+P (the next finding; twice quickly, the review panel) is
 * ours. Stops when its signal aborts.
 */
import { browser } from 'wxt/browser';
import { logged } from '../browser/debug.js';
import { ADD_TERM, type AddTermRequest, type AnalyseResponse, type WireFinding } from '../browser/messages/protocol.js';
import { Card } from '../browser/page/card.js';
import { CardPointer, type CardPointerHost } from '../browser/page/card-pointer.js';
import { UiRoot } from '../browser/page/ui-root.js';
import { NextFrame, observeUntil, onAbort } from '../browser/signals.js';
import { addIgnored } from '../browser/store/settings.js';
import { ignoreKey } from '../engine/identity.js';
import { Badge } from './badge.js';
import { FieldSession, type SessionHost } from './field-session.js';
import { fieldFor, whyNot } from './fields.js';
import { HighlightLayer } from './painter.js';
import { restoreFocus, saveSelection, type SavedSelection } from './selection.js';
import { ReviewPanel, reviewPlan, type ReviewAction, type ReviewState } from './review-panel.js';
import { orderedEdits } from '../engine/review/edits.js';
import { findMeaningsBlock } from '../engine/review/meanings.js';

/** Alt+Shift+P pressed again within this time opens the review panel. */
const TWICE_MS = 600;

const WATCHED = [
  'contenteditable',
  'readonly',
  'disabled',
  'data-plain-send',
  'data-gramm',
  'data-enable-grammarly',
  'role',
  'aria-readonly',
  'spellcheck',
];

/** A marked word in a field. */
interface Hit {
  session: FieldSession;
  finding: WireFinding;
}

export class Checker implements SessionHost {
  readonly ui: UiRoot;
  readonly highlights: HighlightLayer;
  private readonly sessions = new Map<HTMLElement, FieldSession>();
  private activeSession: FieldSession | undefined;
  private readonly card: Card;
  private readonly badge: Badge;
  private cardSession: FieldSession | undefined;
  private saved: SavedSelection | undefined;
  private readonly sweep: NextFrame;
  /** The badge is placed in the next frame: reading the field's box right after a keystroke would lay the page out early. */
  private readonly badgePlace: NextFrame;
  private readonly observer: MutationObserver;
  private readonly pointer: CardPointer<Hit>;
  private readonly view: Window & typeof globalThis;
  private readonly panel: ReviewPanel;
  private panelSession: FieldSession | undefined;
  /** The place the panel shows (marked as the active word). */
  private panelPlace: WireFinding | undefined;
  /** Where the caret was when the panel opened (after an action: where the action left it). */
  private reviewSaved: SavedSelection | undefined;
  /** When Alt+Shift+P was last pressed, to tell a double press. */
  private lastP = -Infinity;

  /** Checks until `signal` aborts; then everything of ours leaves the document. */
  constructor(
    private readonly doc: Document,
    readonly analyse: (text: string) => Promise<AnalyseResponse>,
    private readonly signal: AbortSignal,
  ) {
    this.view = doc.defaultView as Window & typeof globalThis;
    this.ui = new UiRoot(doc);
    this.highlights = new HighlightLayer(this.view);
    this.card = new Card(this.ui.layer, {
      apply: (f, text) => this.applyFix(f, text),
      ignoreHere: (f) => this.ignoreHere(f),
      ignoreAlways: (f) => void this.ignoreAlways(f),
      addTerm: (f) => this.addTerm(f),
      closed: (f, restore) => this.cardClosed(f, restore),
      next: () => this.pressedP(),
    });
    this.badge = new Badge(this.ui.layer, () => this.openReview());
    this.panel = new ReviewPanel(this.ui.layer, {
      act: (action) => void this.act(action),
      usePlainer: (found) => void this.usePlainer(found),
      show: (f) => this.showPlace(f),
      closed: (restore) => this.reviewClosed(restore),
    });
    this.sweep = new NextFrame(this.view, signal, () => this.sweepNow());
    this.badgePlace = new NextFrame(this.view, signal, () => this.placeBadge());
    this.observer = observeUntil(new this.view.MutationObserver(() => this.sweep.request()), signal);
    this.pointer = new CardPointer(this.view, this.pointerHost(), signal);
    onAbort(signal, () => this.clear());
  }

  start(): void {
    this.doc.addEventListener('focusin', (e) => this.attach(e.composedPath()[0] ?? e.target), {
      capture: true,
      signal: this.signal,
    });
    this.pointer.listen(this.doc, this.signal);
    const active = this.deepActive();
    if (active) this.attach(active);
  }

  /** Everything of ours out of the document (the signal aborted). */
  private clear(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
    this.card.close(false);
    this.panel.close(false);
    this.highlights.destroy();
    this.ui.destroy();
  }

  recheckAll(): void {
    for (const s of this.sessions.values()) void s.check(true);
  }

  // SessionHost
  active(): WireFinding | undefined {
    if (this.card.isOpen) return this.card.finding;
    return this.panel.isOpen ? this.panelPlace : undefined;
  }

  checked(session: FieldSession): void {
    if (session === this.activeSession) this.showBadge();
    if (this.panel.isOpen && this.panelSession === session) {
      if (this.panelPlace && !session.current(this.panelPlace)) this.panelPlace = undefined;
      this.panel.update(this.reviewState(session));
    }
    if (this.cardSession === session && this.card.finding && !session.current(this.card.finding))
      this.card.close(false);
  }

  private pointerHost(): CardPointerHost<Hit> {
    const hitIn = (session: FieldSession | undefined, x: number, y: number): Hit | undefined => {
      const finding = session?.hitTest(x, y);
      return session && finding ? { session, finding } : undefined;
    };
    return {
      card: () => this.card,
      ours: (target) => this.ui.contains(target as Node),
      watching: () => this.sessions.size > 0,
      hoverAt: (_doc, x, y, target) => hitIn(this.sessionAt(x, y, target), x, y),
      clickAt: (_doc, e, target) =>
        hitIn(this.sessionAt(e.clientX, e.clientY, target) ?? this.attach(target), e.clientX, e.clientY),
      findingOf: (hit) => hit.finding,
      open: (hit, hover) => this.openCard(hit.session, hit.finding, { focus: false, hover }),
      shortcut: (e, target) => this.shortcut(e, target),
      layout: () => this.layout(),
    };
  }

  private deepActive(): Element | null {
    let a: Element | null = this.doc.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a;
  }

  private attach(target: EventTarget | null): FieldSession | undefined {
    if (!target || this.ui.contains(target as Node)) return undefined;
    const field = fieldFor(target);
    if (!field) return undefined;
    let session = this.sessions.get(field.el);
    if (!session) {
      session = new FieldSession(field, this);
      this.sessions.set(field.el, session);
      // Watch the page only while there are fields to look after: for fields that go away or
      // stop being fields, and for ones that get focus while being built.
      if (this.sessions.size === 1)
        this.observer.observe(this.doc, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED });
    }
    if (this.activeSession !== session) {
      this.activeSession = session;
      this.showBadge();
    }
    return session;
  }

  /** Fields that left the page, or stopped being fields, lose their session (batched per frame). */
  private sweepNow(): void {
    for (const [el, s] of this.sessions) {
      const gone = !el.isConnected || (s.field.kind === 'rich' ? !fieldFor(el) : !!whyNot(el));
      if (!gone) continue;
      if (this.cardSession === s) this.card.close(false);
      if (this.panelSession === s) this.panel.close(false);
      s.dispose();
      this.sessions.delete(el);
      if (this.activeSession === s) {
        this.activeSession = undefined;
        this.badge.hide();
      }
    }
    if (!this.sessions.size) this.observer.disconnect();
    // A field that gained focus while being built (autofocus, a compose window opening).
    const active = this.deepActive();
    if (active && active !== this.doc.body) this.attach(active);
  }

  private layout(): void {
    for (const s of this.sessions.values()) s.reposition();
    this.placeBadge();
    if (this.card.isOpen && this.cardSession && this.card.finding)
      this.card.place(this.cardSession.anchor(this.card.finding));
  }

  private showBadge(): void {
    const s = this.activeSession;
    if (!s?.readability) {
      this.badge.hide();
      return;
    }
    this.ui.attach();
    this.badge.show(s.readability, s.shown.length);
    this.badgePlace.request();
  }

  private placeBadge(): void {
    if (this.activeSession) this.badge.place(this.activeSession.el.getBoundingClientRect());
  }

  private sessionAt(x: number, y: number, target: EventTarget | null): FieldSession | undefined {
    if (target && target instanceof this.view.Node) {
      for (const s of this.sessions.values()) if (s.el === target || s.el.contains(target as Node)) return s;
    }
    for (const s of this.sessions.values()) {
      const r = s.el.getBoundingClientRect();
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return s;
    }
    return undefined;
  }

  /** Alt+Shift+P: the card for the next finding in the field, with focus in it. */
  private shortcut(e: KeyboardEvent, target: EventTarget | null): boolean {
    if (!(e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyP')) return false;
    const session = this.attach(target) ?? this.activeSession;
    if (!session) return true;
    e.preventDefault();
    e.stopImmediatePropagation();
    this.activeSession = session;
    this.pressedP();
    return true;
  }

  /** Alt+Shift+P: the next finding's card; pressed twice quickly, the review panel. */
  private pressedP(): void {
    const now = this.view.performance.now();
    const twice = now - this.lastP < TWICE_MS;
    this.lastP = twice ? -Infinity : now;
    if (twice) this.openReview();
    else this.openNext(true);
  }

  /** The review panel for the active field, focus in it. */
  openReview(): void {
    const session = this.activeSession ?? this.cardSession;
    if (!session) return;
    // A card opened by the first of two presses: the caret it saved is the one to go back to.
    const saved = this.card.isOpen && this.saved?.session === session ? this.saved : saveSelection(session);
    this.pointer.cancelHover();
    this.card.close(false);
    this.saved = undefined;
    this.reviewSaved = saved;
    this.panelSession = session;
    this.panelPlace = undefined;
    this.ui.attach();
    this.panel.open(this.reviewState(session));
    this.keepPanelFocus();
  }

  /** Some editors take focus back after a press near them (TinyMCE in its frame): it goes back to the panel. */
  private keepPanelFocus(): void {
    const active = this.ui.shadow.activeElement as HTMLElement | null;
    const id = active && this.panel.contains(active) ? active.dataset.id : undefined;
    this.view.requestAnimationFrame(() => {
      if (this.panel.isOpen && !this.panel.contains(this.ui.shadow.activeElement)) this.panel.focus(id);
    });
  }

  private reviewState(session: FieldSession): ReviewState {
    // The meanings list's own words are not the message's: not counted, not fixed.
    const list = findMeaningsBlock(session.text);
    const outside = (f: WireFinding) => !list || f.end <= list.start || f.start >= list.end;
    return {
      text: session.text,
      shown: session.shown.filter(outside),
      all: session.findings.filter((f) => !session.ignoredHere.has(ignoreKey(f))),
      readability: session.readability,
    };
  }

  private reviewClosed(restore: boolean): void {
    const session = this.panelSession;
    this.panelSession = undefined;
    this.panelPlace = undefined;
    if (!session) return;
    session.paint();
    if (restore) restoreFocus(session, this.reviewSaved);
    this.reviewSaved = undefined;
  }

  /** A whole-message action, on findings fresh for the text as it is now. */
  private async act(action: ReviewAction): Promise<void> {
    const session = this.panelSession;
    if (!session) return;
    this.panel.say('');
    await session.settle();
    if (this.panelSession !== session) return;
    const state = this.reviewState(session);
    const plan = reviewPlan(state);
    let done: string;
    if (action === 'explain') {
      if (!plan.explain.length) return;
      await session.applyAll(state.text, plan.explain);
      const n = plan.explain.length;
      done = `Explained ${n === 1 ? '1 short form' : `${n} short forms`} where first used.`;
    } else if (action === 'plain') {
      if (!plan.plain.length) return;
      await session.applyAll(state.text, plan.plain);
      const n = plan.plain.length;
      done = `Put in ${n === 1 ? '1 plainer word' : `${n} plainer words`}.`;
    } else {
      if (!plan.meaningsChange) return;
      await session.addMeanings(state.text, plan.meanings);
      done = plan.hasList ? 'Updated the meanings at the end.' : 'Added the meanings at the end.';
    }
    this.afterAction(session, action, `${done} Ctrl+Z takes it out.`);
  }

  /** One term's plainer word at each of its places. */
  private async usePlainer(found: WireFinding[]): Promise<void> {
    const session = this.panelSession;
    if (!session || !found.length) return;
    const text = session.text;
    const edits = orderedEdits(
      found.filter((f) => f.replacements[0]).map((f) => ({ start: f.start, end: f.end, text: f.replacements[0].text })),
    );
    if (!edits.length) return;
    await session.applyAll(text, edits);
    this.afterAction(session, 'plain', `Put in "${edits[0].text}". Ctrl+Z takes it out.`);
  }

  /** After an edit: the caret it left is the one to go back to; focus back in the panel once the editor has drawn it. */
  private afterAction(session: FieldSession, control: string, message: string): void {
    this.panelPlace = undefined;
    this.view.requestAnimationFrame(() => {
      if (this.panelSession !== session) return;
      this.reviewSaved = saveSelection(session);
      this.panel.focus(control);
      this.panel.say(message);
    });
  }

  /** A place the panel points to: marked as the active word and scrolled into view. */
  private showPlace(f: WireFinding): void {
    const session = this.panelSession;
    if (!session) return;
    this.panelPlace = f;
    session.paint();
    session.reveal(f);
    this.keepPanelFocus();
  }

  /** Opens the card for the next finding after the caret (or after the open card's finding). */
  openNext(focus: boolean, from?: number): void {
    const session = this.activeSession ?? this.cardSession;
    if (!session) return;
    const current = this.card.isOpen && this.cardSession === session ? this.card.finding : undefined;
    const offset = from ?? session.caret() ?? 0;
    const f = session.next(offset, current);
    if (!f) return;
    if (!this.card.isOpen) this.saved = saveSelection(session);
    this.openCard(session, f, { focus, hover: false });
  }

  private openCard(session: FieldSession, f: WireFinding, options: { focus: boolean; hover: boolean }): void {
    this.ui.attach();
    const previous = this.card.isOpen ? this.cardSession : undefined;
    if (this.card.isOpen) {
      // Switching cards: forget the old without moving focus.
      this.card.finding = undefined;
    }
    this.cardSession = session;
    if (previous && previous !== session) previous.paint();
    this.card.open(f, undefined, options);
    session.paint();
    this.card.place(session.anchor(f));
  }

  private cardClosed(_f: WireFinding, restore: boolean): void {
    const session = this.cardSession;
    this.cardSession = undefined;
    if (!session) return;
    session.paint();
    if (restore) restoreFocus(session, this.saved);
  }

  private applyFix(f: WireFinding, text: string): void {
    const session = this.cardSession;
    if (!session) return;
    this.saved = undefined;
    this.card.close(false);
    session.apply(f, text);
  }

  private ignoreHere(f: WireFinding): void {
    const session = this.cardSession;
    if (!session) return;
    session.ignoredHere.add(ignoreKey(f));
    this.card.close(true);
    session.paint();
    if (session === this.activeSession) this.showBadge();
  }

  private addTerm(f: WireFinding): void {
    this.card.close(false);
    const request: AddTermRequest = {
      type: ADD_TERM,
      term: f.term ?? f.text,
      kind: f.category === 'acronym' ? 'acronym' : 'jargon',
    };
    void browser.runtime.sendMessage(request).catch(logged('opening my terms'));
  }

  private async ignoreAlways(f: WireFinding): Promise<void> {
    const session = this.cardSession;
    if (session) session.ignoredHere.add(ignoreKey(f));
    this.card.close(true);
    session?.paint();
    await addIgnored(ignoreKey(f));
  }
}
