/**
 * Changes to a text as offsets, so each surface can put them through its editor's own input
 * path (one Undo takes a whole set out) and all three surfaces give the same text.
 */

import type { Finding } from '../types.js';
import type { ListedFinding } from './word-list.js';

/** What the review functions read of a finding (the extension's wire form has this shape too). */
export type ReviewFinding = ListedFinding & Pick<Finding, 'replacements' | 'explained'>;

/** Replace `text.slice(start, end)` with `text`; offsets are UTF-16, into the text analysed. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** The edits in order, without any that overlap an earlier one (the first kept wins). */
export function orderedEdits(edits: Iterable<TextEdit>): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  let reached = -1;
  for (const e of sorted) {
    if (e.start < reached) continue;
    out.push(e);
    reached = e.end;
  }
  return out;
}

/** The text with the edits made, in one linear pass. */
export function applyEdits(text: string, edits: Iterable<TextEdit>): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of orderedEdits(edits)) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
