/** Where the caret or selection was in a field before its card took focus, to put it back when the card closes. */
import type { FieldSession } from './field-session.js';

export interface SavedSelection {
  session: FieldSession;
  range?: Range;
  start?: number;
  end?: number;
}

export function saveSelection(session: FieldSession): SavedSelection {
  if (session.field.kind === 'textarea') {
    const t = session.el as HTMLTextAreaElement;
    return { session, start: t.selectionStart, end: t.selectionEnd };
  }
  const sel = session.el.ownerDocument.getSelection();
  const range = sel?.rangeCount ? sel.getRangeAt(0).cloneRange() : undefined;
  return { session, range: range && session.el.contains(range.startContainer) ? range : undefined };
}

/** Focus back into the field, and its selection as saved (if it was saved for this field). */
export function restoreFocus(session: FieldSession, saved: SavedSelection | undefined): void {
  session.el.focus({ preventScroll: true });
  if (!saved || saved.session !== session) return;
  if (session.field.kind === 'textarea' && saved.start !== undefined) {
    (session.el as HTMLTextAreaElement).setSelectionRange(saved.start, saved.end ?? saved.start);
  } else if (saved.range) {
    const sel = session.el.ownerDocument.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(saved.range);
  }
}
