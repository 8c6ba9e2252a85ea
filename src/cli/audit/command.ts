/**
 * `plain-send audit`: reads a whole site, a sitemap's pages or a folder, checks every page
 * with the same engine as `check`, and writes one report (HTML, and JSON or CSV if asked).
 * The only part of Plain SEND that uses the network, and only the address the user names.
 */
import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AUDIENCES, PACK_INDEX, createAnalyser, type Analyser } from '../../engine/index.js';
import { ExtractError } from '../extract.js';
import { progressBar, type ProgressTarget } from '../progress.js';
import { visible } from '../format.js';
import { Checklist, isSenInformationReport } from './checklist.js';
import { crawl } from './crawl.js';
import { readDocument, type DocumentKind } from './document.js';
import { quoted } from '../io.js';
import { OptionProblem, engineOptions } from './engine-options.js';
import { readFolder } from './folder.js';
import { reportCsv, reportJson } from './report-data.js';
import { reportHtml } from './report-html.js';
import { pagesOver, type AuditReport, type UnreadPage } from './report.js';
import { SiteTally, summarisePage } from './summary.js';

export const AUDIT_EXIT = { done: 0, threshold: 1, error: 2 } as const;

export const DEFAULTS = {
  maxPages: 200,
  maxDepth: 5,
  concurrency: 1,
  delaySeconds: 1,
  timeoutSeconds: 20,
  maxSizeMb: 5,
  maxRedirects: 5,
  out: 'plain-send-audit.html',
} as const;

export const AUDIT_HELP = `Usage: plain-send audit [options] START

Reads a whole website or folder and writes one report of where families meet jargon and hard
reading: each page's reading age against the reader's, the terms left unexplained most often
(with plain meanings to paste into a glossary), each page's findings, the longest sentences,
and, for a school's SEN Information Report, a checklist of what the law asks it to include.

START is one of:
  a web address       https://school.example/send/  (pages under it on the same site)
  a sitemap           https://school.example/sitemap.xml  (the pages it lists)
  a folder            ./policies  (web pages, .docx, .pdf, .txt and .md files, with subfolders)

Network: the audit is the only part of Plain SEND that makes network requests, and only to the
site you name: its robots.txt, its pages and the Word and PDF files they link to. Links to other
sites are counted, never visited. A folder audit makes no requests at all. The text read is
checked on this computer and goes nowhere else.

Report:
  --out FILE              the HTML report (default ${DEFAULTS.out})
  --json FILE             also write the results as JSON ("-" for standard output)
  --csv FILE              also write one row per page as CSV ("-" for standard output)
  --checklist             always include the SEN Information Report checklist (it is added
                          by itself when a page calls itself an SEN Information Report)

Thresholds for CI:
  --max-reading-age N     exit 1 if any page's reading age is over N
  --fail-on-unread        exit 1 if any page could not be read (broken links, timeouts)
  --fail-on-missing       exit 1 if an item of the SEN Information Report checklist is not found

Crawling (web addresses only):
  --max-pages N           read at most N pages and documents (default ${DEFAULTS.maxPages})
  --max-depth N           follow links at most N steps from the start (default ${DEFAULTS.maxDepth})
  --concurrency N         1 or 2 requests at a time (default ${DEFAULTS.concurrency})
  --delay SECONDS         pause after each request (default ${DEFAULTS.delaySeconds}; robots.txt may ask for more)
  --timeout SECONDS       give up on a page after this long (default ${DEFAULTS.timeoutSeconds})
  --max-size MB           stop reading a page or file past this size (default ${DEFAULTS.maxSizeMb})
  Robots: the audit identifies itself as "plain-send-audit" and obeys robots.txt rules for that
  name (or for "*"), including Crawl-delay. Redirects are followed only within the site, at most
  ${DEFAULTS.maxRedirects} times.

Checking (as plain-send check):
  --audience A            who will read it: ${Object.keys(AUDIENCES).join(', ')} (default parent-carer)
  --pack P                also use pack P (repeat for more); packs: ${PACK_INDEX.map((p) => p.id).join(', ')}
  --only-packs            use only the packs named with --pack
  --ignore TERM           never flag TERM (repeat for more)
  --terms FILE            your own terms, in the dictionary file format (YAML or JSON)
  -h, --help              show this help

Exit codes:
  0  audited; no threshold passed (pages that could not be read are listed in the report)
  1  audited; a threshold you set was passed (--max-reading-age, --fail-on-unread, --fail-on-missing)
  2  a problem with the options, the start address or folder could not be read at all, or a
     report could not be written
`;

export interface AuditIo {
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  /** Where the progress bar goes (a terminal), or nothing. */
  progress?: ProgressTarget;
  /** Working folder for relative paths (tests). */
  cwd?: string;
  version?: string;
}

function number(value: string | undefined, name: string, fallback: number, min: number, max: number, whole = true) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n)))
    throw new OptionProblem(
      `${name} must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max.toLocaleString('en-GB')}, not ${quoted(value)}.`,
    );
  return n;
}

export async function runAudit(argv: string[], io: AuditIo): Promise<number> {
  const say = (s: string) => io.stderr(visible(s, true));
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        json: { type: 'string' },
        csv: { type: 'string' },
        checklist: { type: 'boolean' },
        'max-reading-age': { type: 'string' },
        'fail-on-unread': { type: 'boolean' },
        'fail-on-missing': { type: 'boolean' },
        'max-pages': { type: 'string' },
        'max-depth': { type: 'string' },
        concurrency: { type: 'string' },
        delay: { type: 'string' },
        timeout: { type: 'string' },
        'max-size': { type: 'string' },
        audience: { type: 'string' },
        pack: { type: 'string', multiple: true },
        'only-packs': { type: 'boolean' },
        ignore: { type: 'string', multiple: true },
        terms: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    say(`plain-send audit: ${(error as Error).message}\nTry "plain-send audit --help".\n`);
    return AUDIT_EXIT.error;
  }
  if (values.help) {
    await io.stdout(AUDIT_HELP);
    return AUDIT_EXIT.done;
  }
  if (positionals.length !== 1) {
    say(
      positionals.length
        ? 'plain-send audit: name one start address, sitemap or folder (audit a second one in another run).\n'
        : AUDIT_HELP,
    );
    return AUDIT_EXIT.error;
  }
  const source = positionals[0];
  let settings;
  try {
    settings = {
      maxReadingAge:
        values['max-reading-age'] === undefined
          ? undefined
          : number(values['max-reading-age'], '--max-reading-age', 0, 0, 99, false),
      maxPages: number(values['max-pages'], '--max-pages', DEFAULTS.maxPages, 1, 100_000),
      maxDepth: number(values['max-depth'], '--max-depth', DEFAULTS.maxDepth, 0, 1000),
      concurrency: number(values.concurrency, '--concurrency', DEFAULTS.concurrency, 1, 2),
      delayMs: number(values.delay, '--delay', DEFAULTS.delaySeconds, 0, 60, false) * 1000,
      timeoutMs: number(values.timeout, '--timeout', DEFAULTS.timeoutSeconds, 0.1, 600, false) * 1000,
      maxBytes: Math.round(number(values['max-size'], '--max-size', DEFAULTS.maxSizeMb, 0.001, 500, false) * 1048576),
      engine: await engineOptions({ ...values, terms: values.terms && resolve(io.cwd ?? process.cwd(), values.terms) }),
    };
  } catch (error) {
    if (!(error instanceof OptionProblem)) throw error;
    say(`plain-send audit: ${error.message}\n`);
    return AUDIT_EXIT.error;
  }

  const cwd = io.cwd ?? process.cwd();
  const isWeb = /^https?:\/\//i.test(source);
  let start: URL | undefined;
  if (isWeb) {
    try {
      start = new URL(source);
    } catch {
      say(`plain-send audit: ${quoted(source)} is not a web address plain-send can read.\n`);
      return AUDIT_EXIT.error;
    }
  } else {
    try {
      if (!(await stat(resolve(cwd, source))).isDirectory()) throw new Error('not a folder');
    } catch {
      say(
        `plain-send audit: ${quoted(source)} is not a folder or a web address (one starting https:// or http://). To check single files, use plain-send check.\n`,
      );
      return AUDIT_EXIT.error;
    }
  }
  if (start) {
    say(
      `plain-send audit: this is the only part of Plain SEND that uses the network. It will request pages from ${start.origin} only (robots.txt honoured, as "plain-send-audit"); links to other sites are not visited. What it reads is checked on this computer.\n`,
    );
  } else say(`plain-send audit: reading the folder ${source}; no network requests are made.\n`);

  const analysers: Record<'hard' | 'soft', Analyser> = {
    hard: createAnalyser({ ...settings.engine, lineBreaks: 'hard' }),
    soft: createAnalyser({ ...settings.engine, lineBreaks: 'soft' }),
  };
  const audience = analysers.hard.analyse('').audience;
  const began = Date.now();
  const report: AuditReport = {
    source: start ? start.href : source,
    mode: start ? 'site' : 'folder',
    started: new Date(began).toISOString(),
    seconds: 0,
    version: io.version ?? 'development',
    audience,
    maxReadingAge: settings.maxReadingAge,
    pages: [],
    unread: [],
    skipped: { robots: 0, external: 0, overLimit: 0, tooDeep: 0 },
    notes: [],
    terms: [],
    longest: [],
  };
  const tally = new SiteTally();
  const checklist = new Checklist();
  let looksLikeReport = values.checklist === true || values['fail-on-missing'] === true;
  const bar = progressBar(io.progress);
  const unreadLine = (u: UnreadPage) => {
    bar.clear();
    say(`plain-send audit: ${u.address} ${u.message}${u.from ? ` (linked from ${u.from})` : ''}\n`);
    report.unread.push(u);
  };

  /** Checks one document; returns its text's links, for the crawl. */
  const take = async (
    address: string,
    kind: DocumentKind,
    bytes: Uint8Array,
    fallbackTitle: string,
    contentType = '',
  ) => {
    const doc = await readDocument(bytes, kind, fallbackTitle, contentType);
    const analysis = analysers[doc.lineBreaks].analyse(doc.text);
    const page = summarisePage(address, doc.title, kind, analysis, doc.warning);
    report.pages.push(page);
    tally.addPage(page, analysis);
    checklist.addPage(address, doc.title, doc.text);
    if (!looksLikeReport && isSenInformationReport(doc.title, doc.text)) looksLikeReport = true;
    return doc;
  };
  const reason = (error: unknown) =>
    error instanceof ExtractError
      ? error.message
      : error instanceof RangeError
        ? 'is too large to check in the memory this computer gives Node.js.'
        : `could not be checked because of a problem in plain-send (${String((error as Error)?.message ?? error).slice(0, 200)}). Please report it.`;

  if (start) {
    const stats = await crawl(
      start,
      {
        maxPages: settings.maxPages,
        maxDepth: settings.maxDepth,
        concurrency: settings.concurrency,
        delayMs: settings.delayMs,
        limits: { timeoutMs: settings.timeoutMs, maxBytes: settings.maxBytes, maxRedirects: DEFAULTS.maxRedirects },
      },
      {
        async document(page) {
          let doc;
          try {
            doc = await take(page.url, page.kind, page.bytes, new URL(page.url).pathname, page.contentType);
          } catch (error) {
            unreadLine({ address: page.url, reason: 'unreadable', message: reason(error) });
            return [];
          }
          const links: string[] = [];
          for (const href of doc.links) {
            try {
              links.push(new URL(href, new URL(doc.base ?? page.url, page.url)).href);
            } catch {
              // A link that is not an address: nothing to follow.
            }
          }
          return links;
        },
        problem: (p) => unreadLine({ address: p.address, reason: p.reason, message: p.message, from: p.from }),
        note(message) {
          bar.clear();
          say(`plain-send audit: ${message}\n`);
          report.notes.push(message);
        },
        progress: (done, total, label) => bar.update(done, total, label),
      },
    );
    report.mode = stats.mode;
    report.skipped = {
      robots: stats.robotsExcluded,
      external: stats.external,
      overLimit: stats.overLimit,
      tooDeep: stats.tooDeep,
    };
  } else {
    const folder = resolve(cwd, source);
    const result = await readFolder(folder, settings.maxBytes, settings.maxPages, {
      async file(file) {
        try {
          await take(file.name, file.kind, file.bytes, file.name);
        } catch (error) {
          unreadLine({ address: file.name, reason: 'unreadable', message: reason(error) });
        }
      },
      problem: (path, message) => unreadLine({ address: path, reason: 'unreadable', message }),
      progress: (done, label) => bar.update(done, 0, label),
    });
    report.skipped.overLimit = result.overLimit;
  }
  bar.clear();
  if (report.skipped.overLimit)
    report.notes.push(
      `The page limit (${settings.maxPages}) was reached: ${report.skipped.overLimit} more were found but not read. Raise --max-pages to read them.`,
    );
  report.seconds = (Date.now() - began) / 1000;
  report.terms = tally.topTerms();
  report.longest = tally.longestSentences();
  if (looksLikeReport) report.checklist = checklist.results();

  // Reports: HTML always; JSON and CSV when asked ("-" is standard output).
  const stdoutTaken = values.json === '-' || values.csv === '-';
  const outPath = resolve(cwd, values.out ?? DEFAULTS.out);
  try {
    await writeFile(outPath, reportHtml(report));
    if (values.json === '-') await io.stdout(reportJson(report));
    else if (values.json) await writeFile(resolve(cwd, values.json), reportJson(report));
    if (values.csv === '-') await io.stdout(reportCsv(report));
    else if (values.csv) await writeFile(resolve(cwd, values.csv), reportCsv(report));
  } catch (error) {
    say(`plain-send audit: could not write the report: ${(error as Error).message}\n`);
    return AUDIT_EXIT.error;
  }

  const limit = settings.maxReadingAge;
  const over = limit === undefined ? [] : pagesOver(report, limit);
  const missing = report.checklist?.filter((c) => !c.found) ?? [];
  const lines = [
    `Audited ${report.pages.length} ${report.pages.length === 1 ? 'page' : 'pages'} in ${report.seconds.toFixed(1)} s; ${report.unread.length} could not be read.`,
    `${report.pages.filter((p) => p.over).length} over the reading age for ${audience.label.toLowerCase()} (${audience.maxReadingAge}).`,
  ];
  if (report.checklist)
    lines.push(
      `SEN Information Report checklist: ${report.checklist.length - missing.length} of ${report.checklist.length} items found.`,
    );
  lines.push(`Report: ${outPath}`);
  const summary = lines.map((l) => `${l}\n`).join('');
  if (stdoutTaken) say(summary);
  else await io.stdout(visible(summary, true));

  if (report.pages.length === 0 && report.mode !== 'folder') {
    say('plain-send audit: nothing could be read from the start address.\n');
    return AUDIT_EXIT.error;
  }
  let passed = false;
  if (over.length) {
    passed = true;
    say(`plain-send audit: ${over.length} ${over.length === 1 ? 'page is' : 'pages are'} over reading age ${limit}:\n`);
    for (const p of over.slice(0, 20)) say(`  ${p.readingAge}  ${p.address}\n`);
    if (over.length > 20) say(`  … and ${over.length - 20} more (see the report).\n`);
  }
  if (values['fail-on-unread'] && report.unread.length) passed = true;
  if (values['fail-on-missing'] && report.checklist && missing.length) {
    passed = true;
    say(`plain-send audit: checklist items not found: paragraph ${missing.map((m) => m.paragraph).join(', ')}.\n`);
  }
  return passed ? AUDIT_EXIT.threshold : AUDIT_EXIT.done;
}
