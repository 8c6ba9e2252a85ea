/**
 * The body of an email as the text its writer wrote, and edits put back into it: HTML and plain
 * text, Outlook's signature and quoted reply left out and left alone, markup kept.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits, createAnalyser, planMeanings, plainWordEdits, shortFormEdits } from '../../src/engine/index.js';
import { applyBodyEdits } from '../../src/outlook/body/body-edits.js';
import { bodyModel, htmlModel, replyHeaderLine, textModel, writerText } from '../../src/outlook/body/body-text.js';
import { OUTLOOK_REPLY_HTML, OUTLOOK_WEB_HTML, PLAIN_REPLY } from './messages.js';

const analyser = createAnalyser();

describe('the writer’s text of an HTML body', () => {
  it('is one line per block, entities decoded, white space folded, styles and comments left out', () => {
    const html =
      '<html><head><title>x</title><style>p { color: red }</style></head><body><!-- a comment --><p>Dear  Mr&nbsp;Khan,</p>\n  <p>Tom &amp; Jerry &lt;3 &#8212; &#x2019;</p><ul><li>one</li><li>two</li></ul><div>a<br>b</div></body></html>';
    expect(writerText(html, 'html')).toBe('Dear Mr\u00a0Khan,\nTom & Jerry <3 \u2014 \u2019\none\ntwo\na\nb');
  });

  it('stops at Outlook on the web’s signature, and so never sees the reply under it', () => {
    expect(writerText(OUTLOOK_WEB_HTML, 'html')).toBe(
      'Dear Mrs Patel,\n\u00a0\nThe EHCP review is next week. SaLT will join us.\n\nKind regards,\nMs Jones',
    );
  });

  it.each([
    ['<div id="divRplyFwdMsg">', 'Outlook on the web’s reply header'],
    ['<div id="appendonsend"></div>', 'Outlook’s reply marker'],
    ['<div id="x_Signature">', 'a signature already sent once'],
    ['<a name="_MailAutoSig"></a>', 'classic Outlook’s signature bookmark'],
    ['<div class="gmail_quote">', 'a quote from Gmail'],
    ['<blockquote type="cite">', 'a cited quote'],
  ])('stops at %s (%s)', (marker) => {
    const html = `<p>The EHCP is ready.</p>${marker}<p>The LA wrote to us.</p></div>`;
    expect(writerText(html, 'html')).toBe('The EHCP is ready.');
  });

  it('stops at a reply header written as text ("From:" then "Sent:"), as classic Outlook makes it', () => {
    expect(writerText(OUTLOOK_REPLY_HTML, 'html')).toBe('Thank you, I will bring the EHCP.');
  });

  it('maps each character back to the body', () => {
    const html = '<p>A &amp; <b>B</b></p><p>C</p>';
    const m = htmlModel(html);
    expect(m.text).toBe('A & B\nC');
    expect([...m.from]).toEqual([3, 4, 5, 10, 14, -1, 26]);
    expect(html.slice(m.from[2], m.to[2])).toBe('&amp;');
  });
});

describe('the writer’s text of a plain-text body', () => {
  it('stops at "-----Original Message-----", a "From:"/"Sent:" header, "On … wrote:", "-- " and ">" quotes', () => {
    expect(writerText(PLAIN_REPLY, 'text')).toBe(
      'Thanks, the EHCP meeting is fine.\r\n\r\nAnna'.replace(/\r\n/g, '\n'),
    );
    expect(writerText('Hello\n\n-- \nMs Jones\nSENCo', 'text')).toBe('Hello');
    expect(writerText('Yes, fine.\n\nOn Tue, 3 Mar 2026 at 09:00, Mum <m@example.org> wrote:\n> The LA', 'text')).toBe(
      'Yes, fine.',
    );
    expect(writerText('Yes.\n> quoted EHCP', 'text')).toBe('Yes.');
    expect(writerText('From: the SENCo, with love', 'text')).toBe('From: the SENCo, with love');
  });

  it('finds a reply header only where one is', () => {
    expect(replyHeaderLine('a\n________________________________\nFrom: X\nSent: Y')).toBe(2);
    expect(replyHeaderLine('From: me\nTo: you\nSubject: s')).toBeUndefined();
  });
});

describe('edits put back into the body', () => {
  /** The body after the edits reads as the text after them: the same text as every other surface. */
  function roundTrip(content: string, type: 'html' | 'text') {
    const m = bodyModel(content, type);
    const findings = analyser.analyse(m.text).findings;
    const plan = planMeanings(m.text, findings);
    const edits = [...shortFormEdits(findings), ...plainWordEdits(findings), ...(plan.edit ? [plan.edit] : [])];
    const out = applyBodyEdits(content, m, edits);
    return { m, edits, out, after: bodyModel(out, type), expected: applyEdits(m.text, edits) };
  }

  it('HTML: explains the short forms, adds the meanings above the sign-off, leaves signature and reply byte for byte', () => {
    const { out, after, expected, edits } = roundTrip(OUTLOOK_WEB_HTML, 'html');
    expect(edits.length).toBeGreaterThan(2);
    expect(after.text).toBe(expected);
    expect(out).toContain('<b>Education, Health and Care plan (EHCP)</b>');
    expect(out).toContain('Words in this email<br>EHCP (Education, Health and Care plan): ');
    const tail = OUTLOOK_WEB_HTML.slice(OUTLOOK_WEB_HTML.indexOf('<div id="Signature">'));
    expect(out.endsWith(tail)).toBe(true);
  });

  it('HTML: the meanings made again replace the list made before', () => {
    const first = roundTrip(OUTLOOK_WEB_HTML, 'html').out;
    const again = roundTrip(first, 'html');
    expect(again.after.text).toBe(again.expected);
    expect(again.after.text.split('Words in this email')).toHaveLength(2);
  });

  it('HTML: keeps a bold that starts before a replaced word and ends inside it', () => {
    const html = '<p>We <b>use</b> it.</p>';
    const m = htmlModel(html);
    expect(applyBodyEdits(html, m, [{ start: 3, end: 10, text: 'take' }])).toBe('<p>We <b>take</b></p>');
    expect(applyBodyEdits(html, m, [{ start: 3, end: 6, text: 'X' }])).toBe('<p>We <b>X</b> it.</p>');
  });

  it('HTML: an edit across two paragraphs joins them, as deleting across them would', () => {
    const html = '<p>one</p><p>two</p>';
    const m = htmlModel(html);
    expect(applyBodyEdits(html, m, [{ start: 1, end: 5, text: '-' }])).toBe('<p>o-wo</p>');
  });

  it('plain text: the same, with Windows line ends kept and the quoted reply untouched', () => {
    const { out, after, expected } = roundTrip(PLAIN_REPLY, 'text');
    expect(after.text).toBe(expected);
    expect(out).toContain('Education, Health and Care plan (EHCP)');
    expect(out.endsWith(PLAIN_REPLY.slice(PLAIN_REPLY.indexOf('-----Original Message-----')))).toBe(true);
    expect(out.includes('\n') && !/[^\r]\n/.test(out)).toBe(true);
  });

  it('a text body maps "\\r\\n" to one character', () => {
    const m = textModel('a\r\nb');
    expect(m.text).toBe('a\nb');
    expect([...m.from]).toEqual([0, 1, 3]);
  });
});

describe('one pass over the body', () => {
  it('reads a 1 MB body in time linear in its length (1 MB / 10 KB well under quadratic)', () => {
    const unit = '<p class="MsoNormal">The <b>EHCP</b> &amp; the SaLT&nbsp;plan.</p><div><br></div>\n';
    const make = (bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));
    const time = (html: string) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        htmlModel(html);
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    const small = make(10_000);
    const large = make(1_000_000);
    time(small); // warm up
    const ratio = time(large) / Math.max(time(small), 0.05);
    expect(ratio).toBeLessThan(1_000); // linear is about 100; quadratic would be 10,000
  });
});
