/**
 * The card for one finding: what the word is, what it means, and what to do about it. A
 * non-modal dialog in our shadow root, placed by the word; reachable from the keyboard
 * (Alt+Shift+P opens it with focus on its first action, Tab moves between actions, Escape
 * closes it and gives focus back to the editor).
 *
 * Read mode uses the same card read-only (`{ readOnly: true }`): no fixes and no ignoring,
 * the meaning in a reader's words, which glossary it came from, and Previous and Next word
 * buttons (Alt+Shift+B and Alt+Shift+N) instead.
 */
import type { WireFinding } from '../messages/protocol.js';
import { CATEGORY_LABEL } from './styles.js';
import { LOCAL_NAME_NOTE } from '../../engine/review/word-list.js';
import { element } from './element.js';

export interface CardHandlers {
  /** Writing only: put in a plainer word. */
  apply?(f: WireFinding, text: string): void;
  ignoreHere?(f: WireFinding): void;
  ignoreAlways?(f: WireFinding): void;
  /** Writing only: open the user's terms with this word filled in. */
  addTerm?(f: WireFinding): void;
  /** The card closed; `restoreFocus` when the user closed it from the keyboard. */
  closed(f: WireFinding, restoreFocus: boolean): void;
  /** Read-only: a note card (no finding) closed. */
  noteClosed?(restoreFocus: boolean): void;
  /** Alt+Shift+P inside the card (read-only: Alt+Shift+N or Next word): the next finding. */
  next(): void;
  /** Read-only: Alt+Shift+B or Previous word. */
  previous?(): void;
}

export interface CardOptions {
  /** A reader's card: meaning and source, no fixes. */
  readOnly?: boolean;
  /** What a reader's card says for a word without a definition. */
  unknownNote?: string;
}

export interface OpenOptions {
  focus: boolean;
  hover: boolean;
  /** Read-only: where this word is in its list, e.g. "Word 3 of 42 on this page". */
  position?: string;
  /** Read-only: show Previous and Next word buttons. */
  navigation?: boolean;
}

let cardCount = 0;

export class Card {
  readonly el: HTMLDivElement;
  finding: WireFinding | undefined;
  /** Opened by hovering (closes when the pointer leaves). */
  hover = false;
  private readonly id = `plain-send-card-${++cardCount}`;

  /** Open with a message and no finding (read-only). */
  private noting = false;

  constructor(
    layer: HTMLElement,
    private readonly handlers: CardHandlers,
    private readonly options: CardOptions = {},
  ) {
    const doc = layer.ownerDocument;
    this.el = doc.createElement('div');
    this.el.className = options.readOnly ? 'card read' : 'card';
    this.el.setAttribute('role', 'dialog');
    this.el.setAttribute('aria-modal', 'false');
    this.el.tabIndex = -1;
    this.el.hidden = true;
    this.el.addEventListener('keydown', (e) => this.keydown(e));
    layer.append(this.el);
  }

  get isOpen(): boolean {
    return !this.el.hidden && (!!this.finding || this.noting);
  }

  open(f: WireFinding, anchor: DOMRect | undefined, options: OpenOptions): void {
    this.finding = f;
    this.noting = false;
    this.hover = options.hover;
    if (this.options.readOnly) this.renderRead(f, options);
    else this.render(f);
    this.el.hidden = false;
    this.place(anchor);
    if (!options.focus) return;
    // A reader's card takes focus itself, so its name and meaning are read out first.
    if (this.options.readOnly) this.el.focus({ preventScroll: true });
    else
      (this.el.querySelector<HTMLButtonElement>('button.fix, .actions button') ?? this.el).focus({
        preventScroll: true,
      });
  }

  /** Read-only: a card with a message and no word (nothing found in a selection). */
  openNote(title: string, body: string, anchor: DOMRect | undefined, options: { focus: boolean }): void {
    this.finding = undefined;
    this.noting = true;
    this.hover = false;
    const doc = this.el.ownerDocument;
    const h = doc.createElement('h2');
    h.id = `${this.id}-title`;
    h.textContent = title;
    const p = doc.createElement('p');
    p.id = `${this.id}-definition`;
    p.className = 'note';
    p.textContent = body;
    this.el.replaceChildren(this.closeButton(), h, p);
    this.label(h.id, p.id);
    this.el.hidden = false;
    this.place(anchor);
    if (options.focus) this.el.focus({ preventScroll: true });
  }

  close(restoreFocus = false): void {
    if (!this.finding && !this.noting) return;
    const f = this.finding;
    this.finding = undefined;
    this.noting = false;
    this.el.hidden = true;
    this.el.replaceChildren();
    if (f) this.handlers.closed(f, restoreFocus);
    else this.handlers.noteClosed?.(restoreFocus);
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

  /** An element of the card, with a class and text. */
  private readonly make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string) =>
    element(this.el.ownerDocument, tag, cls, text);

  private render(f: WireFinding): void {
    const make = this.make;
    const kind = make('p', `kind ${f.category}`, CATEGORY_LABEL[f.category]);
    const title = make('h2', '', f.category === 'sentence' ? 'This sentence is long' : (f.term ?? f.text));
    title.id = `${this.id}-title`;
    const parts: HTMLElement[] = [kind, title];
    if (f.expansion && f.expansion.toLowerCase() !== (f.term ?? f.text).toLowerCase())
      parts.push(make('p', 'expansion', f.expansion));
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
      b.addEventListener('click', () => this.handlers.apply?.(f, r.text));
      actions.append(b);
    });
    const here = make('button', 'ignore', 'Ignore here');
    here.type = 'button';
    here.title = 'Stop marking this word in this message';
    here.addEventListener('click', () => this.handlers.ignoreHere?.(f));
    const always = make('button', 'ignore', 'Ignore always');
    always.type = 'button';
    always.title = 'Never mark this word again (you can undo this from the toolbar button)';
    always.addEventListener('click', () => this.handlers.ignoreAlways?.(f));
    actions.append(here, always);
    if (this.handlers.addTerm && (f.category === 'acronym' || f.category === 'jargon')) {
      const add = make('button', 'add', 'Add to my terms');
      add.type = 'button';
      add.title = f.definition
        ? 'Write your own meaning for this word'
        : 'Say what this means, so it is explained next time';
      add.addEventListener('click', () => this.handlers.addTerm?.(f));
      actions.append(add);
    }
    parts.push(actions);
    if (f.packName) parts.push(make('p', 'source', `Meaning from: ${f.packName}`));
    this.el.replaceChildren(this.closeButton(), ...parts);
    this.label(title.id, f.definition ? `${this.id}-definition` : undefined);
  }

  private closeButton(): HTMLButtonElement {
    const close = this.el.ownerDocument.createElement('button');
    close.className = 'close';
    close.textContent = '×';
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => this.close(true));
    return close;
  }

  private label(titleId: string, describedBy: string | undefined): void {
    this.el.setAttribute('aria-labelledby', titleId);
    if (describedBy) this.el.setAttribute('aria-describedby', describedBy);
    else this.el.removeAttribute('aria-describedby');
  }

  /** A reader's card: the word, what it stands for, its meaning, where it came from. */
  private renderRead(f: WireFinding, options: OpenOptions): void {
    const make = this.make;
    const term = f.term ?? f.text;
    const title = make('h2', '', term);
    title.id = `${this.id}-title`;
    const parts: HTMLElement[] = [make('p', `kind ${f.category}`, CATEGORY_LABEL[f.category]), title];
    if (f.text !== term && f.text.toLowerCase() !== term.toLowerCase())
      parts.push(make('p', 'written', `Written here as "${f.text}"`));
    const meaning = make('div', '');
    meaning.id = `${this.id}-definition`;
    if (f.expansion && f.expansion.toLowerCase() !== term.toLowerCase())
      meaning.append(make('p', 'expansion', `Stands for: ${f.expansion}`));
    meaning.append(
      f.definition
        ? make('p', 'definition', f.definition)
        : make('p', 'note', f.rule === 'local-name' ? LOCAL_NAME_NOTE : (this.options.unknownNote ?? '')),
    );
    parts.push(meaning);
    // Pack names read on their own: "SEND in England", "Your terms", a school's glossary's name.
    if (f.packName) parts.push(make('p', 'source', `Meaning from: ${f.packName}`));
    if (options.position) parts.push(make('p', 'position', options.position));
    if (options.navigation) {
      const actions = make('div', 'actions');
      const previous = make('button', 'previous', 'Previous word');
      previous.type = 'button';
      previous.addEventListener('click', () => this.handlers.previous?.());
      const next = make('button', 'next', 'Next word');
      next.type = 'button';
      next.addEventListener('click', () => this.handlers.next());
      actions.append(previous, next);
      parts.push(actions);
    }
    this.el.replaceChildren(this.closeButton(), ...parts);
    this.label(title.id, meaning.id);
  }

  private keydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close(true);
      return;
    }
    if (e.altKey && e.shiftKey && e.code === (this.options.readOnly ? 'KeyN' : 'KeyP')) {
      e.preventDefault();
      this.handlers.next();
      return;
    }
    if (this.options.readOnly && e.altKey && e.shiftKey && e.code === 'KeyB') {
      e.preventDefault();
      this.handlers.previous?.();
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
