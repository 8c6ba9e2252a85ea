/**
 * Data for an editor's paste or input event that the page's own scripts can read. Firefox keeps
 * with each item of a DataTransfer who set it and shows it to no one else, so what a content
 * script sets is "" to the page (its editors would paste nothing). There the item is set through
 * the page's own `setData` (`wrappedJSObject`), as the page itself would set it. Firefox also
 * ignores `clipboardData` in a ClipboardEvent's init and gives the event an empty one: that one
 * is filled instead.
 */

type Waivable<T> = T & { wrappedJSObject?: T };

/** Sets each type's data where the page can read it. */
export function fillTransfer(data: DataTransfer, items: Readonly<Record<string, string>>): void {
  const target = (data as Waivable<DataTransfer>).wrappedJSObject ?? data;
  for (const [type, value] of Object.entries(items)) target.setData(type, value);
}

/** A paste event carrying `items`, in any browser. */
export function pasteEvent(view: Window & typeof globalThis, items: Readonly<Record<string, string>>): ClipboardEvent {
  const data = new view.DataTransfer();
  fillTransfer(data, items);
  const paste = new view.ClipboardEvent('paste', {
    clipboardData: data,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  if (paste.clipboardData && paste.clipboardData !== data) fillTransfer(paste.clipboardData, items);
  return paste;
}

/** A DataTransfer carrying `items`, for a `beforeinput` event. */
export function transferOf(view: Window & typeof globalThis, items: Readonly<Record<string, string>>): DataTransfer {
  const data = new view.DataTransfer();
  fillTransfer(data, items);
  return data;
}
