/**
 * The text of a contenteditable root as the engine sees it, and the way back from engine
 * offsets (UTF-16 code units) to DOM ranges and from DOM positions to offsets.
 *
 * Text nodes give their characters one for one (a line break inside a text node outside
 * <pre> is a space, so offsets hold). Block elements and <br> become "\n", so one block is
 * one engine paragraph. Those "\n" are virtual: no text node holds them. Parts that are not
 * editable (contenteditable=false islands such as mention chips) and hidden or non-text
 * elements are left out; an inline island counts as one space, so the words either side of
 * it stay apart. Text nodes of nothing but zero-width characters are the placeholders editors keep
 * for the caret (Slate's in an empty line, TinyMCE's caret containers): they hold no words.
 */

export interface Segment {
  node: Text;
  /** Offset in the mapped text where this node's first character is. */
  start: number;
}

export interface TextMap {
  root: Node;
  text: string;
  /** Text nodes in document order, with where each begins in `text`. */
  segments: Segment[];
}

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'svg',
  'SVG',
  'IMG',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'OBJECT',
  'IFRAME',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'BUTTON',
]);

export function isBlock(el: Element): boolean {
  return BLOCK.has(el.tagName.toUpperCase());
}

function skipped(el: Element): boolean {
  if (SKIP.has(el.tagName) || SKIP.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true' && el.getAttribute('contenteditable') !== 'true') return true;
  return false;
}

/** Zero-width no-break space, zero-width space, word joiner: caret placeholders, never words. */
const PLACEHOLDER = /^[\uFEFF\u200B\u2060]+$/;

function island(el: Element, root: Node): boolean {
  return el !== root && el.getAttribute('contenteditable') === 'false';
}

/**
 * Reads `root`'s text and where each text node sits in it. The text is built as a list of
 * pieces with its length and last character kept aside: asking a growing string for its end
 * flattens it each time, which made a long document's reading quadratic.
 */
export function mapText(root: Node): TextMap {
  const parts: string[] = [];
  let length = 0;
  let last = '';
  const add = (piece: string) => {
    if (!piece) return;
    parts.push(piece);
    length += piece.length;
    last = piece[piece.length - 1];
  };
  const segments: Segment[] = [];
  // A block's edge asks for a line break, written only when more text follows (no trailing "\n").
  let pending = false;
  const breakLine = () => {
    if (length > 0) pending = true;
  };
  const flush = () => {
    if (pending && last !== '\n') add('\n');
    pending = false;
  };
  const walk = (node: Node, pre: boolean) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        if (!data.length || PLACEHOLDER.test(data)) continue;
        flush();
        segments.push({ node: child as Text, start: length });
        add(pre ? data : data.replace(/[\r\n\t]/g, ' '));
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (skipped(el)) continue;
        const tag = el.tagName.toUpperCase();
        if (tag === 'BR') {
          flush();
          add('\n');
          continue;
        }
        const block = isBlock(el);
        if (island(el, root)) {
          if (block) breakLine();
          else if (length) {
            flush();
            if (!/\s/.test(last)) add(' ');
          }
          continue;
        }
        if (block) breakLine();
        walk(el, pre || tag === 'PRE');
        if (block) breakLine();
      }
    }
  };
  walk(root, root.nodeType === 1 && (root as Element).tagName?.toUpperCase() === 'PRE');
  return { root, text: parts.join(''), segments };
}

/** Index of the last segment that starts at or before `offset` (-1 if none). */
function segmentAt(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map.segments[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export interface Point {
  node: Text;
  offset: number;
}

/**
 * The DOM position for a text offset. `affinity` says which way to go when the offset falls
 * between two nodes or on a virtual character: 'forward' (a range's start) picks the next
 * text node, 'backward' (a range's end) the previous.
 */
export function pointAt(map: TextMap, offset: number, affinity: 'forward' | 'backward'): Point | undefined {
  const segs = map.segments;
  if (!segs.length) return undefined;
  const i = segmentAt(map, affinity === 'backward' ? offset - 1 : offset);
  if (affinity === 'forward') {
    if (i >= 0) {
      const s = segs[i];
      if (offset < s.start + s.node.data.length) return { node: s.node, offset: offset - s.start };
    }
    const next = segs[i + 1];
    return next ? { node: next.node, offset: 0 } : undefined;
  }
  if (i < 0) return undefined;
  const s = segs[i];
  return { node: s.node, offset: Math.min(offset - s.start, s.node.data.length) };
}

/** A DOM range for text offsets [start, end), or undefined if the map has no text there. */
export function rangeFor(
  map: TextMap,
  start: number,
  end: number,
  doc: Document = ownerDocument(map.root),
): Range | undefined {
  if (end <= start) return undefined;
  const a = pointAt(map, start, 'forward');
  const b = pointAt(map, end, 'backward');
  if (!a || !b) return undefined;
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  if (range.collapsed) return undefined;
  return range;
}

/**
 * A range to select for text offsets [start, end): {@link rangeFor} when it has text, else a point
 * at the end of the text before `start` (at its start, the start of the text after it).
 */
export function selectionFor(
  map: TextMap,
  start: number,
  end: number,
  doc: Document = ownerDocument(map.root),
): Range | undefined {
  if (end > start) return rangeFor(map, start, end, doc);
  const r = start > 0 ? rangeFor(map, start - 1, start, doc) : rangeFor(map, 0, 1, doc);
  if (!r) return undefined;
  const point = doc.createRange();
  if (start > 0) point.setStart(r.endContainer, r.endOffset);
  else point.setStart(r.startContainer, r.startOffset);
  point.collapse(true);
  return point;
}

function ownerDocument(node: Node): Document {
  return node.nodeType === 9 ? (node as Document) : (node.ownerDocument as Document);
}

/**
 * The text offset of a DOM position (e.g. the caret), or undefined if it is outside the root.
 * A position inside a text node maps exactly; one between nodes maps to the start of the next
 * text node after it (or the end of the text).
 */
export function offsetAt(map: TextMap, node: Node, offset: number): number | undefined {
  if (node !== map.root && !map.root.contains(node)) return undefined;
  if (node.nodeType === 3) {
    const seg = map.segments.find((s) => s.node === node);
    if (seg) return seg.start + Math.min(offset, seg.node.data.length);
  }
  // Between nodes: the start of the first text node at or after the position.
  const probe = ownerDocument(map.root).createRange();
  probe.setStart(node, offset);
  for (const s of map.segments) if (probe.comparePoint(s.node, 0) >= 0) return s.start;
  return map.text.length;
}
