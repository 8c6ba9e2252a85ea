/**
 * For read mode's end-to-end test and benchmark: the seed documents as web pages, the built
 * extension with 127.0.0.1 allowed, the engine's own answer for a text, and probes into what
 * read mode painted (read from the page itself, never from the extension).
 *
 * Playwright cannot click the toolbar button, press an extension's shortcut or use a context
 * menu, so `activeTab` is never granted in a test. The test copy of the extension therefore
 * lists http://127.0.0.1/* in `host_permissions` (the only difference), and the tests call,
 * in the background worker, the very functions the shortcut, the menu and the popup call
 * (`plainSendRead.setReadMode` and `plainSendRead.explainIn`, set by src/background/read-mode.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page, Worker } from 'playwright-core';
import { createAnalyser } from '../../src/engine/index.js';
import { optionsFor, type EngineSettings } from '../../src/browser/messages/engine-service.js';
import type { AnalyseMode } from '../../src/browser/messages/protocol.js';
import { chunkText } from '../../src/read/extract.js';
import type { Finding } from '../../src/engine/index.js';
import { SEEDS } from '../helpers.js';
import type { Driver, TestPage } from './drivers/index.js';

/** Where the background can be reached: Chromium's service worker (playwright), or either browser's driver. */
type Background = Worker | Driver;
/** A page or frame in playwright, or a page in either browser's driver. */
type InPage = Page | Frame | TestPage;

function inBackground<R, A>(where: Background, fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>> {
  return 'background' in where ? where.background(fn, arg) : (where.evaluate(fn as never, arg) as never);
}
const inPage = <R, A = undefined>(where: InPage, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> =>
  (where as TestPage).evaluate(fn, arg);

export const TOOLKIT_SEED = '003_17a2d294142512ea.txt';
export const SETTINGS: EngineSettings = { audience: 'parent-carer', ignore: [] };

/** Lets the test copy of the extension into 127.0.0.1 pages without a user gesture (see above). */
export function allowTestHost(extensionDir: string): void {
  const path = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  writeFileSync(path, JSON.stringify(manifest, null, 2));
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A seed document as a web page: a short line without a full stop is a heading, "- " starts a
 * list item, anything else is a paragraph. Returns the page and the text a reader sees (one
 * line per block), which is what the engine should be given.
 */
export function seedPage(file: string, title: string): { html: string; text: string } {
  const raw = readFileSync(join(SEEDS, file), 'utf8');
  const lines = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const out: string[] = [];
  const text: string[] = [];
  let list = false;
  for (const [i, line] of lines.entries()) {
    const item = /^[-*•]\s+/.test(line);
    if (list && !item) out.push('</ul>');
    if (!list && item) out.push('<ul>');
    list = item;
    const body = item ? line.replace(/^[-*•]\s+/, '') : line;
    const tag = item ? 'li' : i === 0 ? 'h1' : body.length < 70 && !/[.!?:;,)'"]$/.test(body) ? 'h2' : 'p';
    out.push(`<${tag}>${escape(body)}</${tag}>`);
    text.push(body.replace(/[\t\r\n]/g, ' '));
  }
  if (list) out.push('</ul>');
  const html =
    `<!doctype html><html lang="en-GB" data-plain-send-perf><head><meta charset="utf-8"><title>${escape(title)}</title>` +
    '<style>body{font:16px/1.5 Georgia,serif;margin:24px auto;max-width:760px;padding:0 16px}</style></head>' +
    `<body><main>${out.join('')}</main></body></html>`;
  return { html, text: text.join('\n') };
}

/**
 * What the engine finds in a text in a mode. Read mode asks about a long page a piece at a time
 * (`chunkText`), and what carries across a text (a word's SEND sense) carries within a piece.
 */
export function engineFindings(text: string, mode: AnalyseMode): Finding[] {
  const analyser = createAnalyser(optionsFor(SETTINGS, mode));
  if (mode !== 'read') return analyser.analyse(text).findings;
  return chunkText(text).flatMap((c) => analyser.analyse(text.slice(c.start, c.end)).findings);
}

/** What the engine finds in a text in a mode, per kind of word, in order. */
export function expectedWords(text: string, mode: AnalyseMode = 'read'): { jargon: string[]; acronym: string[] } {
  const out = { jargon: [] as string[], acronym: [] as string[] };
  for (const f of engineFindings(text, mode)) {
    if (f.category === 'jargon' || f.category === 'acronym') out[f.category].push(f.text);
  }
  return out;
}

/** Each meaning with its count ("EHCP|Education, Health and Care plan" → 3), as the side panel should list them. */
export function expectedCounts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of engineFindings(text, 'read')) {
    const key = `${f.term ?? f.text}|${f.expansion && f.expansion.toLowerCase() !== (f.term ?? f.text).toLowerCase() ? f.expansion : ''}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** The tab id of a page, from the worker. */
export async function tabIdOf(worker: Background, page: Page | TestPage): Promise<number> {
  const url = page.url();
  const id = await inBackground(
    worker,
    async (u) => {
      const tabs = await (
        globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } }
      ).chrome.tabs.query({});
      return tabs.find((t) => t.url === u)?.id;
    },
    url,
  );
  if (typeof id !== 'number') throw new Error(`no tab for ${url}`);
  return id;
}

interface ReadApi {
  setReadMode(tabId: number, on: boolean | 'toggle'): Promise<{ on: boolean; found: number }>;
  explainIn(tabId: number, frameId: number, text?: string): Promise<void>;
}

/** What Alt+Shift+R, the context menu and the popup do: the same function, in the worker. */
export function setReadMode(
  worker: Background,
  tabId: number,
  on: boolean | 'toggle',
): Promise<{ on: boolean; found: number }> {
  return inBackground(
    worker,
    ([id, want]) =>
      (globalThis as unknown as { plainSendRead: ReadApi }).plainSendRead.setReadMode(
        id as number,
        want as boolean | 'toggle',
      ),
    [tabId, on] as const,
  );
}

/** What "Explain this" in the context menu does. */
export function explainIn(worker: Worker, tabId: number, text: string, frameId = 0): Promise<void> {
  return worker.evaluate(
    ([id, t, f]) =>
      (globalThis as unknown as { plainSendRead: ReadApi }).plainSendRead.explainIn(
        id as number,
        f as number,
        t as string,
      ),
    [tabId, text, frameId] as const,
  );
}

/** Text of every range in read mode's highlights, per kind, in document order (in one frame's document). */
export function readMarks(frame: InPage): Promise<Record<string, string[]>> {
  return inPage(frame, () => {
    const out: Record<string, string[]> = {};
    for (const kind of ['jargon', 'acronym', 'active']) {
      const h = CSS.highlights.get(`plain-send-read-${kind}`);
      if (!h) continue;
      const ranges = ([...h] as Range[]).filter((r) => !r.collapsed && r.startContainer.isConnected);
      // Ranges in different trees (a web component's shadow tree) cannot be compared: by where they are drawn.
      ranges.sort((a, b) => {
        try {
          return a.compareBoundaryPoints(Range.START_TO_START, b);
        } catch {
          const [ra, rb] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
          return ra.top - rb.top || ra.left - rb.left;
        }
      });
      if (ranges.length) out[kind] = ranges.map((r) => r.toString());
    }
    return out;
  });
}

export interface UiState {
  card: null | {
    title: string;
    kind: string;
    expansion: string | null;
    definition: string | null;
    note: string | null;
    source: string | null;
    position: string | null;
    focused: boolean;
    role: string | null;
    label: string | null;
    buttons: string[];
  };
  bar: null | { shown: boolean; word: string; count: string; status: string; focused: string | null };
}

/** Read mode's card and bar, from the page (our shadow root is open). */
export function readUi(page: InPage): Promise<UiState> {
  return inPage(page, (): UiState => {
    const host = document.querySelector('plain-send-ui[data-plain-send-read]');
    const root = host?.shadowRoot;
    if (!root) return { card: null, bar: null };
    const card = root.querySelector<HTMLElement>('.card.read');
    const bar = root.querySelector<HTMLElement>('.read-bar');
    const text = (el: Element | null | undefined) => el?.textContent ?? null;
    const labelId = card?.getAttribute('aria-labelledby');
    return {
      card:
        card && !card.hidden
          ? {
              title: text(card.querySelector('h2')) ?? '',
              kind: text(card.querySelector('.kind')) ?? '',
              expansion: text(card.querySelector('.expansion')),
              definition: text(card.querySelector('.definition')),
              note: text(card.querySelector('.note')),
              source: text(card.querySelector('.source')),
              position: text(card.querySelector('.position')),
              focused: root.activeElement === card || card.contains(root.activeElement),
              role: card.getAttribute('role'),
              label: labelId ? text(root.getElementById(labelId)) : null,
              buttons: [...card.querySelectorAll('.actions button')].map((b) => b.textContent ?? ''),
            }
          : null,
      bar: bar
        ? {
            shown: !bar.hidden,
            word: text(bar.querySelector('button.word')) ?? '',
            count: text(bar.querySelector('.count')) ?? '',
            status: text(bar.querySelector('[role="status"]')) ?? '',
            focused: root.activeElement ? (root.activeElement as HTMLElement).className : null,
          }
        : null,
    };
  });
}

/** Polls `read` until it equals `want` (deep), else fails with the last value seen. */
export async function waitForValue<T>(read: () => Promise<T>, want: T, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let got = await read();
  while (Date.now() < deadline) {
    if (JSON.stringify(got) === JSON.stringify(want)) return got;
    await new Promise((r) => setTimeout(r, 50));
    got = await read();
  }
  return got;
}

/** axe-core's source, injected with `evaluate` (extension pages' CSP refuses script tags). */
export const AXE_SOURCE = readFileSync(
  join(new URL('../..', import.meta.url).pathname, 'node_modules/axe-core/axe.min.js'),
  'utf8',
);

/** WCAG 2.2 A and AA rules only (not best practices), on the whole document or within one element. */
export async function axeViolations(page: InPage, within?: string): Promise<{ id: string; nodes: string[] }[]> {
  await ('addScript' in page ? page.addScript(AXE_SOURCE) : page.evaluate(AXE_SOURCE));
  return inPage(
    page,
    async (selector: string | null) => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: unknown,
              options: unknown,
            ): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
          };
        }
      ).axe;
      const context = selector ? document.querySelector(selector) : document;
      const result = await axe.run(context, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
    },
    within ?? null,
  );
}
