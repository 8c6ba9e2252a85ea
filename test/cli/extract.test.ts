import { describe, expect, it } from 'vitest';
import { extract, kindOf } from '../../src/cli/extract.js';
import { htmlToText } from '../../src/cli/html.js';
import { docx } from './docx.js';

describe('kindOf', () => {
  it.each([
    ['a.txt', 'text'],
    ['A.MD', 'markdown'],
    ['page.htm', 'html'],
    ['policy.docx', 'docx'],
    ['notes', 'text'],
    ['x.pdf', undefined],
  ])('%s → %s', (path, kind) => {
    expect(kindOf(path)).toBe(kind);
  });
});

describe('htmlToText', () => {
  it('keeps visible text, one block to a line, and leaves out scripts, styles and hidden parts', () => {
    const html =
      '<head><title>T</title><style>.x{}</style></head><body><h1>Help</h1><p>Our <b>SENCo</b> &amp; the EP.</p><script>SENCO()</script><div hidden>EHCP</div><ul><li>One</li><li>Two</li></ul>a<br>b</body>';
    expect(htmlToText(html)).toBe('Help\nOur SENCo & the EP.\nOne\nTwo\na\nb');
  });

  it('copes with broken markup', () => {
    expect(htmlToText('<p>Unclosed <b>bold<p>Next <div hidden>x')).toBe('Unclosed bold\nNext');
    expect(htmlToText('')).toBe('');
  });
});

describe('extract', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('reads text as it is, less a byte-order mark, and says when bytes are not UTF-8', async () => {
    expect(await extract(bytes('\ufeffHello'), 'text')).toEqual({ text: 'Hello', lineBreaks: 'hard' });
    const bad = await extract(new Uint8Array([0x48, 0xff, 0x69]), 'text');
    expect(bad.text).toBe('H\ufffdi');
    expect(bad.warning).toMatch(/not valid UTF-8/);
  });

  it('reads Markdown with soft line breaks', async () => {
    expect((await extract(bytes('a\nb'), 'markdown')).lineBreaks).toBe('soft');
  });

  it('reads a Word document, paragraph by paragraph, even when a term is split across runs', async () => {
    const file = await docx([['Dear parent,'], ['The SEN', 'CO will call about the E', 'HCP.']]);
    expect((await extract(file, 'docx')).text).toBe('Dear parent,\nThe SENCO will call about the EHCP.\n');
  });

  it('refuses a file that is not a Word document, clearly', async () => {
    await expect(extract(bytes('not a zip'), 'docx')).rejects.toThrow(/is not a Word \.docx file/);
    await expect(extract(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'docx')).rejects.toThrow(
      /is not a whole zip archive \(its end is missing\)/,
    );
  });
});
