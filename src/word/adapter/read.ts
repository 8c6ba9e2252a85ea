/// <reference types="office-js" />
/**
 * Reads the document: every paragraph's text (as it will be once tracked changes are accepted,
 * whatever markup view Word shows), its table and list flags, the glossary we inserted, and the
 * selection, in a constant number of round trips.
 */
import { GLOSSARY_TITLE, type DocParagraph, type SelectionSnapshot } from '../../office/document-port.js';
import type { Batch } from './batch.js';

export interface ReadBody {
  items: Word.Paragraph[];
  paragraphs: DocParagraph[];
}

/** Word gives paragraph text with a trailing paragraph mark in some places; we never want it. */
export function clean(text: string): string {
  return text.replace(/\r$/, '');
}

/** Marks the run of paragraphs whose texts are the glossary's, if found. */
function markGlossary(paragraphs: DocParagraph[], raw: readonly string[], glossary: readonly string[]): void {
  if (!glossary.length) return;
  for (let i = 0; i + glossary.length <= raw.length; i++) {
    let same = true;
    for (let j = 0; j < glossary.length && same; j++) same = raw[i + j] === glossary[j];
    if (!same) continue;
    for (let j = 0; j < glossary.length; j++) paragraphs[i + j].inGlossary = true;
    return;
  }
}

/**
 * Every paragraph's text in one sync; a second one only when the document has tracked changes
 * or a glossary we inserted (both need objects from the first). `alsoLoad` queues more loads
 * into the first sync.
 */
export async function readBody(batch: Batch, alsoLoad?: () => void): Promise<ReadBody> {
  const body = batch.context.document.body;
  alsoLoad?.();
  const collection = body.paragraphs;
  const structure = batch.supports('1.3');
  collection.load(structure ? 'items/text,items/tableNestingLevel,items/isListItem' : 'items/text');
  const glossaries = body.contentControls.getByTitle(GLOSSARY_TITLE);
  glossaries.load('items/title');
  const tracked = batch.supports('1.4');
  const current = tracked ? body.getReviewedText('Current') : undefined;
  const original = tracked ? body.getReviewedText('Original') : undefined;
  await batch.sync();

  const items = collection.items;
  const raw = items.map((p) => clean(p.text));
  const paragraphs: DocParagraph[] = items.map((p, i) => {
    const out: DocParagraph = { text: raw[i] };
    if (structure) {
      out.inTable = p.tableNestingLevel > 0;
      out.isListItem = p.isListItem;
    }
    return out;
  });
  const changed = !!current && !!original && current.value !== original.value;
  const reviewed = changed ? items.map((p) => [p.getReviewedText('Current'), p.getReviewedText('Original')]) : [];
  let glossaryParagraphs: Word.ParagraphCollection | undefined;
  if (glossaries.items.length > 0) {
    glossaryParagraphs = glossaries.items[0].paragraphs;
    glossaryParagraphs.load('items/text');
  }
  if (changed || glossaryParagraphs) await batch.sync();
  reviewed.forEach(([now, before], i) => applyReviewed(paragraphs[i], clean(now.value), clean(before.value)));
  if (glossaryParagraphs)
    markGlossary(
      paragraphs,
      raw,
      glossaryParagraphs.items.map((p) => clean(p.text)),
    );
  return { items, paragraphs };
}

/**
 * The text as it will be once the changes are accepted; flagged when the paragraph has tracked
 * changes at all. paragraph.text shows deletions or not depending on the markup view (office-js
 * issues 2314, 1267), so it is not used to tell: the reviewed texts do not depend on the view.
 */
function applyReviewed(paragraph: DocParagraph, current: string, original: string): void {
  if (current === original && current === paragraph.text) return;
  paragraph.text = current;
  paragraph.trackedChanges = true;
}

/** Queues the loads for the selection; the result is readable after the next sync. */
export function loadSelection(batch: Batch): () => SelectionSnapshot {
  const selection = batch.context.document.getSelection();
  selection.load('text');
  const paragraphs = selection.paragraphs;
  paragraphs.load('items/text');
  return () => ({
    text: selection.text.replace(/\r\n?/g, '\n').replace(/\n$/, ''),
    paragraphs: paragraphs.items.map((p) => clean(p.text)),
  });
}
