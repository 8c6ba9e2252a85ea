/**
 * A whole review action (every short form explained, every plainer word, the meanings at the
 * end) through the editor's own input path, made so that one Undo takes it all out where the
 * editor allows it.
 *
 * - textarea: one `insertText` over the span from the first edit to the last (the browser's
 *   own undo stack holds it as one step).
 * - rich editors: edits that share a text node become one replacement over that node's part
 *   (nothing else in the node's span, so no formatting is lost); the parts go in from the last
 *   to the first, in one task, so no earlier offset moves and editors that group what happens
 *   in one task or within a moment (ProseMirror's DOM reading, Slate's and Lexical's batching,
 *   TinyMCE's undo level closed once at the end) keep it as one step.
 * - the meanings list in a rich editor: a paste of a heading-like paragraph and a list (HTML,
 *   with the plain lines beside it), which every editor takes through its own paste handling;
 *   where nothing takes it (a bare contenteditable), the browser's `insertHTML`.
 */
import { applyEdits, meaningLine, type MeaningsPlan, type TextEdit } from '../engine/review/index.js';
import { mapText, rangeFor, selectionFor } from '../browser/page/text-map.js';
import { debugLog } from '../browser/debug.js';
import { applyToRich, applyToTextarea, type ApplyPath } from './apply.js';
import { pasteEvent, transferOf } from './transfer.js';

/** The edits (in order, none overlapping) as one `insertText` over the span they cover. */
export function applyAllToTextarea(field: HTMLTextAreaElement, edits: readonly TextEdit[]): ApplyPath {
  if (!edits.length) return 'failed';
  const first = edits[0].start;
  const last = edits[edits.length - 1].end;
  const text = applyEdits(
    field.value.slice(first, last),
    edits.map((e) => ({ start: e.start - first, end: e.end - first, text: e.text })),
  );
  return applyToTextarea(field, first, last, text);
}

/**
 * Edits (in order, none overlapping, none empty) grouped by the text node they lie in: each
 * group is one replacement over the part of the node from its first edit to its last.
 */
export function editRuns(root: HTMLElement, edits: readonly TextEdit[]): TextEdit[][] {
  const map = mapText(root);
  const runs: { node: Node | undefined; edits: TextEdit[] }[] = [];
  for (const e of edits) {
    const r = rangeFor(map, e.start, e.end);
    const node = r && r.startContainer === r.endContainer ? r.startContainer : undefined;
    const run = runs[runs.length - 1];
    if (run && node && run.node === node) run.edits.push(e);
    else runs.push({ node, edits: [e] });
  }
  return runs.map((r) => r.edits);
}

/**
 * The edits in a rich field, last first, as one action; the paths each part took, in text order.
 * `before(start, end)` runs before each part when given (for editors that must see the selection
 * move before each edit: Lexical reads its own selection, not the edit's target range).
 */
export async function applyAllToRich(
  root: HTMLElement,
  edits: readonly TextEdit[],
  before?: (start: number, end: number) => Promise<void>,
): Promise<ApplyPath[]> {
  const text = mapText(root).text;
  const runs = editRuns(root, edits);
  const paths: ApplyPath[] = [];
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    const start = run[0].start;
    const end = run[run.length - 1].end;
    if (before) await before(start, end);
    const expected = text.slice(start, end);
    const replacement = applyEdits(
      expected,
      run.map((e) => ({ start: e.start - start, end: e.end - start, text: e.text })),
    );
    paths.unshift(applyToRich(root, start, end, expected, replacement, i === 0));
  }
  return paths;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The list as a rich editor's blocks: a bold heading line and a bulleted list, with empty
 * paragraphs where the plain text has blank lines. `paragraph` is the block the editor makes
 * for a line (`p` for editors with a model; the browser's own, usually `div`, for a bare one).
 */
export function meaningsHtml(plan: MeaningsPlan, blankBefore: boolean, blankAfter: boolean, paragraph = 'p'): string {
  const blank = `<${paragraph}><br></${paragraph}>`;
  const items = plan.items.map((m) => `<li>${escapeHtml(meaningLine(m))}</li>`).join('');
  const heading = `<${paragraph}><strong>${escapeHtml(plan.heading)}</strong></${paragraph}>`;
  return `${blankBefore ? blank : ''}${heading}<ul>${items}</ul>${blankAfter ? blank : ''}`;
}

/**
 * The meanings list into a rich field: its edit's span selected (the old list, or a point), then
 * pasted as HTML and plain text. A list made before keeps its heading line: only its lines
 * under the heading are put in again, as list items, so no editor nests a new list in the old
 * one's place. Returns how it went in.
 */
export function meaningsTarget(text: string, plan: MeaningsPlan): { edit: TextEdit; itemsOnly: boolean } | undefined {
  if (!plan.edit) return undefined;
  if (plan.replaces && plan.items.length) {
    const headingEnd = text.indexOf('\n', plan.replaces.start);
    if (headingEnd > 0 && headingEnd < plan.replaces.end)
      return {
        edit: { start: headingEnd + 1, end: plan.replaces.end, text: plan.lines.slice(1).join('\n') },
        itemsOnly: true,
      };
  }
  return { edit: plan.edit, itemsOnly: false };
}

export function pasteMeanings(root: HTMLElement, plan: MeaningsPlan): ApplyPath {
  const doc = root.ownerDocument;
  const view = doc.defaultView!;
  const map = mapText(root);
  const target = meaningsTarget(map.text, plan);
  if (!target) return 'failed';
  const { edit, itemsOnly } = target;
  const range = selectionFor(map, edit.start, edit.end, doc);
  if (!range) return 'failed';
  const plain = edit.text;
  const before = plain.startsWith('\n\n');
  const after = plain.endsWith('\n\n') && edit.end === edit.start;
  root.focus({ preventScroll: true });
  const sel = doc.getSelection();
  if (!sel) return 'failed';
  // Selected already (the session waits for the editor to take the selection in): setting it
  // again would start a change the editor has not seen when the paste comes.
  const now = sel.rangeCount ? sel.getRangeAt(0) : undefined;
  const same =
    now &&
    now.compareBoundaryPoints(Range.START_TO_START, range) === 0 &&
    now.compareBoundaryPoints(Range.END_TO_END, range) === 0;
  if (!same) {
    sel.removeAllRanges();
    sel.addRange(range);
  }
  if (!plan.items.length) {
    // Nothing to list any more: the old list goes.
    return doc.execCommand('delete') ? 'execCommand' : 'failed';
  }
  const items = plan.items.map((m) => `<li>${escapeHtml(meaningLine(m))}</li>`).join('');
  // Quill and CKEditor paste a slice whose first block joins the line the caret is in: an
  // empty one first, so the blank line stays a line of its own (the others start a new line).
  const joins = before && root.matches('.ql-editor, .ck-editor__editable');
  const pasted = itemsOnly ? `<ul>${items}</ul>` : `${joins ? '<p></p>' : ''}${meaningsHtml(plan, before, after)}`;
  const clip = { 'text/html': pasted, 'text/plain': plain };
  const editable =
    (range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement) ??
    root;
  if (!editable.dispatchEvent(pasteEvent(view, clip))) return 'paste';
  // Slate, where the browser has beforeinput, takes a paste from the beforeinput it brings.
  const input = new view.InputEvent('beforeinput', {
    inputType: 'insertFromPaste',
    dataTransfer: transferOf(view, clip),
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  if (!editable.dispatchEvent(input)) return 'beforeinput';
  // No editor took the paste: the browser puts the HTML in, in its own blocks (items straight
  // into the list that is there, if it is one).
  let html: string;
  const item = (
    range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement
  )?.closest('li');
  const list = item?.parentElement;
  if (itemsOnly && list && (list.tagName === 'UL' || list.tagName === 'OL') && range.toString() === list.textContent) {
    // The whole old list goes, for a whole new one: items put over its text leave Firefox an
    // empty bullet after them.
    range.selectNode(list);
    sel.removeAllRanges();
    sel.addRange(range);
    html = `<ul>${items}</ul>`;
  } else if (itemsOnly) html = item ? items : `<ul>${items}</ul>`;
  else {
    let paragraph = 'div';
    try {
      paragraph = doc.queryCommandValue('defaultParagraphSeparator') || 'div';
    } catch (error) {
      debugLog('the paragraph an editor makes', error);
    }
    html = meaningsHtml(plan, before, after, paragraph);
  }
  try {
    if (doc.execCommand('insertHTML', false, html)) return 'execCommand';
  } catch (error) {
    debugLog('insertHTML into an editor', error);
  }
  return 'failed';
}
