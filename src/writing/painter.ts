/**
 * Painting findings without touching the editor.
 *
 * - Rich fields (contenteditable): the CSS Custom Highlight API. Ranges over the editor's own
 *   text nodes go into named highlights (`CSS.highlights`); nothing is added to the DOM, and
 *   live ranges follow the text as the user types until the next check replaces them.
 * - Textareas: a mirror in our shadow root, placed over the field (outside it), with the
 *   field's computed text styles, transparent text and underlined marks, scrolled with it.
 *
 * Custom highlights cannot be clicked, so both painters give the client rectangles of each
 * finding for hit-testing and for placing the card.
 */
import type { Category } from '../engine/types.js';
import type { WireFinding } from '../browser/messages/protocol.js';
import { ACTIVE, CATEGORIES, highlightName } from '../browser/page/styles.js';
import { mapText, rangeFor, type TextMap } from '../browser/page/text-map.js';
import type { UiRoot } from '../browser/page/ui-root.js';

export interface Painter {
  paint(text: string, findings: readonly WireFinding[], active?: WireFinding): void;
  /** Where a finding is on screen now (viewport coordinates). */
  rects(f: WireFinding): DOMRect[];
  /** Follows the field after scrolling or resizing. */
  reposition(): void;
  clear(): void;
}

type Name = Category | typeof ACTIVE;

/** The page's highlight registry, shared by every rich field in this document. */
export class HighlightLayer {
  private readonly highlights = new Map<Name, Highlight>();
  private readonly owned = new Map<object, Map<Name, Range[]>>();
  readonly supported: boolean;

  constructor(private readonly win: Window & typeof globalThis) {
    this.supported = typeof win.Highlight === 'function' && !!win.CSS?.highlights;
  }

  private highlight(name: Name): Highlight {
    let h = this.highlights.get(name);
    if (!h) {
      h = new this.win.Highlight();
      // Words above sentences, the open card's word above all.
      h.priority = name === ACTIVE ? 3 : name === 'sentence' ? 1 : 2;
      this.highlights.set(name, h);
    }
    if (this.win.CSS.highlights.get(highlightName(name)) !== h) this.win.CSS.highlights.set(highlightName(name), h);
    return h;
  }

  set(owner: object, ranges: Map<Name, Range[]>): void {
    if (!this.supported) return;
    const before = this.owned.get(owner);
    for (const name of [...CATEGORIES, ACTIVE] as Name[]) {
      const old = before?.get(name) ?? [];
      const now = ranges.get(name) ?? [];
      if (!old.length && !now.length) continue;
      const h = this.highlight(name);
      for (const r of old) h.delete(r);
      for (const r of now) h.add(r);
    }
    this.owned.set(owner, ranges);
  }

  clear(owner: object): void {
    this.set(owner, new Map());
    this.owned.delete(owner);
  }

  destroy(): void {
    if (!this.supported) return;
    for (const name of this.highlights.keys()) {
      if (this.win.CSS.highlights.get(highlightName(name)) === this.highlights.get(name))
        this.win.CSS.highlights.delete(highlightName(name));
    }
    this.highlights.clear();
    this.owned.clear();
  }
}

export class RichPainter implements Painter {
  private map: TextMap | undefined;
  private ranges = new Map<WireFinding, Range>();

  constructor(
    private readonly root: HTMLElement,
    private readonly layer: HighlightLayer,
  ) {}

  /** Reads the field's text (and keeps the map for painting). */
  read(): TextMap {
    this.map = mapText(this.root);
    return this.map;
  }

  /** The last map, if it still describes the field: same text, on the same text nodes. */
  private fresh(text: string): TextMap | undefined {
    const map = this.map;
    if (!map || map.text !== text) return undefined;
    // Editors re-render text nodes without changing the text (React, Lexical's reconciler):
    // ranges on nodes that left the field would paint nothing.
    for (const s of map.segments) if (!this.root.contains(s.node)) return undefined;
    return map;
  }

  paint(text: string, findings: readonly WireFinding[], active?: WireFinding): void {
    const map = this.fresh(text) ?? this.read();
    const byName = new Map<Name, Range[]>();
    this.ranges = new Map();
    for (const f of findings) {
      if (map.text.slice(f.start, f.end) !== f.text) continue;
      const range = rangeFor(map, f.start, f.end, this.root.ownerDocument);
      if (!range) continue;
      this.ranges.set(f, range);
      const list = byName.get(f.category) ?? [];
      list.push(range);
      byName.set(f.category, list);
      if (active && f.start === active.start && f.end === active.end && f.rule === active.rule)
        byName.set(ACTIVE, [range.cloneRange()]);
    }
    this.layer.set(this, byName);
  }

  rangeOf(f: WireFinding): Range | undefined {
    return this.ranges.get(f);
  }

  rects(f: WireFinding): DOMRect[] {
    const r = this.ranges.get(f);
    return r ? [...r.getClientRects()] : [];
  }

  reposition(): void {
    // Highlights follow the text by themselves.
  }

  clear(): void {
    this.layer.clear(this);
    this.ranges.clear();
  }
}

function same(f: WireFinding, g: WireFinding): boolean {
  return f.start === g.start && f.end === g.end && f.rule === g.rule;
}

/** Computed styles a mirror copies so that its text wraps exactly like the field's. */
const COPIED = [
  'direction',
  'font-family',
  'font-size',
  'font-style',
  'font-variant',
  'font-weight',
  'font-stretch',
  'font-kerning',
  'font-feature-settings',
  'font-variation-settings',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-indent',
  'text-transform',
  'text-align',
  'tab-size',
  'white-space',
  'word-break',
  'overflow-wrap',
  'hyphens',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-right-width',
  'border-bottom-width',
  'border-left-width',
  'border-top-style',
  'border-right-style',
  'border-bottom-style',
  'border-left-style',
] as const;

/**
 * The part of the viewport where an element can be seen through the boxes around it that clip
 * their content (overflow other than visible), up to a fixed-position box or the document.
 * Undefined when nothing clips it.
 */
export function clipBox(el: Element): { top: number; right: number; bottom: number; left: number } | undefined {
  const view = el.ownerDocument.defaultView!;
  let clip: { top: number; right: number; bottom: number; left: number } | undefined;
  let node: Element | null = el;
  while (node) {
    const parent: Element | null = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
    if (!parent || parent === el.ownerDocument.documentElement) break;
    const style = view.getComputedStyle(parent);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      const r = parent.getBoundingClientRect();
      // The padding box clips: inside the borders.
      const top = r.top + parent.clientTop;
      const left = r.left + parent.clientLeft;
      const box = { top, left, bottom: top + parent.clientHeight, right: left + parent.clientWidth };
      clip = clip
        ? {
            top: Math.max(clip.top, box.top),
            left: Math.max(clip.left, box.left),
            bottom: Math.min(clip.bottom, box.bottom),
            right: Math.min(clip.right, box.right),
          }
        : box;
    }
    if (style.position === 'fixed') break;
    node = parent;
  }
  return clip;
}

/**
 * One line of the field's text in the mirror (or a few, when a mark runs over a line break): its
 * own block, so that a keystroke re-lays out the line it changed, not the whole text. `placed`
 * holds each finding's mark, in the order of `findings` (undefined for one left out).
 */
interface MirrorBlock {
  /** Where it starts in the text, and its text (with the line break that ends it). */
  from: number;
  body: string;
  key: string;
  findings: WireFinding[];
  el?: HTMLDivElement;
  placed: (HTMLElement | undefined)[];
}

export class MirrorPainter implements Painter {
  readonly mirror: HTMLDivElement;
  private readonly inner: HTMLDivElement;
  private marks = new Map<WireFinding, HTMLElement>();
  private blocks: MirrorBlock[] = [];
  /** Where the field can be seen, set each time the mirror is placed (hit-testing asks often, per finding). */
  private visible = { top: 0, right: 0, bottom: 0, left: 0 };

  constructor(
    private readonly field: HTMLTextAreaElement,
    ui: UiRoot,
  ) {
    const doc = ui.layer.ownerDocument;
    this.mirror = doc.createElement('div');
    this.mirror.className = 'mirror';
    this.mirror.setAttribute('aria-hidden', 'true');
    this.inner = doc.createElement('div');
    this.inner.className = 'mirror-inner';
    this.mirror.append(this.inner);
    ui.layer.append(this.mirror);
  }

  /**
   * The text as blocks of whole lines, each with its marks. A block whose text and marks are
   * as last time keeps its elements: typing rebuilds (and the browser re-lays out) one line.
   */
  paint(text: string, findings: readonly WireFinding[], active?: WireFinding): void {
    const sorted = findings
      .filter((f) => text.slice(f.start, f.end) === f.text)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const blocks: MirrorBlock[] = [];
    let from = 0;
    let next = 0;
    // Each line break ends a block, unless a mark runs over it. One pass over the lines and the marks.
    let started = 0;
    let reach = 0;
    for (let at = text.indexOf('\n'); ; at = text.indexOf('\n', at + 1)) {
      for (; at >= 0 && started < sorted.length && sorted[started].start <= at; started++)
        reach = Math.max(reach, sorted[started].end);
      if (at >= 0 && reach > at) continue;
      const end = at < 0 ? text.length : at;
      let upto = next;
      while (upto < sorted.length && sorted[upto].start <= end) upto++;
      const own = sorted.slice(next, upto);
      next = upto;
      // An empty last line takes a space, so that it takes up a line as in the field.
      const body = at < 0 ? text.slice(from) || (text.length ? ' ' : '') : text.slice(from, at + 1);
      const marks = own.map(
        (f) => `${f.start - from},${f.end - from},${f.category}${active && same(f, active) ? '*' : ''}`,
      );
      blocks.push({ from, body, key: `${body}\u0000${marks.join(';')}`, findings: own, placed: [] });
      if (at < 0) break;
      from = at + 1;
    }
    // The blocks before and after the change stay as they are.
    const old = this.blocks;
    let head = 0;
    while (head < old.length && head < blocks.length && old[head].key === blocks[head].key) head++;
    let tail = 0;
    while (
      tail < old.length - head &&
      tail < blocks.length - head &&
      old[old.length - 1 - tail].key === blocks[blocks.length - 1 - tail].key
    )
      tail++;
    const keep = (b: MirrorBlock, o: MirrorBlock) => {
      b.el = o.el;
      b.placed = o.placed;
    };
    for (let i = 0; i < head; i++) keep(blocks[i], old[i]);
    for (let i = 1; i <= tail; i++) keep(blocks[blocks.length - i], old[old.length - i]);
    const before = tail ? old[old.length - tail].el! : null;
    for (const o of old.slice(head, old.length - tail)) o.el!.remove();
    for (const b of blocks.slice(head, blocks.length - tail)) this.inner.insertBefore(this.build(b, active), before);
    this.blocks = blocks;
    this.marks = new Map();
    for (const b of blocks)
      b.findings.forEach((f, i) => {
        const mark = b.placed[i];
        if (mark) this.marks.set(f, mark);
      });
    this.reposition();
  }

  /** A block's element: its text, marks nested (a sentence holds the words in it; a span that straddles an open one is left out). */
  private build(block: MirrorBlock, active?: WireFinding): HTMLDivElement {
    const doc = this.mirror.ownerDocument;
    const el = doc.createElement('div');
    el.className = 'mirror-line';
    const { body, from } = block;
    const stack: { el: Node; end: number }[] = [{ el, end: body.length }];
    let at = 0;
    const put = (upto: number) => {
      if (upto > at) stack[stack.length - 1].el.appendChild(doc.createTextNode(body.slice(at, upto)));
      at = Math.max(at, upto);
    };
    block.placed = block.findings.map((f) => {
      const start = f.start - from;
      const end = f.end - from;
      while (stack.length > 1 && stack[stack.length - 1].end <= start) {
        put(stack[stack.length - 1].end);
        stack.pop();
      }
      if (start < at || end > stack[stack.length - 1].end) return undefined;
      put(start);
      const mark = doc.createElement('span');
      mark.className = `mark ${f.category}`;
      if (active && same(f, active)) mark.classList.add('active');
      stack[stack.length - 1].el.appendChild(mark);
      stack.push({ el: mark, end });
      return mark;
    });
    while (stack.length > 1) {
      put(stack[stack.length - 1].end);
      stack.pop();
    }
    put(body.length);
    block.el = el;
    return el;
  }

  /** The mirror's text, marks and all (for tests and debugging). */
  get text(): string {
    return this.inner.textContent ?? '';
  }

  rects(f: WireFinding): DOMRect[] {
    const mark = this.marks.get(f);
    if (!mark) return [];
    // Only the parts that can be seen: inside the field, and inside any box that clips it, as
    // they were when the mirror was last placed (the marks' own rectangles are the mirror's).
    const box = this.visible;
    return [...mark.getClientRects()].filter(
      (r) => r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right,
    );
  }

  /**
   * Reads everything first, then writes: one layout, which the next frame needs anyway (reading
   * after a write would force a layout per read). The text scrolls by a transform, so nothing
   * is read back from the mirror.
   */
  reposition(): void {
    const f = this.field;
    const style = f.ownerDocument.defaultView!.getComputedStyle(f);
    const box = f.getBoundingClientRect();
    const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    // A vertical scrollbar narrows the text box: narrow the mirror's the same.
    const scrollbar = Math.max(0, f.offsetWidth - f.clientWidth - borders);
    const { scrollTop, scrollLeft } = f;
    const shown = box.width && box.height && style.display !== 'none' && style.visibility !== 'hidden';
    const clip = clipBox(f);
    this.visible = clip
      ? {
          top: Math.max(box.top, clip.top),
          bottom: Math.min(box.bottom, clip.bottom),
          left: Math.max(box.left, clip.left),
          right: Math.min(box.right, clip.right),
        }
      : { top: box.top, bottom: box.bottom, left: box.left, right: box.right };
    const m = this.mirror.style;
    for (const p of COPIED) m.setProperty(p, style.getPropertyValue(p));
    if (style.getPropertyValue('white-space') === 'normal' || !style.getPropertyValue('white-space'))
      m.setProperty('white-space', 'pre-wrap');
    m.left = `${box.left}px`;
    m.top = `${box.top}px`;
    m.width = `${box.width}px`;
    m.height = `${box.height}px`;
    m.display = shown ? 'block' : 'none';
    m.paddingRight = `${parseFloat(style.paddingRight) + scrollbar}px`;
    this.inner.style.transform = scrollTop || scrollLeft ? `translate(${-scrollLeft}px, ${-scrollTop}px)` : '';
    // The mirror is fixed to the viewport, so a scrolled box around the field does not clip it: clip it the same.
    m.clipPath = clip
      ? `inset(${Math.max(0, clip.top - box.top)}px ${Math.max(0, box.right - clip.right)}px ${Math.max(0, box.bottom - clip.bottom)}px ${Math.max(0, clip.left - box.left)}px)`
      : '';
  }

  /** Scrolls the textarea so that the finding is in view (a third of the way down), then the page to the textarea. */
  reveal(f: WireFinding): void {
    const mark = this.marks.get(f);
    const field = this.field;
    if (mark) {
      // The mirror's text sits where the field's does: the mark's place in it is the place to scroll to.
      const top = mark.offsetTop;
      if (top < field.scrollTop || top + mark.offsetHeight > field.scrollTop + field.clientHeight)
        field.scrollTop = Math.max(0, top - field.clientHeight / 3);
    }
    field.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    this.reposition();
  }

  clear(): void {
    this.inner.replaceChildren();
    this.marks.clear();
    this.blocks = [];
  }

  destroy(): void {
    this.mirror.remove();
  }
}
