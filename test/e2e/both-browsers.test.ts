/**
 * The extension end to end in both browsers we test in: Debian's Chromium and Debian's Firefox
 * ESR, each with its own build of the extension (WXT; `-b firefox`), through the drivers in
 * drivers/ (one spec, run once per browser). For every editor page: the letter typed with the
 * extension gives exactly the editor content a run without it gives (the same page on
 * localhost, where the test copy does not run); marks land on the words the engine finds; the
 * card opens with the meaning; a fix changes just its words and one Undo takes it out. Read
 * mode: marks on a 120 KB page are exactly the engine's, a card opens, the side panel's list
 * has every word and its count. No request leaves the machine.
 * (The deeper Chromium-only checks stay in extension-editors, read-mode and options.)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAnalyser } from '../../src/engine/index.js';
import { serveStatic } from './browser.js';
import { BROWSERS, buildFor, launch, until, type BuiltFor, type Driver, type TestPage } from './drivers/index.js';
import { EDITORS, LINES, TEXTAREAS, type EditorName } from './editor-pages.js';
import { PAGES, ROOT, SCREENSHOTS, bundleEditors, cleanUp } from './extension-helpers.js';
import { TOOLKIT_SEED, expectedCounts, expectedWords, readMarks, readUi, seedPage } from './read-helpers.js';

/** Where a user clicks to write the message, on pages that are not a single editor. */
const BODY: Partial<Record<EditorName, string>> = {
  textarea: '#field',
  contenteditable: '#field',
  gmail: '[aria-label="Message Body"]',
  outlook: '[aria-label^="Message body"]',
  roundcube: '#composebody',
};

let tmp: string;
let server: { url: string; close(): Promise<void> } | undefined;
let toolkitText: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'plain-send-both-'));
  await bundleEditors(join(tmp, 'bundles'));
  const toolkit = seedPage(TOOLKIT_SEED, 'Engaging with Parent Carers: a toolkit');
  mkdirSync(join(tmp, 'gen'));
  writeFileSync(join(tmp, 'gen/toolkit.html'), toolkit.html);
  toolkitText = toolkit.text;
  server = await serveStatic([
    ['/pages/', PAGES],
    ['/bundles/', join(tmp, 'bundles')],
    ['/gen/', join(tmp, 'gen')],
    ['/node_modules/quill/dist/', join(ROOT, 'node_modules/quill/dist')],
    ['/node_modules/tinymce/', join(ROOT, 'node_modules/tinymce')],
    ['/node_modules/ckeditor5/dist/', join(ROOT, 'node_modules/ckeditor5/dist')],
    ['/node_modules/prosemirror-view/style/', join(ROOT, 'node_modules/prosemirror-view/style')],
  ]);
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await server?.close();
  cleanUp(tmp);
});

type Probe = Record<string, (...args: unknown[]) => unknown>;
const probe = <T>(page: TestPage, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(
    ([f, a]) => (window as unknown as { plainSendProbe: Probe }).plainSendProbe[f as string](...(a as unknown[])) as T,
    [fn, args] as const,
  ) as Promise<T>;
const editorText = (page: TestPage) =>
  page.evaluate(() => (window as unknown as { testEditor: { getText(): string } }).testEditor.getText());
const editorContent = (page: TestPage) =>
  page.evaluate(() => (window as unknown as { testEditor: { getContent(): string } }).testEditor.getContent());
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What the engine itself finds in a text, per category, in order (what should be marked). */
function expectedMarks(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of createAnalyser().analyse(text).findings) if (!f.explained) (out[f.category] ??= []).push(f.text);
  return out;
}

describe.each(BROWSERS)('in %s', (browserName) => {
  let built: BuiltFor | undefined;
  let driver: Driver | undefined;

  beforeAll(async () => {
    built = buildFor(browserName);
    driver = await launch(browserName, built.dir);
  }, 180_000);

  afterAll(async () => {
    await driver?.close();
    cleanUp(built?.tmp);
  });

  test('the guard works: a request from a page to anywhere but this machine is refused and recorded', async () => {
    const page = await driver!.open(`${server!.url}/pages/textarea.html`);
    const outcome = await page.evaluate(() =>
      fetch('http://plain-send.invalid/probe').then(
        () => 'answered',
        () => 'refused',
      ),
    );
    expect(outcome).toBe('refused');
    expect(driver!.blocked.some((u) => u.includes('plain-send.invalid'))).toBe(true);
    // From here on, nothing may try.
    driver!.blocked.length = 0;
    await page.close();
  });

  /** Opens an editor page on 127.0.0.1 (the extension runs) or localhost (it does not), once the editor is ready. */
  async function open(name: EditorName, host = '127.0.0.1'): Promise<TestPage> {
    const page = await driver!.open(`${server!.url.replace('127.0.0.1', host)}/pages/${name}.html`);
    await until(
      () => page.evaluate(() => (window as unknown as { __ready?: boolean }).__ready === true),
      Boolean,
      20_000,
    );
    return page;
  }

  async function clickOn(page: TestPage, selector: string): Promise<void> {
    const at = await page.evaluate((s) => {
      const r = document.querySelector(s)!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 20) };
    }, selector);
    await page.clickAt(at.x, at.y);
  }

  async function focusEditor(page: TestPage, name: EditorName): Promise<void> {
    const body = BODY[name];
    if (name === 'tinymce') await clickOn(page, 'iframe');
    else if (body) await clickOn(page, body);
    else
      await page.evaluate(() => (window as unknown as { testEditor: { root: HTMLElement } }).testEditor.root.focus());
  }

  async function typeLetter(page: TestPage): Promise<void> {
    for (const [i, line] of LINES.entries()) {
      if (i) await page.press('Enter');
      await page.type(line);
    }
  }

  const marks = (page: TestPage, name: EditorName) =>
    probe<Record<string, string[]>>(page, TEXTAREAS.includes(name) ? 'mirror' : 'highlights');
  async function expectMarks(page: TestPage, name: EditorName, want: Record<string, string[]>): Promise<void> {
    expect(
      await until(
        () => marks(page, name),
        (got) => same(got, want),
      ),
    ).toEqual(want);
  }
  async function expectCard(page: TestPage, title: string | null): Promise<Record<string, unknown> | null> {
    const card = await until(
      () => probe<Record<string, unknown> | null>(page, 'card'),
      (c) => (title === null ? c === null : c?.title === title),
      5_000,
    );
    expect(card?.title ?? null).toBe(title);
    return card;
  }

  for (const name of EDITORS) {
    describe(name, () => {
      let page: TestPage;
      let letter: string;
      let plain: string;

      test('marks the words the engine finds; the editor holds exactly what it holds without the extension', async () => {
        // The same page on localhost: the test copy of the extension does not run there.
        const without = await open(name, 'localhost');
        await focusEditor(without, name);
        await typeLetter(without);
        plain = await editorContent(without);
        expect(await probe(without, 'uiPresent')).toBe(false);
        expect(await probe(without, 'highlightCount')).toBe(0);
        await without.close();

        page = await open(name);
        await focusEditor(page, name);
        await typeLetter(page);
        letter = await editorText(page);
        expect(letter.replace(/\n+/g, '\n').trim()).toBe(LINES.join('\n'));
        const want = expectedMarks(letter);
        expect(Object.keys(want).sort()).toEqual(['acronym', 'jargon', 'plain-word']);
        await expectMarks(page, name, want);
        const badge = await probe<{ text: string } | null>(page, 'badge');
        expect(badge?.text).toMatch(/Reading age \d/);
        expect(await editorContent(page)).toBe(plain);
        await page.screenshot(join(SCREENSHOTS, `${browserName}-${name}.png`));
      });

      test('the card opens on a marked word with its meaning', async () => {
        const at = await probe<{ x: number; y: number } | null>(page, 'pointAt', 'EHCP');
        expect(at).not.toBeNull();
        await page.moveTo(at!.x, at!.y);
        const card = await expectCard(page, 'EHCP');
        expect(card).toMatchObject({ role: 'dialog', expansion: expect.stringMatching(/Education, Health and Care/i) });
        expect(card!.definition).toBeTruthy();
        expect(card!.buttons).toEqual(['Explain at first use', 'Ignore here', 'Ignore always', 'Add to my terms']);
        await page.moveTo(5, 5);
        await expectCard(page, null);
        expect(await editorContent(page)).toBe(plain);
      });

      test('the card is reachable from the keyboard, and Escape gives focus back', async () => {
        const caret = await probe<string>(page, 'beforeCaret');
        await page.press('Alt+Shift+P');
        const card = await expectCard(page, 'SENCO'); // the caret is at the end: wraps to the first
        expect(card!.focused).toBe('Explain at first use');
        await page.press('Escape');
        await expectCard(page, null);
        expect(await probe(page, 'editorFocused')).toBe(true);
        expect(await probe(page, 'beforeCaret')).toBe(caret);
        expect(await editorContent(page)).toBe(plain);
      });

      test('a fix changes exactly its words, and one Undo takes it out', async () => {
        // Editors group quick edits into one undo step (Quill: 1 s): let the typing settle first.
        await new Promise((r) => setTimeout(r, 1_100));
        const at = await probe<{ x: number; y: number } | null>(page, 'pointAt', 'prior to');
        await page.clickAt(at!.x, at!.y);
        const card = await expectCard(page, 'prior to');
        expect(card!.buttons).toContain('Use "before"');
        const button = await probe<{ x: number; y: number }>(page, 'buttonAt', 'Use "before"');
        await page.clickAt(button.x, button.y);
        const fixed = letter.replace('prior to', 'before');
        expect(
          await until(
            () => editorText(page),
            (t) => t === fixed,
            5_000,
          ),
        ).toBe(fixed);
        expect(await probe(page, 'editorFocused')).toBe(true);
        await expectMarks(page, name, expectedMarks(fixed));

        await page.press('Undo');
        expect(
          await until(
            () => editorText(page),
            (t) => t === letter,
            5_000,
          ),
        ).toBe(letter);
        await expectMarks(page, name, expectedMarks(letter));
        expect(await editorContent(page)).toBe(plain);
        expect(page.problems).toEqual([]);
        await page.close();
      });
    });
  }

  describe('read mode on a 120 KB page', () => {
    let page: TestPage;
    let tabId: number;

    test('marks exactly the words the engine finds in read mode', async () => {
      page = await driver!.open(`${server!.url}/gen/toolkit.html`);
      const url = page.url();
      tabId = await driver!.background(async (u) => {
        const tabs = await (
          globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } }
        ).chrome.tabs.query({});
        return tabs.find((t) => t.url === u)!.id;
      }, url);
      expect(typeof tabId).toBe('number');
      const state = await driver!.background(
        (id) =>
          (
            globalThis as unknown as {
              plainSendRead: { setReadMode(t: number, on: boolean): Promise<{ on: boolean }> };
            }
          ).plainSendRead.setReadMode(id, true),
        tabId,
      );
      expect(state.on).toBe(true);
      const want = expectedWords(toolkitText);
      const wanted: Record<string, string[]> = { jargon: want.jargon, acronym: want.acronym };
      expect(want.acronym.length + want.jargon.length).toBeGreaterThan(300);
      const asPage = page as unknown as Page;
      expect(
        await until(
          () => readMarks(asPage),
          (m) => same(m, wanted),
          20_000,
        ),
      ).toEqual(wanted);
      // The lines on screen were found (each browser has its own way to ask) and asked for first.
      const detail = await until(
        () =>
          page.evaluate(
            () =>
              (performance.getEntriesByName('plain-send:read-painted')[0] as PerformanceMeasure | undefined)?.detail as
                { nearChars: number; requested: number; chunks: number } | undefined,
          ),
        Boolean,
        5_000,
      );
      expect(detail?.nearChars).toBeGreaterThan(500);
      expect(detail?.requested).toBe(detail!.chunks + 1);
      await page.screenshot(join(SCREENSHOTS, `${browserName}-read-toolkit.png`));
    });

    test('a marked word opens its card', async () => {
      const at = await page.evaluate(() => {
        const h = CSS.highlights.get('plain-send-read-acronym')!;
        const r = ([...(h as unknown as Set<Range>)] as Range[]).find((x) => x.toString() === 'EHCP')!;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const box = r.getClientRects()[0];
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      });
      await page.clickAt(at.x, at.y);
      const asPage = page as unknown as Page;
      const title = await until(
        async () => (await readUi(asPage)).card?.title,
        (t) => t === 'EHCP',
        5_000,
      );
      expect(title).toBe('EHCP');
      const ui = await readUi(asPage);
      expect(ui.card).toMatchObject({ role: 'dialog', kind: 'Short form' });
      expect(ui.card!.expansion).toMatch(/Education, Health and Care/i);
      expect(ui.card!.buttons).toEqual(['Previous word', 'Next word']);
      await page.press('Escape');
      expect(page.problems).toEqual([]);
    });

    test('the side panel lists every word with its count', async () => {
      const panel = await driver!.openExtensionPage(`sidepanel.html?tab=${tabId}`);
      const want = expectedCounts(toolkitText);
      const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
      const listed = await until(
        () =>
          panel.evaluate(() =>
            [...document.querySelectorAll('ul.words li')].map((li) => {
              const term = li.querySelector('button.word span')!.textContent!;
              const count = li.querySelector('.count')!.textContent!;
              const expansion = li.querySelector('.expansion')?.textContent?.replace(/^Stands for: /, '') ?? '';
              return `${term}|${expansion} ${count}`;
            }),
          ),
        (l) => l.length === want.size,
        10_000,
      );
      expect(listed.sort()).toEqual([...want].map(([k, n]) => `${k} ${times(n)}`).sort());
      await panel.screenshot(join(SCREENSHOTS, `${browserName}-read-sidepanel.png`));
      await panel.close();
      await page.close();
    });
  });

  test('nothing left the machine: every request to anywhere else was refused and recorded, and there were none', () => {
    expect(driver!.blocked).toEqual([]);
  });
});
