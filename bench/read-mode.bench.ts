/**
 * Read mode in real Chromium with the built extension loaded (`npx tsx bench/read-mode.bench.ts`;
 * `--runs N` for more runs, `--json` for one line of JSON at the end). The page is the 120 KB
 * seed toolkit (003_*.txt) as one web page, as the end-to-end test builds it.
 *
 * 1. Switch on to all marks painted, three ways:
 *    - first: the very first read of the session (the worker builds its analyser then);
 *    - same page: read mode off and on again on the same page (the worker has seen its text);
 *    - new page: a fresh page each run whose every paragraph differs a little (nothing cached in
 *      the worker or the page; the read-mode script is put in the page again), the honest
 *      figure for opening a page you have not read before.
 *    - worker asleep: as "new page", but the browser has stopped the background worker first (it
 *      does after 30 s idle), so the command wakes it: the worker starts, reads the settings and
 *      builds its engine while the page is read. The command is a message from an extension page,
 *      as the popup sends it.
 *    "In the page" is the script's own measure (`plain-send:read-painted`, from the message
 *    that turns it on to the frame after the last marks; `plain-send:read-first-marks` to the
 *    frame after the first marks, those on screen), only taken when <html> has
 *    `data-plain-send-perf`. "From the command" starts when the worker is asked (what
 *    Alt+Shift+R, the menu and the popup call) and ends at the same point (wall clocks).
 * 2. Scrolling: frame times (requestAnimationFrame intervals) during a scripted scroll of the
 *    whole page, 40 px a frame, with read mode off and on (514 marks).
 *
 * 3. Memory (JS heap after a full garbage collection): the page's, before read mode and with it on;
 *    the background worker's (over the DevTools protocol, attached to the service worker's target)
 *    at rest after it starts (read mode off in every tab; it has warmed read mode's engine), after
 *    reading a page with the default packs, and after reading one with every pack on.
 *
 * Targets (issue 13, "Instant at any size"), medians from the command until the marks are shown:
 * a page not read before at most 60 ms; the same with the worker asleep at most 120 ms. They
 * are applied to the marks in view (what the reader sees); the whole page marked is reported
 * beside them. The machine's load is printed
 * with the figures: on a busy machine they are slower, and vary from run to run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { serveStatic } from '../test/e2e/browser.js';
import { buildExtension, cleanUp, launchWithExtension, requireChromium } from '../test/e2e/extension-helpers.js';
import { allowTestHost, seedPage, setReadMode, tabIdOf, TOOLKIT_SEED } from '../test/e2e/read-helpers.js';
import { READ_TAB, type ReadTabMessage } from '../src/browser/messages/read-protocol.js';
import { DEFAULT_PACKS, PACK_INDEX } from '../src/engine/dictionary/builtin.js';
import { median, p95 } from './lib/stats.js';

const args = process.argv.slice(2);
const RUNS = Math.max(7, Number(args[args.indexOf('--runs') + 1]) || 9);
const JSON_OUT = args.includes('--json');
/** Issue 13: medians from the command. */
const TARGET_NEW_PAGE_MS = 60;
const TARGET_ASLEEP_MS = 120;
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Run {
  inPageMs: number;
  fromCommandMs: number;
  /** The first marks shown (those in view): in the page, and from the command. */
  firstInPageMs: number;
  firstFromCommandMs: number;
  /** Characters asked for first (the lines in and near the view). */
  nearChars: number;
  engineMs: number;
  extractMs: number;
  firstPaintMs: number;
  /** From the start to the last marks set (before waiting for the frame that paints them). */
  marksSetMs: number;
  findings: number;
  chunks: number;
}

requireChromium();
log('building the extension…');
const built = buildExtension();
allowTestHost(built.testCopy);
const pages = mkdtempSync(join(tmpdir(), 'plain-send-read-bench-'));
const base = seedPage(TOOLKIT_SEED, 'Engaging with Parent Carers: a toolkit');
writeFileSync(join(pages, 'toolkit.html'), base.html);
// Pages the worker has not seen: each paragraph ends differently, the words in it are the same.
// 2 × RUNS for the timings, 2 more for the worker's memory.
for (let i = 0; i < 2 * RUNS + 2; i++)
  writeFileSync(
    join(pages, `toolkit-${i}.html`),
    base.html.replace(/<\/(p|li|h2)>/g, (m) => ` ${i + 1}${m}`),
  );
const server = await serveStatic([['/gen/', pages]]);
const session = await launchWithExtension(built.testCopy);
const worker = session.worker;

/** A promise in the page, settled by the next read-mode measure. (A string: tsx would wrap named functions in a helper the page lacks.) */
const PAINTED_WATCH = `void (window.__plainSendPainted = new Promise((done) => {
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntriesByName('plain-send:read-painted').length) return;
    observer.disconnect();
    done(true);
  });
  observer.observe({ type: 'measure' });
  setTimeout(() => done(false), 30000);
}))`;

/** Turns read mode on (by default from the worker; else by `ask`, which returns when it asked) and waits for its measure. */
async function switchOn(page: Page, tabId: number, ask?: () => Promise<number>): Promise<Run> {
  // Told by the page when the measure is made (polling for it each frame would take the page's time while it reads).
  const before = await page.evaluate(() => performance.getEntriesByName('plain-send:read-painted').length);
  await page.evaluate(PAINTED_WATCH);
  let asked: number;
  if (ask) asked = await ask();
  else {
    // The time is taken in the same call that asks (a separate call put a round trip to the
    // browser's debugging protocol into the figure); the answer, which comes once the page is
    // read, is checked after.
    asked = await worker.evaluate((id) => {
      const g = globalThis as unknown as {
        plainSendRead: { setReadMode(tab: number, on: boolean): Promise<{ on: boolean }> };
        plainSendBenchState?: Promise<{ on: boolean }>;
      };
      const t = Date.now() + (performance.now() % 1);
      g.plainSendBenchState = g.plainSendRead.setReadMode(id, true);
      return t;
    }, tabId);
    const state = await worker.evaluate(
      () => (globalThis as unknown as { plainSendBenchState: Promise<{ on: boolean }> }).plainSendBenchState,
    );
    if (!state.on) throw new Error('read mode did not switch on');
  }
  await page.evaluate('window.__plainSendPainted');
  await page.waitForFunction((n) => performance.getEntriesByName('plain-send:read-painted').length > n, before);
  // No named functions inside: tsx would wrap them in a helper the page lacks.
  const [all, first] = await page.evaluate(() =>
    ['plain-send:read-painted', 'plain-send:read-first-marks'].map((name) => {
      const measures = performance.getEntriesByName(name) as PerformanceMeasure[];
      const last = measures[measures.length - 1];
      // A build from before the first marks were measured apart.
      if (!last) return { duration: NaN, endWall: NaN, detail: {} };
      return {
        duration: last.duration,
        endWall: performance.timeOrigin + last.startTime + last.duration,
        detail: last.detail,
      };
    }),
  );
  const m = { ...all, first };
  return {
    inPageMs: m.duration,
    fromCommandMs: m.endWall - asked,
    firstInPageMs: m.first.duration,
    firstFromCommandMs: m.first.endWall - asked,
    nearChars: m.detail.nearChars ?? 0,
    engineMs: m.detail.engineMs,
    extractMs: m.detail.extractMs,
    firstPaintMs: m.detail.firstPaintMs,
    marksSetMs: m.detail.totalMs,
    findings: m.detail.findings,
    chunks: m.detail.chunks,
  };
}

async function openPage(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.waitForLoadState('load');
  return { page, tabId: await tabIdOf(worker, page) };
}

/** The page's JS heap (all its worlds: the page's and the extension's) and DOM nodes, garbage collected. */
async function pageMemory(page: Page): Promise<{ heap: number; nodes: number }> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { heap: get('JSHeapUsedSize'), nodes: get('Nodes') };
}

/**
 * The background worker's JS heap after a full garbage collection. Playwright gives no session
 * on a service worker, so the browser's own session attaches to its target and speaks to it
 * through Target.sendMessageToTarget.
 */
async function workerHeap(browserCdp: CDPSession): Promise<number> {
  const { targetInfos } = await browserCdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!target) throw new Error('the background worker is not running');
  const { sessionId } = await browserCdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 0;
  const waiting = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
  const onMessage = (e: { sessionId?: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (m.id !== undefined) waiting.get(m.id)?.(m);
  };
  browserCdp.on('Target.receivedMessageFromTarget', onMessage);
  const send = async <T>(method: string): Promise<T> => {
    const id = ++next;
    const answer = new Promise<{ result?: unknown; error?: { message: string } }>((ok) => waiting.set(id, ok));
    await browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    const m = await answer;
    if (m.error) throw new Error(`${method}: ${m.error.message}`);
    return m.result as T;
  };
  try {
    await send('HeapProfiler.collectGarbage');
    return (await send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  } finally {
    browserCdp.off('Target.receivedMessageFromTarget', onMessage);
    await browserCdp.send('Target.detachFromTarget', { sessionId });
  }
}

/** rAF intervals while scrolling the whole page 40 px a frame. (A string: tsx would wrap named functions in a helper the page lacks.) */
const SCROLL_SCRIPT = `new Promise((done) => {
  const times = [];
  let last = 0;
  const end = document.documentElement.scrollHeight - innerHeight;
  requestAnimationFrame(function frame(t) {
    if (last) times.push(t - last);
    last = t;
    if (scrollY >= end || times.length >= 600) done(times);
    else {
      scrollBy(0, 40);
      requestAnimationFrame(frame);
    }
  });
})`;

async function scrollFrames(page: Page): Promise<number[]> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  return page.evaluate(SCROLL_SCRIPT) as Promise<number[]>;
}

const results: Record<string, Run[]> = { first: [], samePage: [], newPage: [], asleep: [] };
let scroll: { off: number[]; on: number[] } = { off: [], on: [] };
let pageMem: { off: { heap: number; nodes: number }; on: { heap: number; nodes: number } } | undefined;
const workerMem = { rest: NaN, read: NaN, allPacks: NaN };
try {
  log('first read of the session…');
  const { page, tabId } = await openPage('/gen/toolkit.html');
  const memOff = await pageMemory(page);
  results.first.push(await switchOn(page, tabId));
  pageMem = { off: memOff, on: await pageMemory(page) };

  log(`same page, off and on, ${RUNS} times…`);
  for (let i = 0; i < RUNS; i++) {
    await setReadMode(worker, tabId, false);
    await page.waitForTimeout(100);
    results.samePage.push(await switchOn(page, tabId));
  }

  log('scrolling, read mode on and off…');
  const on = await scrollFrames(page);
  await setReadMode(worker, tabId, false);
  const off = await scrollFrames(page);
  scroll = { on, off };
  await page.close();

  log(`a page not read before, ${RUNS} times…`);
  for (let i = 0; i < RUNS; i++) {
    const fresh = await openPage(`/gen/toolkit-${i}.html`);
    await fresh.page.waitForTimeout(150);
    results.newPage.push(await switchOn(fresh.page, fresh.tabId));
    await fresh.page.close();
  }

  log(`worker asleep, woken by the command, ${RUNS} times…`);
  // Last: the worker handle Playwright holds dies with the first stop.
  const extensionPage = await session.context.newPage();
  await extensionPage.goto(`chrome-extension://${new URL(worker.url()).host}/glossary.html`);
  const cdp = await session.context.newCDPSession(extensionPage);
  await cdp.send('ServiceWorker.enable');
  /** A page not read before, opened and its tab found from the extension page (the worker may be asleep). */
  const openFromExtension = async (i: number) => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/gen/toolkit-${i}.html`);
    await page.waitForLoadState('load');
    const tabId = await extensionPage.evaluate(async (url) => {
      const tabs = await (
        globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } }
      ).chrome.tabs.query({});
      return tabs.find((t) => t.url === url)!.id;
    }, page.url());
    return { page, tabId };
  };
  /** Read mode on as the popup asks for it: a message from an extension page (it wakes the worker). */
  const askFromExtension = (tabId: number) => () => {
    const message: ReadTabMessage = { type: READ_TAB, tabId, on: true };
    return extensionPage.evaluate((m) => {
      const asked = Date.now() + (performance.now() % 1);
      void (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage(m);
      return asked;
    }, message);
  };
  for (let i = RUNS; i < 2 * RUNS; i++) {
    const fresh = await openFromExtension(i);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await fresh.page.waitForTimeout(500);
    results.asleep.push(await switchOn(fresh.page, fresh.tabId, askFromExtension(fresh.tabId)));
    await fresh.page.close();
  }

  log("the worker's memory: at rest, after reading a page, with every pack on…");
  const browserCdp = await session.context.browser()!.newBrowserCDPSession();
  await cdp.send('ServiceWorker.stopAllWorkers');
  // Woken by any message; then left to start and warm read mode's engine.
  await extensionPage.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime
      .sendMessage({ type: 'plain-send:bench-wake' })
      .catch(() => undefined),
  );
  await extensionPage.waitForTimeout(3000);
  workerMem.rest = await workerHeap(browserCdp);
  const readOne = async (i: number) => {
    const fresh = await openFromExtension(i);
    await switchOn(fresh.page, fresh.tabId, askFromExtension(fresh.tabId));
    await fresh.page.close();
  };
  await readOne(2 * RUNS);
  workerMem.read = await workerHeap(browserCdp);
  await extensionPage.evaluate(
    (ids) =>
      (
        globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
      ).chrome.storage.sync.set({ packChoices: Object.fromEntries(ids.map((id) => [id, true])) }),
    PACK_INDEX.map((p) => p.id),
  );
  await extensionPage.waitForTimeout(300);
  await readOne(2 * RUNS + 1);
  workerMem.allPacks = await workerHeap(browserCdp);
  await browserCdp.detach();
  if (session.blocked.length) throw new Error(`requests left 127.0.0.1: ${session.blocked.join(', ')}`);
} finally {
  await session.context.close();
  await server.close();
  cleanUp(session.userData);
  cleanUp(built.tmp);
  cleanUp(pages);
}

// ---- report -------------------------------------------------------------------------------------

const ms = (x: number) => `${x.toFixed(1)} ms`;
const pick = (runs: Run[], key: keyof Run) => runs.map((r) => r[key]);
const rows = [
  ['first read of the session', results.first],
  ['same page, off and on', results.samePage],
  ['a page not read before', results.newPage],
  ['a page not read before, worker asleep', results.asleep],
] as const;

const { findings, chunks } = results.first[0];
console.log(
  `\nRead mode on the seed toolkit (${(base.text.length / 1024).toFixed(0)} KB of text, ${findings} words marked, ${chunks} pieces), ${RUNS} runs each\n`,
);
console.log(
  '| switch on to all marks painted | runs | in the page, median | p95 | from the command, median | p95 | engine (median) | reading the page (median) | first marks set (median) | all marks set (median) |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
/** A row's median and p95 cells (no p95 for a single run). */
const medianAndP95 = (runs: readonly unknown[], xs: number[]) =>
  `${ms(median(xs))} | ${runs.length > 1 ? ms(p95(xs)) : '–'}`;
for (const [label, runs] of rows) {
  console.log(
    `| ${label} | ${runs.length} | ${medianAndP95(runs, pick(runs, 'inPageMs'))} | ${medianAndP95(runs, pick(runs, 'fromCommandMs'))} | ${ms(median(pick(runs, 'engineMs')))} | ${ms(median(pick(runs, 'extractMs')))} | ${ms(median(pick(runs, 'firstPaintMs')))} | ${ms(median(pick(runs, 'marksSetMs')))} |`,
  );
}
console.log(
  '\n| switch on to the first marks shown (those in view) | runs | in the page, median | p95 | from the command, median | p95 | characters asked for first (median) |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [label, runs] of rows) {
  console.log(
    `| ${label} | ${runs.length} | ${medianAndP95(runs, pick(runs, 'firstInPageMs'))} | ${medianAndP95(runs, pick(runs, 'firstFromCommandMs'))} | ${median(pick(runs, 'nearChars')).toFixed(0)} |`,
  );
}
const frameRow = (label: string, xs: number[]) => {
  const long = xs.filter((x) => x > (1000 / 60) * 1.5).length;
  return `| ${label} | ${xs.length} | ${ms(median(xs))} | ${ms(p95(xs))} | ${ms(Math.max(...xs))} | ${long} (${((100 * long) / xs.length).toFixed(1)} %) |`;
};
console.log(
  '\n| scrolling the page, 40 px a frame | frames | frame time, median | p95 | longest | frames over 25 ms |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
console.log(frameRow('read mode off', scroll.off));
console.log(frameRow(`read mode on (${findings} marks)`, scroll.on));

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const plus = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}`;
console.log('\n| memory (JS heap after garbage collection) | heap | added |');
console.log('| --- | ---: | ---: |');
if (pageMem) {
  console.log(`| the page, read mode off (${pageMem.off.nodes} DOM nodes) | ${mb(pageMem.off.heap)} | |`);
  console.log(
    `| the page, read mode on (${pageMem.on.nodes} DOM nodes) | ${mb(pageMem.on.heap)} | ${plus(pageMem.on.heap - pageMem.off.heap)} |`,
  );
}
console.log(
  `| the worker at rest, read mode's engine warmed (${DEFAULT_PACKS.length} default packs) | ${mb(workerMem.rest)} | |`,
);
console.log(
  `| the worker after reading a page not read before | ${mb(workerMem.read)} | ${plus(workerMem.read - workerMem.rest)} |`,
);
console.log(
  `| the worker after reading one with every pack on (${PACK_INDEX.length}) | ${mb(workerMem.allPacks)} | ${plus(workerMem.allPacks - workerMem.rest)} |`,
);

const command = (runs: Run[], key: 'firstFromCommandMs' | 'fromCommandMs') => median(pick(runs, key));
const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(', ');
console.log(
  `\nIssue 13 targets, medians from the command to the marks shown (load average ${load} on ${cpus().length} cores at the end of the run).` +
    ' The target is applied to the marks in view (what the reader sees); the whole page is given beside it:',
);
for (const [label, runs, target] of [
  ['a page not read before', results.newPage, TARGET_NEW_PAGE_MS],
  ['the same with the worker asleep', results.asleep, TARGET_ASLEEP_MS],
] as const) {
  const first = command(runs, 'firstFromCommandMs');
  const whole = command(runs, 'fromCommandMs');
  console.log(
    `- ${label}: the marks in view ${ms(first)} (p95 ${ms(p95(pick(runs, 'firstFromCommandMs')))}; in the page ${ms(median(pick(runs, 'firstInPageMs')))}) against at most ${target} ms: ${first <= target ? 'met' : 'missed'}; ` +
      `the whole page marked ${ms(whole)} (p95 ${ms(p95(pick(runs, 'fromCommandMs')))}; in the page ${ms(median(pick(runs, 'inPageMs')))}): ${whole <= target ? 'within' : 'over'} the same figure`,
  );
}
if (JSON_OUT)
  console.log(
    JSON.stringify({
      runs: RUNS,
      results,
      memory: { page: pageMem, worker: workerMem },
      scroll: {
        off: { median: median(scroll.off), p95: p95(scroll.off) },
        on: { median: median(scroll.on), p95: p95(scroll.on) },
      },
    }),
  );
