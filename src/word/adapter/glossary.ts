/// <reference types="office-js" />
/**
 * Insert glossary: a two-column table of the terms, A to Z, in a content control titled
 * "Plain SEND glossary", replaced when inserted again (a native table from WordApi 1.3, HTML below).
 */
import {
  GLOSSARY_COLUMNS,
  GLOSSARY_HEADING,
  GLOSSARY_TITLE,
  sortGlossary,
  type GlossaryPlace,
  type GlossaryRow,
} from '../../office/document-port.js';
import type { Batch } from './batch.js';

const GLOSSARY_TAG = 'plain-send-glossary';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The glossary as HTML, for hosts without native tables (WordApi 1.1). */
export function glossaryHtml(rows: readonly GlossaryRow[]): string {
  const cells = (tag: string, a: string, b: string) =>
    `<tr><${tag}>${escapeHtml(a)}</${tag}><${tag}>${escapeHtml(b)}</${tag}></tr>`;
  return (
    `<h2>${escapeHtml(GLOSSARY_HEADING)}</h2>` +
    `<table border="1"><thead>${cells('th', GLOSSARY_COLUMNS[0], GLOSSARY_COLUMNS[1])}</thead><tbody>` +
    rows.map((r) => cells('td', r.term, r.meaning)).join('') +
    '</tbody></table>'
  );
}

/** Fills the control with the heading and the table. */
function fill(batch: Batch, control: Word.ContentControl, sorted: readonly GlossaryRow[]): void {
  if (!batch.supports('1.3')) {
    control.insertHtml(glossaryHtml(sorted), 'Replace');
    return;
  }
  control.clear();
  const heading = control.insertParagraph(GLOSSARY_HEADING, 'Start');
  heading.styleBuiltIn = 'Heading2';
  const values = [[GLOSSARY_COLUMNS[0], GLOSSARY_COLUMNS[1]], ...sorted.map((r) => [r.term, r.meaning])];
  const table = control.insertTable(values.length, 2, 'End', values);
  table.headerRowCount = 1;
}

/** Two syncs: find the glossary inserted before, then write. */
export async function insertGlossary(
  batch: Batch,
  rows: readonly GlossaryRow[],
  place: GlossaryPlace,
): Promise<{ replaced: boolean }> {
  const { context } = batch;
  const body = context.document.body;
  const existing = body.contentControls.getByTitle(GLOSSARY_TITLE);
  existing.load('items/title');
  const selection = place === 'cursor' ? context.document.getSelection() : undefined;
  await batch.sync();
  const replaced = existing.items.length > 0;
  let control: Word.ContentControl;
  if (replaced) {
    control = existing.items[0];
  } else {
    const anchor = selection ? selection.insertParagraph('', 'After') : body.insertParagraph('', 'End');
    control = anchor.insertContentControl();
    control.title = GLOSSARY_TITLE;
    control.tag = GLOSSARY_TAG;
  }
  fill(batch, control, sortGlossary(rows));
  await batch.sync();
  return { replaced };
}
