/**
 * Geometry across same-origin frames: where a frame's viewport sits in the top page's
 * viewport (to place the card by a word in a frame), and scrolling a word into view.
 */
import { debugLog } from '../browser/debug.js';

/** Offset of `doc`'s viewport within `top`'s viewport (0, 0 for `top` itself). */
export function frameOffset(doc: Document, top: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let d: Document = doc;
  while (d !== top) {
    const frame = d.defaultView?.frameElement as HTMLElement | null | undefined;
    if (!frame) break;
    const r = frame.getBoundingClientRect();
    const s = frame.ownerDocument.defaultView!.getComputedStyle(frame);
    x += r.left + frame.clientLeft + (parseFloat(s.paddingLeft) || 0);
    y += r.top + frame.clientTop + (parseFloat(s.paddingTop) || 0);
    d = frame.ownerDocument;
  }
  return { x, y };
}

/** A range's first box, in the top page's viewport. */
export function anchorOf(range: Range, top: Document): DOMRect | undefined {
  const rects = range.getClientRects();
  const r = rects[0] ?? range.getBoundingClientRect();
  if (!r || (!r.width && !r.height)) return undefined;
  const doc = range.startContainer.ownerDocument!;
  const o = frameOffset(doc, top);
  return new DOMRect(r.left + o.x, r.top + o.y, r.width, r.height);
}

/** True when the point (viewport coordinates of the range's own document) is on the range's text. */
export function rangeHas(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

/** Scrolls the word into the middle of the view (of its frame, and the frame into the page's). */
export function reveal(range: Range): void {
  const el = range.startContainer.parentElement;
  if (!el) return;
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const view = el.ownerDocument.defaultView;
  if (!view) return;
  const r = range.getBoundingClientRect();
  const h = view.innerHeight;
  // A long paragraph: bring the word itself (not only its paragraph's edge) to a third of the way down.
  if (r.top < 0 || r.bottom > h) view.scrollBy({ top: r.top - h / 3, behavior: 'instant' as ScrollBehavior });
  const frame = view.frameElement as HTMLElement | null;
  if (frame) {
    try {
      frame.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    } catch (error) {
      debugLog('scrolling a frame into view', error);
      // Not reachable: the frame's own scroll is enough.
    }
  }
}
