/**
 * The audit against a school website served by the test: what it reads, what it leaves alone
 * (robots.txt, other sites, pictures), each page it could not read and why, and the figures
 * in the report (reading ages, terms, checklist), checked against the engine directly.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/cli/audit/command.js';
import { CSV_COLUMNS } from '../../../src/cli/audit/report-data.js';
import type { AuditReport } from '../../../src/cli/audit/report.js';
import { htmlToText } from '../../../src/cli/html.js';
import { createAnalyser } from '../../../src/engine/index.js';
import { EASY_TEXT, HARD_TEXT, REPORT_TEXT, schoolSite, serve, type TestServer } from './site.js';

const work = mkdtempSync(join(tmpdir(), 'plain-send-audit-'));

export async function audit(args: string[]) {
  let out = '';
  let err = '';
  const code = await runAudit(args, {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    cwd: work,
    version: 'test',
  });
  return { code, out, err };
}

let site: TestServer;
let elsewhere: TestServer;
let run: Awaited<ReturnType<typeof audit>>;
let report: AuditReport;

beforeAll(async () => {
  elsewhere = await serve({});
  site = await schoolSite(elsewhere.url);
  run = await audit([
    `${site.url}/`,
    '--delay',
    '0',
    '--timeout',
    '1',
    '--out',
    'site.html',
    '--json',
    'site.json',
    '--csv',
    'site.csv',
  ]);
  report = JSON.parse(readFileSync(join(work, 'site.json'), 'utf8'));
}, 30_000);

afterAll(async () => {
  await site?.close();
  await elsewhere?.close();
});

const path = (address: string) => new URL(address).pathname;

describe('plain-send audit of a school website', () => {
  it('says first, on standard error, that it uses the network and only for the named site', () => {
    expect(run.err.split('\n')[0]).toBe(
      `plain-send audit: this is the only part of Plain SEND that uses the network. It will request pages from ${site.url} only (robots.txt honoured, as "plain-send-audit"); links to other sites are not visited. What it reads is checked on this computer.`,
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Report: ${join(work, 'site.html')}`);
  });

  it('reads robots.txt first, then the pages and the Word and PDF files on the site', () => {
    expect(site.requests[0]).toBe('/robots.txt');
    expect(report.pages.map((p) => [path(p.address), p.kind]).sort()).toEqual(
      [
        ['/', 'html'],
        ['/about.html', 'html'],
        ['/policies/send-policy.docx', 'docx'],
        ['/policies/send-policy.pdf', 'pdf'],
        ['/send/hard.html', 'html'],
        ['/send/report.html', 'html'],
      ].sort(),
    );
  });

  it('leaves alone what robots.txt excludes for plain-send-audit, pictures, and every other site', () => {
    expect(site.requests.filter((r) => /^\/(?:staff|private)\//.test(r))).toEqual([]);
    expect(site.requests).not.toContain('/logo.png');
    expect(elsewhere.requests).toEqual([]);
    expect(report.skipped.robots).toBe(2);
    expect(report.skipped.external).toBe(1);
  });

  it('asks for each page once (fragments and repeats are the same page)', () => {
    const asked = site.requests.filter((r) => r !== '/about.html');
    expect(new Set(asked).size).toBe(asked.length);
    // Once from its link, once as where /old-about redirects: read once.
    expect(site.requests.filter((r) => r === '/about.html')).toHaveLength(2);
    expect(report.pages.filter((p) => path(p.address) === '/about.html')).toHaveLength(1);
  });

  it('gives a clear line for each page it could not read, and why', () => {
    const unread = Object.fromEntries(report.unread.map((u) => [path(u.address), u.reason]));
    expect(unread).toEqual({
      '/news/missing.html': 'status',
      '/loop': 'redirect-loop',
      '/big.html': 'too-large',
      '/slow.html': 'timeout',
      '/away': 'redirect-elsewhere',
      '/calendar': 'not-readable',
    });
    const line = (p: string) => run.err.split('\n').find((l) => l.includes(`${site.url}${p} `));
    expect(line('/news/missing.html')).toMatch(
      /the server answered 404 Not Found, so the page is not there \(a broken link\)/,
    );
    expect(line('/news/missing.html')).toContain(`(linked from ${site.url}/)`);
    expect(line('/loop')).toMatch(/redirects in a loop back to itself/);
    expect(line('/big.html')).toMatch(/is larger than the 5 MB limit, so the audit stopped reading it/);
    expect(line('/slow.html')).toMatch(/took longer than 1 second to arrive/);
    expect(line('/away')).toMatch(/redirects to another site/);
    expect(line('/calendar')).toMatch(/its type is text\/calendar/);
  });

  it('stops reading the 10 MB page at the size cap instead of downloading it all', () => {
    expect(site.bigFinished).toBe(false);
  });

  it("gives each page the engine's own reading age and flags those over the reader's", () => {
    const analyser = createAnalyser({ lineBreaks: 'hard' });
    const age = (html: string) => analyser.analyse(htmlToText(`<main>${html}</main>`)).readability.readingAge;
    const byPath = Object.fromEntries(report.pages.map((p) => [path(p.address), p]));
    expect(byPath['/about.html'].readingAge).toBe(age(EASY_TEXT));
    expect(byPath['/send/hard.html'].readingAge).toBe(age(HARD_TEXT));
    expect(byPath['/send/report.html'].readingAge).toBe(age(REPORT_TEXT));
    expect(byPath['/about.html'].over).toBe(false);
    expect(byPath['/send/hard.html'].over).toBe(true);
    expect(byPath['/send/hard.html'].readingAge).toBeGreaterThan(11);
    expect(byPath['/send/hard.html'].longest[0].words).toBeGreaterThan(25);
    expect(report.audience.maxReadingAge).toBe(11);
  });

  it('reads the Word document and the PDF for their text', () => {
    const docx = report.pages.find((p) => p.kind === 'docx')!;
    expect(docx.title).toBe('Our SEND policy');
    expect(docx.terms.map((t) => t.term)).toContain('graduated approach');
    const pdf = report.pages.find((p) => p.kind === 'pdf')!;
    expect(pdf.title).toBe('Our SEND policy');
    expect(pdf.words).toBeGreaterThan(40);
    expect(pdf.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['EHCP', 'LA', 'SENCO']));
  });

  it('lists the terms left unexplained on most pages, with how often and their plain meanings', () => {
    const ehcp = report.terms[0];
    // Twice in the report, once on the policy statement, once in the PDF.
    expect([ehcp.term, ehcp.count, ehcp.pages]).toEqual(['EHCP', 4, 3]);
    expect(ehcp.expansion).toMatch(/Education, Health and Care/i);
    expect(ehcp.definition).toBeTruthy();
    const la = report.terms.find((t) => t.term === 'LA')!;
    expect([la.count, la.pages]).toEqual([3, 3]);
    for (let i = 1; i < report.terms.length; i++)
      expect(report.terms[i - 1].pages).toBeGreaterThanOrEqual(report.terms[i].pages);
  });

  it('checks the SEN Information Report against Schedule 1, across pages, with where each was found', () => {
    const checklist = report.checklist!;
    expect(checklist).toHaveLength(19);
    expect(checklist.filter((c) => !c.found).map((c) => c.paragraph)).toEqual(['13']);
    const at = (p: string) => checklist.find((c) => c.paragraph === p)!.where!;
    expect(path(at('4').address)).toBe('/send/report.html');
    expect(at('4').snippet).toContain('Our SENCO is Ms Amina Shah');
    // Complaints are in the PDF policy, not the report page.
    expect(path(at('9').address)).toBe('/policies/send-policy.pdf');
    expect(at('9').snippet).toContain('complaint');
  });

  it('writes one CSV row per page and per unread address, as the JSON says', () => {
    const rows = readFileSync(join(work, 'site.csv'), 'utf8').trimEnd().split('\r\n');
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(1 + report.pages.length + report.unread.length);
    const hard = rows.find((r) => r.startsWith(`${site.url}/send/hard.html,`))!;
    const hardPage = report.pages.find((p) => path(p.address) === '/send/hard.html')!;
    expect(hard.split(',').slice(2, 7)).toEqual(['html', 'yes', String(hardPage.readingAge), '11', 'yes']);
  });

  it('writes an HTML report with no script and nothing loaded from elsewhere', () => {
    const html = readFileSync(join(work, 'site.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link\b|<img\b|<iframe|@import|url\(\s*['"]?http/i);
    expect(html).toContain("Reader's limit: 11");
    expect(html).toContain('SEN Information Report checklist');
    expect(html).toMatch(/EHCP \(Education, Health and Care/);
  });
});

describe('plain-send audit of a sitemap', () => {
  it('reads the pages the sitemap lists on the site, still honouring robots.txt', async () => {
    const before = site.requests.length;
    const r = await audit([`${site.url}/sitemap.xml`, '--delay', '0', '--out', 'map.html', '--json', 'map.json']);
    expect(r.code).toBe(0);
    const map: AuditReport = JSON.parse(readFileSync(join(work, 'map.json'), 'utf8'));
    expect(map.mode).toBe('sitemap');
    expect(map.pages.map((p) => path(p.address)).sort()).toEqual(['/about.html', '/send/report.html']);
    expect(map.unread.map((u) => path(u.address))).toEqual(['/news/missing.html']);
    const asked = site.requests.slice(before);
    expect(asked).toEqual(['/robots.txt', '/sitemap.xml', '/about.html', '/send/report.html', '/news/missing.html']);
    expect(elsewhere.requests).toEqual([]);
    expect(map.skipped.robots).toBe(1);
  });
});
