/**
 * The text a reader sees on a page, as the engine reads it, and the way back from engine
 * offsets (UTF-16) to DOM ranges.
 *
 * Each block (paragraph, heading, list item, table cell, and anything the page lays out as a
 * block) is one line, so one engine paragraph; the "\n" between blocks are virtual (no text
 * node holds them). Left out: scripts, styles, form fields, buttons, editors (the writing side
 * looks after those), text that is not shown (display: none, visibility: hidden, `hidden`, a
 * closed <details> below its summary, screen-reader-only clipping), our own UI, and anything
 * marked `data-plain-send="off"`. Same-origin frames are read in place, as blocks of the page,
 * so a page and its frames make one list of words. A web component's open shadow tree is read
 * as it is shown, with the page's content in its slots.
 */
import { isBlock, pointAt, type Segment, type TextMap } from '../browser/page/text-map.js';
import { debugLog } from '../browser/debug.js';

export interface PageText extends TextMap {
  /** The documents the text came from: the page, then its same-origin frames. */
  documents: Document[];
  /** The open shadow roots read (web components draw their text in them). */
  shadowRoots: ShadowRoot[];
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'SVG',
  'MATH',
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'OBJECT',
  'EMBED',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'DATALIST',
  'BUTTON',
  'FRAMESET',
  'PLAIN-SEND-UI',
]);
const FRAMES = new Set(['IFRAME', 'FRAME']);
/** White space that keeps its line breaks. */
const PRE = new Set(['pre', 'pre-wrap', 'pre-line', 'break-spaces']);

function editable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v !== 'false';
}

/** Text a screen reader gets but nobody sees (the usual "visually hidden" clip). */
function clippedAway(s: CSSStyleDeclaration): boolean {
  if (s.position !== 'absolute' && s.position !== 'fixed') return false;
  return (
    s.clip === 'rect(0px, 0px, 0px, 0px)' ||
    s.clip === 'rect(0px 0px 0px 0px)' ||
    s.clipPath === 'inset(50%)' ||
    s.clipPath === 'inset(100%)'
  );
}

function style(el: Element): CSSStyleDeclaration | undefined {
  const view = el.ownerDocument.defaultView;
  return view ? view.getComputedStyle(el) : undefined;
}

/** The document inside a frame when we may read it (same origin, loaded, not an editor). */
export function frameDocument(frame: Element): Document | undefined {
  try {
    const doc = (frame as HTMLIFrameElement).contentDocument;
    if (!doc || !doc.body || doc.designMode === 'on') return undefined;
    return doc;
  } catch {
    return undefined;
  }
}

export interface ExtractOptions {
  /** Only the text inside this range (a selection), clipped at its ends. */
  range?: Range;
}

/** Reads the text of `root` (a document or an element) and of its same-origin frames. */
export function extractText(root: Document | Element, options: ExtractOptions = {}): PageText {
  const reading = new TextReader(options.range);
  if (root.nodeType === 9) {
    const doc = root as Document;
    reading.documents.push(doc);
    if (doc.body && doc.designMode !== 'on') reading.walk(doc.body, false);
  } else {
    reading.documents.push(root.ownerDocument!);
    reading.walk(root, false);
  }
  const { text, segments, documents, shadowRoots } = reading;
  return { root, text, segments, documents, shadowRoots };
}

/** Whether a computed style hides the element from sight. */
function unseen(s: CSSStyleDeclaration | undefined): boolean {
  return (
    !!s &&
    (s.display === 'none' ||
      s.visibility === 'hidden' ||
      s.visibility === 'collapse' ||
      s.contentVisibility === 'hidden' ||
      clippedAway(s))
  );
}

/** One pass over the visible text, in document order, one line per block. */
class TextReader {
  text = '';
  readonly segments: Segment[] = [];
  readonly documents: Document[] = [];
  readonly shadowRoots: ShadowRoot[] = [];
  private pending = false;
  // Whether the text ends with a line break, kept aside: asking the growing string (endsWith)
  // would flatten it each time, which made reading a long page quadratic.
  private atLineStart = true;

  /** `range`: only the text inside it (a selection), clipped at its ends. */
  constructor(private readonly range: Range | undefined) {}

  private breakLine(): void {
    if (this.text.length > 0) this.pending = true;
  }

  private flush(): void {
    if (this.pending && !this.atLineStart) {
      this.text += '\n';
      this.atLineStart = true;
    }
    this.pending = false;
  }

  private addText(node: Text, pre: boolean): void {
    const range = this.range;
    let from = 0;
    let to = node.data.length;
    if (range) {
      if (!range.intersectsNode(node)) return;
      if (node === range.startContainer) from = range.startOffset;
      if (node === range.endContainer) to = range.endOffset;
    }
    if (to <= from) return;
    this.flush();
    // The segment says where the node's first character would be, even when the range starts inside it.
    this.segments.push({ node, start: this.text.length - from });
    const data = from === 0 && to === node.data.length ? node.data : node.data.slice(from, to);
    const added = pre ? data.replace(/\r/g, ' ').replace(/\t/g, ' ') : data.replace(/[\r\n\t]/g, ' ');
    this.text += added;
    this.atLineStart = added.charCodeAt(added.length - 1) === 10;
  }

  walk(parent: Node, pre: boolean): void {
    for (let child = parent.firstChild; child; child = child.nextSibling) this.visit(child, pre);
  }

  private visit(child: Node, pre: boolean): void {
    if (child.nodeType === 3) {
      if ((child as Text).data.length) this.addText(child as Text, pre);
      return;
    }
    if (child.nodeType !== 1) return;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el.hasAttribute('hidden') || editable(el) || el.getAttribute('data-plain-send') === 'off')
      return;
    if (this.range && !this.range.intersectsNode(el)) return;
    if (tag === 'BR') {
      this.flush();
      this.text += '\n';
      this.atLineStart = true;
      return;
    }
    const s = style(el);
    if (unseen(s)) return;
    if (FRAMES.has(tag)) {
      this.frame(el);
      return;
    }
    // Laid out as a block, or a block by its tag (list items shown in a row are still apart).
    const display = s?.display || 'inline';
    const block =
      isBlock(el) || !(display.startsWith('inline') || display === 'contents' || display.startsWith('ruby'));
    if (block) this.breakLine();
    const whiteSpace = s?.whiteSpace ?? '';
    this.inside(el, tag, whiteSpace ? PRE.has(whiteSpace) : pre || tag === 'PRE');
    if (block) this.breakLine();
  }

  /** A same-origin frame's text in its place (not for a selection). */
  private frame(el: Element): void {
    const doc = frameDocument(el);
    if (!doc || this.range) return;
    this.documents.push(doc);
    this.breakLine();
    this.walk(doc.body, false);
    this.breakLine();
  }

  /** What an element shows inside it. */
  private inside(el: Element, tag: string, keepLines: boolean): void {
    if (tag === 'DETAILS' && !(el as HTMLDetailsElement).open) {
      // Closed: only its summary shows.
      const summary = [...el.children].find((c) => c.tagName.toUpperCase() === 'SUMMARY');
      if (summary) this.walk(summary, keepLines);
    } else if (tag === 'SLOT' && !this.range) {
      // In a web component: the page's own content put in this place, else the slot's default.
      const assigned = (el as HTMLSlotElement).assignedNodes({ flatten: true });
      if (assigned.length) for (const node of assigned) this.visit(node, keepLines);
      else this.walk(el, keepLines);
    } else if (el.shadowRoot && !this.range) {
      // A web component shows its shadow tree (open ones only: a closed one cannot be read).
      this.shadowRoots.push(el.shadowRoot);
      this.walk(el.shadowRoot, keepLines);
    } else {
      this.walk(el, keepLines);
    }
  }
}

/** The text the user selected (a DOM range), mapped like a page. */
export function extractRange(range: Range): PageText {
  let root: Node = range.commonAncestorContainer;
  if (root.nodeType !== 1) root = root.parentNode ?? root;
  if (root.nodeType !== 1) return { root, text: '', segments: [], documents: [], shadowRoots: [] };
  return extractText(root as Element, { range });
}

/** A DOM range for text offsets [start, end), in the document of the text there. */
export function rangeAt(map: TextMap, start: number, end: number): Range | undefined {
  if (end <= start) return undefined;
  const a = pointAt(map, start, 'forward');
  const b = pointAt(map, end, 'backward');
  if (!a || !b || a.node.ownerDocument !== b.node.ownerDocument) return undefined;
  const range = a.node.ownerDocument.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch (error) {
    debugLog('range for a word', error);
    return undefined;
  }
  return range.collapsed ? undefined : range;
}

export interface Chunk {
  start: number;
  end: number;
}

/** The worker refuses texts over 500,000 characters; smaller pieces also paint sooner. */
export const CHUNK_CHARS = 16_000;

/**
 * Cuts the text into pieces of at most `max` characters at line ends (so every engine
 * paragraph stays whole); a single line longer than `max` is cut at a space.
 */
export function chunkText(text: string, max = CHUNK_CHARS): Chunk[] {
  const out: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= max) {
      out.push({ start, end: text.length });
      break;
    }
    let end = text.lastIndexOf('\n', start + max);
    if (end <= start) {
      end = text.lastIndexOf(' ', start + max);
      if (end <= start) end = start + max;
    }
    out.push({ start, end });
    start = end;
    // The "\n" (or space) between two chunks belongs to neither.
    const c = text.charCodeAt(start);
    if (c === 10 || c === 32) start++;
  }
  return out.filter((c) => c.end > c.start);
}
