/** The checklist's matching, and the reports' safety: HTML escaped, CSV cells never run as formulas. */
import { describe, expect, it } from 'vitest';
import { Checklist, SCHEDULE_1, isSenInformationReport, snippetAround } from '../../../src/cli/audit/checklist.js';
import { reportCsv } from '../../../src/cli/audit/report-data.js';
import { reportHtml } from '../../../src/cli/audit/report-html.js';
import type { AuditReport } from '../../../src/cli/audit/report.js';
import { summarisePage } from '../../../src/cli/audit/summary.js';
import { AUDIENCES, createAnalyser } from '../../../src/engine/index.js';

describe('the SEN Information Report checklist', () => {
  it('has every paragraph of Schedule 1, in order, with 3(a) to 3(g)', () => {
    expect(SCHEDULE_1.map((i) => i.paragraph)).toEqual([
      '1',
      '2',
      '3(a)',
      '3(b)',
      '3(c)',
      '3(d)',
      '3(e)',
      '3(f)',
      '3(g)',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
    ]);
  });

  it('needs every part of a check on the same page, and keeps the first page that has it', () => {
    const list = new Checklist();
    list.addPage('a.html', 'A', 'Our SENCO is Ms Shah.');
    list.addPage('b.html', 'B', 'Contact the SENCO: phone 01234 567890.');
    list.addPage('c.html', 'C', 'The SENCO, Mr Lee, email senco@school.example.');
    const four = list.results().find((r) => r.paragraph === '4')!;
    expect(four.where).toEqual({ address: 'b.html', title: 'B', snippet: 'Contact the SENCO: phone 01234 567890.' });
    expect(list.results().find((r) => r.paragraph === '13')!.found).toBe(false);
  });

  it('knows an SEN Information Report by its name', () => {
    expect(isSenInformationReport('SEND Information Report 2025', '')).toBe(true);
    expect(isSenInformationReport('News', 'Read our special educational needs information report.')).toBe(true);
    expect(isSenInformationReport('News', 'Sports day is on Friday.')).toBe(false);
  });

  it('quotes a short piece of the line around a match', () => {
    const line = `${'a '.repeat(200)}Local Offer${' b'.repeat(200)}`;
    const snippet = snippetAround(`first line\n${line}\nlast`, 11 + 400, 11, 60);
    expect(snippet).toMatch(/^….*Local Offer.*…$/);
    expect(snippet.length).toBeLessThan(70);
  });
});

function reportWith(title: string, text: string): AuditReport {
  const analysis = createAnalyser().analyse(text);
  return {
    source: 'https://s.example/',
    mode: 'site',
    started: '2026-01-01T09:00:00.000Z',
    seconds: 1,
    version: 'test',
    audience: AUDIENCES['parent-carer'],
    pages: [summarisePage('https://s.example/<x>', title, 'html', analysis)],
    unread: [{ address: 'https://s.example/"gone"', reason: 'status', message: 'could not be read: 404.' }],
    skipped: { robots: 0, external: 0, overLimit: 0, tooDeep: 0 },
    notes: [],
    terms: [],
    longest: [],
  };
}

describe('the reports', () => {
  it('escapes everything a page says in the HTML report', () => {
    const html = reportHtml(reportWith('<script>alert(1)</script>', 'The <b>SENCO</b> & the LA.'));
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('href="https://s.example/&quot;gone&quot;"');
  });

  it('makes CSV cells that start like a formula inert, and quotes commas and quotes', () => {
    const csv = reportCsv(reportWith('=HYPERLINK("http://evil.example","click")', 'We will meet.'));
    const row = csv.split('\r\n')[1];
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it("draws each page with text as a bar, striped and marked over when past the reader's limit, with the limit as a line", () => {
    const report = reportWith('Easy', 'We will meet on Monday.');
    const hard = createAnalyser().analyse(
      'The governing body acknowledges its statutory responsibilities concerning identification, assessment and subsequent educational provision notwithstanding organisational constraints.',
    );
    report.pages.push(summarisePage('https://s.example/hard', 'Hard', 'html', hard));
    report.pages.push(summarisePage('https://s.example/empty', 'Empty', 'html', createAnalyser().analyse('')));
    const html = reportHtml(report);
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg.match(/<rect x="300"/g)).toHaveLength(2);
    expect(svg.match(/fill="url\(#over\)"/g)).toHaveLength(1);
    expect(svg).toMatch(new RegExp(`>${report.pages[1].readingAge} over</text>`));
    expect(svg).toContain("Reader's limit: 11");
    expect(svg).not.toContain('Empty');
    // The table has every page, the empty one too, with words for "over", not only colour.
    expect(html).toMatch(
      /<th scope="row"><a href="#page-\d">Empty<\/a><\/th><td>HTML<\/td><td class="num">–<\/td><td>No text<\/td>/,
    );
    expect(html).toContain('<span class="over">Over</span>');
  });
});
