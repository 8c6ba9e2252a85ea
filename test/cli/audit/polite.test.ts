/**
 * How the crawl treats a site: one or two requests at a time, a pause after each, the page
 * and depth limits, robots.txt's Crawl-delay and its "read nothing" cases, and the exit codes
 * CI relies on.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/cli/audit/command.js';
import type { AuditReport } from '../../../src/cli/audit/report.js';
import { serve, type TestServer } from './site.js';

const work = mkdtempSync(join(tmpdir(), 'plain-send-polite-'));

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

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** Page n links to n+1 and n+2 (a chain: page n is about n/2 links from the start); each answers after `wait` ms. */
async function chain(pages: number, wait = 0, robots?: string) {
  const routes: Record<string, Parameters<typeof serve>[0][string]> = {};
  for (let n = 0; n < pages; n++) {
    const links = [n + 1, n + 2]
      .filter((m) => m < pages)
      .map((m) => `<a href="/p${m}.html">Page ${m}</a>`)
      .join(' ');
    routes[`/p${n}.html`] = (_req, res) =>
      setTimeout(
        () =>
          res
            .writeHead(200, { 'content-type': 'text/html' })
            .end(`<title>Page ${n}</title><p>We will meet on Monday. Page ${n}.</p>${links}`),
        wait,
      );
  }
  if (robots) routes['/robots.txt'] = (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(robots);
  const server = await serve(routes);
  servers.push(server);
  return server;
}

const stamps = (server: TestServer) => server.requests.filter((r) => r.startsWith('/p'));

describe('a polite crawl', () => {
  it('makes one request at a time by default', async () => {
    const site = await chain(12, 20);
    const r = await audit([`${site.url}/p0.html`, '--delay', '0', '--max-depth', '10']);
    expect(r.report.pages).toHaveLength(12);
    expect(site.maxInFlight).toBe(1);
  });

  it('makes at most two at a time with --concurrency 2, and refuses three', async () => {
    const site = await chain(12, 40);
    const r = await audit([`${site.url}/p0.html`, '--delay', '0', '--concurrency', '2', '--max-depth', '10']);
    expect(r.report.pages).toHaveLength(12);
    expect(site.maxInFlight).toBe(2);
    const three = await audit([`${site.url}/p0.html`, '--concurrency', '3']);
    expect(three.code).toBe(2);
    expect(three.err).toMatch(/--concurrency must be a whole number from 1 to 2, not "3"/);
  });

  it('pauses after each request', async () => {
    const site = await chain(5);
    const times: number[] = [];
    const started = Date.now();
    const original = site.requests.push.bind(site.requests);
    site.requests.push = (...items: string[]) => {
      times.push(Date.now() - started);
      return original(...items);
    };
    await audit([`${site.url}/p0.html`, '--delay', '0.15']);
    // robots.txt, then p0 to p4: each page after the first waits 150 ms.
    expect(times).toHaveLength(6);
    for (let i = 3; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(140);
  });

  it('stops at the page limit and says how many more it found', async () => {
    const site = await chain(30);
    const r = await audit([`${site.url}/p0.html`, '--delay', '0', '--max-pages', '10', '--max-depth', '50']);
    expect(stamps(site)).toHaveLength(10);
    expect(r.report.pages).toHaveLength(10);
    expect(r.report.skipped.overLimit).toBeGreaterThan(0);
    expect(r.report.notes.join(' ')).toMatch(/The page limit \(10\) was reached/);
  });

  it('follows links only as deep as --max-depth', async () => {
    const site = await chain(30);
    const r = await audit([`${site.url}/p0.html`, '--delay', '0', '--max-depth', '2']);
    // p0 (depth 0); p1, p2 (1); p3, p4 (2).
    expect(stamps(site).sort()).toEqual(['/p0.html', '/p1.html', '/p2.html', '/p3.html', '/p4.html']);
    expect(r.report.skipped.tooDeep).toBeGreaterThan(0);
  });

  it("waits as long as robots.txt's Crawl-delay asks, and obeys its rules for our name", async () => {
    const site = await chain(3, 0, 'User-agent: plain-send-audit\nCrawl-delay: 0.2\nDisallow: /p2.html\n');
    const started = Date.now();
    const r = await audit([`${site.url}/p0.html`, '--delay', '0']);
    expect(stamps(site)).toEqual(['/p0.html', '/p1.html']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(r.err).toContain('robots.txt asks for 0.2 seconds between requests');
  });

  it('reads nothing when robots.txt cannot be read because of a server error (RFC 9309), and exits 2', async () => {
    const site = await serve({
      '/robots.txt': (_req, res) => res.writeHead(503).end(),
      '/': '<p>Never read.</p>',
    });
    servers.push(site);
    const r = await audit([`${site.url}/`, '--delay', '0']);
    expect(site.requests).toEqual(['/robots.txt']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/robots\.txt could not be read .* so the audit reads nothing on this site/);
    expect(r.report.pages).toEqual([]);
  });

  it('exits 2 when the start address cannot be read at all', async () => {
    const site = await serve({});
    servers.push(site);
    const r = await audit([`${site.url}/nothing-here`, '--delay', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing could be read from the start address/);
  });
});

describe('exit codes for CI', () => {
  const hard =
    '<p>The governing body acknowledges its statutory responsibilities concerning identification, assessment and subsequent educational provision notwithstanding organisational constraints.</p>';

  async function twoPages() {
    const site = await serve({
      '/': `<title>Home</title><p>We are a small school.</p><a href="/hard.html">Policy</a> <a href="/gone.html">Gone</a>`,
      '/hard.html': `<title>Policy</title>${hard}`,
    });
    servers.push(site);
    return site;
  }

  it('exits 1 with --max-reading-age when a page is over it, naming the page; 0 when none is', async () => {
    const site = await twoPages();
    const over = await audit([`${site.url}/`, '--delay', '0', '--max-reading-age', '11']);
    expect(over.code).toBe(1);
    expect(over.err).toMatch(new RegExp(`1 page is over reading age 11:\\n  [\\d.]+  ${site.url}/hard.html`));
    const within = await audit([`${site.url}/`, '--delay', '0', '--max-reading-age', '99']);
    expect(within.code).toBe(0);
  });

  it('exits 0 without thresholds, even with a broken link; 1 with --fail-on-unread', async () => {
    const site = await twoPages();
    expect((await audit([`${site.url}/`, '--delay', '0'])).code).toBe(0);
    const strict = await audit([`${site.url}/`, '--delay', '0', '--fail-on-unread']);
    expect(strict.code).toBe(1);
    expect(strict.report.unread.map((u) => u.reason)).toEqual(['status']);
  });

  it('exits 1 with --fail-on-missing when a checklist item is not found', async () => {
    const site = await twoPages();
    const r = await audit([`${site.url}/`, '--delay', '0', '--fail-on-missing']);
    expect(r.code).toBe(1);
    expect(r.report.checklist).toHaveLength(19);
    expect(r.err).toMatch(/checklist items not found: paragraph 1, 3\(a\),/);
  });

  it('exits 2 on a bad option, with the same engine options as check', async () => {
    const site = await twoPages();
    const audience = await audit([`${site.url}/`, '--audience', 'everyone']);
    expect(audience.code).toBe(2);
    expect(audience.err).toMatch(/unknown audience "everyone"/);
    const pack = await audit([`${site.url}/`, '--pack', 'nowhere']);
    expect(pack.code).toBe(2);
    expect(pack.err).toMatch(/unknown pack "nowhere"/);
    expect((await audit([`${site.url}/`, '--max-reading-age', 'eleven'])).code).toBe(2);
  });

  it('takes the audience, ignored terms and the reader limit from the same options as check', async () => {
    const site = await serve({ '/': '<title>Home</title><p>The SENCO will phone you.</p>' });
    servers.push(site);
    const staff = await audit([`${site.url}/`, '--delay', '0', '--audience', 'school-staff']);
    expect(staff.report.audience.maxReadingAge).toBe(14);
    expect(staff.report.terms.map((t) => t.term)).toEqual(['SENCO']);
    const ignored = await audit([`${site.url}/`, '--delay', '0', '--ignore', 'SENCO']);
    expect(ignored.report.terms).toEqual([]);
    // A school's own terms, with the meaning the glossary list then offers; and the Devon pack.
    const room = await serve({ '/': '<title>Room</title><p>Go to the Rainbow Room. Ask about the OAIP.</p>' });
    servers.push(room);
    writeFileSync(
      join(work, 'terms.yaml'),
      'pack: mine\nname: Mine\nentries:\n  - term: Rainbow Room\n    kind: jargon\n    definition: Our quiet room.\n',
    );
    const own = await audit([`${room.url}/`, '--delay', '0', '--terms', 'terms.yaml', '--pack', 'devon']);
    expect(own.report.terms.map((t) => [t.term, t.definition !== undefined])).toEqual([
      ['OAIP', true],
      ['Rainbow Room', true],
    ]);
    expect(own.report.terms.find((t) => t.term === 'Rainbow Room')!.definition).toBe('Our quiet room.');
    const broken = await runAudit([`${room.url}/`, '--terms', 'missing.yaml'], {
      stdout: () => {},
      stderr: () => {},
      cwd: work,
    });
    expect(broken).toBe(2);
  });
});
