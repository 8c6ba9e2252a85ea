/**
 * Read mode's own corner of the page: the shared UI root with read mode's styles, the card
 * (read-only) and the read bar.
 */
import { Card, type CardHandlers } from '../browser/page/card.js';
import { UiRoot } from '../browser/page/ui-root.js';
import { debugLog } from '../browser/debug.js';
import { UNKNOWN_NOTE } from '../engine/review/word-list.js';
import { ReadBar, type BarHandlers } from './bar.js';
import { readUiCss } from './styles.js';

export interface ReadUi {
  root: UiRoot;
  card: Card;
  bar: ReadBar;
}

export function createReadUi(doc: Document, card: CardHandlers, bar: BarHandlers): ReadUi {
  const root = new UiRoot(doc, { writingMarks: false });
  root.host.setAttribute('data-plain-send-read', '');
  try {
    const sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(readUiCss());
    root.shadow.adoptedStyleSheets = [...root.shadow.adoptedStyleSheets, sheet];
  } catch (error) {
    debugLog('no constructable stylesheet for read mode', error);
    const style = doc.createElement('style');
    style.textContent = readUiCss();
    root.shadow.append(style);
  }
  return {
    root,
    card: new Card(root.layer, card, { readOnly: true, unknownNote: UNKNOWN_NOTE }),
    bar: new ReadBar(root.layer, bar),
  };
}
