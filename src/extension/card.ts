/**
 * The card for one finding: what the word is, what it means, and what to do about it. A
 * non-modal dialog in our shadow root, placed by the word; reachable from the keyboard
 * (Alt+Shift+P opens it with focus on its first action, Tab moves between actions, Escape
 * closes it and gives focus back to the editor).
 */
import type { WireFinding } from './protocol.js';
import { CATEGORY_LABEL } from './styles.js';

export interface CardHandlers {
  apply(f: WireFinding, text: string): void;
  ignoreHere(f: WireFinding): void;
  ignoreAlways(f: WireFinding): void;
  /** The card closed; `restoreFocus` when the user closed it from the keyboard. */
  closed(f: WireFinding, restoreFocus: boolean): void;
  /** Alt+Shift+P inside the card: the next finding. */
  next(): void;
}

let cardCount = 0;

export class Card {
  readonly el: HTMLDivElement;
  finding: WireFinding | undefined;
  /** Opened by hovering (closes when the pointer leaves). */
  hover = false;
  private readonly id = `plain-send-card-${++cardCount}`;

  constructor(
    layer: HTMLElement,
    private readonly handlers: CardHandlers,
  ) {
    const doc = layer.ownerDocument;
    this.el = doc.createElement('div');
    this.el.className = 'card';
    this.el.setAttribute('role', 'dialog');
    this.el.setAttribute('aria-modal', 'false');
    this.el.tabIndex = -1;
    this.el.hidden = true;
    this.el.addEventListener('keydown', (e) => this.keydown(e));
    layer.append(this.el);
  }

  get isOpen(): boolean {
    return !this.el.hidden && !!this.finding;
  }

  open(f: WireFinding, anchor: DOMRect | undefined, options: { focus: boolean; hover: boolean }): void {
    this.finding = f;
    this.hover = options.hover;
    this.render(f);
    this.el.hidden = false;
    this.place(anchor);
    if (options.focus) (this.el.querySelector<HTMLButtonElement>('button.fix, .actions button') ?? this.el).focus({ preventScroll: true });
  }

  close(restoreFocus = false): void {
    if (!this.finding) return;
    const f = this.finding;
    this.finding = undefined;
    this.el.hidden = true;
    this.el.replaceChildren();
    this.handlers.closed(f, restoreFocus);
  }

  contains(node: Node | null): boolean {
    return !!node && this.el.contains(node);
  }

  rect(): DOMRect {
    return this.el.getBoundingClientRect();
  }

  place(anchor: DOMRect | undefined): void {
    const view = this.el.ownerDocument.defaultView!;
    const vw = view.innerWidth;
    const vh = view.innerHeight;
    const box = this.el.getBoundingClientRect();
    const a = anchor ?? new DOMRect(vw / 2, vh / 3, 0, 0);
    let top = a.bottom + 6;
    if (top + box.height > vh - 8) {
      // Above the word if it fits there, else as low as it can be while still whole (small frames).
      top = a.top - 6 - box.height >= 8 ? a.top - 6 - box.height : vh - 8 - box.height;
    }
    const left = Math.max(8, Math.min(a.left, vw - box.width - 8));
    this.el.style.left = `${left}px`;
    this.el.style.top = `${Math.max(8, top)}px`;
  }

  private render(f: WireFinding): void {
    const doc = this.el.ownerDocument;
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string) => {
      const e = doc.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined) e.textContent = text;
      return e;
    };
    const kind = make('p', `kind ${f.category}`, CATEGORY_LABEL[f.category]);
    const title = make('h2', '', f.category === 'sentence' ? 'This sentence is long' : (f.term ?? f.text));
    title.id = `${this.id}-title`;
    const parts: HTMLElement[] = [kind, title];
    if (f.expansion && f.expansion.toLowerCase() !== (f.term ?? f.text).toLowerCase()) parts.push(make('p', 'expansion', f.expansion));
    if (f.definition) {
      const d = make('p', 'definition', f.definition);
      d.id = `${this.id}-definition`;
      parts.push(d);
    }
    if (f.message && f.message !== f.definition) parts.push(make('p', 'message', f.message));
    const actions = make('div', 'actions');
    f.replacements.forEach((r, i) => {
      const b = make('button', i === 0 ? 'fix' : 'alt', r.label);
      b.type = 'button';
      b.addEventListener('click', () => this.handlers.apply(f, r.text));
      actions.append(b);
    });
    const here = make('button', 'ignore', 'Ignore here');
    here.type = 'button';
    here.title = 'Stop marking this word in this message';
    here.addEventListener('click', () => this.handlers.ignoreHere(f));
    const always = make('button', 'ignore', 'Ignore always');
    always.type = 'button';
    always.title = 'Never mark this word again (you can undo this from the toolbar button)';
    always.addEventListener('click', () => this.handlers.ignoreAlways(f));
    actions.append(here, always);
    parts.push(actions);
    if (f.packName) parts.push(make('p', 'source', `From the ${f.packName} glossary`));
    const close = make('button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => this.close(true));
    this.el.replaceChildren(close, ...parts);
    this.el.setAttribute('aria-labelledby', title.id);
    if (f.definition) this.el.setAttribute('aria-describedby', `${this.id}-definition`);
    else this.el.removeAttribute('aria-describedby');
  }

  private keydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close(true);
      return;
    }
    if (e.altKey && e.shiftKey && e.code === 'KeyP') {
      e.preventDefault();
      this.handlers.next();
      return;
    }
    if (e.key === 'Tab') {
      const buttons = [...this.el.querySelectorAll<HTMLButtonElement>('button')];
      if (!buttons.length) return;
      const active = (this.el.getRootNode() as ShadowRoot).activeElement;
      const i = buttons.indexOf(active as HTMLButtonElement);
      const next = e.shiftKey ? (i <= 0 ? buttons.length - 1 : i - 1) : i === buttons.length - 1 ? 0 : i + 1;
      e.preventDefault();
      buttons[next].focus();
    }
  }
}
