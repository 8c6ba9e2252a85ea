/**
 * "Review this message" end to end, in both browsers we test in (Debian's Chromium and Firefox
 * ESR, each with its own build, through drivers/), in each of the eleven editor pages: the panel
 * opens from the badge and from Alt+Shift+P pressed twice, says the reading age and lists each
 * term once with its count, shows a term's places in turn, passes axe, and gives focus back to
 * the message where the caret was. Its actions change the editor's own data (read through the
 * editor's API) to exactly what the engine's functions give for the field's text, and one Ctrl+Z
 * restores the editor's data exactly; pressing "the meanings" again updates the list in place,
 * never adding a second. Where an editor behaves differently in Firefox, the difference is named below.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  BROWSERS,
  buildFor,
  launch,
  type BrowserName,
  type BuiltFor,
  type Driver,
  type TestPage,
} from './drivers/index.js';
import { SCREENSHOTS, bundleEditors, cleanUp, serve, type StaticServer } from './extension-helpers.js';
import { EDITORS, LINES, TEXTAREAS, type EditorName } from './editor-pages.js';
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

/** Pages where no editor takes a paste (the browser's insertHTML puts the meanings in). */
const BROWSER_PASTES: readonly EditorName[] = ['contenteditable', 'gmail', 'outlook'];

let tmp: string;
let server: StaticServer | undefined;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'plain-send-review-'));
  await bundleEditors(join(tmp, 'bundles'));
  server = await serve(join(tmp, 'bundles'));
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
/**
 * Pages whose editor's data is HTML (a bare contenteditable; TinyMCE): read here as one line per
 * block, as the extension reads it (innerText would count an empty `<div><br></div>` as two
 * lines, and a `<p>` with its margins as two). Blocks inside blocks are lines of their own (what
 * Firefox's insertHTML makes, see below).
 */
const BARE: readonly EditorName[] = ['contenteditable', 'gmail', 'outlook', 'tinymce'];
const editorText = (page: TestPage, name: EditorName) =>
  BARE.includes(name)
    ? page.evaluate(() => {
        const root = (window as unknown as { testEditor: { root: HTMLElement } }).testEditor.root;
        const blocks = new Set(['DIV', 'P', 'UL', 'OL', 'LI']);
        const lines: string[] = [];
        let line: string | undefined;
        const flush = () => {
          if (line !== undefined) lines.push(line);
          line = undefined;
        };
        const read = (parent: Node) => {
          for (const node of parent.childNodes) {
            const el = node.nodeType === 1 ? (node as HTMLElement) : undefined;
            if (!el) line = (line ?? '') + node.textContent;
            else if (el.tagName === 'BR') {
              lines.push(line ?? '');
              line = undefined;
            } else if (blocks.has(el.tagName)) {
              flush();
              read(el);
              flush();
            } else read(el);
          }
        };
        read(root);
        flush();
        return lines.join('\n');
      })
    : page.evaluate(() => (window as unknown as { testEditor: { getText(): string } }).testEditor.getText());
const editorContent = (page: TestPage) =>
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Editors group quick edits into one undo step (Quill and Lexical here: 1 s): let what came before settle. */
const settle = () => sleep(1_100);
const count = (text: string, part: string) => text.split(part).length - 1;

async function review(page: TestPage, open = true): Promise<Review | null> {
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
async function press(page: TestPage, id: string): Promise<void> {
  const at = await probe<{ x: number; y: number } | null>(page, 'reviewButtonAt', id);
  expect(at, id).not.toBeNull();
  await page.clickAt(at!.x, at!.y);
  if (['explain', 'plain', 'meanings'].includes(id))
    await expect
      .poll(async () => (await probe<Review | null>(page, 'review'))?.status, { timeout: 5_000 })
      .toMatch(/Ctrl\+Z takes it out\.$/);
}

/** Alt+Shift+P twice quickly: the review, not a card. */
async function openReview(page: TestPage): Promise<Review> {
  await page.press('Alt+Shift+P');
  await page.press('Alt+Shift+P');
  return (await review(page))!;
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
  else await page.evaluate(() => (window as unknown as { testEditor: { root: HTMLElement } }).testEditor.root.focus());
}

describe.each(BROWSERS)('in %s', (browserName: BrowserName) => {
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

  async function open(name: EditorName): Promise<TestPage> {
    const page = await driver!.open(`${server!.url}/pages/${name}.html`);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __ready?: boolean }).__ready === true), {
        timeout: 20_000,
      })
      .toBe(true);
    return page;
  }

  for (const name of EDITORS) {
    describe(name, () => {
      let page: TestPage;
      let letter: string;
      let content: string;
      const text = () => editorText(page, name);
      const until = (want: string) => expect.poll(text, { timeout: 5_000 }).toBe(want);

      test('the badge opens the review: reading age, findings grouped with counts, places shown in turn; axe-clean; Escape gives focus back', async () => {
        page = await open(name);
        await focusEditor(page, name);
        for (const [i, line] of LINES.entries()) {
          if (i) await page.press('Enter');
          await page.type(line);
        }
        letter = await text();
        content = await editorContent(page);
        await expect.poll(() => probe(page, 'badge'), { timeout: 8_000 }).not.toBeNull();
        // The whole letter checked (the badge may be from a check of part of it).
        const marked: Record<string, string[]> = {};
        for (const f of analyse(letter)) if (!f.explained) (marked[f.category] ??= []).push(f.text);
        await expect
          .poll(() => probe(page, TEXTAREAS.includes(name) ? 'mirror' : 'highlights'), { timeout: 8_000 })
          .toEqual(marked);
        const caret = await probe<string>(page, 'beforeCaret');

        // TinyMCE: our UI is in the editor's frame (the probe gives top-page coordinates).
        const badge = await probe<{ x: number; y: number }>(page, 'badgeAt');
        await page.clickAt(badge.x, badge.y);
        const r = (await review(page))!;
        expect(r.role).toBe('dialog');
        expect(r.label).toBe('Review this message');
        // Focus is in the panel, at the latest a frame after it opens: an editor that takes focus back
        // after the press (TinyMCE in its frame) is answered on the next animation frame (checker.ts).
        await expect.poll(async () => (await review(page))?.focused, { timeout: 2_000 }).toBe('review');
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
        await page.screenshot(join(SCREENSHOTS, `${browserName}-review-${name}.png`));

        await page.press('Escape');
        await review(page, false);
        expect(await probe(page, 'editorFocused')).toBe(true);
        expect(await probe(page, 'beforeCaret')).toBe(caret);
        expect(await probe(page, 'activeMark')).toBeNull();
        expect(await editorContent(page)).toBe(content);
      });

      test('explain every short form: the editor holds exactly the engine’s text; one Ctrl+Z restores it exactly', async () => {
        await settle();
        expect((await openReview(page)).focused).toBe('review');
        expect(await probe(page, 'card')).toBeNull();
        await press(page, 'explain');
        await until(explained(letter));
        await expect
          .poll(async () => (await review(page))?.status, { timeout: 3_000 })
          .toMatch(/^Explained 2 short forms/);
        const after = (await review(page))!;
        // Focus is back in the panel (on the panel itself: the button it was on has nothing more to do).
        expect(after.focused).toBe('review');
        expect(after.actions[0]).toMatchObject({ label: 'No short forms to explain', disabled: true });
        await page.press('Escape');
        await review(page, false);
        expect(await probe(page, 'editorFocused')).toBe(true);
        await page.press('Undo');
        await until(letter);
        expect(await editorContent(page)).toBe(content);
      });

      test('the meanings at the end: exactly the engine’s list; one Ctrl+Z takes it out; pressed again it updates the list, never a second', async () => {
        await settle();
        await openReview(page);
        await press(page, 'meanings');
        const added = withMeanings(letter, name);
        await until(added);
        if (BROWSER_PASTES.includes(name)) {
          // Nothing on the page takes a paste, so the browser's own insertHTML puts the list in:
          // Chromium makes its blocks siblings of the line the caret was at the end of, Firefox puts
          // them inside that line's block. The text, and what a reader sees, are the same.
          const nested = await page.evaluate(() => {
            const root = (window as unknown as { testEditor: { root: HTMLElement } }).testEditor.root;
            return root.querySelector('ul')?.parentElement !== root;
          });
          expect(nested).toBe(browserName === 'firefox');
        }
        await expect
          .poll(async () => (await review(page))?.actions[2], { timeout: 3_000 })
          .toMatchObject({ label: 'The meanings at the end are up to date', disabled: true });
        await page.screenshot(join(SCREENSHOTS, `${browserName}-review-${name}-meanings.png`));
        await page.press('Escape');
        await review(page, false);
        await page.press('Undo');
        await until(letter);
        expect(await editorContent(page)).toBe(content);

        // Again, then a new short form in the message: the list is updated where it is.
        await settle();
        await openReview(page);
        await press(page, 'meanings');
        await until(added);
        await page.press('Escape');
        await review(page, false);
        if (name === 'prosemirror') {
          // ProseMirror keeps its own selection: a click puts the caret at the start, as a person would.
          const at = await page.evaluate(() => {
            const first = (window as unknown as { testEditor: { root: HTMLElement } }).testEditor.root
              .firstElementChild!;
            const r = first.getBoundingClientRect();
            return { x: r.left + 1, y: r.top + r.height / 2 };
          });
          await page.clickAt(at.x, at.y);
        } else if (name === 'textarea' || name === 'roundcube') await probe(page, 'caretToLine', 0);
        else await page.press('Ctrl+Home');
        await sleep(100);
        await page.type('The SaLT team says hello. ');
        const typed = await text();
        expect(typed.startsWith('The SaLT team says hello. ')).toBe(true);
        await settle();
        expect((await openReview(page)).actions[2].label).toBe('Update the meanings at the end');
        await press(page, 'meanings');
        const updated = withMeanings(typed, name);
        expect(count(updated, MEANINGS_HEADING)).toBe(1);
        expect(updated).toContain('SaLT');
        await until(updated);
        await page.press('Escape');
        await review(page, false);
        await page.press('Undo');
        await until(typed);
        expect(page.problems).toEqual([]);
      });

      test('use every plainer word: exactly the engine’s text', async () => {
        await settle();
        const before = await text();
        await openReview(page);
        await press(page, 'plain');
        await until(plainer(before));
        await page.press('Escape');
        await review(page, false);
        await page.press('Undo');
        if (ONE_UNDO_ACROSS_PARAGRAPHS.includes(name)) await until(before);
        else {
          // Each paragraph's edit is its own step here: a second Ctrl+Z takes the other out.
          await page.press('Undo');
          await until(before);
        }
        expect(page.problems).toEqual([]);
        await page.close();
      });
    });
  }

  test('nothing left the machine', () => {
    expect(driver!.blocked).toEqual([]);
  });
});
