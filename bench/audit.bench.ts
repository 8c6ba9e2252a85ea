/**
 * The site audit end to end (`npx tsx bench/audit.bench.ts`; `--pages N` for another size,
 * `--json` for one line of JSON at the end): a site of 1,000 generated pages served on
 * 127.0.0.1 by this process, crawled by `plain-send audit` in the same process with no pause
 * (`--delay 0`), two requests at a time, and reported as HTML and JSON.
 *
 * Each page is about 600 words of the seed documents (SEND letters and policies), every
 * paragraph made unique by the page number so the engine's paragraph cache does not flatter
 * the figure, with a shared menu and footer as real sites have, and links to five other pages.
 *
 * Reports pages a second (pages read / wall time, fetching, reading, checking and writing the
 * report all included) and peak memory (resident set and JS heap, sampled every 20 ms).
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit } from '../src/cli/audit/command.js';
import type { AuditReport } from '../src/cli/audit/report.js';
import { loadCorpus } from './lib/corpus.js';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const PAGES = Number(args[args.indexOf('--pages') + 1]) || 1000;
const JSON_OUT = args.includes('--json');
const log = (s: string) => process.stderr.write(`${s}\n`);

const paragraphs = loadCorpus()
  .text.split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter((p) => p.split(/\s+/).length >= 8);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function page(n: number): string {
  const body: string[] = [];
  let words = 0;
  for (let k = 0; words < 600; k++) {
    const p = paragraphs[(n * 7 + k) % paragraphs.length];
    words += p.split(/\s+/).length;
    body.push(`<p>${esc(p)} (Page ${n}, part ${k}.)</p>`);
  }
  const links = [1, 2, 3, 5, 8].map((d) => `<a href="/p/${(n + d) % PAGES}.html">Page ${(n + d) % PAGES}</a>`);
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Page ${n}</title></head><body>
<nav><a href="/">Home</a> <a href="/p/0.html">SEND</a> <a href="/p/1.html">Policies</a></nav>
<main><h1>Page ${n}</h1>${body.join('\n')}<p>${links.join(' ')}</p></main>
<footer><p>Greenfield Primary School. Our SENCO is Ms Shah.</p></footer></body></html>`;
}

const server = createServer((req, res) => {
  const m = /^\/p\/(\d+)\.html$/.exec(req.url ?? '');
  if (req.url === '/') return void res.writeHead(301, { location: '/p/0.html' }).end();
  if (!m || Number(m[1]) >= PAGES) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(m[1])));
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const address = server.address();
if (!address || typeof address === 'string') throw new Error('no address');
const url = `http://127.0.0.1:${address.port}/p/0.html`;

const work = mkdtempSync(join(tmpdir(), 'plain-send-audit-bench-'));
const peak = { rss: 0, heap: 0 };
const sample = () => {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss);
  peak.heap = Math.max(peak.heap, m.heapUsed);
};
sample();
const before = { ...peak };
const timer = setInterval(sample, 20);
const started = performance.now();
const code = await runAudit(
  [
    url,
    '--delay',
    '0',
    '--concurrency',
    '2',
    '--max-pages',
    String(PAGES),
    '--max-depth',
    '1000',
    '--out',
    join(work, 'report.html'),
    '--json',
    join(work, 'report.json'),
  ],
  { stdout: () => {}, stderr: (s) => void (process.env.AUDIT_BENCH_VERBOSE && log(s.trimEnd())), version: 'bench' },
);
const seconds = (performance.now() - started) / 1000;
clearInterval(timer);
sample();
server.close();
const report: AuditReport = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'));
const htmlBytes = statSync(join(work, 'report.html')).size;
rmSync(work, { recursive: true, force: true });

const mb = (n: number) => Number((n / 1048576).toFixed(1));
const words = report.pages.reduce((sum, p) => sum + p.words, 0);
const figures = {
  pages: report.pages.length,
  unread: report.unread.length,
  exitCode: code,
  seconds: Number(seconds.toFixed(2)),
  pagesPerSecond: Number((report.pages.length / seconds).toFixed(1)),
  wordsPerSecond: Math.round(words / seconds),
  peakRssMb: mb(peak.rss),
  peakHeapMb: mb(peak.heap),
  startRssMb: mb(before.rss),
  startHeapMb: mb(before.heap),
  reportHtmlMb: mb(htmlBytes),
};
log(`plain-send audit: ${figures.pages} pages (${words.toLocaleString('en-GB')} words) in ${figures.seconds} s`);
log(
  `  ${figures.pagesPerSecond} pages/s, ${figures.wordsPerSecond.toLocaleString('en-GB')} words/s (fetch, read, check, report; no pause)`,
);
log(
  `  peak memory: rss ${figures.peakRssMb} MB, heap ${figures.peakHeapMb} MB (at start: rss ${figures.startRssMb} MB, heap ${figures.startHeapMb} MB)`,
);
log(`  HTML report: ${figures.reportHtmlMb} MB`);
if (figures.pages !== PAGES || figures.unread) throw new Error(`expected ${PAGES} pages read and none unread`);
if (JSON_OUT) process.stdout.write(`${JSON.stringify(figures)}\n`);
