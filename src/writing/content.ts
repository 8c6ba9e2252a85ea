/**
 * The content script's work, in every frame of the pages it runs on. Idle until an editable
 * field gets focus; then it checks that field as the user types, paints findings, shows the
 * card and the badge. Text goes to the extension's own background worker (the engine) and
 * nowhere else.
 */
import { ignoreKey } from '../engine/identity.js';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { Badge } from './badge.js';
import { Card } from '../browser/page/card.js';
import { EngineChannel } from '../browser/messages/channel.js';
import { FieldSession, type SessionHost } from './field-session.js';
import { fieldFor, whyNot } from './fields.js';
import { HighlightLayer } from './painter.js';
import {
  ADD_TERM,
  ANALYSE,
  type AddTermRequest,
  type AnalyseRequest,
  type AnalyseResponse,
  type WireFinding,
} from '../browser/messages/protocol.js';
import { addIgnored, offSitesItem } from '../browser/store/settings.js';
import { UiRoot } from '../browser/page/ui-root.js';

const LOADED = Symbol.for('plain-send.content');
const HOVER_OPEN_MS = 450;
const HOVER_CLOSE_MS = 300;
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

/** The site a frame belongs to (its top page's hostname), for the per-site on/off switch. */
export function siteHost(win: Window = window): string {
  try {
    if (win.top === win) return win.location.hostname;
  } catch {
    // Cross-origin top: fall through.
  }
  const ancestors = win.location.ancestorOrigins;
  if (ancestors?.length) {
    try {
      return new URL(ancestors[ancestors.length - 1]).hostname;
    } catch {
      // ignore
    }
  }
  try {
    return new URL(win.document.referrer).hostname || win.location.hostname;
  } catch {
    return win.location.hostname;
  }
}

export async function startContent(ctx: ContentScriptContext): Promise<void> {
  // Once per document. (Not per global: a frame's first about:blank document and the document
  // that replaces it, as TinyMCE's srcdoc frame does, share one global.)
  const g = globalThis as unknown as Record<symbol, WeakSet<Document> | undefined>;
  const loaded = (g[LOADED] ??= new WeakSet());
  const doc = document;
  if (loaded.has(doc)) return;
  loaded.add(doc);
  const host = siteHost();
  let checker: Checker | undefined;
  const channel = new EngineChannel();
  const sync = async () => {
    const off = (await offSitesItem.getValue()).includes(host);
    if (off) {
      checker?.stop();
      checker = undefined;
    } else if (!checker) {
      checker = new Checker(doc, (text) => {
        const request: AnalyseRequest = { type: ANALYSE, text, mode: 'write' };
        channel.loadEngine();
        return channel.analyse(request);
      });
      checker.start();
    }
  };
  await sync();
  // Any other setting (audience, packs, terms, ignored words, a school's policy) is the
  // worker's to apply: check again with it.
  // (After this task: the frame's engine hears of the change in its own listener first.)
  const settingsChanged = (_changes: unknown, area: string) => {
    if (area !== 'session') setTimeout(() => checker?.recheckAll(), 0);
  };
  browser.storage.onChanged.addListener(settingsChanged);
  const unwatch = [
    offSitesItem.watch(() => void sync()),
    () => browser.storage.onChanged.removeListener(settingsChanged),
  ];
  ctx.onInvalidated(() => {
    for (const u of unwatch) u();
    checker?.stop();
    checker = undefined;
    channel.close();
    loaded.delete(doc);
  });
}

/** Finds fields, runs their sessions, and owns the card and the badge for one document. */
export class Checker implements SessionHost {
  readonly ui: UiRoot;
  readonly highlights: HighlightLayer;
  private readonly sessions = new Map<HTMLElement, FieldSession>();
  private activeSession: FieldSession | undefined;
  private readonly card: Card;
  private readonly badge: Badge;
  private cardSession: FieldSession | undefined;
  private saved: { session: FieldSession; range?: Range; start?: number; end?: number } | undefined;
  private hoverTimer = 0;
  private leaveTimer = 0;
  private sweepFrame = 0;
  private moveFrame = 0;
  private layoutFrame = 0;
  private lastPointer: { x: number; y: number; target: EventTarget | null } | undefined;
  private readonly observer: MutationObserver;
  private readonly off: (() => void)[] = [];
  private readonly view: Window & typeof globalThis;

  constructor(
    private readonly doc: Document,
    readonly analyse: (text: string) => Promise<AnalyseResponse>,
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
      next: () => this.openNext(true),
    });
    this.badge = new Badge(this.ui.layer, () => this.openNext(true, 0));
    this.observer = new this.view.MutationObserver(() => this.sweepSoon());
  }

  start(): void {
    const on = <K extends keyof DocumentEventMap>(
      target: EventTarget,
      type: K | string,
      fn: (e: Event) => void,
      options: AddEventListenerOptions,
    ) => {
      target.addEventListener(type, fn, options);
      this.off.push(() => target.removeEventListener(type, fn, options));
    };
    on(this.doc, 'focusin', (e) => this.focused(e), { capture: true });
    on(this.view, 'keydown', (e) => this.keydown(e as KeyboardEvent), { capture: true });
    on(this.doc, 'pointermove', (e) => this.pointerMoved(e as PointerEvent), { capture: true, passive: true });
    on(
      this.doc,
      'pointerout',
      (e) => {
        if (!(e as PointerEvent).relatedTarget) this.pointerLeft();
      },
      { capture: true, passive: true },
    );
    on(this.doc, 'click', (e) => this.clicked(e as MouseEvent), { capture: true, passive: true });
    on(this.doc, 'scroll', () => this.layoutSoon(), { capture: true, passive: true });
    on(this.view, 'resize', () => this.layoutSoon(), { passive: true });
    const active = this.deepActive();
    if (active) this.attach(active);
  }

  stop(): void {
    for (const f of this.off.splice(0)) f();
    this.observer.disconnect();
    this.view.clearTimeout(this.hoverTimer);
    this.view.clearTimeout(this.leaveTimer);
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
    this.card.close(false);
    this.highlights.destroy();
    this.ui.destroy();
  }

  recheckAll(): void {
    for (const s of this.sessions.values()) void s.check(true);
  }

  // SessionHost
  active(): WireFinding | undefined {
    return this.card.isOpen ? this.card.finding : undefined;
  }

  checked(session: FieldSession): void {
    if (session === this.activeSession) this.showBadge();
    if (this.cardSession === session && this.card.finding && !session.current(this.card.finding))
      this.card.close(false);
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

  private focused(e: Event): void {
    const target = e.composedPath()[0] ?? e.target;
    this.attach(target);
  }

  /** Fields that left the page, or stopped being fields, lose their session (batched per frame). */
  private sweepSoon(): void {
    if (this.sweepFrame) return;
    this.sweepFrame = this.view.requestAnimationFrame(() => {
      this.sweepFrame = 0;
      for (const [el, s] of this.sessions) {
        const gone = !el.isConnected || (s.field.kind === 'rich' ? !fieldFor(el) : !!whyNot(el));
        if (gone) {
          if (this.cardSession === s) this.card.close(false);
          s.dispose();
          this.sessions.delete(el);
          if (this.activeSession === s) {
            this.activeSession = undefined;
            this.badge.hide();
          }
        }
      }
      if (!this.sessions.size) this.observer.disconnect();
      // A field that gained focus while being built (autofocus, a compose window opening).
      const active = this.deepActive();
      if (active && active !== this.doc.body) this.attach(active);
    });
  }

  private layoutSoon(): void {
    if (this.layoutFrame) return;
    this.layoutFrame = this.view.requestAnimationFrame(() => {
      this.layoutFrame = 0;
      for (const s of this.sessions.values()) s.reposition();
      this.placeBadge();
      if (this.card.isOpen && this.cardSession && this.card.finding)
        this.card.place(this.cardSession.anchor(this.card.finding));
    });
  }

  private showBadge(): void {
    const s = this.activeSession;
    if (!s?.readability) {
      this.badge.hide();
      return;
    }
    this.ui.attach();
    this.badge.show(s.readability, s.shown.length);
    this.placeBadge();
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

  private pointerMoved(e: PointerEvent): void {
    if (!this.sessions.size) return;
    this.lastPointer = { x: e.clientX, y: e.clientY, target: e.composedPath()[0] ?? e.target };
    if (this.moveFrame) return;
    this.moveFrame = this.view.requestAnimationFrame(() => {
      this.moveFrame = 0;
      const p = this.lastPointer;
      if (!p) return;
      if (this.ui.contains(p.target as Node)) {
        this.view.clearTimeout(this.leaveTimer);
        return;
      }
      const session = this.sessionAt(p.x, p.y, p.target);
      const hit = session?.hitTest(p.x, p.y);
      this.view.clearTimeout(this.hoverTimer);
      if (hit && session) {
        this.view.clearTimeout(this.leaveTimer);
        if (this.card.isOpen && this.card.finding === hit) return;
        if (this.card.isOpen && !this.card.hover) return; // a pinned card stays until dismissed
        this.hoverTimer = this.view.setTimeout(
          () => this.openCard(session, hit, { focus: false, hover: true }),
          HOVER_OPEN_MS,
        );
      } else if (this.card.isOpen && this.card.hover) {
        this.view.clearTimeout(this.leaveTimer);
        this.leaveTimer = this.view.setTimeout(() => {
          if (this.card.hover) this.card.close(false);
        }, HOVER_CLOSE_MS);
      }
    });
  }

  /** The pointer left this document (for a frame: left the frame). */
  private pointerLeft(): void {
    this.lastPointer = undefined;
    this.view.clearTimeout(this.hoverTimer);
    if (this.card.isOpen && this.card.hover) {
      this.view.clearTimeout(this.leaveTimer);
      this.leaveTimer = this.view.setTimeout(() => {
        if (this.card.hover) this.card.close(false);
      }, HOVER_CLOSE_MS);
    }
  }

  private clicked(e: MouseEvent): void {
    const target = e.composedPath()[0] ?? e.target;
    if (this.ui.contains(target as Node)) return;
    const session = this.sessionAt(e.clientX, e.clientY, target) ?? this.attach(target);
    const hit = session?.hitTest(e.clientX, e.clientY);
    this.view.clearTimeout(this.hoverTimer);
    if (session && hit) this.openCard(session, hit, { focus: false, hover: false });
    else if (this.card.isOpen) this.card.close(false);
  }

  private keydown(e: KeyboardEvent): void {
    const target = e.composedPath()[0] ?? e.target;
    if (this.ui.contains(target as Node)) return; // the card handles its own keys
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyP') {
      const session = this.attach(target) ?? this.activeSession;
      if (!session) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      this.activeSession = session;
      this.openNext(true);
      return;
    }
    if (e.key === 'Escape' && this.card.isOpen) {
      e.preventDefault();
      e.stopImmediatePropagation();
      this.card.close(false);
    }
  }

  private saveSelection(session: FieldSession): void {
    if (session.field.kind === 'textarea') {
      const t = session.el as HTMLTextAreaElement;
      this.saved = { session, start: t.selectionStart, end: t.selectionEnd };
    } else {
      const sel = this.doc.getSelection();
      const range = sel?.rangeCount ? sel.getRangeAt(0).cloneRange() : undefined;
      this.saved = { session, range: range && session.el.contains(range.startContainer) ? range : undefined };
    }
  }

  private restoreFocus(session: FieldSession): void {
    session.el.focus({ preventScroll: true });
    const saved = this.saved;
    if (!saved || saved.session !== session) return;
    if (session.field.kind === 'textarea' && saved.start !== undefined) {
      (session.el as HTMLTextAreaElement).setSelectionRange(saved.start, saved.end ?? saved.start);
    } else if (saved.range) {
      const sel = this.doc.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(saved.range);
    }
  }

  /** Opens the card for the next finding after the caret (or after the open card's finding). */
  openNext(focus: boolean, from?: number): void {
    const session = this.activeSession ?? this.cardSession;
    if (!session) return;
    const current = this.card.isOpen && this.cardSession === session ? this.card.finding : undefined;
    const offset = from ?? session.caret() ?? 0;
    const f = session.next(offset, current);
    if (!f) return;
    if (!this.card.isOpen) this.saveSelection(session);
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
    if (restore) this.restoreFocus(session);
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
    void browser.runtime.sendMessage(request).catch(() => undefined);
  }

  private async ignoreAlways(f: WireFinding): Promise<void> {
    const session = this.cardSession;
    if (session) session.ignoredHere.add(ignoreKey(f));
    this.card.close(true);
    session?.paint();
    await addIgnored(ignoreKey(f));
  }
}
