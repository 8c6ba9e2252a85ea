/**
 * Read mode's marks: CSS Custom Highlights in each document read (the page and its
 * same-origin frames). Nothing is added to the page's DOM: ranges go into named highlights,
 * and the `::highlight()` rules come in an adopted stylesheet. Read mode has its own names
 * (`plain-send-read-*`), so it never fights the writing side's marks in the same page.
 */
import { readHighlightCss, readHighlightName, type ReadMark } from './styles.js';
import { debugLog } from '../browser/debug.js';

export { readHighlightName, type ReadMark };
const MARKS: readonly ReadMark[] = ['jargon', 'acronym', 'active'];

export function markOf(category: string): ReadMark {
  return category === 'jargon' ? 'jargon' : 'acronym';
}

/** The marks of one document. Owners ('page', 'explain') add and clear their own ranges. */
export class ReadLayer {
  readonly supported: boolean;
  private readonly highlights = new Map<ReadMark, Highlight>();
  private readonly owned = new Map<string, Map<ReadMark, Range[]>>();
  private sheet: CSSStyleSheet | undefined;
  private readonly shadows = new Set<ShadowRoot>();

  constructor(readonly doc: Document) {
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    this.supported = !!win && typeof win.Highlight === 'function' && !!win.CSS?.highlights;
  }

  private get win(): Window & typeof globalThis {
    return this.doc.defaultView as Window & typeof globalThis;
  }

  private highlight(mark: ReadMark): Highlight {
    let h = this.highlights.get(mark);
    if (!h) {
      h = new this.win.Highlight();
      h.priority = mark === 'active' ? 3 : 2;
      this.highlights.set(mark, h);
    }
    const name = readHighlightName(mark);
    if (this.win.CSS.highlights.get(name) !== h) this.win.CSS.highlights.set(name, h);
    return h;
  }

  /**
   * Adopts the `::highlight()` rules (once; again if the page dropped them). New rules make the
   * browser restyle every element, so read mode adopts them as it starts, while it waits for
   * the engine, rather than with the first marks.
   */
  adoptStyles(): void {
    try {
      if (!this.sheet) {
        this.sheet = new this.win.CSSStyleSheet();
        this.sheet.replaceSync(readHighlightCss());
      }
      if (!this.doc.adoptedStyleSheets.includes(this.sheet))
        this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
    } catch (error) {
      debugLog('read-mode stylesheet', error);
      // No constructable stylesheets: the browser's default highlight colours still show.
    }
  }

  /** A page's styles stop at a shadow tree's edge: a web component with marks gets the rules too. */
  private adoptInShadow(root: Node): void {
    if (
      root === this.doc ||
      this.shadows.has(root as ShadowRoot) ||
      !this.sheet ||
      !(root instanceof this.win.ShadowRoot)
    )
      return;
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
      this.shadows.add(root);
    } catch (error) {
      debugLog('read-mode stylesheet into a shadow root', error);
      // A root that will not take it: its marks show in the browser's default colours.
    }
  }

  /** Adds ranges for an owner (painting as answers come in). */
  add(owner: string, mark: ReadMark, ranges: readonly Range[]): void {
    if (!this.supported || !ranges.length) return;
    this.adoptStyles();
    for (const r of ranges) this.adoptInShadow(r.startContainer.getRootNode());
    const mine = this.owned.get(owner) ?? new Map<ReadMark, Range[]>();
    this.owned.set(owner, mine);
    const list = mine.get(mark) ?? [];
    mine.set(mark, list);
    const h = this.highlight(mark);
    for (const r of ranges) {
      h.add(r);
      list.push(r);
    }
  }

  /** Replaces everything an owner has (for 'active': the one word whose card is open). */
  set(owner: string, mark: ReadMark, ranges: readonly Range[]): void {
    this.clear(owner, mark);
    this.add(owner, mark, ranges);
  }

  clear(owner: string, mark?: ReadMark): void {
    const mine = this.owned.get(owner);
    if (!mine || !this.supported) return;
    for (const m of mark ? [mark] : MARKS) {
      const list = mine.get(m);
      if (!list?.length) continue;
      const h = this.highlights.get(m);
      if (h) for (const r of list) h.delete(r);
      mine.delete(m);
    }
    if (!mine.size) this.owned.delete(owner);
  }

  destroy(): void {
    this.owned.clear();
    if (this.supported) {
      try {
        for (const [mark, h] of this.highlights) {
          const name = readHighlightName(mark);
          if (this.win.CSS.highlights.get(name) === h) this.win.CSS.highlights.delete(name);
        }
      } catch (error) {
        debugLog('removing highlights', error);
        // The frame went away.
      }
    }
    this.highlights.clear();
    if (this.sheet) {
      for (const root of [this.doc, ...this.shadows]) {
        try {
          root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
        } catch (error) {
          debugLog('removing the read-mode stylesheet', error);
          // The frame went away.
        }
      }
    }
    this.shadows.clear();
  }
}
