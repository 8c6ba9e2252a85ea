/**
 * Read mode end to end, in Debian's Chromium with the built extension loaded: a 120 KB seed
 * document as one page, a page that adds content after it opens, a page with a same-origin
 * frame, a page full of things read mode must leave alone, and an email from a SENCO.
 *
 * Read mode is switched on the way the shortcut, the context menu and the popup do it: by the
 * worker's `plainSendRead.setReadMode(tabId, …)` (Playwright cannot press an extension's
 * shortcut or open its menus; see read-helpers.ts). The side panel is opened as
 * chrome-extension://<id>/sidepanel.html?tab=<id> in a tab of its own: headless Chromium has
 * no side panel to open it in. Screenshots go to test/e2e/screenshots/ (git-ignored).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { READ_SITES_CHANGED } from '../../src/browser/messages/read-protocol.js';
import { serveStatic } from './browser.js';
import {
  PAGES,
  SCREENSHOTS,
  buildExtension,
  cleanUp,
  launchWithExtension,
  requireChromium,
  type Built,
  type Session,
  type StaticServer,
} from './extension-helpers.js';
import {
  TOOLKIT_SEED,
  allowTestHost,
  axeViolations,
  engineFindings,
  expectedCounts,
  expectedWords,
  explainIn,
  readMarks,
  readUi,
  seedPage,
  setReadMode,
  tabIdOf,
  waitForValue,
} from './read-helpers.js';

let built: Built | undefined;
let server: StaticServer | undefined;
let session: Session | undefined;
let generated: string;
let toolkitText: string;
let extensionId: string;

beforeAll(async () => {
  requireChromium();
  built = buildExtension();
  allowTestHost(built.testCopy);
  generated = mkdtempSync(join(tmpdir(), 'plain-send-read-pages-'));
  const toolkit = seedPage(TOOLKIT_SEED, 'Engaging with Parent Carers: a toolkit');
  writeFileSync(join(generated, 'toolkit.html'), toolkit.html);
  toolkitText = toolkit.text;
  server = await serveStatic([
    ['/pages/', PAGES],
    ['/gen/', generated],
  ]);
  session = await launchWithExtension(built.testCopy);
  extensionId = new URL(session.worker.url()).host;
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await session?.context.close();
  await server?.close();
  cleanUp(session?.userData);
  cleanUp(built?.tmp);
  cleanUp(generated);
});

async function open(path: string): Promise<Page> {
  const page = await session!.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  (page as unknown as { problems: string[] }).problems = problems;
  await page.goto(`${server!.url}${path}`);
  await page.waitForLoadState('load');
  return page;
}

const problemsOf = (page: Page) => (page as unknown as { problems: string[] }).problems;

/** `promise`, or a failure naming `step` if it takes longer than `ms`. */
async function within<T>(step: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${step}: no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts recording every change to the page's DOM (in the page's own world). */
async function watchDom(page: Page): Promise<void> {
  await page.evaluate(() => {
    const records: string[] = [];
    const w = window as unknown as { __records: string[]; __body: string; __observer: MutationObserver };
    w.__records = records;
    w.__body = document.body.innerHTML;
    w.__observer = new MutationObserver((list) => {
      for (const r of list) {
        const added = [...r.addedNodes].map((n) => n.nodeName).join(',');
        records.push(
          `${r.type} on ${r.target.nodeName}${r.attributeName ? ` [${r.attributeName}]` : ''}${added ? ` +${added}` : ''}`,
        );
      }
    });
    w.__observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** The changes since watchDom, and whether the body's HTML is still the same. */
async function domChanges(page: Page): Promise<{ records: string[]; bodySame: boolean }> {
  return page.evaluate(() => {
    const w = window as unknown as { __records: string[]; __body: string; __observer: MutationObserver };
    for (const r of w.__observer.takeRecords()) w.__records.push(`${r.type} on ${r.target.nodeName}`);
    w.__observer.disconnect();
    return { records: w.__records, bodySame: document.body.innerHTML === w.__body };
  });
}

/** Centre of the nth read-mode mark whose text is `text` (page viewport coordinates). */
function pointAt(page: Page, text: string, nth = 0): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([t, n]) => {
      const hits: Range[] = [];
      for (const kind of ['jargon', 'acronym']) {
        const h = CSS.highlights.get(`plain-send-read-${kind}`);
        if (h) for (const r of h as unknown as Set<Range>) if (r.toString() === t) hits.push(r);
      }
      hits.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const r = hits[n as number];
      if (!r) return null;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const box = r.getClientRects()[0];
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    [text, nth] as const,
  );
}

/** The findings in a text, in page order (what Next goes through): the card's title and the marked text. */
function inOrder(text: string, mode: 'read' | 'explain' = 'read'): { title: string; text: string }[] {
  return engineFindings(text, mode).map((f) => ({ title: f.term ?? f.text, text: f.text }));
}

const marksOf = (want: { jargon: string[]; acronym: string[] }) => {
  const out: Record<string, string[]> = {};
  if (want.jargon.length) out.jargon = want.jargon;
  if (want.acronym.length) out.acronym = want.acronym;
  return out;
};

describe('read mode on a 120 KB page (the seed toolkit)', () => {
  let page: Page;
  let tabId: number;

  test('marks exactly the words the engine finds in read mode, and the page DOM does not change', async () => {
    page = await open('/gen/toolkit.html');
    tabId = await tabIdOf(session!.worker, page);
    await watchDom(page);
    const want = expectedWords(toolkitText);
    expect(want.acronym.length + want.jargon.length).toBeGreaterThan(300);
    const state = await setReadMode(session!.worker, tabId, 'toggle');
    expect(state.on).toBe(true);
    expect(await waitForValue(() => readMarks(page), marksOf(want), 20_000)).toEqual(marksOf(want));
    const measure = await page.evaluate(() =>
      performance
        .getEntriesByName('plain-send:read-painted')
        .map((m) => ({ startTime: m.startTime, duration: m.duration, detail: (m as PerformanceMeasure).detail })),
    );
    expect(measure).toHaveLength(1);
    expect(measure[0].detail).toMatchObject({
      chars: toolkitText.length,
      findings: want.acronym.length + want.jargon.length,
    });
    expect(measure[0].detail.chunks).toBeGreaterThan(1);
    // The lines on screen were asked for first, apart (a few thousand characters), and their
    // marks shown before the whole page's; the exact marks above show none of them is left twice.
    expect(measure[0].detail.nearChars).toBeGreaterThan(500);
    expect(measure[0].detail.nearChars).toBeLessThanOrEqual(8_000);
    expect(measure[0].detail.requested).toBe(measure[0].detail.chunks + 1);
    const first = await page.evaluate(() =>
      performance.getEntriesByName('plain-send:read-first-marks').map((m) => m.startTime + m.duration),
    );
    expect(first).toHaveLength(1);
    expect(first[0]).toBeLessThanOrEqual(measure[0].startTime + measure[0].duration);
    console.log('read mode on the toolkit page:', JSON.stringify(measure[0]));
    await page.screenshot({ path: join(SCREENSHOTS, 'read-toolkit.png') });

    // Hover and click cards, scroll, move through words: still nothing in the page changes.
    const at = await pointAt(page, 'SENDIASS');
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x, at!.y);
    await expect.poll(async () => (await readUi(page)).card?.title, { timeout: 5_000 }).toBe('SENDIASS');
    await page.mouse.wheel(0, 600);
    await page.keyboard.press('Alt+Shift+N');
    await page.keyboard.press('Escape');
    const { records, bodySame } = await domChanges(page);
    expect(bodySame).toBe(true);
    // Our one element, appended to <html> (outside the body), is the only change.
    expect(records).toEqual(['childList on HTML +PLAIN-SEND-UI']);
    expect(problemsOf(page)).toEqual([]);
  });

  test('the card says what the word means and which glossary it came from, and is a labelled dialog', async () => {
    const at = await pointAt(page, 'EHCP');
    await page.mouse.click(at!.x, at!.y);
    const ui = await waitForValue(async () => (await readUi(page)).card?.title, 'EHCP').then(() => readUi(page));
    expect(ui.card).toMatchObject({ title: 'EHCP', role: 'dialog', label: 'EHCP', kind: 'Short form' });
    expect(ui.card!.expansion).toMatch(/Education, Health and Care/i);
    expect(ui.card!.definition).toBeTruthy();
    expect(ui.card!.source).toMatch(/^Meaning from: .+$/);
    expect(ui.card!.buttons).toEqual(['Previous word', 'Next word']);
    // A read card fixes nothing.
    expect(ui.card!.buttons.join(' ')).not.toMatch(/Ignore|Use "|Explain at first use/);
    // A word no glossary knows says so, in a reader's words.
    await page.keyboard.press('Escape');
    const unknown = await pointAt(page, 'WCF');
    await page.mouse.click(unknown!.x, unknown!.y);
    await expect.poll(async () => (await readUi(page)).card?.title, { timeout: 5_000 }).toBe('WCF');
    expect((await readUi(page)).card!.note).toMatch(/does not know this short form/);
    await page.mouse.click(5, 5);
    await expect.poll(async () => (await readUi(page)).card, { timeout: 5_000 }).toBeNull();
  });

  test('keyboard: Alt+Shift+N and the arrow keys move through the words, Enter opens the card, Escape closes it and gives focus back', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('h1');
    const words = inOrder(toolkitText);
    const first = words.map((w) => w.title);
    await page.keyboard.press('Alt+Shift+N');
    let ui = await readUi(page);
    expect(ui.bar!.focused).toBe('word');
    expect(ui.card!.title).toBe(first[0]);
    expect(ui.card!.focused).toBe(false);
    expect(ui.bar!.word).toBe(`${first[0]} (1 of ${first.length})`);
    expect(ui.bar!.status).toContain(`${first[0]}, 1 of ${first.length}`);
    expect(await readMarks(page).then((m) => m.active)).toEqual([words[0].text]);
    await page.keyboard.press('ArrowRight');
    ui = await readUi(page);
    expect(ui.card!.title).toBe(first[1]);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect((await readUi(page)).card!.title).toBe(first[1]);
    await page.keyboard.press('Enter');
    ui = await readUi(page);
    expect(ui.card!.focused).toBe(true);
    expect(ui.card!.title).toBe(first[1]);
    // Next word from inside the card keeps focus in the card.
    await page.keyboard.press('Alt+Shift+N');
    ui = await readUi(page);
    expect(ui.card).toMatchObject({ title: first[2], focused: true });
    await page.keyboard.press('Escape');
    ui = await readUi(page);
    expect(ui.card).toBeNull();
    expect(ui.bar!.focused).toBe('word');
    expect(await readMarks(page).then((m) => m.active)).toBeUndefined();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('PLAIN-SEND-UI');
    await page.keyboard.press('Alt+Shift+B');
    expect((await readUi(page)).card!.title).toBe(first[1]);
    await page.keyboard.press('Escape');
  });

  test('the read card and bar pass axe (WCAG 2.2 AA), in light, dark and forced colours, at the user’s text size', async () => {
    await page.keyboard.press('Alt+Shift+N');
    await page.keyboard.press('Enter');
    expect((await readUi(page)).card?.focused).toBe(true);
    expect(await axeViolations(page, 'plain-send-ui[data-plain-send-read]')).toEqual([]);
    const looks = () =>
      page.evaluate(() => {
        const root = document.querySelector('plain-send-ui[data-plain-send-read]')!.shadowRoot!;
        const card = root.querySelector('.card.read')!;
        const s = getComputedStyle(card);
        return { background: s.backgroundColor, colour: s.color, fontSize: s.fontSize, border: s.borderTopColor };
      });
    const light = await looks();
    // The page sets html { font-size: 62.5% }; the card keeps the browser's own size (medium).
    expect(light.fontSize).toBe('16px');
    expect(light.background).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await looks();
    expect(dark.background).toBe('rgb(31, 31, 31)');
    expect(await axeViolations(page, 'plain-send-ui[data-plain-send-read]')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'read-card-dark.png') });
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
    const forced = await page.evaluate(() => {
      const p = document.querySelector('main p')!;
      return getComputedStyle(p, '::highlight(plain-send-read-acronym)').textDecorationStyle;
    });
    expect(forced).toBe('solid');
    await page.screenshot({ path: join(SCREENSHOTS, 'read-card-forced-colours.png') });
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
    await page.keyboard.press('Escape');
  });

  test('the side panel lists every word A to Z with its meaning and count; choosing one shows it on the page', async () => {
    const panel = await session!.context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    await expect.poll(() => panel.locator('button.word').count(), { timeout: 10_000 }).toBeGreaterThan(20);
    const listed = await panel.evaluate(() =>
      [...document.querySelectorAll('ul.words li')].map((li) => {
        const term = li.querySelector('button.word span')!.textContent!;
        const count = li.querySelector('.count')!.textContent!;
        const expansion = li.querySelector('.expansion')?.textContent?.replace(/^Stands for: /, '') ?? '';
        return { term, count, expansion, meaning: li.querySelector('.meaning')!.textContent! };
      }),
    );
    const want = expectedCounts(toolkitText);
    const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
    expect(listed.map((w) => `${w.term}|${w.expansion} ${w.count}`).sort()).toEqual(
      [...want].map(([k, n]) => `${k} ${times(n)}`).sort(),
    );
    // A to Z, whatever the case.
    const terms = listed.map((w) => w.term.toLowerCase());
    expect(terms).toEqual(
      [...terms].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base', numeric: true })),
    );
    expect(listed.every((w) => w.meaning.length > 10)).toBe(true);
    const status = await panel.locator('#status').textContent();
    expect(status).toMatch(new RegExp(`^${want.size} words to know, \\d+ times on this page\\.$`));

    // Choosing a word shows it on the page: scrolled to, marked, its card open; again: the next place.
    await page.evaluate(() => window.scrollTo(0, 0));
    await panel
      .locator('button.word', { hasText: /^SENDIASS/ })
      .first()
      .click();
    await expect.poll(async () => (await readUi(page)).card?.title, { timeout: 5_000 }).toBe('SENDIASS');
    const firstPlace = await page.evaluate(() => window.scrollY);
    expect(firstPlace).toBeGreaterThan(0);
    expect((await readMarks(page)).active).toEqual(['SENDIASS']);
    const position1 = (await readUi(page)).card!.position;
    await panel
      .locator('button.word', { hasText: /^SENDIASS/ })
      .first()
      .click();
    await expect.poll(async () => (await readUi(page)).card?.position, { timeout: 5_000 }).not.toBe(position1);
    // The panel says so once the page's answer arrives, which may be just after the card has moved.
    await expect
      .poll(() => panel.locator('#status').textContent(), { timeout: 5_000 })
      .toBe('Showing "SENDIASS" on the page.');

    expect(await axeViolations(panel)).toEqual([]);
    await panel.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(panel)).toEqual([]);
    expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(27, 27, 27)');
    await panel.screenshot({ path: join(SCREENSHOTS, 'read-sidepanel-dark.png') });
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.screenshot({ path: join(SCREENSHOTS, 'read-sidepanel.png'), fullPage: false });

    // Copy the list: every word, with its meaning and count.
    await session!.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await panel.click('#copy');
    await expect.poll(() => panel.locator('#status').textContent()).toBe(`Copied the list of ${want.size} words.`);
    const copied = await panel.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith('Words on this page: Engaging with Parent Carers: a toolkit\n')).toBe(true);
    expect(copied).toMatch(/\nEHCP \(Education, Health and Care plan\): .+ \(\d+ times on the page\)\n/);
    expect(copied.split('\n').filter((l) => / on the page\)$/.test(l))).toHaveLength(want.size);
    await panel.close();
  });

  test('turning read mode off takes every mark and our element away', async () => {
    const adopted = () =>
      page.evaluate(() => document.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')));
    // One sheet of read-mode rules, not the writing marks' too: each new ::highlight() rule restyles the whole page.
    const on = await adopted();
    expect(on).toHaveLength(1);
    expect(on[0]).toContain('::highlight(plain-send-read-jargon)');
    expect(on[0]).not.toMatch(/::highlight\(plain-send-(jargon|acronym)\)/);
    const state = await setReadMode(session!.worker, tabId, 'toggle');
    expect(state.on).toBe(false);
    expect(await adopted()).toEqual([]);
    expect(await readMarks(page)).toEqual({});
    expect(await page.evaluate(() => document.querySelector('plain-send-ui[data-plain-send-read]'))).toBeNull();
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});

describe('pages that change, frames, and what read mode leaves alone', () => {
  test('keeps up with content the page adds after it opens, and the side panel follows', async () => {
    const page = await open('/pages/read/dynamic.html');
    const tabId = await tabIdOf(session!.worker, page);
    const lines = ['Local Offer news', 'The SENCO can tell you about SEN support.'];
    const stories = [
      'Ask your school about an EHCNA if your child needs more help.',
      'CAMHS has a new drop-in for parent carers.',
      'The SENDIASS team can come to an annual review with you.',
    ];
    await setReadMode(session!.worker, tabId, true);
    expect(await waitForValue(() => readMarks(page), marksOf(expectedWords(lines.join('\n'))))).toEqual(
      marksOf(expectedWords(lines.join('\n'))),
    );
    const panel = await session!.context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    const az = (text: string) =>
      [...new Set(inOrder(text).map((w) => w.title))].sort((a, b) =>
        a.localeCompare(b, 'en-GB', { sensitivity: 'base' }),
      );
    expect(az(lines.join('\n'))).toContain('SENCO');
    await expect
      .poll(() => panel.locator('button.word span:first-child').allTextContents(), { timeout: 5_000 })
      .toEqual(az(lines.join('\n')));
    // The page loads a story by itself, then two more when asked (a click on its own button, which gets no card).
    await page.evaluate(() => (window as unknown as { loadMore(): void }).loadMore());
    await page.bringToFront();
    await page.click('#more');
    await page.click('#more');
    const all = [...lines, ...stories].join('\n');
    expect(await waitForValue(() => readMarks(page), marksOf(expectedWords(all)))).toEqual(marksOf(expectedWords(all)));
    expect((await readUi(page)).card).toBeNull();
    await expect
      .poll(() => panel.locator('button.word span:first-child').allTextContents(), { timeout: 5_000 })
      .toEqual(az(all));
    expect((await readUi(page)).bar!.count).toBe(`${inOrder(all).length} words explained`);
    // "Ignore always" (a setting the worker applies) reaches read mode too.
    type Sync = { chrome: { storage: { sync: { set(o: object): Promise<void>; remove(k: string): Promise<void> } } } };
    await session!.worker.evaluate(() =>
      (globalThis as unknown as Sync).chrome.storage.sync.set({ ignored: ['CAMHS'] }),
    );
    const without = marksOf(expectedWords(all));
    without.acronym = without.acronym.filter((w) => w !== 'CAMHS');
    expect(await waitForValue(() => readMarks(page), without)).toEqual(without);
    await session!.worker.evaluate(() => (globalThis as unknown as Sync).chrome.storage.sync.remove('ignored'));
    expect(await waitForValue(() => readMarks(page), marksOf(expectedWords(all)))).toEqual(marksOf(expectedWords(all)));
    expect(problemsOf(page)).toEqual([]);
    await panel.close();
    await page.close();
  });

  test('reads a same-origin frame as part of the page: marks there, one list, Next goes into it, cards by its words', async () => {
    const page = await open('/pages/read/frames.html');
    const frame = page.frameLocator('#inner');
    await frame.locator('h2').waitFor();
    const inner = page.frames().find((f) => f.url().endsWith('frame-inner.html'))!;
    const tabId = await tabIdOf(session!.worker, page);
    const top = [
      'Our SEN Information Report',
      'Our SENCO is Mrs Hall. She leads SEN support in school.',
      'To ask for an EHCP, speak to the SENCO first.',
    ];
    const framed = [
      'Support we offer',
      'We work with SaLT and the EP to plan each APDR cycle.',
      'Families can also call SENDIASS for free advice.',
    ];
    await setReadMode(session!.worker, tabId, true);
    const wantTop = marksOf(expectedWords(top.join('\n')));
    const wantFrame = marksOf(expectedWords(framed.join('\n')));
    expect(await waitForValue(() => readMarks(page), wantTop)).toEqual(wantTop);
    expect(await waitForValue(() => readMarks(inner), wantFrame)).toEqual(wantFrame);
    // In page order: the top page's words, the frame's, then the rest of the top page's.
    const order = inOrder([top[0], top[1], ...framed, top[2]].join('\n')).map((w) => w.title);
    const seen: string[] = [];
    await page.keyboard.press('Alt+Shift+N');
    for (let i = 0; i < order.length; i++) {
      seen.push((await readUi(page)).card!.title);
      await page.keyboard.press('ArrowRight');
    }
    expect(seen).toEqual(order);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    // Pointing at a word inside the frame opens its card, placed by the word (top-page coordinates).
    const box = await inner.evaluate(() => {
      const h = CSS.highlights.get('plain-send-read-acronym')!;
      const r = [...(h as unknown as Set<Range>)].find((x) => x.toString() === 'APDR')!;
      const b = r.getClientRects()[0];
      return { x: b.left + b.width / 2, y: b.top + b.height / 2, bottom: b.bottom };
    });
    const frameBox = (await page.locator('#inner').boundingBox())!;
    await page.mouse.move(frameBox.x + 2 + box.x, frameBox.y + 2 + box.y);
    await expect.poll(async () => (await readUi(page)).card?.title, { timeout: 5_000 }).toBe('APDR');
    const cardTop = await page.evaluate(
      () =>
        document
          .querySelector('plain-send-ui[data-plain-send-read]')!
          .shadowRoot!.querySelector('.card')!
          .getBoundingClientRect().top,
    );
    expect(Math.abs(cardTop - (frameBox.y + 2 + box.bottom + 6))).toBeLessThan(4);
    expect((await readUi(page)).card!.position).toBe('Word 6 of 9 on this page');
    // The frame adds a line above the open card's word: read again; the card stays on its word, now the 7th of 10.
    await inner.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Ask us about the OT too.';
      document.body.prepend(p);
    });
    const wantMore = marksOf(expectedWords(['Ask us about the OT too.', ...framed].join('\n')));
    const marksBut = async () => {
      const { active: _active, ...m } = await readMarks(inner);
      return m;
    };
    expect(await waitForValue(marksBut, wantMore)).toEqual(wantMore);
    await expect
      .poll(async () => (await readUi(page)).card?.position, { timeout: 5_000 })
      .toBe('Word 7 of 10 on this page');
    expect((await readUi(page)).card!.title).toBe('APDR');
    expect((await readUi(page)).bar!.word).toBe('APDR (7 of 10)');
    expect(await readMarks(inner).then((m) => m.active)).toEqual(['APDR']);
    await page.screenshot({ path: join(SCREENSHOTS, 'read-frames.png') });
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  test('leaves alone hidden text, screen-reader-only text, form fields, editors, buttons, scripts and closed sections', async () => {
    const page = await open('/pages/read/skips.html');
    const tabId = await tabIdOf(session!.worker, page);
    await watchDom(page);
    await setReadMode(session!.worker, tabId, true);
    const visible = [
      'Contact the SEND team',
      'Ask the SENCO about an EHCP.',
      'Your message',
      'More about SEN support',
      'The LA has a Local Offer.',
    ];
    const want = marksOf(expectedWords(visible.join('\n')));
    expect(await waitForValue(() => readMarks(page), want)).toEqual(want);
    for (const word of ['CAMHS', 'SENDIASS', 'EHCNA', 'APDR', 'SaLT', 'EP', 'OAIP', 'graduated approach'])
      expect(JSON.stringify(await readMarks(page))).not.toContain(word);
    // Opening the closed section shows its words, and they get marked.
    await page.click('summary');
    const opened = marksOf(
      expectedWords([...visible.slice(0, 4), 'The graduated approach is closed away here.', visible[4]].join('\n')),
    );
    expect(await waitForValue(() => readMarks(page), opened)).toEqual(opened);
    const { records } = await domChanges(page);
    // The page's own change (the details opening), and our element on <html>: nothing else.
    expect(records.filter((r) => r !== 'attributes on DETAILS [open]')).toEqual(['childList on HTML +PLAIN-SEND-UI']);
    await page.close();
  });
});

describe('web components', () => {
  test('reads open shadow trees as they are shown, slots and all, keeps up with them, and opens cards there; the DOM does not change', async () => {
    const page = await open('/pages/read/components.html');
    const tabId = await tabIdOf(session!.worker, page);
    await watchDom(page);
    await setReadMode(session!.worker, tabId, true);
    // What a reader sees: the slotted EHCP inside the component's sentence; not the unslotted
    // light text, nor the closed component's note.
    const shown = [
      'Support at our school',
      'Ask our SENCO',
      'She can help you ask for an EHCP assessment.',
      'Speech and language therapy is also called SaLT.',
      'The LA has a Local Offer.',
    ];
    const want = marksOf(expectedWords(shown.join('\n')));
    expect(want.acronym).toEqual(expect.arrayContaining(['SENCO', 'EHCP', 'SaLT']));
    expect(await waitForValue(() => readMarks(page), want)).toEqual(want);
    for (const word of ['SENDIASS', 'CAMHS']) expect(JSON.stringify(await readMarks(page))).not.toContain(word);

    // The mark's style reaches into the shadow tree; the page's tree has no more than our rules.
    const styled = await page.evaluate(() =>
      document
        .querySelector('school-notice')!
        .shadowRoot!.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join(' '))
        .join(' '),
    );
    expect(styled).toContain('::highlight(plain-send-read-acronym)');

    // A word in a shadow tree opens its card from the pointer.
    const at = await page.evaluate(() => {
      const text = document.querySelector('school-notice')!.shadowRoot!.querySelector('h2')!.firstChild!;
      const r = document.createRange();
      r.setStart(text, 8);
      r.setEnd(text, 13);
      const box = r.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await page.mouse.click(at.x, at.y);
    await expect
      .poll(async () => (await readUi(page)).card?.title)
      .toBe(inOrder(shown.join('\n')).find((w) => w.text === 'SENCO')!.title);
    expect((await readMarks(page)).active).toEqual(['SENCO']);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readUi(page)).card).toBeFalsy();

    // A component added later, then its shadow text changing: both are read again.
    await page.evaluate(() => (window as unknown as { addLater(): void }).addLater());
    const added = marksOf(expectedWords([...shown, 'We will start an APDR cycle.'].join('\n')));
    expect(await waitForValue(() => readMarks(page), added)).toEqual(added);
    await page.evaluate(() => (window as unknown as { changeLater(): void }).changeLater());
    const changed = marksOf(expectedWords([...shown, 'We will ask the EP to visit.'].join('\n')));
    expect(await waitForValue(() => readMarks(page), changed)).toEqual(changed);

    const { records } = await domChanges(page);
    // The page's own change (the component it added), and our element on <html>: nothing else.
    expect(records).toEqual(['childList on HTML +PLAIN-SEND-UI', 'childList on DIV +LATER-CARD']);
    await setReadMode(session!.worker, tabId, false);
    expect(
      await page.evaluate(() => document.querySelector('school-notice')!.shadowRoot!.adoptedStyleSheets.length),
    ).toBe(0);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});

describe('"Explain this" on a selection (read mode off)', () => {
  test('explains the selected words, common ones too, in a focused card; Escape puts focus back', async () => {
    const page = await open('/pages/read/letter.html');
    const tabId = await tabIdOf(session!.worker, page);
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = '#sign';
      link.id = 'reply';
      link.textContent = 'Reply';
      document.querySelector('main')!.append(link);
    });
    await page.focus('#reply');
    const selected = await page.evaluate(() => {
      const range = document.createRange();
      range.setStart(document.getElementById('ask')!.firstChild!, 0);
      range.setEnd(document.getElementById('plan')!.firstChild!, document.getElementById('plan')!.textContent!.length);
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return sel.toString();
    });
    const text = [
      'Thank you for meeting me. We have made a referral to SaLT and we will start an APDR cycle this term.',
      'If Amir still needs more help, we can ask the LA for an EHCNA. Until then he gets the ordinarily available provision and SEN support.',
    ].join('\n');
    expect(selected.replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    const words = inOrder(text, 'explain');
    // Explaining asks about everyday words too ("referral"), which read mode leaves out.
    expect(words.length).toBeGreaterThan(inOrder(text, 'read').length);
    await explainIn(session!.worker, tabId, selected);
    const want = marksOf(expectedWords(text, 'explain'));
    await expect.poll(async () => (await readUi(page)).card?.title, { timeout: 5_000 }).toBe(words[0].title);
    expect(await readMarks(page).then(({ active: _a, ...m }) => m)).toEqual(want);
    let ui = await readUi(page);
    expect(ui.card).toMatchObject({
      focused: true,
      role: 'dialog',
      position: `Word 1 of ${words.length} in what you chose`,
    });
    expect(ui.bar?.shown ?? false).toBe(false);
    await page.keyboard.press('Alt+Shift+N');
    ui = await readUi(page);
    expect(ui.card).toMatchObject({ title: words[1].title, focused: true });
    expect(await axeViolations(page, 'plain-send-ui[data-plain-send-read]')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'read-explain.png') });
    await page.keyboard.press('Escape');
    expect((await readUi(page)).card).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reply');
    expect(await readMarks(page)).toEqual({});

    // Words without any SEND term: a card that says so.
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('greeting')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await explainIn(session!.worker, tabId, 'Dear Ms Okafor,');
    await expect.poll(async () => (await readUi(page)).card?.title, { timeout: 5_000 }).toBe('No SEND words found');
    await page.keyboard.press('Escape');
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});

describe('popup, printing, and sites where read mode is always on', () => {
  test('the popup block turns read mode on for the tab it was opened on, and passes axe', async () => {
    const page = await open('/pages/read/letter.html');
    const tabId = await tabIdOf(session!.worker, page);
    // A background tab in the page's window, so the popup sees the page as the active tab (as a real popup does).
    const opened = session!.context.waitForEvent('page');
    await session!.worker.evaluate(
      (url) =>
        (globalThis as unknown as { chrome: { tabs: { create(o: object): Promise<unknown> } } }).chrome.tabs.create({
          url,
          active: false,
        }),
      `chrome-extension://${extensionId}/popup.html`,
    );
    const popup = await opened;
    await popup.waitForLoadState('load');
    await expect.poll(() => popup.locator('#read-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(await popup.locator('#read-toggle').textContent()).toBe('Explain words on this page');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.locator('#read-toggle').evaluate((b: HTMLButtonElement) => b.click());
    await expect.poll(() => popup.locator('#read-toggle').getAttribute('aria-pressed')).toBe('true');
    const text = [
      'Email from the SENCO',
      'Dear Ms Okafor,',
      'Thank you for meeting me. We have made a referral to SaLT and we will start an APDR cycle this term.',
      'If Amir still needs more help, we can ask the LA for an EHCNA. Until then he gets the ordinarily available provision and SEN support.',
      'Best wishes, the SENCO',
    ].join('\n');
    const want = marksOf(expectedWords(text));
    expect(await waitForValue(() => readMarks(page), want)).toEqual(want);
    expect(await popup.locator('#read-note').textContent()).toBe(
      `On. ${inOrder(text).length} words are underlined on the page.`,
    );
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();

    // Print the list: our own page, A to Z, one A4 page for a letter like this.
    const panel = await session!.context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    await expect.poll(() => panel.locator('button.word').count()).toBeGreaterThan(3);
    await session!.context.addInitScript(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => {
        (window as unknown as { __printed: number }).__printed++;
      };
    });
    const printPage = session!.context.waitForEvent('page');
    await panel.click('#print');
    const glossary = await printPage;
    await glossary.waitForLoadState('load');
    expect(glossary.url()).toBe(`chrome-extension://${extensionId}/glossary.html`);
    await expect.poll(() => glossary.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
    const terms = await glossary.locator('dt').evaluateAll((dts) => dts.map((d) => d.firstChild!.textContent));
    expect(terms).toEqual(await panel.locator('button.word span:first-child').allTextContents());
    expect(await glossary.locator('#from').textContent()).toBe(`From the page "Email from the SENCO", ${page.url()}`);
    expect(await axeViolations(glossary)).toEqual([]);
    const pdf = await glossary.pdf({ preferCSSPageSize: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await glossary.screenshot({ path: join(SCREENSHOTS, 'read-glossary.png'), fullPage: true });
    await glossary.close();
    await panel.close();
    await page.close();
  });

  test('a site chosen for read mode gets it on every page, from a registered script', async () => {
    // As the popup does it, from an extension page: the worker is woken by the message, so a worker
    // Chrome stopped and started again meanwhile cannot leave the test waiting on an old handle.
    const id = new URL(session!.worker.url()).host;
    const extensionPage = await session!.context.newPage();
    await extensionPage.goto(`chrome-extension://${id}/popup.html`);
    type Chrome = {
      chrome: {
        storage: { sync: { set(o: object): Promise<void>; remove(k: string): Promise<void> } };
        runtime: { sendMessage(m: object): Promise<unknown> };
        scripting: { getRegisteredContentScripts(): Promise<{ id: string; js: string[]; matches: string[] }[]> };
      };
    };
    const choose = (sites: string[] | null) =>
      extensionPage.evaluate(
        async ({ sites, type }) => {
          const { chrome } = globalThis as unknown as Chrome;
          if (sites) await chrome.storage.sync.set({ readSites: sites });
          else await chrome.storage.sync.remove('readSites');
          await chrome.runtime.sendMessage({ type });
          return chrome.scripting.getRegisteredContentScripts();
        },
        { sites, type: READ_SITES_CHANGED },
      );
    const registered = await within(
      'choosing the site and registering the script',
      10_000,
      choose(['http://127.0.0.1/*']),
    );
    expect(registered.find((r) => r.id === 'plain-send-read-sites')).toMatchObject({
      js: ['read-mode.js'],
      matches: ['http://127.0.0.1/*'],
    });
    const page = await within('opening a page on the site', 10_000, open('/pages/read/letter.html'));
    await expect.poll(async () => (await readMarks(page)).acronym?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(3);
    expect((await readUi(page)).bar?.shown).toBe(true);
    const after = await within('taking the site off', 10_000, choose(null));
    expect(after.some((r) => r.id === 'plain-send-read-sites')).toBe(false);
    await page.close();
    await extensionPage.close();
  });

  test('nothing left 127.0.0.1', async () => {
    expect(session!.blocked).toEqual([]);
    const fetched = await session!.worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(fetched).toEqual([]);
  });
});
