// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { mapText, offsetAt, pointAt, rangeFor, selectionFor } from '../../src/browser/page/text-map.js';

function root(html: string): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
}

/** Every [start, end) the test asks for maps to a range whose text is the same slice. */
function roundTrip(el: HTMLElement, spans: [number, number][]): void {
  const map = mapText(el);
  for (const [s, e] of spans) {
    const r = rangeFor(map, s, e);
    expect(r, `range ${s}-${e}`).toBeDefined();
    expect(r!.toString()).toBe(map.text.slice(s, e));
  }
}

describe('mapText', () => {
  test('blocks and <br> become line breaks, one block one paragraph', () => {
    expect(mapText(root('<p>Dear Mrs Patel,</p><p>The SENCO will call.</p>')).text).toBe(
      'Dear Mrs Patel,\nThe SENCO will call.',
    );
    expect(mapText(root('<div>one</div><div><br></div><div>three</div>')).text).toBe('one\n\nthree');
    expect(mapText(root('line one<br>line two')).text).toBe('line one\nline two');
    expect(mapText(root('<p>a<br></p><p>b</p>')).text).toBe('a\nb');
    expect(mapText(root('<ul><li>EHCP</li><li>SEN support</li></ul>')).text).toBe('EHCP\nSEN support');
    expect(mapText(root('<table><tr><td>EHCP</td><td>plan</td></tr></table>')).text).toBe('EHCP\nplan');
  });

  test('inline formatting does not split words; offsets are UTF-16', () => {
    const el = root('<p>The <b>SEN</b>CO met the <i>EHCP</i> team 😀 today.</p>');
    const map = mapText(el);
    expect(map.text).toBe('The SENCO met the EHCP team 😀 today.');
    const at = map.text.indexOf('today');
    roundTrip(el, [
      [4, 9],
      [18, 22],
      [at, at + 5],
      [map.text.indexOf('😀'), map.text.indexOf('😀') + 2],
    ]);
  });

  test('a line break inside a text node is a space (same length), but not inside <pre>', () => {
    expect(mapText(root('<p>review the\nEHCP</p>')).text).toBe('review the EHCP');
    expect(mapText(root('<pre>a\nb</pre>')).text).toBe('a\nb');
  });

  test("caret placeholders hold no words: Slate's empty line reads as an empty line, like its own Node.string", () => {
    const el = root(
      '<p data-slate-node="element"><span data-slate-node="text"><span data-slate-leaf="true"><span data-slate-string="true">The SENCO</span></span></span></p>' +
        '<p data-slate-node="element"><span data-slate-node="text"><span data-slate-leaf="true"><span data-slate-zero-width="n" data-slate-length="0">\uFEFF<br></span></span></span></p>' +
        '<p data-slate-node="element"><span data-slate-node="text"><span data-slate-leaf="true"><span data-slate-string="true">EHCP</span></span></span></p>',
    );
    const map = mapText(el);
    expect(map.text).toBe('The SENCO\n\nEHCP');
    roundTrip(el, [
      [4, 9],
      [11, 15],
    ]);
    // A placeholder beside real text (TinyMCE's caret container) is left out; the words are not.
    expect(mapText(root('<p>The <span data-mce-type="format-caret">\u200B</span>SENCO</p>')).text).toBe('The SENCO');
  });

  test('scripts, styles, hidden parts and non-editable islands are left out', () => {
    const el = root(
      '<p>Hi<script>x()</script><style>p{}</style> <span hidden>secret</span>Sam<span contenteditable="false">@chip</span>and the SENCO</p>',
    );
    expect(mapText(el).text).toBe('Hi Sam and the SENCO');
  });
});

describe('rangeFor and pointAt', () => {
  test('a span across formatting maps to a range over several text nodes', () => {
    const el = root('<p>The <b>SEN</b>CO will call</p>');
    const map = mapText(el);
    const r = rangeFor(map, 4, 9)!;
    expect(r.toString()).toBe('SENCO');
    expect(r.startContainer.textContent).toBe('SEN');
    expect(r.endContainer.textContent).toBe('CO will call');
  });

  test('spans across paragraphs skip the virtual line break', () => {
    const el = root('<p>first line</p><p>second line</p>');
    const map = mapText(el);
    const r = rangeFor(map, 6, 17)!;
    expect(r.startContainer.textContent).toBe('first line');
    expect(r.endContainer.textContent).toBe('second line');
    expect(r.endOffset).toBe(6);
  });

  test('an offset on a virtual break goes forward for a start and backward for an end', () => {
    const el = root('<p>ab</p><p>cd</p>');
    const map = mapText(el);
    expect(map.text).toBe('ab\ncd');
    expect(pointAt(map, 2, 'forward')!.node.data).toBe('cd');
    expect(pointAt(map, 2, 'forward')!.offset).toBe(0);
    expect(pointAt(map, 2, 'backward')!.node.data).toBe('ab');
    expect(pointAt(map, 2, 'backward')!.offset).toBe(2);
  });

  test('empty and out-of-text spans give no range', () => {
    const map = mapText(root('<p>abc</p>'));
    expect(rangeFor(map, 1, 1)).toBeUndefined();
    expect(rangeFor(map, 5, 9)).toBeUndefined();
    expect(rangeFor(mapText(root('')), 0, 1)).toBeUndefined();
  });

  test('a selection is the range where it has text, else a point at the end of the text before it', () => {
    const el = root('<p>ab</p><p>cd</p>');
    const map = mapText(el);
    expect(selectionFor(map, 3, 5)!.toString()).toBe('cd');
    // At the end of the first line, not the start of the next (where a paste would join the wrong line).
    const end = selectionFor(map, 2, 2)!;
    expect(end.collapsed).toBe(true);
    expect([end.startContainer.textContent, end.startOffset]).toEqual(['ab', 2]);
    const start = selectionFor(map, 0, 0)!;
    expect([start.startContainer.textContent, start.startOffset, start.collapsed]).toEqual(['ab', 0, true]);
    expect(selectionFor(mapText(root('')), 0, 0)).toBeUndefined();
  });

  test('every word of a mixed document maps back to itself', () => {
    const el = root(
      '<h2>Plan</h2><p>The <b>SENCO</b> and <a href="#">SALT</a> team.<br>We will <i>utilise</i> the EHCP.</p><ul><li>SEN support</li></ul>',
    );
    const map = mapText(el);
    const spans: [number, number][] = [];
    for (const m of map.text.matchAll(/\S+/g)) spans.push([m.index!, m.index! + m[0].length]);
    roundTrip(el, spans);
  });
});

describe('offsetAt', () => {
  test('a caret in a text node, and between nodes', () => {
    const el = root('<p>ab</p><p>c<b>de</b></p>');
    const map = mapText(el);
    const b = el.querySelector('b')!;
    expect(offsetAt(map, b.firstChild!, 1)).toBe(map.text.indexOf('de') + 1);
    expect(offsetAt(map, el, 1)).toBe(map.text.indexOf('c'));
    expect(offsetAt(map, el, 2)).toBe(map.text.length);
    expect(offsetAt(map, document.body, 0)).toBeUndefined();
  });
});
