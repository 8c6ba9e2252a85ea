/**
 * Keeps findings on the right words between a keystroke and the next check: find the single
 * edit between the old and the new text (common prefix and suffix), shift the spans after it,
 * drop the spans it touched, and keep only spans whose text is still there.
 */
import type { WireFinding } from '../browser/messages/protocol.js';

export interface Edit {
  /** First changed offset (same in both texts). */
  start: number;
  /** End of the changed part in the old text. */
  oldEnd: number;
  /** End of the changed part in the new text. */
  newEnd: number;
}

export function diff(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < max - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

export function shift(findings: readonly WireFinding[], before: string, after: string): WireFinding[] {
  const edit = diff(before, after);
  if (!edit) return [...findings];
  const delta = edit.newEnd - edit.oldEnd;
  const out: WireFinding[] = [];
  for (const f of findings) {
    let moved: WireFinding | undefined;
    if (f.end < edit.start) moved = f;
    else if (f.start > edit.oldEnd) moved = { ...f, start: f.start + delta, end: f.end + delta };
    // A span the edit touched (or that touches the edit, as a word being typed) is dropped.
    if (moved && after.slice(moved.start, moved.end) === moved.text) out.push(moved);
  }
  return out;
}

/** Findings whose span still holds their text. */
export function stillValid(findings: readonly WireFinding[], text: string): WireFinding[] {
  return findings.filter((f) => f.end <= text.length && text.slice(f.start, f.end) === f.text);
}
