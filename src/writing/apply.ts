/**
 * Applying a fix through the editor's own input path, so the editor's model, its undo history
 * and the page's listeners all see an ordinary edit, and one Ctrl+Z undoes exactly that fix.
 *
 * - textarea: focus, select the span, `execCommand('insertText')` (the browser's own undo
 *   stack); if that is refused, `setRangeText` and an `input` event.
 * - contenteditable: select the span, then a cancelable `beforeinput` of type
 *   `insertReplacementText` with the text in `data` and a DataTransfer, and the span as its
 *   target range (what the browser's spell checker sends; CKEditor 5, Quill and Slate handle
 *   it). If the editor does not take it, `execCommand('insertText')` followed by an `input` of
 *   type insertReplacementText (so TinyMCE records an undo level); as a last resort, edit
 *   the text node and send `input` (ProseMirror's DOM observer reads that as a transaction).
 *
 * In every case the caret ends after the inserted text.
 */
import { mapText, rangeFor } from '../browser/page/text-map.js';
import { debugLog } from '../browser/debug.js';

export type ApplyPath = 'execCommand' | 'setRangeText' | 'beforeinput' | 'paste' | 'text-node' | 'failed';

export function applyToTextarea(field: HTMLTextAreaElement, start: number, end: number, text: string): ApplyPath {
  const doc = field.ownerDocument;
  field.focus({ preventScroll: true });
  field.setSelectionRange(start, end);
  let ok = false;
  try {
    ok = doc.execCommand('insertText', false, text);
  } catch (error) {
    debugLog('insertText into a text box', error);
    ok = false;
  }
  if (ok && field.value.slice(start, start + text.length) === text) {
    field.setSelectionRange(start + text.length, start + text.length);
    return 'execCommand';
  }
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
  return 'setRangeText';
}

/** Puts the caret at a text offset in a rich field. */
export function placeCaret(root: HTMLElement, offset: number): void {
  const map = mapText(root);
  const doc = root.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return;
  const range = doc.createRange();
  const r = offset > 0 ? rangeFor(map, Math.max(0, offset - 1), offset) : rangeFor(map, 0, 1);
  if (!r) return;
  if (offset > 0) range.setStart(r.endContainer, r.endOffset);
  else range.setStart(r.startContainer, r.startOffset);
  range.collapse(true);
  sel.removeAllRanges();
  sel.addRange(range);
}

/**
 * Replaces [start, end) of a rich field's mapped text with `text`. `expected` is what the span
 * must hold now (the finding's text); nothing is changed if it does not.
 */
export function applyToRich(
  root: HTMLElement,
  start: number,
  end: number,
  expected: string,
  text: string,
  /** False for all but the last of several edits made as one action: one closing `input` for them all. */
  close = true,
): ApplyPath {
  const doc = root.ownerDocument;
  const view = doc.defaultView!;
  const map = mapText(root);
  if (map.text.slice(start, end) !== expected) return 'failed';
  const range = rangeFor(map, start, end, doc);
  if (!range) return 'failed';
  root.focus({ preventScroll: true });
  const sel = doc.getSelection();
  if (!sel) return 'failed';
  sel.removeAllRanges();
  sel.addRange(range);

  // Firefox hides what a content script puts in a DataTransfer from the page's own scripts (the
  // data keeps the setter's principal), so Lexical and Slate would read "" there and insert
  // nothing. In a Firefox content script (it has cloneInto) send none: editors then read `data`.
  const firefoxContentScript = typeof (globalThis as { cloneInto?: unknown }).cloneInto === 'function';
  const dataTransfer = firefoxContentScript ? null : new view.DataTransfer();
  dataTransfer?.setData('text/plain', text);
  const target = new view.StaticRange({
    startContainer: range.startContainer,
    startOffset: range.startOffset,
    endContainer: range.endContainer,
    endOffset: range.endOffset,
  });
  const init: InputEventInit = {
    inputType: 'insertReplacementText',
    data: text,
    dataTransfer,
    targetRanges: [target],
    bubbles: true,
    cancelable: true,
    composed: true,
  };
  const editable = (range.startContainer.parentElement ?? root) as HTMLElement;
  const proceed = editable.dispatchEvent(new view.InputEvent('beforeinput', init));
  const after = () => mapText(root).text;
  const landed = () => after().slice(start, start + text.length) === text;
  if (!proceed) {
    // The editor took the edit into its model; its view may render on the next frame.
    return 'beforeinput';
  }
  // Not taken: let the browser do it, as typing would (fires its own beforeinput/input).
  const before = map.text;
  let ok = false;
  try {
    ok = doc.execCommand('insertText', false, text);
  } catch (error) {
    debugLog('insertText into an editor', error);
    ok = false;
  }
  if (ok && after() !== before) {
    // The browser's own events said `insertText`. Close the sequence as a spell-check replacement
    // does, with an `input` of type insertReplacementText: editors that keep their own undo
    // levels from input events (TinyMCE) then record the fix as one step of its own.
    if (close)
      editable.dispatchEvent(
        new view.InputEvent('input', {
          inputType: 'insertReplacementText',
          data: text,
          dataTransfer,
          bubbles: true,
          composed: true,
        }),
      );
    return 'execCommand';
  }
  // Last resort: the smallest text-node edit, then `input`.
  const fresh = mapText(root);
  const r = rangeFor(fresh, start, end, doc);
  if (!r || fresh.text.slice(start, end) !== expected) return 'failed';
  const node = r.startContainer as Text;
  if (r.startContainer === r.endContainer && node.nodeType === 3) {
    node.replaceData(r.startOffset, r.endOffset - r.startOffset, text);
  } else {
    r.deleteContents();
    r.insertNode(doc.createTextNode(text));
  }
  editable.dispatchEvent(
    new view.InputEvent('input', { inputType: 'insertReplacementText', data: text, bubbles: true, composed: true }),
  );
  if (landed()) placeCaret(root, start + text.length);
  return landed() ? 'text-node' : 'failed';
}
