/**
 * "Review this message" end to end, in Debian's Chromium with the built extension, in each of
 * the eleven editor pages: the panel opens from the badge and from Alt+Shift+P pressed twice,
 * says the reading age and lists each term once with its count, shows a term's places in turn,
 * passes axe, and gives focus back to the message where the caret was. Its actions change the
 * editor's own data (read through the editor's API) to exactly what the engine's functions give
 * for the field's text, and one Ctrl+Z restores the editor's data exactly; pressing "the
 * meanings" again updates the list in place, never adding a second.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  applyEdits,
  createAnalyser,
  findMeaningsBlock,
  MEANINGS_HEADING,
  planMeanings,
  plainWordEdits,
  shortFormEdits,
} from '../../src/engine/index.js';
import {
  SCREENSHOTS,
  buildExtension,
  bundleEditors,
  cleanUp,
  launchWithExtension,
  requireChromium,
  serve,
  type Built,
  type Session,
  type StaticServer,
} from './extension-helpers.js';
import { EDITORS, LINES, type EditorName } from './editor-pages.js';
import { axeViolations } from './read-helpers.js';

/** Where a user clicks to write the message, on pages that are not a single editor. */
const BODY: Partial<Record<EditorName, string>> = {
  textarea: '#field',
  contenteditable: '#field',
  gmail: '[aria-label="Message Body"]',
  outlook: '[aria-label^="Message body"]',
  roundcube: '#composebody',
};

/**
 * Editors where "use every plainer word" (two words in two paragraphs: two edits, as no one
 * replacement may cross a paragraph) is taken out by one Ctrl+Z, as measured: a textarea (one
 * edit over the span), CKEditor and Quill (their undo groups the two), ProseMirror (it reads both
 * DOM changes as one transaction), TinyMCE (one undo level closed after both). The bare
 * contenteditables (the browser's own undo), Lexical and Slate (each edit waits for the editor to
 * take in its selection) keep each paragraph's edit as its own step.
 */
const ONE_UNDO_ACROSS_PARAGRAPHS: readonly EditorName[] = [
  'textarea',
  'roundcube',
  'ckeditor',
  'quill',
  'prosemirror',
  'tinymce',
];

/**
 * How an editor's own paste handling places the list, where it differs from the plain text by a
 * blank line (measured): Quill keeps the line end the caret was on as an empty line after the
 * list, each time; TinyMCE does so when the list is updated; ProseMirror drops the empty
 * paragraphs at the start of a pasted slice.
 */
const LIST_SPACING: Partial<Record<EditorName, { add?: (want: string) => string; update?: (want: string) => string }>> =
  {
    quill: { add: (want) => `${want}\n`, update: (want) => `${want}\n` },
    tinymce: { update: (want) => `${want}\n` },
    prosemirror: { add: (want) => want.replace(`\n\n${MEANINGS_HEADING}`, `\n${MEANINGS_HEADING}`) },
  };

let built: Built | undefined;
let server: StaticServer | undefined;
let session: Session | undefined;

beforeAll(async () => {
  requireChromium();
  built = buildExtension();
  const bundles = join(built.tmp, 'bundles');
  await bundleEditors(bundles);
  server = await serve(bundles);
  session = await launchWithExtension(built.testCopy);
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await session?.context.close();
  await server?.close();
  cleanUp(session?.userData);
  cleanUp(built?.tmp);
});

type Probe = Record<string, (...args: unknown[]) => unknown>;
const probe = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(
    ([f, a]) => (window as unknown as { plainSendProbe: Probe }).plainSendProbe[f as string](...(a as unknown[])) as T,
    [fn, args] as const,
  );
/**
 * Pages whose editor's data is HTML (a bare contenteditable; TinyMCE): read here as one line per
 * block, as the extension reads it (innerText would count an empty `<div><br></div>` as two
 * lines, and a `<p>` with its margins as two).
 */
const BARE: readonly EditorName[] = ['contenteditable', 'gmail', 'outlook', 'tinymce'];
let bare = false;
const editorText = (page: Page) =>
  bare
    ? page.evaluate(() => {
        const root = (window as unknown as { testEditor: { root: HTMLElement } }).testEditor.root;
        const lines: string[] = [];
        let line: string | undefined;
        const flush = () => {
          if (line !== undefined) lines.push(line);
          line = undefined;
        };
        for (const node of root.childNodes) {
          const el = node.nodeType === 1 ? (node as HTMLElement) : undefined;
          if (!el) line = (line ?? '') + node.textContent;
          else if (el.tagName === 'BR') {
            lines.push(line ?? '');
            line = undefined;
          } else if (el.tagName === 'UL' || el.tagName === 'OL') {
            flush();
            for (const li of el.children) lines.push(li.textContent ?? '');
          } else if (el.tagName === 'DIV' || el.tagName === 'P') {
            flush();
            lines.push(el.textContent ?? '');
          } else line = (line ?? '') + el.textContent;
        }
        flush();
        return lines.join('\n');
      })
    : page.evaluate(() => (window as unknown as { testEditor: { getText(): string } }).testEditor.getText());
const editorContent = (page: Page) =>
  page.evaluate(() => (window as unknown as { testEditor: { getContent(): string } }).testEditor.getContent());

interface Review {
  role: string;
  label: string | null;
  age: string | null;
  focused: string | null;
  actions: { id: string; label: string; disabled: boolean }[];
  groups: { title: string; entries: string[] }[];
  status: string;
}

const analyse = (text: string) => createAnalyser().analyse(text).findings;
/** What each action must make of a text: the engine's own review functions on it. */
const explained = (text: string) => applyEdits(text, shortFormEdits(analyse(text)));
/** The meanings list's own words are not the message's: the panel leaves them alone. */
function plainer(text: string): string {
  const list = findMeaningsBlock(text);
  const outside = analyse(text).filter((f) => !list || f.end <= list.start || f.start >= list.end);
  return applyEdits(text, plainWordEdits(outside));
}
function withMeanings(text: string, name?: EditorName): string {
  const plan = planMeanings(text, analyse(text));
  const want = plan.edit ? applyEdits(text, [plan.edit]) : text;
  const spacing = name ? LIST_SPACING[name] : undefined;
  const adjust = plan.replaces ? spacing?.update : spacing?.add;
  return adjust ? adjust(want) : want;
}

async function open(name: EditorName): Promise<Page> {
  const page = await session!.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server!.url}/pages/${name}.html`);
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, undefined, {
    timeout: 20_000,
  });
  (page as unknown as { problems: string[] }).problems = problems;
  return page;
}

async function focusEditor(page: Page, name: EditorName): Promise<void> {
  const body = BODY[name];
  if (name === 'tinymce') await page.frameLocator('iframe').locator('body').click();
  else if (body) await page.click(body);
  else await page.evaluate(() => (window as unknown as { testEditor: { root: HTMLElement } }).testEditor.root.focus());
}

async function review(page: Page, open = true): Promise<Review | null> {
  let r: Review | null = null;
  await expect
    .poll(
      async () => {
        r = await probe<Review | null>(page, 'review');
        return r !== null;
      },
      { timeout: 5_000 },
    )
    .toBe(open);
  return r;
}

/** Presses one of the panel's controls with the pointer, as a person would; an action, until it says it is done. */
async function press(page: Page, id: string): Promise<void> {
  const at = await probe<{ x: number; y: number } | null>(page, 'reviewButtonAt', id);
  expect(at, id).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
  if (['explain', 'plain', 'meanings'].includes(id))
    await expect
      .poll(async () => (await probe<Review | null>(page, 'review'))?.status, { timeout: 5_000 })
      .toMatch(/Ctrl\+Z takes it out\.$/);
}

const until = (page: Page, want: string) => expect.poll(() => editorText(page), { timeout: 5_000 }).toBe(want);

/** Editors group quick edits into one undo step (Quill and Lexical here: 1 s): let what came before settle. */
const settle = (page: Page) => page.waitForTimeout(1_100);

const count = (text: string, part: string) => text.split(part).length - 1;

for (const name of EDITORS) {
  describe(name, () => {
    let page: Page;
    let letter: string;
    let content: string;

    test('the badge opens the review: reading age, findings grouped with counts, places shown in turn; axe-clean; Escape gives focus back', async () => {
      bare = BARE.includes(name);
      page = await open(name);
      await focusEditor(page, name);
      for (const [i, line] of LINES.entries()) {
        if (i) await page.keyboard.press('Enter');
        await page.keyboard.type(line);
      }
      letter = await editorText(page);
      content = await editorContent(page);
      await expect.poll(() => probe(page, 'badge'), { timeout: 8_000 }).not.toBeNull();
      const caret = await probe<string>(page, 'beforeCaret');

      // TinyMCE: our UI is in the editor's frame.
      if (name === 'tinymce') await page.frameLocator('iframe').locator('plain-send-ui .badge').click();
      else await page.click('plain-send-ui .badge');
      const r = (await review(page))!;
      expect(r.role).toBe('dialog');
      expect(r.label).toBe('Review this message');
      expect(r.focused).toBe('review');
      expect(r.age).toMatch(/Reading age [\d.]+/);
      expect(r.actions.map((a) => a.label)).toEqual([
        'Explain every short form (2)',
        'Use every plainer word (2)',
        'Add the meanings at the end',
      ]);
      const findings = analyse(letter).filter((f) => !f.explained);
      const groups = Object.fromEntries(r.groups.map((g) => [g.title.replace(/ \(\d+\)$/, ''), g]));
      expect(Object.keys(groups)).toEqual(['Short forms not explained', 'SEND words', 'Plainer words']);
      expect(groups['Short forms not explained'].title).toBe(
        `Short forms not explained (${findings.filter((f) => f.category === 'acronym').length})`,
      );
      expect(groups['Short forms not explained'].entries).toEqual(['EHCP · once', 'SENCO · once']);
      // "review" twice ("review" and "annual review"): one entry each, with its count.
      for (const g of r.groups) expect(new Set(g.entries).size).toBe(g.entries.length);

      // A term goes to its place in the text, marked as the one shown; the message is not changed.
      await press(page, 'prior to');
      await expect.poll(() => probe(page, 'activeMark'), { timeout: 3_000 }).toBe('prior to');
      expect((await review(page))!.status).toBe('prior to: shown in the message');

      if (name !== 'tinymce') expect(await axeViolations(page, 'plain-send-ui')).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `review-${name}.png`) });

      await page.keyboard.press('Escape');
      await review(page, false);
      expect(await probe(page, 'editorFocused')).toBe(true);
      expect(await probe(page, 'beforeCaret')).toBe(caret);
      expect(await probe(page, 'activeMark')).toBeNull();
      expect(await editorContent(page)).toBe(content);
    });

    test('explain every short form: the editor holds exactly the engine’s text; one Ctrl+Z restores it exactly', async () => {
      await settle(page);
      // Alt+Shift+P twice quickly: the review, not a card.
      await page.keyboard.press('Alt+Shift+P');
      await page.keyboard.press('Alt+Shift+P');
      expect((await review(page))!.focused).toBe('review');
      expect(await probe(page, 'card')).toBeNull();
      await press(page, 'explain');
      await until(page, explained(letter));
      await expect
        .poll(async () => (await review(page))?.status, { timeout: 3_000 })
        .toMatch(/^Explained 2 short forms/);
      const after = (await review(page))!;
      // Focus is back in the panel (on the panel itself: the button it was on has nothing more to do).
      expect(after.focused).toBe('review');
      expect(after.actions[0]).toMatchObject({ label: 'No short forms to explain', disabled: true });
      await page.keyboard.press('Escape');
      await review(page, false);
      expect(await probe(page, 'editorFocused')).toBe(true);
      await page.keyboard.press('Control+z');
      await until(page, letter);
      expect(await editorContent(page)).toBe(content);
    });

    test('the meanings at the end: exactly the engine’s list; one Ctrl+Z takes it out; pressed again it updates the list, never a second', async () => {
      await settle(page);
      await page.keyboard.press('Alt+Shift+P');
      await page.keyboard.press('Alt+Shift+P');
      await review(page);
      await press(page, 'meanings');
      const added = withMeanings(letter, name);
      await until(page, added);
      await expect
        .poll(async () => (await review(page))?.actions[2], { timeout: 3_000 })
        .toMatchObject({ label: 'The meanings at the end are up to date', disabled: true });
      await page.screenshot({ path: join(SCREENSHOTS, `review-${name}-meanings.png`) });
      await page.keyboard.press('Escape');
      await review(page, false);
      await page.keyboard.press('Control+z');
      await until(page, letter);
      expect(await editorContent(page)).toBe(content);

      // Again, then a new short form in the message: the list is updated where it is.
      await settle(page);
      await page.keyboard.press('Alt+Shift+P');
      await page.keyboard.press('Alt+Shift+P');
      await review(page);
      await press(page, 'meanings');
      await until(page, added);
      await page.keyboard.press('Escape');
      await review(page, false);
      if (name === 'prosemirror') {
        // ProseMirror keeps its own selection: a click puts the caret at the start, as a person would.
        const at = await page.evaluate(() => {
          const first = (window as unknown as { testEditor: { root: HTMLElement } }).testEditor.root.firstElementChild!;
          const r = first.getBoundingClientRect();
          return { x: r.left + 1, y: r.top + r.height / 2 };
        });
        await page.mouse.click(at.x, at.y);
      } else if (name === 'textarea' || name === 'roundcube') await probe(page, 'caretToLine', 0);
      else await page.keyboard.press('Control+Home');
      await page.waitForTimeout(100);
      await page.keyboard.type('The SaLT team says hello. ');
      const typed = await editorText(page);
      expect(typed.startsWith('The SaLT team says hello. ')).toBe(true);
      await settle(page);
      await page.keyboard.press('Alt+Shift+P');
      await page.keyboard.press('Alt+Shift+P');
      expect((await review(page))!.actions[2].label).toBe('Update the meanings at the end');
      await press(page, 'meanings');
      const updated = withMeanings(typed, name);
      expect(count(updated, MEANINGS_HEADING)).toBe(1);
      expect(updated).toContain('SaLT');
      await until(page, updated);
      await page.keyboard.press('Escape');
      await review(page, false);
      await page.keyboard.press('Control+z');
      await until(page, typed);
      expect((page as unknown as { problems: string[] }).problems).toEqual([]);
    });

    test('use every plainer word: exactly the engine’s text', async () => {
      await settle(page);
      const before = await editorText(page);
      await page.keyboard.press('Alt+Shift+P');
      await page.keyboard.press('Alt+Shift+P');
      await review(page);
      await press(page, 'plain');
      await until(page, plainer(before));
      await page.keyboard.press('Escape');
      await review(page, false);
      await page.keyboard.press('Control+z');
      if (ONE_UNDO_ACROSS_PARAGRAPHS.includes(name)) await until(page, before);
      else {
        // Each paragraph's edit is its own step here: a second Ctrl+Z takes the other out.
        await page.keyboard.press('Control+z');
        await until(page, before);
      }
      expect((page as unknown as { problems: string[] }).problems).toEqual([]);
      await page.close();
    });
  });
}
