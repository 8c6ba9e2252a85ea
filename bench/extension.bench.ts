/**
 * The extension in real Chromium (npm run bench, or npx tsx bench/extension.bench.ts):
 *
 * 1. Input to highlights updated while typing into a 1,000-word email, in a textarea and in a
 *    contenteditable message box: from the input event to our marks repainted for the new
 *    text (median, p95), and how often the new marks were in place before the browser drew
 *    the frame after the keystroke. Target: median under 8 ms, p95 under 16 ms.
 *    Beside it, the extension's own work per keystroke on the page's thread (the figure:
 *    median at most 2 ms): reading the field, the frame's engine, painting and the badge, from the
 *    content script's timing marks (`ownMs`), without the time the page spends on its own work.
 * 2. The content script's size, as loaded in every frame of the pages it runs on.
 * 3. The page's added memory: JS heap and DOM nodes after typing the same email, with the
 *    extension and without it (two browsers, same page, garbage collected first).
 * 4. For scale, a peer in the same run: write-good checking the same email in the page, once
 *    per keystroke (checking only, no painting), against our engine's own time per check.
 *
 * The engine is loaded into the frame of a field that gets focus (src/browser/messages/page-engine.ts);
 * the round trip column is content script → engine → content script.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, cleanUp } from '../test/e2e/browser.js';
import { DEFAULT_PACKS, PACK_INDEX } from '../src/engine/dictionary/builtin.js';
import { buildExtension, launchWithExtension, serve, type Session } from '../test/e2e/extension-helpers.js';

const TARGET_MEDIAN_MS = 8;
const TARGET_P95_MS = 16;
/** Issue 13: the extension's own work per keystroke, median. */
const TARGET_OWN_MS = 2;
const PARAGRAPH =
  'The SENCO will review the EHCP with you prior to the annual review, and the class teacher will share what Sam has been doing in class this term. ' +
  'We will utilise the graduated approach, so we plan, do and review the support each half term. Please tell us what you think works well at home.';
const EMAIL = Array.from({ length: Math.ceil(1000 / PARAGRAPH.split(' ').length) }, () => PARAGRAPH).join('\n');
const TYPED = [
  'The SENCO and the SALT team will meet you soon to talk about the plan.',
  'We can utilise the notional SEN budget for this, and we will let you know.',
  'Please bring any letters from CAMHS or the paediatrician to the meeting.',
];
const KEY_GAP_MS = 35;

interface Measure {
  start: number;
  duration: number;
  detail: { engineMs: number; roundTripMs: number; ownMs: number; inFrame: boolean };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function openEmail(context: BrowserContext, url: string, kind: 'textarea' | 'contenteditable'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/pages/${kind}.html`);
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
  await page.click('#field');
  if (kind === 'textarea') await page.fill('#field', EMAIL);
  // A contenteditable gets the email as the user would paste it: one insertText.
  else await page.evaluate((text) => document.execCommand('insertText', false, text), EMAIL);
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(500);
  return page;
}

async function typeSentences(page: Page): Promise<void> {
  for (const sentence of TYPED) {
    await page.keyboard.press('Enter');
    for (const ch of sentence) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(KEY_GAP_MS);
    }
  }
  await page.waitForTimeout(300);
}

/** Input to highlights, per keystroke, with whether the marks beat the next frame. */
async function inputToHighlights(session: Session, url: string, kind: 'textarea' | 'contenteditable') {
  const page = await openEmail(session.context, url, kind);
  await page.evaluate(() => {
    performance.clearMeasures();
    performance.clearMarks();
  });
  await typeSentences(page);
  const { measures, frames } = await page.evaluate(() => ({
    measures: performance
      .getEntriesByName('plain-send:input-to-highlight')
      .map((m) => ({ start: m.startTime, duration: m.duration, detail: (m as PerformanceMeasure).detail })),
    frames: performance.getEntriesByName('plain-send:frame').map((m) => m.startTime),
  }));
  await page.close();
  const list = measures as Measure[];
  if (list.length < TYPED.join('').length * 0.8)
    throw new Error(
      `only ${list.length} measures for ${TYPED.join('').length} keystrokes in the ${kind}: the perf marks are not being made`,
    );
  const inFrame = list.filter((m) => {
    const frame = frames.find((f) => f >= m.start);
    return frame === undefined || m.start + m.duration <= frame;
  }).length;
  const d = list.map((m) => m.duration);
  return {
    kind,
    samples: list.length,
    median: median(d),
    p95: quantile(d, 0.95),
    max: Math.max(...d),
    roundTrip: median(list.map((m) => m.detail.roundTripMs)),
    engine: median(list.map((m) => m.detail.engineMs)),
    own: median(list.map((m) => m.detail.ownMs)),
    ownP95: quantile(
      list.map((m) => m.detail.ownMs),
      0.95,
    ),
    frameEngine: list.filter((m) => m.detail.inFrame).length / list.length,
    inFrame: inFrame / list.length,
  };
}

/** write-good on the same email, in the page, once per keystroke of the same sentences. */
async function writeGoodInPage(context: BrowserContext, url: string, bundle: string) {
  const page = await context.newPage();
  await page.goto(`${url}/pages/contenteditable.html`);
  await page.addScriptTag({ content: bundle });
  const times = await page.evaluate(
    ({ email, typed }) => {
      const writeGood = (window as unknown as { writeGood: (t: string) => unknown[] }).writeGood;
      const out: number[] = [];
      let text = email;
      for (const sentence of typed) {
        text += '\n';
        for (const ch of sentence) {
          text += ch;
          const t = performance.now();
          writeGood(text);
          out.push(performance.now() - t);
        }
      }
      return out;
    },
    { email: EMAIL, typed: TYPED },
  );
  await page.close();
  return { median: median(times), p95: quantile(times, 0.95) };
}

/** JS heap and DOM nodes of the email page after typing, garbage collected. */
async function pageMemory(context: BrowserContext, url: string) {
  const page = await openEmail(context, url, 'contenteditable');
  await typeSentences(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { heap: get('JSHeapUsedSize'), nodes: get('Nodes') };
}

const built = buildExtension();
const server = await serve(join(built.tmp, 'bundles'));
let session: Session | undefined;
let plain: BrowserContext | undefined;
const plainProfile = mkdtempSync(join(tmpdir(), 'plain-send-profile-'));
try {
  session = await launchWithExtension(built.testCopy);
  // Warm the worker (first check compiles the glossary), then measure.
  await (await openEmail(session.context, server.url, 'textarea')).close();
  const runs = [
    await inputToHighlights(session, server.url, 'textarea'),
    await inputToHighlights(session, server.url, 'contenteditable'),
  ];

  const writeGoodBundle = await esbuild({
    stdin: { contents: "window.writeGood = require('write-good');", resolveDir: process.cwd() },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    logLevel: 'silent',
    platform: 'browser',
  });
  const writeGood = await writeGoodInPage(session.context, server.url, writeGoodBundle.outputFiles[0].text);

  const withExtension = await pageMemory(session.context, server.url);
  plain = await chromium.launchPersistentContext(plainProfile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 720 },
    args: CHROMIUM_ARGS,
  });
  const without = await pageMemory(plain, server.url);

  const script = readFileSync(join(built.production, 'content-scripts/editor.js'));

  console.log('\nPlain SEND extension in Chromium: typing into a 1,000-word email\n');
  console.log(
    "| field | keystrokes | input to highlights, median | p95 | max | marks before the next frame | round trip to the engine, median | engine, median | our own work per keystroke, median | p95 | answered by the frame's engine |",
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of runs) {
    console.log(
      `| ${r.kind} | ${r.samples} | ${ms(r.median)} | ${ms(r.p95)} | ${ms(r.max)} | ${(r.inFrame * 100).toFixed(0)}% | ${ms(r.roundTrip)} | ${ms(r.engine)} | ${ms(r.own)} | ${ms(r.ownP95)} | ${(r.frameEngine * 100).toFixed(0)}% |`,
    );
  }
  const engine = Math.max(...runs.map((r) => r.engine));
  console.log(
    `\nPeer in the same run: write-good on the same email in the page, per keystroke: median ${ms(writeGood.median)}, p95 ${ms(writeGood.p95)}. ` +
      `Our engine's check of the same keystrokes: median ${ms(engine)} (${(writeGood.median / engine).toFixed(1)}× faster; write-good knows no SEND words and scores no readability). ` +
      `Timer resolution in the page is 0.1 ms.`,
  );
  const engineScript = readFileSync(join(built.production, 'page-engine.js'));
  console.log(
    `\nContent script: ${(script.length / 1024).toFixed(1)} KB (${(gzipSync(script).length / 1024).toFixed(1)} KB gzipped), in every frame of the pages it runs on. ` +
      `The engine (${(engineScript.length / 1024).toFixed(0)} KB, ${(gzipSync(engineScript).length / 1024).toFixed(0)} KB gzipped) only in frames where someone writes.`,
  );
  console.log(
    `Page's added memory after typing the email (the frame's engine in it, with the ${DEFAULT_PACKS.length} default packs of ${PACK_INDEX.length}): JS heap +${((withExtension.heap - without.heap) / 1024 / 1024).toFixed(2)} MB ` +
      `(${(withExtension.heap / 1024 / 1024).toFixed(2)} MB with the extension, ${(without.heap / 1024 / 1024).toFixed(2)} MB without), DOM nodes ${withExtension.nodes} with, ${without.nodes} without.`,
  );
  const ok = runs.every((r) => r.median < TARGET_MEDIAN_MS && r.p95 < TARGET_P95_MS);
  console.log(
    `\nTarget median < ${TARGET_MEDIAN_MS} ms and p95 < ${TARGET_P95_MS} ms from input to highlights: ${ok ? 'met' : 'NOT met'} on this machine (figures vary with machine load).`,
  );
  for (const r of runs)
    console.log(
      `Issue 13, typing latency in Chromium (${r.kind}): our own work per keystroke, median ${ms(r.own)} against at most ${TARGET_OWN_MS} ms: ${r.own <= TARGET_OWN_MS ? 'met' : 'missed'} ` +
        `(the editor's input to highlights ${ms(r.median)}).`,
    );
} finally {
  await session?.context.close();
  await plain?.close();
  await server.close();
  cleanUp(session?.userData);
  cleanUp(plainProfile);
  cleanUp(built.tmp);
}
