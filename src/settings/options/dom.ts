/** Small DOM helpers for the extension's own pages (options, popup): no framework. */

type Props<K extends keyof HTMLElementTagNameMap> = Partial<Omit<HTMLElementTagNameMap[K], 'dataset' | 'style'>> & {
  dataset?: Record<string, string>;
  attrs?: Record<string, string>;
};

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Props<K> = {},
  ...children: (Node | string | false | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  const { dataset, attrs, ...rest } = props;
  Object.assign(node, rest);
  for (const [k, v] of Object.entries(dataset ?? {})) node.dataset[k] = v;
  for (const [k, v] of Object.entries(attrs ?? {})) node.setAttribute(k, v);
  for (const c of children) if (c !== false && c !== undefined) node.append(c);
  return node;
}

export function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const node = doc.getElementById(id);
  if (!node) throw new Error(`The page is missing #${id}.`);
  return node as T;
}

/** Saves text as a file through an object URL: nothing leaves the computer. */
export function download(doc: Document, fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el(doc, 'a', { href: url, download: fileName });
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/**
 * Re-renders a part of the page without losing the user's place: the element with focus is
 * found again after rendering by its `data-key`, so keyboard users stay where they were.
 */
export function keepFocus(doc: Document, render: () => void): void {
  const active = doc.activeElement as HTMLElement | null;
  const key = active?.dataset?.key;
  render();
  if (!key) return;
  const again = doc.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  if (again && again !== doc.activeElement) again.focus();
}

/** Shows problems in an alert box (a list when there are several), or hides it. */
export function showProblems(box: HTMLElement, lead: string, problems: readonly string[]): void {
  const doc = box.ownerDocument;
  box.replaceChildren();
  if (!problems.length) {
    box.hidden = true;
    return;
  }
  box.append(el(doc, 'p', {}, lead));
  if (problems.length === 1) box.append(el(doc, 'p', {}, problems[0]));
  else box.append(el(doc, 'ul', {}, ...problems.map((p) => el(doc, 'li', {}, p))));
  box.hidden = false;
}
