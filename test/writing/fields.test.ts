// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { editableRoot, fieldFor, findFields, isContentEditable, whyNot } from '../../src/writing/fields.js';

function page(html: string): void {
  document.body.innerHTML = html;
}
const $ = (sel: string) => document.querySelector(sel) as HTMLElement;

describe('fieldFor', () => {
  test('a textarea is a field; inputs never are (recipients, search, passwords, email, subject)', () => {
    page(
      '<textarea id="t"></textarea><input id="pw" type="password"><input id="em" type="email"><input id="s" type="search"><input id="x">',
    );
    expect(fieldFor($('#t'))).toEqual({ el: $('#t'), kind: 'textarea' });
    for (const id of ['#pw', '#em', '#s', '#x']) expect(fieldFor($(id))).toBeUndefined();
    expect(whyNot($('#pw'))).toBe('input type=password');
  });

  test('read-only and disabled textareas are not fields', () => {
    page(
      '<textarea id="r" readonly></textarea><textarea id="d" disabled></textarea><textarea id="a" aria-readonly="true"></textarea>',
    );
    expect(fieldFor($('#r'))).toBeUndefined();
    expect(fieldFor($('#d'))).toBeUndefined();
    expect(fieldFor($('#a'))).toBeUndefined();
  });

  test('recipient and search boxes by role, single-line boxes', () => {
    page(
      '<div id="to" contenteditable="true" role="combobox"></div><div id="q" contenteditable role="searchbox"></div><div id="one" contenteditable="true" aria-multiline="false"></div>',
    );
    for (const id of ['#to', '#q', '#one']) expect(fieldFor($(id))).toBeUndefined();
    expect(whyNot($('#to'))).toBe('recipients');
  });

  test('a recipient well: role=combobox on a wrapper around the box typed into (ARIA 1.1)', () => {
    page(
      '<div role="combobox" aria-expanded="false"><span class="chip">Mrs Patel</span><div id="well" contenteditable="true" role="textbox" aria-label="To"></div></div>',
    );
    expect(fieldFor($('#well'))).toBeUndefined();
    expect(whyNot($('#well'))).toBe('recipients');
  });

  test("Roundcube's recipient textareas: marked as such, and kept invisible off the page behind the recipient boxes", () => {
    page(`
      <textarea id="to" name="_to" data-recipient-input="true"></textarea>
      <textarea id="gone" name="_cc" style="position:absolute;opacity:0;left:-5000px;width:10px"></textarea>
      <textarea id="body" name="_message"></textarea>`);
    expect(whyNot($('#to'))).toBe('recipients');
    expect(whyNot($('#gone'))).toBe('stand-in');
    expect(fieldFor($('#body'))?.kind).toBe('textarea');
  });

  test('a textarea in a disabled fieldset is disabled', () => {
    page('<fieldset disabled><textarea id="t"></textarea></fieldset>');
    expect(whyNot($('#t'))).toBe('disabled');
  });

  test("opt-outs: Grammarly's and ours, on the field or any ancestor", () => {
    page(`
      <textarea id="g" data-gramm="false"></textarea>
      <div data-enable-grammarly="false"><div id="e" contenteditable="true"></div></div>
      <section data-plain-send="off"><textarea id="p"></textarea></section>
      <textarea id="ok"></textarea>`);
    for (const id of ['#g', '#e', '#p']) expect(fieldFor($(id))).toBeUndefined();
    expect(fieldFor($('#ok'))).toBeDefined();
  });

  test('spell check off means code or data, except in rich text editors that turn it off themselves', () => {
    page(
      '<div id="code" contenteditable="true" spellcheck="false"></div><div id="quill" class="ql-editor" contenteditable="true" spellcheck="false"></div><body id="tiny" class="mce-content-body"></body>',
    );
    expect(fieldFor($('#code'))).toBeUndefined();
    expect(fieldFor($('#quill'))?.kind).toBe('rich');
  });

  test("webmail bodies that turn spell check off for their own checker are still checked (Gmail's, Outlook's)", () => {
    page(`
      <div id="gmail" class="Am aiL Al editable" aria-label="Message Body" g_editable="true" role="textbox" aria-multiline="true" contenteditable="true" spellcheck="false"></div>
      <div id="outlook" aria-label="Message body, press Alt+F10 to exit" aria-multiline="true" role="textbox" contenteditable="true" spellcheck="false"></div>`);
    expect(fieldFor($('#gmail'))?.kind).toBe('rich');
    expect(fieldFor($('#outlook'))?.kind).toBe('rich');
  });

  test('code editors are not fields', () => {
    page('<div class="cm-editor"><div id="cm" class="cm-content" contenteditable="true"></div></div>');
    expect(fieldFor($('#cm'))).toBeUndefined();
  });

  test('a focus inside a contenteditable gives its outermost editing host', () => {
    page(
      '<div id="host" contenteditable="true"><p id="p">Hello <b id="b">there</b></p><div contenteditable="false"><span id="island">chip</span></div></div>',
    );
    expect(fieldFor($('#b'))).toEqual({ el: $('#host'), kind: 'rich' });
    expect(editableRoot($('#p'))).toBe($('#host'));
    expect(isContentEditable($('#island'))).toBe(false);
    expect(fieldFor($('#island'))).toBeUndefined();
  });

  test('contenteditable="plaintext-only" counts; contenteditable="false" does not', () => {
    page('<div id="pt" contenteditable="plaintext-only"></div><div id="f" contenteditable="false"></div>');
    expect(fieldFor($('#pt'))?.kind).toBe('rich');
    expect(fieldFor($('#f'))).toBeUndefined();
  });

  test('not an element: no field', () => {
    expect(fieldFor(null)).toBeUndefined();
    expect(fieldFor(document.createTextNode('x'))).toBeUndefined();
  });
});

describe('findFields', () => {
  test('finds each field once, at its root', () => {
    page(`
      <textarea id="a"></textarea>
      <div id="b" contenteditable="true"><p contenteditable="true">nested</p></div>
      <input id="to" role="combobox">
      <textarea data-plain-send="off"></textarea>`);
    expect(findFields(document).map((f) => f.el.id)).toEqual(['a', 'b']);
  });
});
