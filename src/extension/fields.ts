/**
 * Which parts of a page are fields Plain SEND checks: a `textarea`, or the root of a
 * contenteditable region (the editing host furthest out). Never recipient fields, search or
 * password boxes, read-only or disabled fields, code editors, or anything the page (or the
 * user) marked as not to be checked.
 */

export type FieldKind = 'textarea' | 'rich';

export interface Field {
  el: HTMLElement;
  kind: FieldKind;
}

/** Opt-outs that also hold for everything inside the marked element. */
const OPT_OUT = '[data-gramm="false"], [data-enable-grammarly="false"], [data-plain-send="off"]';
/** Rich editors that may turn the browser's spell check off (TinyMCE does by default) but hold prose all the same. */
const PROSE_DESPITE_SPELLCHECK = [
  '.ql-editor',
  '[data-lexical-editor="true"]',
  '.mce-content-body',
  '.ck-editor__editable',
  '.ProseMirror',
  '[data-slate-editor="true"]',
  '.public-DraftEditor-content',
].join(', ');

function editableValue(el: Element): 'on' | 'off' | 'inherit' {
  const v = el.getAttribute('contenteditable');
  if (v === null) return 'inherit';
  const low = v.trim().toLowerCase();
  if (low === '' || low === 'true' || low === 'plaintext-only') return 'on';
  if (low === 'false') return 'off';
  return 'inherit';
}

/** True when `el` is editable through contenteditable or designMode. */
export function isContentEditable(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const v = editableValue(e);
    if (v === 'on') return true;
    if (v === 'off') return false;
  }
  return el.ownerDocument?.designMode === 'on';
}

/** The editing host furthest out that contains `el` (the whole editor), or undefined. */
export function editableRoot(el: Element): HTMLElement | undefined {
  if (!isContentEditable(el)) return undefined;
  let root: Element = el;
  for (let e = el.parentElement; e; e = e.parentElement) {
    const v = editableValue(e);
    if (v === 'off') break;
    if (v === 'on') root = e;
  }
  if (editableValue(root) !== 'on') {
    // designMode with no contenteditable attribute: the body is the field.
    const body = el.ownerDocument?.body;
    return body && el.ownerDocument?.designMode === 'on' ? body : undefined;
  }
  return root as HTMLElement;
}

/** Why a field is not checked, or undefined when it is. Exported for tests. */
export function whyNot(el: HTMLElement): string | undefined {
  const tag = el.tagName.toUpperCase();
  if (tag === 'INPUT') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    return `input type=${type}`;
  }
  if (el.closest(OPT_OUT)) return 'opted out';
  const role = el.getAttribute('role');
  if (role === 'combobox' || role === 'searchbox' || role === 'search') return `role=${role}`;
  if (el.getAttribute('aria-multiline') === 'false') return 'single line';
  if (el.getAttribute('aria-readonly') === 'true' || el.getAttribute('aria-disabled') === 'true') return 'read-only';
  if (tag === 'TEXTAREA') {
    const t = el as HTMLTextAreaElement;
    if (t.readOnly || t.hasAttribute('readonly')) return 'read-only';
    if (t.disabled || t.hasAttribute('disabled')) return 'disabled';
  }
  if (el.getAttribute('spellcheck') === 'false' && !el.matches(PROSE_DESPITE_SPELLCHECK)) return 'spellcheck off';
  if (el.closest('.cm-editor, .CodeMirror, .monaco-editor, .ace_editor')) return 'code editor';
  return undefined;
}

/** The field for an element that got focus or was clicked, if it is one we check. */
export function fieldFor(target: EventTarget | null): Field | undefined {
  if (!target || (target as Node).nodeType !== 1) return undefined;
  const el = target as HTMLElement;
  if (el.tagName.toUpperCase() === 'TEXTAREA') return whyNot(el) ? undefined : { el, kind: 'textarea' };
  if (el.tagName.toUpperCase() === 'INPUT') return undefined;
  const root = editableRoot(el);
  if (!root || whyNot(root)) return undefined;
  return { el: root, kind: 'rich' };
}

/** Every field in a subtree (for fields that appear as the page lives). */
export function findFields(scope: ParentNode): Field[] {
  const out: Field[] = [];
  const seen = new Set<Element>();
  for (const el of scope.querySelectorAll<HTMLElement>('textarea, [contenteditable]')) {
    const field = fieldFor(el);
    if (field && !seen.has(field.el)) {
      seen.add(field.el);
      out.push(field);
    }
  }
  return out;
}
