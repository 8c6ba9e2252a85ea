// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { chunkText, extractRange, extractText, rangeAt } from '../../src/read/extract.js';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

/** Every span maps back to a DOM range holding exactly the same characters. */
function roundTrip(text: string, map: ReturnType<typeof extractText>, words: string[]): void {
  for (const w of words) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(w, from);
      if (at < 0) break;
      const r = rangeAt(map, at, at + w.length);
      expect(r, `${w} at ${at}`).toBeDefined();
      expect(r!.toString()).toBe(w);
      from = at + w.length;
    }
  }
}

describe('extractText', () => {
  test('each block is a line; inline elements join their words', () => {
    const map = extractText(
      page(
        '<h1>Our SEN Information Report</h1><p>The <b>SENCO</b> leads <a href="#">SEN support</a>.</p><ul><li>EHCNA</li><li>APDR</li></ul><table><tr><td>SaLT</td><td>CAMHS</td></tr></table>',
      ),
    );
    expect(map.text).toBe('Our SEN Information Report\nThe SENCO leads SEN support.\nEHCNA\nAPDR\nSaLT\nCAMHS');
    roundTrip(map.text, map, ['SENCO', 'SEN support', 'EHCNA', 'APDR', 'SaLT', 'CAMHS', 'Report', 'The SENCO leads']);
  });

  test('leaves out scripts, styles, form fields, buttons, editors, hidden text and our own UI (screen-reader-only text: in the browser test)', () => {
    const map = extractText(
      page(`
      <p>Seen: EHCP</p>
      <script>var SENCO = 1;</script><style>.x{}</style><noscript>NOSCRIPT</noscript><template><p>TEMPLATE</p></template>
      <textarea>TEXTAREA</textarea><input value="INPUT"><select><option>OPTION</option></select><button>BUTTON</button>
      <div contenteditable="true"><p>EDITOR</p></div>
      <p hidden>HIDDENATTR</p><p style="display:none">DISPLAYNONE</p><p style="visibility:hidden">INVISIBLE</p>
      <details><summary>Summary APDR</summary><p>CLOSEDDETAILS</p></details>
      <details open><summary>Open</summary><p>OPENDETAILS</p></details>
      <p data-plain-send="off">OPTEDOUT</p>
      <plain-send-ui>OURUI</plain-send-ui>
      <p>Also seen: SaLT</p>`),
    );
    for (const gone of [
      'SENCO',
      'NOSCRIPT',
      'TEMPLATE',
      'TEXTAREA',
      'INPUT',
      'OPTION',
      'BUTTON',
      'EDITOR',
      'HIDDENATTR',
      'DISPLAYNONE',
      'INVISIBLE',
      'CLOSEDDETAILS',
      'OPTEDOUT',
      'OURUI',
    ]) {
      expect(map.text, gone).not.toContain(gone);
    }
    for (const kept of ['Seen: EHCP', 'Summary APDR', 'OPENDETAILS', 'Also seen: SaLT'])
      expect(map.text).toContain(kept);
  });

  test('line breaks and tabs inside a text node are spaces (same length), except in <pre>', () => {
    const map = extractText(page('<p>The SENCO\n\twill call</p><pre>line one\nline two</pre>'));
    expect(map.text).toBe('The SENCO  will call\nline one\nline two');
    roundTrip(map.text, map, ['SENCO', 'will call', 'line two']);
  });

  test('offsets hold across many text nodes and a word split between two nodes', () => {
    const map = extractText(page('<p>An <i>E</i>HCP and <span>SEN</span><span>CO</span> here</p><p>Next</p>'));
    expect(map.text).toBe('An EHCP and SENCO here\nNext');
    const at = map.text.indexOf('SENCO');
    const r = rangeAt(map, at, at + 5)!;
    expect(r.toString()).toBe('SENCO');
    expect(r.startContainer).not.toBe(r.endContainer);
    expect(rangeAt(map, map.text.indexOf('EHCP'), map.text.indexOf('EHCP') + 4)!.toString()).toBe('EHCP');
    // A span over the virtual line break still maps, to the text either side of it.
    const nl = map.text.indexOf('\n');
    expect(rangeAt(map, nl - 4, nl + 5)!.toString()).toBe('hereNext');
  });

  test('a selection is read clipped at its ends, with offsets into the selected text', () => {
    const doc = page('<p id="a">Your child has an EHCP and a SENCO.</p><p id="b">The LA decides.</p>');
    const a = doc.getElementById('a')!.firstChild as Text;
    const b = doc.getElementById('b')!.firstChild as Text;
    const range = doc.createRange();
    range.setStart(a, a.data.indexOf('EHCP'));
    range.setEnd(b, b.data.indexOf(' decides'));
    const map = extractRange(range);
    expect(map.text).toBe('EHCP and a SENCO.\nThe LA');
    roundTrip(map.text, map, ['EHCP', 'SENCO', 'LA']);
  });
});

describe('chunkText', () => {
  test('cuts at line ends, never inside a line, and covers every line', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `Line ${i} has the SENCO and the EHCP in it.`);
    const text = lines.join('\n');
    const chunks = chunkText(text, 200);
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.end - c.start).toBeLessThanOrEqual(200);
      expect(c.start === 0 || text[c.start - 1] === '\n').toBe(true);
      expect(c.end === text.length || text[c.end] === '\n').toBe(true);
    }
    expect(chunks.map((c) => text.slice(c.start, c.end)).join('\n')).toBe(text);
  });

  test('a line longer than a chunk is cut at a space; the whole text once when it fits', () => {
    const long = 'word '.repeat(100).trim();
    const chunks = chunkText(long, 64);
    for (const c of chunks) expect(c.end - c.start).toBeLessThanOrEqual(64);
    expect(chunks.map((c) => long.slice(c.start, c.end)).join(' ')).toBe(long);
    expect(chunkText('short text', 64)).toEqual([{ start: 0, end: 10 }]);
    expect(chunkText('', 64)).toEqual([]);
  });
});
