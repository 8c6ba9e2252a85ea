/** Where things are on the page for read mode: a word in view, the focused element (into frames), the next paint. */
import { anchorOf } from './frames.js';

export function inView(range: Range, top: Document): boolean {
  const r = anchorOf(range, top);
  const view = top.defaultView!;
  return !!r && r.bottom > 0 && r.top < view.innerHeight;
}

/** The focused element, through open shadow roots and same-origin frames; none for the body. */
export function deepActive(doc: Document): HTMLElement | undefined {
  let a: Element | null = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  // Into same-origin frames.
  while (a && /^i?frame$/i.test(a.tagName)) {
    try {
      const inner: Document | null | undefined = (a as HTMLIFrameElement).contentDocument;
      if (!inner?.activeElement || inner.activeElement === inner.body) break;
      a = inner.activeElement;
    } catch {
      break; // another origin's frame: focus is in there, out of our reach
    }
  }
  return a && a !== doc.body ? (a as HTMLElement) : undefined;
}

/** Resolves after the next frame has been painted (a frame callback, then a task after it). */
export function nextPaint(view: Window): Promise<void> {
  return new Promise((ok) => view.requestAnimationFrame(() => view.setTimeout(ok, 0)));
}
