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
/**
 * Editors that turn the browser's spell check off because they bring their own (TinyMCE does by
 * default; Gmail's and Outlook's message bodies do too) but hold prose all the same. An element
 * that tells screen readers it is a multi-line text box is a message, whatever its spell check;
 * code editors are caught by their own rule below.
 */
const PROSE_DESPITE_SPELLCHECK = [
  '.ql-editor',
  '[data-lexical-editor="true"]',
  '.mce-content-body',
  '.ck-editor__editable',
  '.ProseMirror',
  '[data-slate-editor="true"]',
  '.public-DraftEditor-content',
  '[g_editable="true"]',
  '[aria-multiline="true"]',
].join(', ');
/**
 * Recipient pickers. ARIA 1.2 puts role=combobox on the box typed into, ARIA 1.1 on a wrapper
 * around it (a recipient "well" holding chips and a text box); Roundcube marks its own.
 */
const RECIPIENTS = '[role="combobox"], [data-recipient-input]';

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
  if (el.closest(RECIPIENTS)) return 'recipients';
  const role = el.getAttribute('role');
  if (role === 'searchbox' || role === 'search') return `role=${role}`;
  if (el.getAttribute('aria-multiline') === 'false') return 'single line';
  if (el.getAttribute('aria-readonly') === 'true' || el.getAttribute('aria-disabled') === 'true') return 'read-only';
  if (tag === 'TEXTAREA') {
    const t = el as HTMLTextAreaElement;
    if (t.readOnly || t.hasAttribute('readonly')) return 'read-only';
    if (t.disabled || t.hasAttribute('disabled') || t.closest('fieldset[disabled]')) return 'disabled';
    if (standIn(t)) return 'stand-in';
  }
  if (el.getAttribute('spellcheck') === 'false' && !el.matches(PROSE_DESPITE_SPELLCHECK)) return 'spellcheck off';
  if (el.closest('.cm-editor, .CodeMirror, .monaco-editor, .ace_editor')) return 'code editor';
  return undefined;
}

/**
 * A textarea kept out of sight as a stand-in for a widget the user really types into (Roundcube
 * keeps its recipient textareas, invisible and far off the page, behind its recipient boxes).
 */
function standIn(el: HTMLElement): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  if (view.getComputedStyle(el).opacity === '0') return true;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && (r.right + view.scrollX <= 0 || r.bottom + view.scrollY <= 0);
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
