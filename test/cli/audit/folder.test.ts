/**
 * A folder audited like a site (web pages, Word, PDF, text and Markdown, in subfolders), and
 * hostile pages served to the crawl: each ends quickly with a plain message, and the rest of
 * the site is still read.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/cli/audit/command.js';
import type { AuditReport } from '../../../src/cli/audit/report.js';
import { MAX_HTML_DEPTH } from '../../../src/cli/html.js';
import { docx } from '../docx.js';
import { serve, type TestServer } from './site.js';

const work = mkdtempSync(join(tmpdir(), 'plain-send-folder-'));

async function audit(args: string[]) {
  let out = '';
  let err = '';
  // A run that fails writes no report: an old one must not stand in for it.
  rmSync(join(work, 'r.json'), { force: true });
  const code = await runAudit([...args, '--out', 'r.html', '--json', 'r.json'], {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    cwd: work,
  });
  const file = join(work, 'r.json');
  // No report when the run failed: reading `report` then is a test error.
  const report = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined) as AuditReport;
  return { code, out, err, report };
}

describe('plain-send audit of a folder', () => {
  it('reads every kind of file in it and its subfolders, names the ones it cannot read, and makes no requests', async () => {
    const folder = join(work, 'policies');
    mkdirSync(join(folder, 'send', 'old'), { recursive: true });
    writeFileSync(
      join(folder, 'index.html'),
      '<title>SEN Information Report</title><h1>SEN Information Report</h1><p>Our SENCO is Mr Lee. Email senco@school.example.</p><p>See the Local Offer.</p>',
    );
    writeFileSync(join(folder, 'send', 'policy.docx'), await docx([['The EHCP is reviewed by the LA.']]));
    copyFileSync(new URL('../../fixtures/audit/send-policy.pdf', import.meta.url), join(folder, 'send', 'policy.pdf'));
    writeFileSync(join(folder, 'send', 'old', 'notes.txt'), 'We will meet on Monday.\n');
    writeFileSync(join(folder, 'send', 'old', 'plan.md'), '# Plan\n\nThe SENCO will\nphone you.\n');
    writeFileSync(join(folder, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(folder, 'binary.txt'), Buffer.alloc(100, 0));
    writeFileSync(join(folder, 'big.html'), `<p>${'word '.repeat(300_000)}</p>`);
    writeFileSync(join(folder, 'fake.pdf'), 'not a pdf');

    const r = await audit([folder, '--max-size', '1', '--checklist']);
    expect(r.code).toBe(0);
    expect(r.err.split('\n')[0]).toBe(`plain-send audit: reading the folder ${folder}; no network requests are made.`);
    expect(r.report.mode).toBe('folder');
    expect(r.report.pages.map((p) => [p.address, p.kind])).toEqual([
      ['index.html', 'html'],
      ['send/policy.docx', 'docx'],
      ['send/policy.pdf', 'pdf'],
      ['send/old/notes.txt', 'text'],
      ['send/old/plan.md', 'markdown'],
    ]);
    expect(Object.fromEntries(r.report.unread.map((u) => [u.address, u.message]))).toEqual({
      'big.html': expect.stringMatching(/is larger than the 1 MB limit \(1\.4 MB\); raise --max-size/),
      'binary.txt': expect.stringMatching(/cannot be read as text: it has NUL bytes/),
      'fake.pdf': 'is not a PDF (it does not start with %PDF).',
    });
    expect(r.err).toContain('plain-send audit: fake.pdf is not a PDF (it does not start with %PDF).');
    const index = r.report.checklist!.find((c) => c.paragraph === '4')!;
    expect(index.where?.address).toBe('index.html');
    expect(r.report.checklist!.find((c) => c.paragraph === '13')!.found).toBe(true);
    // The Markdown file's hard-wrapped line is one sentence (soft line breaks, as check reads Markdown).
    expect(r.report.pages.find((p) => p.kind === 'markdown')!.sentences).toBe(2);
    expect(r.report.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['EHCP', 'LA', 'SENCO']));
  });

  it('refuses a start that is neither a folder nor a web address, pointing single files to check', async () => {
    writeFileSync(join(work, 'one.txt'), 'Hello.');
    let err = '';
    const code = await runAudit(['one.txt'], { stdout: () => {}, stderr: (s) => void (err += s), cwd: work });
    expect(code).toBe(2);
    expect(err).toMatch(/"one.txt" is not a folder or a web address .* use plain-send check/);
  });
});

describe('hostile pages on a site', () => {
  let site: TestServer;
  afterAll(() => site?.close());

  it('end quickly with a clear message each, and the rest of the site is still read', async () => {
    const deep = `<title>Deep</title>${'<div>'.repeat(200_000)}text`;
    const attribute = `<title>Attribute</title><p title="${'x'.repeat(4_000_000)}">We will meet on Monday.</p>`;
    const invalid = Buffer.concat([
      Buffer.from('<title>Bytes</title><p>We will meet '),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
      Buffer.from(' on Monday.</p>'),
    ]);
    const links = Buffer.from(`<title>Links</title>${'<a href="/x">x</a>'.repeat(100_000)}<p>Many links.</p>`);
    site = await serve({
      '/': '<title>Home</title><a href="/deep.html">1</a><a href="/attribute.html">2</a><a href="/bytes.html">3</a><a href="/links.html">4</a><a href="/ok.html">5</a>',
      '/deep.html': deep,
      '/attribute.html': attribute,
      '/bytes.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(invalid),
      '/links.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(links),
      '/ok.html': '<title>Fine</title><p>We will meet on Monday.</p>',
      '/x': '<title>X</title><p>X.</p>',
    });
    const started = Date.now();
    const r = await audit([`${site.url}/`, '--delay', '0', '--max-size', '10']);
    // A hang guard, not a speed test (the benchmark measures speed).
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(0);
    expect(r.report.unread.map((u) => [new URL(u.address).pathname, u.reason])).toEqual([['/deep.html', 'unreadable']]);
    expect(r.err).toContain(`/deep.html has elements nested more than ${MAX_HTML_DEPTH} deep`);
    const titles = r.report.pages.map((p) => p.title).sort();
    expect(titles).toEqual(['Attribute', 'Bytes', 'Fine', 'Home', 'Links', 'X']);
    expect(r.report.pages.find((p) => p.title === 'Bytes')!.warning).toMatch(/not valid UTF-8/);
    expect(r.report.pages.find((p) => p.title === 'Attribute')!.words).toBe(5);
    // 100,000 links to one address: it is asked for once.
    expect(site.requests.filter((p) => p === '/x')).toHaveLength(1);
  });

  it('reads a page in the encoding its server names, and names a start address that is not a page', async () => {
    const latin = await serve({
      '/': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/html; charset=windows-1252' })
          .end(
            Buffer.concat([Buffer.from('<title>Caf'), Buffer.from([0xe9, 0x92]), Buffer.from('s</title><p>Hi.</p>')]),
          ),
      '/feed': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
    });
    try {
      const r = await audit([`${latin.url}/`, '--delay', '0']);
      expect(r.report.pages.map((p) => p.title)).toEqual(['Café’s']);
      const feed = await audit([`${latin.url}/feed`, '--delay', '0']);
      expect(feed.code).toBe(2);
      expect(feed.err).toContain(
        `${latin.url}/feed is not a web page, Word document or PDF (its type is application/json).`,
      );
    } finally {
      await latin.close();
    }
  });
});
