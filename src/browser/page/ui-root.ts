/**
 * Our own corner of the page: one element appended to <html> (outside every editor), holding
 * a shadow root for the textarea mirrors, the card and the badge. Plus the document-level
 * stylesheet for `::highlight()`, adopted (not a <style> element, so nothing enters the DOM
 * and page CSPs do not apply).
 */
import { highlightCss, uiCss } from './styles.js';
import { debugLog } from '../debug.js';

export const HOST_TAG = 'plain-send-ui';

export class UiRoot {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  readonly layer: HTMLElement;
  private readonly doc: Document;
  /** The writing marks' `::highlight()` rules; none for read mode, whose layers bring their own. */
  private readonly pageSheet: CSSStyleSheet | HTMLStyleElement | undefined;

  /**
   * `writingMarks: false` leaves the writing marks' rules out of the page: any new
   * `::highlight()` rule makes the browser restyle every element (about 5 ms on a long page).
   */
  constructor(doc: Document, options: { writingMarks?: boolean } = {}) {
    this.doc = doc;
    this.host = doc.createElement(HOST_TAG);
    this.host.setAttribute('data-plain-send', 'off');
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const css = uiCss();
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      this.shadow.adoptedStyleSheets = [sheet];
    } catch (error) {
      debugLog('no constructable stylesheet for our UI', error);
      const style = doc.createElement('style');
      style.textContent = css;
      this.shadow.append(style);
    }
    this.layer = doc.createElement('div');
    this.layer.className = 'layer';
    this.shadow.append(this.layer);
    // Keyboard events inside our UI are ours: the page's shortcuts must not see them.
    for (const type of ['keydown', 'keyup', 'keypress']) this.host.addEventListener(type, (e) => e.stopPropagation());
    this.pageSheet = options.writingMarks === false ? undefined : this.makePageSheet();
    // Attached on first use (attach()), so a page where nothing is checked is left as it was.
  }

  private makePageSheet(): CSSStyleSheet | HTMLStyleElement {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(highlightCss());
      return sheet;
    } catch (error) {
      debugLog('no constructable stylesheet for the marks', error);
      const style = this.doc.createElement('style');
      style.textContent = highlightCss();
      return style;
    }
  }

  /** (Re)attaches the host and the page stylesheet if the page removed them. Cheap; call before painting. */
  private attached = false;

  attach(): void {
    this.attached = true;
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    const sheet = this.pageSheet;
    if (!sheet) return;
    if (sheet instanceof CSSStyleSheet) {
      if (!this.doc.adoptedStyleSheets.includes(sheet))
        this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
    } else if (!sheet.isConnected) {
      (this.doc.head ?? this.doc.documentElement).append(sheet);
    }
  }

  /**
   * `::highlight()` rules apply per tree: an editor inside a shadow root needs them there too.
   */
  adoptInto(root: ShadowRoot): void {
    const sheet = this.pageSheet;
    if (!sheet) return;
    try {
      if (sheet instanceof CSSStyleSheet) {
        if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      } else if (!root.querySelector('style[data-plain-send]')) {
        const style = this.doc.createElement('style');
        style.setAttribute('data-plain-send', 'off');
        style.textContent = sheet.textContent;
        root.append(style);
      }
    } catch (error) {
      debugLog('marks stylesheet into a shadow root', error);
      // A closed or foreign root: no marks there, nothing broken.
    }
  }

  contains(node: Node | null): boolean {
    return !!node && (node === this.host || this.host.contains(node) || this.shadow.contains(node));
  }

  destroy(): void {
    this.host.remove();
    const sheet = this.pageSheet;
    if (!this.attached || !sheet) return;
    if (sheet instanceof CSSStyleSheet)
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
    else sheet.remove();
  }
}
