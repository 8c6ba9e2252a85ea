/**
 * "Review this message": one panel for the whole field. The reading age against the reader's,
 * the actions that fix the whole message at once, and every finding grouped by kind, one entry
 * per term with how many times it is used; pressing a term shows its next place in the text.
 * A non-modal dialog in our shadow root: focus goes into it, Tab stays in it, Escape closes it.
 */
import type { Category } from '../engine/types.js';
import type { WireFinding, WireReadability } from '../browser/messages/protocol.js';
import {
  applyEdits,
  findMeaningsBlock,
  listWords,
  planMeanings,
  plainWordEdits,
  shortFormEdits,
  timesLabel,
} from '../engine/review/index.js';
import { element } from '../browser/page/element.js';

/** What the panel shows: the field's text and its findings as last checked. */
export interface ReviewState {
  text: string;
  /** Findings to show (not ignored, not explained by the text). */
  shown: readonly WireFinding[];
  /** Every finding not ignored here, explained or not (the meanings list takes terms explained in the text too). */
  all: readonly WireFinding[];
  readability?: WireReadability;
}

export type ReviewAction = 'explain' | 'plain' | 'meanings';

export interface ReviewHandlers {
  /** One of the whole-message actions. */
  act(action: ReviewAction): void;
  /** Put in the plainer word at every place of one term. */
  usePlainer(findings: WireFinding[]): void;
  /** Show this place in the text. */
  show(f: WireFinding): void;
  /** The panel closed; `restoreFocus` when closed from the keyboard or its Close button. */
  closed(restoreFocus: boolean): void;
}

const GROUPS: readonly { category: Category; title: string }[] = [
  { category: 'acronym', title: 'Short forms not explained' },
  { category: 'jargon', title: 'SEND words' },
  { category: 'plain-word', title: 'Plainer words' },
  { category: 'sentence', title: 'Long sentences' },
];

/** What each whole-message action is about to do, from the state (the same text every surface gives). */
export function reviewPlan(state: Pick<ReviewState, 'text' | 'shown' | 'all'>) {
  const explain = shortFormEdits(state.shown);
  const plain = plainWordEdits(state.shown);
  const meanings = planMeanings(state.text, state.all);
  const meaningsChange = !!meanings.edit && applyEdits(state.text, [meanings.edit]) !== state.text;
  return { explain, plain, meanings, meaningsChange, hasList: !!findMeaningsBlock(state.text) };
}

/** The first words of a long sentence, for its entry. */
export function sentenceLabel(text: string, words = 8): string {
  const all = text.trim().split(/\s+/);
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}…`;
}

let panelCount = 0;

export class ReviewPanel {
  readonly el: HTMLDivElement;
  private readonly id = `plain-send-review-${++panelCount}`;
  private readonly status: HTMLParagraphElement;
  private readonly body: HTMLDivElement;
  /** Per term: the place shown last. */
  private readonly cursor = new Map<string, number>();

  constructor(
    layer: HTMLElement,
    private readonly handlers: ReviewHandlers,
  ) {
    const doc = layer.ownerDocument;
    this.el = doc.createElement('div');
    this.el.className = 'review';
    this.el.setAttribute('role', 'dialog');
    this.el.setAttribute('aria-modal', 'false');
    this.el.setAttribute('aria-labelledby', `${this.id}-title`);
    this.el.tabIndex = -1;
    this.el.hidden = true;
    const close = this.make('button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close the review');
    close.addEventListener('click', () => this.close(true));
    const title = this.make('h2', '', 'Review this message');
    title.id = `${this.id}-title`;
    this.status = this.make('p', 'status');
    this.status.setAttribute('role', 'status');
    this.body = this.make('div', 'body');
    this.el.append(close, title, this.body, this.status);
    this.el.addEventListener('keydown', (e) => this.keydown(e));
    // A press in the panel is ours: editors that take focus back on a press in their document
    // (TinyMCE in its frame) must not see it.
    for (const type of ['mousedown', 'pointerdown', 'mouseup', 'pointerup', 'click', 'focusin'])
      this.el.addEventListener(type, (e) => e.stopPropagation());
    layer.append(this.el);
  }

  get isOpen(): boolean {
    return !this.el.hidden;
  }

  open(state: ReviewState): void {
    this.cursor.clear();
    this.status.textContent = '';
    this.el.hidden = false;
    this.update(state);
    this.el.focus({ preventScroll: true });
  }

  /** Fresh findings: drawn again, focus kept on the same control if it is still there. */
  update(state: ReviewState): void {
    const root = this.el.getRootNode() as ShadowRoot | Document;
    const active = root.activeElement as HTMLElement | null;
    const keep = active && this.el.contains(active) ? active.dataset.id : undefined;
    this.render(state);
    if (keep) this.focus(keep);
  }

  /** Focus on the control with this id (an action's name, or `go:` and a term's key), else the panel. */
  focus(id?: string): void {
    const target = id ? [...this.el.querySelectorAll<HTMLElement>('[data-id]')].find((e) => e.dataset.id === id) : null;
    (target && !(target as HTMLButtonElement).disabled ? target : this.el).focus({ preventScroll: true });
  }

  say(message: string): void {
    this.status.textContent = message;
  }

  close(restoreFocus = false): void {
    if (this.el.hidden) return;
    this.el.hidden = true;
    this.body.replaceChildren();
    this.handlers.closed(restoreFocus);
  }

  contains(node: Node | null): boolean {
    return !!node && this.el.contains(node);
  }

  private readonly make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string) =>
    element(this.el.ownerDocument, tag, cls, text);

  private button(id: string, label: string, onClick: () => void, cls = ''): HTMLButtonElement {
    const b = this.make('button', cls, label);
    b.type = 'button';
    b.dataset.id = id;
    b.addEventListener('click', onClick);
    return b;
  }

  private render(state: ReviewState): void {
    const parts: HTMLElement[] = [];
    const r = state.readability;
    if (r && r.words > 0) {
      const age = Math.round(r.readingAge * 10) / 10;
      const who = r.audienceLabel.toLowerCase();
      parts.push(
        this.make(
          'p',
          `age ${r.withinAudience ? 'ok' : 'hard'}`,
          r.withinAudience
            ? `✓ Reading age ${age}: easy enough for ${who} (aim for ${r.maxReadingAge} or under).`
            : `▲ Reading age ${age}: too hard for ${who}, who need ${r.maxReadingAge} or under.`,
        ),
      );
    }
    const plan = reviewPlan(state);
    const actions = this.make('div', 'actions');
    const explain = this.button(
      'explain',
      plan.explain.length ? `Explain every short form (${plan.explain.length})` : 'No short forms to explain',
      () => this.handlers.act('explain'),
      'fix',
    );
    explain.disabled = !plan.explain.length;
    const plain = this.button(
      'plain',
      plan.plain.length ? `Use every plainer word (${plan.plain.length})` : 'No plainer words to use',
      () => this.handlers.act('plain'),
    );
    plain.disabled = !plan.plain.length;
    const meanings = this.button(
      'meanings',
      !plan.meaningsChange
        ? plan.hasList
          ? 'The meanings at the end are up to date'
          : 'No words to explain at the end'
        : plan.hasList
          ? 'Update the meanings at the end'
          : 'Add the meanings at the end',
      () => this.handlers.act('meanings'),
    );
    meanings.disabled = !plan.meaningsChange;
    actions.append(explain, plain, meanings);
    parts.push(actions);

    let any = false;
    for (const group of GROUPS) {
      const found = state.shown.filter((f) => f.category === group.category);
      if (!found.length) continue;
      any = true;
      parts.push(this.group(group.category, group.title, found));
    }
    if (!any) parts.push(this.make('p', 'empty', 'Nothing to look at in this message.'));
    this.body.replaceChildren(...parts);
  }

  /** One kind of finding: a heading with how many, then one entry per term. */
  private group(category: Category, title: string, found: readonly WireFinding[]): HTMLElement {
    const section = this.make('section', `group ${category}`);
    const h = this.make('h3', `kind ${category}`, `${title} (${found.length})`);
    h.id = `${this.id}-${category}`;
    section.setAttribute('aria-labelledby', h.id);
    const at = new Map<string, WireFinding>();
    for (const f of found) at.set(`${f.start}:${f.end}`, f);
    const list = this.make('ul', '');
    for (const entry of listWords(found)) {
      const places = entry.places.map((p) => at.get(`${p.start}:${p.end}`)!).filter(Boolean);
      const li = this.make('li', '');
      const name = category === 'sentence' ? sentenceLabel(entry.term) : entry.term;
      const go = this.button(`go:${entry.key}`, '', () => this.showNext(entry.key, name, places), 'place');
      go.append(this.make('span', 'term', name), this.make('span', 'count', ` · ${timesLabel(entry.count)}`));
      go.title = places.length > 1 ? 'Show the next place in the message' : 'Show it in the message';
      li.append(go);
      const fix = places[0]?.replacements[0];
      if (category === 'plain-word' && fix) {
        const use = this.button(`use:${entry.key}`, fix.label, () => this.handlers.usePlainer(places), 'use');
        use.setAttribute(
          'aria-label',
          `${fix.label} for "${name}"${places.length > 1 ? `, ${timesLabel(places.length)}` : ''}`,
        );
        li.append(use);
      }
      list.append(li);
    }
    section.append(h, list);
    return section;
  }

  private showNext(key: string, name: string, places: readonly WireFinding[]): void {
    if (!places.length) return;
    const i = ((this.cursor.get(key) ?? -1) + 1) % places.length;
    this.cursor.set(key, i);
    this.handlers.show(places[i]);
    this.say(places.length > 1 ? `${name}: place ${i + 1} of ${places.length}` : `${name}: shown in the message`);
  }

  private keydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close(true);
      return;
    }
    if (e.key === 'Tab') {
      const controls = [...this.el.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.disabled);
      if (!controls.length) return;
      const active = (this.el.getRootNode() as ShadowRoot).activeElement;
      const i = controls.indexOf(active as HTMLButtonElement);
      const next = e.shiftKey ? (i <= 0 ? controls.length - 1 : i - 1) : i === controls.length - 1 ? 0 : i + 1;
      e.preventDefault();
      controls[next].focus();
    }
  }
}
