/**
 * The read bar: a small box in the corner while read mode is on. It says how many words are
 * explained, moves between them (Previous, Next; the arrow keys on the word button), opens the
 * card for the word (Enter), and turns read mode off. A live region says where you are.
 */
export interface BarHandlers {
  step(by: 1 | -1): void;
  /** Enter or a click on the word button: open its card and put focus in it. */
  openCurrent(): void;
  /** Escape on the bar: back to where you were on the page. */
  leave(): void;
  turnOff(): void;
}

export class ReadBar {
  readonly el: HTMLDivElement;
  readonly word: HTMLButtonElement;
  private readonly status: HTMLParagraphElement;
  private readonly count: HTMLSpanElement;

  constructor(
    layer: HTMLElement,
    private readonly handlers: BarHandlers,
  ) {
    const doc = layer.ownerDocument;
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string) => {
      const e = doc.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined) e.textContent = text;
      return e;
    };
    const button = (cls: string, text: string, onClick: () => void) => {
      const b = make('button', cls, text);
      b.type = 'button';
      b.addEventListener('click', onClick);
      return b;
    };
    this.el = make('div', 'read-bar');
    this.el.setAttribute('role', 'region');
    this.el.setAttribute('aria-label', 'Plain SEND: words explained');
    this.el.hidden = true;
    const name = make('span', 'name', 'Plain SEND');
    this.count = make('span', 'count', '');
    const hint = make(
      'p',
      'visually-hidden',
      'Enter shows what the word means. The arrow keys go to the next or previous word. Escape goes back to the page.',
    );
    hint.id = 'plain-send-read-hint';
    this.word = button('word', 'Show first word', () => handlers.openCurrent());
    this.word.setAttribute('aria-describedby', hint.id);
    this.word.addEventListener('keydown', (e) => this.wordKey(e));
    const previous = button('previous', 'Previous', () => handlers.step(-1));
    previous.setAttribute('aria-label', 'Previous word');
    const next = button('next', 'Next', () => handlers.step(1));
    next.setAttribute('aria-label', 'Next word');
    const off = button('off', 'Turn off', () => handlers.turnOff());
    off.setAttribute('aria-label', 'Turn off Plain SEND read mode');
    this.status = make('p', 'visually-hidden');
    this.status.setAttribute('role', 'status');
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        handlers.leave();
      }
    });
    this.el.append(name, this.count, previous, this.word, next, off, hint, this.status);
    layer.append(this.el);
  }

  private wordKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const by =
      e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (by) {
      e.preventDefault();
      this.handlers.step(by);
    }
  }

  show(): void {
    this.el.hidden = false;
  }

  hide(): void {
    this.el.hidden = true;
  }

  /** The count of words on the page (while reading: so far). */
  setCount(found: number, busy: boolean): void {
    this.count.textContent =
      found === 0 && busy ? 'Reading the page…' : `${found} ${found === 1 ? 'word' : 'words'} explained`;
  }

  /** The word you are on: its name on the button, and said out loud once. */
  setCurrent(term: string | undefined, position: number, total: number): void {
    this.word.textContent = term ? `${term} (${position} of ${total})` : 'Show first word';
  }

  announce(text: string): void {
    // A fresh text node each time, so the same words twice are still read out.
    this.status.textContent = '';
    this.status.textContent = text;
  }

  focusWord(): void {
    this.word.focus({ preventScroll: true });
  }
}
