/**
 * The Word task pane end to end: the built pane (vite, into a temporary folder) served from
 * 127.0.0.1, driven in Debian's Chromium by Playwright, with the in-memory document port
 * (index.html?port=memory). Every request not to 127.0.0.1 is aborted, and we assert none was
 * made. Expectations come from the engine run here in Node on the same paragraphs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, createAnalyser, plainWordEdits, shortFormEdits } from '../../src/engine/index.js';
import { checkDocument, glossaryRows, type LocatedFinding } from '../../src/office/check.js';
import { GLOSSARY_COLUMNS, GLOSSARY_HEADING, sortGlossary, type DocParagraph } from '../../src/office/document-port.js';
import type { MemoryComment, MemorySelection } from '../../src/word/memory-port.js';
import { groupFindings } from '../../src/office/groups.js';
import { FORTY_PAGES, policy, wordCount } from '../word/policy.js';
import {
  OFFICE_JS_CDN,
  OFFICE_JS_STAND_IN,
  buildPane,
  cleanUp,
  launch,
  openPane,
  serve,
  type OpenOptions,
  type PaneSession,
  type StaticServer,
} from './word-helpers.js';

let dir: string | undefined;
let server: StaticServer;
let browser: Browser;
const sessions: PaneSession[] = [];

beforeAll(async () => {
  dir = buildPane();
  server = await serve(dir);
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  cleanUp(dir);
  // Nothing but 127.0.0.1 and Microsoft's Office.js address was ever asked for, and the page raised no errors.
  for (const s of sessions) {
    expect(s.blocked).toEqual([]);
    for (const url of s.office) expect(url.startsWith(OFFICE_JS_CDN)).toBe(true);
    if (!offline.has(s)) expect(s.problems).toEqual([]);
    // The only things the Content-Security-Policy had to stop came from Office.js itself (inline
    // styles; outside Office, a frame of Microsoft's telemetry service, for which the browser
    // does not say which script of the CDN tried), never from our code.
    for (const v of s.violations) {
      const fromOffice = v.source.startsWith(OFFICE_JS_CDN);
      const telemetry = v.directive === 'frame-src' && /\.oaspapps\.com$/.test(new URL(v.blocked).hostname);
      expect(fromOffice || telemetry, JSON.stringify(v)).toBe(true);
    }
  }
  const stopped = new Set(sessions.flatMap((s) => s.violations.map((v) => `${v.directive} ${v.blocked}`)));
  if (stopped.size) console.log(`The pane's CSP stopped Office.js from: ${[...stopped].join('; ')}`);
});

/** Sessions opened with the CDN unreachable: the failed script load is their one expected console error. */
const offline = new Set<PaneSession>();

async function openSession(options?: OpenOptions): Promise<PaneSession> {
  const session = await openPane(browser, server.url, options);
  sessions.push(session);
  if (options?.office === 'offline') offline.add(session);
  return session;
}

async function open(): Promise<Page> {
  return (await openSession()).page;
}

async function load(page: Page, paragraphs: (string | DocParagraph)[]): Promise<void> {
  await page.evaluate((d) => window.plainSend!.memory!.load(d), paragraphs);
}

async function doc(page: Page): Promise<DocParagraph[]> {
  return page.evaluate(() => window.plainSend!.memory!.paragraphs);
}

async function status(page: Page): Promise<string> {
  return (await page.textContent('#status')) ?? '';
}

/** Clicks a button and waits until the pane is no longer busy. */
async function clickAndSettle(page: Page, selector: string): Promise<void> {
  await page.click(selector);
  await page.waitForFunction(() => !(document.getElementById('check-document') as HTMLButtonElement).disabled);
}

async function checkAll(page: Page): Promise<void> {
  await page.click('#check-document');
  await page.waitForFunction(
    () => /^Document checked/.test(document.getElementById('status')!.textContent ?? ''),
    undefined,
    { timeout: 60_000 },
  );
}

/** What the pane shows for these paragraphs: findings, less acronyms the text explains. */
async function expected(paragraphs: string[]) {
  const check = await checkDocument(
    createAnalyser(),
    paragraphs.map((text) => ({ text })),
    { yieldNow: async () => {} },
  );
  const visible = check.findings.filter((f) => !(f.category === 'acronym' && f.explained));
  return { check, visible };
}

const cardButton = (f: LocatedFinding, action: string, index?: number) =>
  `li.finding[data-ids~="${f.id}"] button[data-action="${action}"]${index === undefined ? '' : `[data-index="${index}"]`}`;

/** One card per term: how many cards these findings make. */
const cards = (findings: LocatedFinding[]) => groupFindings(findings).length;

describe('Office.js in the built pane', () => {
  it("loads Office.js from Microsoft's CDN, allows exactly that script origin, and serves no file of the npm package", () => {
    const html = readFileSync(join(dir!, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script [^>]*?src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts[0]).toBe(`${OFFICE_JS_CDN}office.js`);
    expect(scripts.slice(1).every((src) => src.startsWith('./'))).toBe(true);
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = new Map(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('script-src')).toBe("'self' https://appsforoffice.microsoft.com");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('frame-src')).toBe("'self'");
    expect(directives.get('default-src')).toBe("'none'");
    // No copy of any file of @microsoft/office-js, under any name.
    const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    const files = (root: string): string[] =>
      readdirSync(root, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name));
    const npm = new Set(files(OFFICE_JS_STAND_IN).map(hash));
    expect(npm.size).toBeGreaterThan(100);
    expect(existsSync(join(dir!, 'office-js'))).toBe(false);
    expect(files(dir!).filter((f) => npm.has(hash(f)))).toEqual([]);
  });

  it('outside Word, runs Office.js from the CDN address and says the pane runs inside Word', async () => {
    const session = await openSession({ query: '', waitReady: false });
    const { page } = session;
    await page.waitForFunction(
      () => /runs inside Word/.test(document.getElementById('status')?.textContent ?? ''),
      undefined,
      {
        timeout: 20_000,
      },
    );
    expect(session.office[0]).toBe(`${OFFICE_JS_CDN}office.js`);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('object');
    expect(await page.isDisabled('#check-document')).toBe(true);
  });

  it('with the memory port, needs no Office.js: the pane works when the CDN cannot be reached', async () => {
    const session = await openSession({ office: 'offline' });
    const { page } = session;
    expect(session.office).toEqual([`${OFFICE_JS_CDN}office.js`]);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('undefined');
    await load(page, ['The SENCO will call.']);
    await checkAll(page);
    expect(await page.locator('#findings li.finding').count()).toBeGreaterThan(0);
    expect(session.problems.every((p) => /Failed to load resource/.test(p))).toBe(true);
  });
});

describe('the Word task pane, outside Word, with the memory port', () => {
  it('checks a 40-page policy built from the seed documents', async () => {
    const page = await open();
    const paragraphs = policy(FORTY_PAGES);
    expect(paragraphs.reduce((n, p) => n + wordCount(p), 0)).toBeGreaterThanOrEqual(FORTY_PAGES);
    await load(page, paragraphs);
    const started = Date.now();
    await checkAll(page);
    const took = Date.now() - started;

    const { check, visible } = await expected(paragraphs);
    expect(await status(page)).toBe(`Document checked: ${visible.length.toLocaleString('en-GB')} findings.`);
    for (const [category, title] of [
      ['acronym', 'Acronyms'],
      ['jargon', 'Jargon'],
      ['plain-word', 'Plain words'],
      ['sentence', 'Long sentences'],
    ] as const) {
      const n = visible.filter((f) => f.category === category).length;
      if (n === 0) continue;
      expect(await page.textContent(`#group-${category}`)).toBe(`${title} (${n.toLocaleString('en-GB')})`);
    }
    expect(await page.locator('li.finding').count()).toBe(cards(visible));
    // A term used many times is one card: fewer cards than findings.
    expect(cards(visible)).toBeLessThan(visible.length);
    const verdict = (await page.textContent('#readability-document .verdict')) ?? '';
    expect(verdict).toMatch(check.withinAudience ? /^Easy enough for parent carers/ : /^Too hard for parent carers/);
    expect(await page.textContent('#readability-document .figures')).toContain(
      `${check.readability.words.toLocaleString('en-GB')} words`,
    );
    // Nothing in the document changed by checking it.
    expect((await doc(page)).map((p) => p.text)).toEqual(paragraphs);
    console.log(
      `40-page policy (${paragraphs.length} paragraphs): checked in the pane in ${took} ms, ${visible.length} findings.`,
    );
  });

  it('applies each action to exactly the right words', async () => {
    const page = await open();
    const paragraphs = policy(6_000);
    await load(page, paragraphs);
    await checkAll(page);
    let { visible } = await expected(paragraphs);
    const current = [...paragraphs];

    const expectOnly = async (paragraph: number, text: string) => {
      const now = (await doc(page)).map((p) => p.text);
      current[paragraph] = text;
      expect(now).toEqual(current);
    };

    // Select: the memory document's selection is the finding; the text is unchanged.
    const first = visible[0];
    await clickAndSettle(page, cardButton(first, 'select'));
    const selection = await page.evaluate(() => window.plainSend!.memory!.selection);
    expect(selection).toEqual<MemorySelection>({
      start: { paragraph: first.location.paragraph, offset: first.location.start },
      end: { paragraph: first.location.paragraph, offset: first.location.end },
    });
    await expectOnly(first.location.paragraph, current[first.location.paragraph]);

    // Use the plain word.
    const plain = visible.find((f) => f.replacements.some((r) => r.label !== 'Explain at first use'))!;
    expect(plain).toBeDefined();
    const pi = plain.replacements.findIndex((r) => r.label !== 'Explain at first use');
    const p0 = current[plain.location.paragraph];
    await clickAndSettle(page, cardButton(plain, 'replace', pi));
    await expectOnly(
      plain.location.paragraph,
      p0.slice(0, plain.location.start) + plain.replacements[pi].text + p0.slice(plain.location.end),
    );
    expect(await status(page)).toContain('Changed');

    // Explain at first use (after a re-check: offsets in that paragraph moved).
    ({ visible } = await expected(current));
    const explain = visible.find((f) => f.replacements[0]?.label === 'Explain at first use')!;
    expect(explain).toBeDefined();
    const p1 = current[explain.location.paragraph];
    await page.waitForSelector(cardButton(explain, 'replace', 0));
    await clickAndSettle(page, cardButton(explain, 'replace', 0));
    await expectOnly(
      explain.location.paragraph,
      p1.slice(0, explain.location.start) + explain.replacements[0].text + p1.slice(explain.location.end),
    );
    expect(explain.replacements[0].text).toMatch(new RegExp(`\\(${explain.text}\\)$`));

    // Add comment: a comment on the finding's words, the text unchanged.
    ({ visible } = await expected(current));
    const target = visible.find((f) => f.definition)!;
    await page.waitForSelector(cardButton(target, 'comment'));
    await clickAndSettle(page, cardButton(target, 'comment'));
    const comments = await page.evaluate(() => window.plainSend!.memory!.comments);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject<Partial<MemoryComment>>({ ...target.location });
    expect(comments[0].comment).toContain(target.definition!);
    await expectOnly(target.location.paragraph, current[target.location.paragraph]);

    // Ignore: every finding of that term goes from the list; the document is unchanged.
    const key = (target.entryId ?? target.term ?? target.text).toLowerCase();
    const same = cards(visible.filter((f) => (f.entryId ?? f.term ?? f.text).toLowerCase() === key));
    const before = await page.locator('li.finding').count();
    await clickAndSettle(page, cardButton(target, 'ignore'));
    expect(await page.locator('li.finding').count()).toBe(before - same);
    expect(await page.textContent('#ignored-summary')).toContain(key);
    await expectOnly(target.location.paragraph, current[target.location.paragraph]);
    // The ignored term stays ignored after a new check (saved with the document).
    await checkAll(page);
    expect(await page.locator('li.finding').count()).toBe(before - same);

    // Mark up all, then clear: marks on every visible finding, then none; the text unchanged.
    // Every use of every term on the cards (a card holds all the uses of its term).
    const shown = await page.$$eval('li.finding', (els) =>
      els.reduce((n, e) => n + (e as HTMLElement).dataset.ids!.split(' ').length, 0),
    );
    await clickAndSettle(page, '#mark-all');
    expect(await page.evaluate(() => window.plainSend!.memory!.marks.length)).toBe(shown);
    await clickAndSettle(page, '#clear-marks');
    expect(await page.evaluate(() => window.plainSend!.memory!.marks.length)).toBe(0);
    expect(await status(page)).toBe(`Cleared ${shown.toLocaleString('en-GB')} marks.`);
    expect((await doc(page)).map((p) => p.text)).toEqual(current);
  });

  it('shows a term used many times as one card with its count and places; Select goes to the next use, then round again', async () => {
    const page = await open();
    const paragraphs = [
      'The Code of Practice says what schools must do.',
      'We follow the Code of Practice closely.',
      'Thank you for coming.',
      'Ask us about the Code of Practice at any time.',
    ];
    await load(page, paragraphs);
    await checkAll(page);
    const { visible } = await expected(paragraphs);
    const uses = visible.filter((f) => f.text === 'Code of Practice');
    expect(uses).toHaveLength(3);
    const card = page.locator(`li.finding[data-ids~="${uses[0].id}"]`);
    expect(await card.count()).toBe(1);
    expect(await card.locator('.where').textContent()).toBe('3 times, paragraphs 1, 2 and 4');
    expect(await card.getAttribute('data-ids')).toBe(uses.map((f) => f.id).join(' '));
    for (const [i, f] of [...uses, uses[0]].entries()) {
      await clickAndSettle(page, `li.finding[data-ids~="${uses[0].id}"] button[data-action="select"]`);
      const selection = await page.evaluate(() => window.plainSend!.memory!.selection);
      expect(selection.start).toEqual({ paragraph: f.location.paragraph, offset: f.location.start });
      expect(await status(page)).toBe(
        `Selected “Code of Practice” in paragraph ${f.location.paragraph + 1} (${(i % 3) + 1} of 3).`,
      );
    }
    // Selecting changes nothing in the document.
    expect((await doc(page)).map((p) => p.text)).toEqual(paragraphs);
  });

  it('explains every short form and uses every plainer word in one go, the same text as the engine gives', async () => {
    const page = await open();
    const paragraphs = policy(3_000);
    await load(page, paragraphs);
    expect(await page.isVisible('#explain-all')).toBe(true);
    expect(await page.isHidden('#add-meanings')).toBe(true); // Word has Insert glossary
    for (const [button, make] of [
      ['#explain-all', shortFormEdits],
      ['#plain-all', plainWordEdits],
    ] as const) {
      const now = (await doc(page)).map((p) => p.text);
      const { check } = await expected(now);
      const edits = make(check.analysis.findings);
      expect(edits.length).toBeGreaterThan(0);
      await clickAndSettle(page, button);
      expect((await doc(page)).map((p) => p.text).join('\n')).toBe(applyEdits(now.join('\n'), edits));
    }
    expect(await status(page)).toMatch(/^Used \d+ plainer words?\. Document checked/);
  });

  it('says so, and changes nothing, when the document changed since the check', async () => {
    const page = await open();
    const paragraphs = policy(2_000);
    await load(page, paragraphs);
    await checkAll(page);
    const { visible } = await expected(paragraphs);
    const f = visible.find((x) => x.replacements.length > 0)!;
    // Someone edits that paragraph in the meantime.
    await page.evaluate(
      (i) => (window.plainSend!.memory!.paragraphs[i].text = `Edited. ${window.plainSend!.memory!.paragraphs[i].text}`),
      f.location.paragraph,
    );
    const edited = (await doc(page)).map((p) => p.text);
    await clickAndSettle(page, cardButton(f, 'replace', 0));
    expect(await page.textContent('#alert')).toMatch(/changed since it was checked/);
    expect((await doc(page)).map((p) => p.text)).toEqual(edited);
  });

  it('inserts the glossary at the end, A to Z, and replaces it when inserted again', async () => {
    const page = await open();
    const paragraphs = policy(4_000);
    await load(page, paragraphs);
    await checkAll(page);
    const { check } = await expected(paragraphs);
    const rows = sortGlossary(glossaryRows(check.findings));
    expect(rows.length).toBeGreaterThan(3);
    const block = [GLOSSARY_HEADING, ...[[...GLOSSARY_COLUMNS], ...rows.map((r) => [r.term, r.meaning])].flat()];

    await clickAndSettle(page, '#insert-glossary');
    let now = await doc(page);
    expect(now.slice(0, paragraphs.length).map((p) => p.text)).toEqual(paragraphs);
    expect(now.slice(paragraphs.length).map((p) => p.text)).toEqual(block);
    expect(now.slice(paragraphs.length).every((p) => p.inGlossary)).toBe(true);
    const terms = rows.map((r) => r.term);
    expect([...terms].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }))).toEqual(terms);
    expect(await status(page)).toContain(`Inserted a glossary: ${rows.length} terms.`);
    // The glossary itself is not checked: the same findings as before.
    expect(await page.locator('li.finding').count()).toBe(cards((await expected(paragraphs)).visible));

    // Again: updated in place, not a second copy.
    await clickAndSettle(page, '#insert-glossary');
    now = await doc(page);
    expect(now).toHaveLength(paragraphs.length + block.length);
    expect(now.slice(paragraphs.length).map((p) => p.text)).toEqual(block);
    expect(await status(page)).toContain('Updated the glossary');
  });

  it('inserts the glossary after the cursor when asked', async () => {
    const page = await open();
    const paragraphs = [
      'Dear parent carer,',
      'Your child has an EHCP and the SENCO will be in touch.',
      'Yours sincerely,',
    ];
    await load(page, paragraphs);
    await page.evaluate(() => window.plainSend!.memory!.setSelection({ paragraph: 1, offset: 5 }));
    await page.check('input[name="glossary-place"][value="cursor"]');
    await clickAndSettle(page, '#insert-glossary');
    const now = (await doc(page)).map((p) => p.text);
    expect(now.slice(0, 2)).toEqual(paragraphs.slice(0, 2));
    expect(now[2]).toBe(GLOSSARY_HEADING);
    expect(now[now.length - 1]).toBe('Yours sincerely,');
  });

  it('checks the selection: its reading age, and the findings in it only', async () => {
    const page = await open();
    const paragraphs = policy(3_000);
    await load(page, paragraphs);
    const { visible } = await expected(paragraphs);
    const first = visible[Math.floor(visible.length / 2)].location.paragraph;
    const last = Math.min(first + 5, paragraphs.length - 1);
    await page.evaluate(
      ([a, b, end]) =>
        window.plainSend!.memory!.setSelection({ paragraph: a, offset: 0 }, { paragraph: b, offset: end }),
      [first, last, paragraphs[last].length],
    );
    await page.click('#check-selection');
    await page.waitForFunction(() => /^Selection checked/.test(document.getElementById('status')!.textContent ?? ''));
    const inside = visible.filter((f) => f.location.paragraph >= first && f.location.paragraph <= last);
    expect(await page.locator('li.finding').count()).toBe(cards(inside));
    expect(await page.textContent('#readability-selection h3')).toBe('Selection');
    const selected = paragraphs.slice(first, last + 1).join('\n');
    const words = createAnalyser().analyse(selected).readability.words;
    expect(await page.textContent('#readability-selection .figures')).toContain(
      `${words.toLocaleString('en-GB')} word`,
    );
  });

  it('cancels a long check', async () => {
    const page = await open();
    // Every paragraph different, so the engine's cache cannot help: a check long enough to cancel.
    const paragraphs = policy(200_000).map((p, i) => `${p} (${i})`);
    await load(page, paragraphs);
    await page.click('#check-document');
    await page.waitForSelector('#progress-area:not([hidden])');
    expect(await page.getAttribute('#progress', 'max')).toBe('100');
    await page.click('#cancel');
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'Check cancelled.');
    expect(await page.isHidden('#progress-area')).toBe(true);
    expect(await page.isHidden('#findings-section')).toBe(true);
    expect(await page.isEnabled('#check-document')).toBe(true);
    expect((await doc(page)).map((p) => p.text)).toEqual(paragraphs);
  });

  it('imports the user’s own terms, and keeps them when a bad file is offered', async () => {
    const page = await open();
    await load(page, ['The Gruffalo Panel will meet on Tuesday.']);
    await page.click('#settings summary');
    const good = [
      'pack: mine',
      'name: My terms',
      'entries:',
      '  - term: Gruffalo Panel',
      '    kind: jargon',
      '    definition: The group of staff who decide on extra funding.',
      '    source: Our school',
      '    examples:',
      '      flag: ["The Gruffalo Panel will meet."]',
    ].join('\n');
    await page.setInputFiles('#terms-file', { name: 'mine.yaml', mimeType: 'text/yaml', buffer: Buffer.from(good) });
    await page.waitForFunction(() =>
      /Imported 1 term from mine.yaml/.test(document.getElementById('status')!.textContent ?? ''),
    );
    expect(await page.textContent('#terms-summary')).toBe('1 term from mine.yaml.');
    await checkAll(page);
    expect(await page.textContent('#findings')).toContain('The group of staff who decide on extra funding.');

    await page.setInputFiles('#terms-file', {
      name: 'broken.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('pack: [unclosed'),
    });
    await page.waitForSelector('#terms-error:not([hidden])');
    expect(await page.textContent('#terms-error')).toMatch(
      /^broken.yaml was not imported, and your terms are unchanged\./,
    );
    expect(await page.textContent('#terms-summary')).toBe('1 term from mine.yaml.');

    const download = page.waitForEvent('download');
    await page.click('#terms-export');
    const file = await download;
    expect(file.suggestedFilename()).toBe('mine.yaml');
  });

  it('Show in Word underlines each finding in the document; a suggestion picked there fixes only its words; Hide takes away only ours', async () => {
    const page = await open();
    const paragraphs = ['The SENCO will utilise the EHCP prior to the review.', 'Thank you for your help.'];
    await load(page, paragraphs);
    // An underline made by someone else (another add-in): never ours to remove.
    await page.evaluate(() =>
      window.plainSend!.memory!.annotations.push({
        paragraph: 1,
        start: 0,
        end: 5,
        text: 'Thank',
        id: 'theirs',
        category: 'spelling',
        suggestions: [],
        foreign: true,
      }),
    );
    await checkAll(page);
    expect(await page.isVisible('#show-in-word')).toBe(true);
    await clickAndSettle(page, '#show-in-word');
    expect(await page.getAttribute('#show-in-word', 'aria-pressed')).toBe('true');
    const { visible } = await expected(paragraphs);
    type Shown = {
      id: string;
      paragraph: number;
      start: number;
      end: number;
      category: string;
      suggestions: string[];
      foreign?: boolean;
    };
    const shown = () => page.evaluate(() => window.plainSend!.memory!.annotations) as Promise<Shown[]>;
    const ours = (await shown()).filter((a) => !a.foreign);
    // Every word finding is underlined at its own words (long sentences only where no word is).
    const words = visible.filter((f) => f.category !== 'sentence');
    expect(ours.map((a) => paragraphs[a.paragraph].slice(a.start, a.end)).sort()).toEqual(
      words.map((f) => f.text).sort(),
    );
    expect(await status(page)).toMatch(/^Underlined \d+ findings? in the document\./);
    expect(await page.evaluate(() => window.plainSend!.memory!.paragraphs.map((p) => p.text))).toEqual(paragraphs);

    // In Word: pick "before" in the pop-up of the underline on "prior to".
    const prior = ours.find((a) => paragraphs[a.paragraph].slice(a.start, a.end) === 'prior to');
    expect(prior?.suggestions).toContain('before');
    await page.evaluate((id) => window.plainSend!.memory!.chooseSuggestion(id, 'before'), prior!.id);
    await page.waitForFunction(() => window.plainSend!.memory!.paragraphs[0].text.includes('before'));
    await page.waitForFunction(() => !(document.getElementById('check-document') as HTMLButtonElement).disabled);
    expect((await doc(page)).map((p) => p.text)).toEqual([
      'The SENCO will utilise the EHCP before the review.',
      'Thank you for your help.',
    ]);
    // Word put "before" in itself; the pane said so and checked again, and replaced nothing itself
    // (a replace of the old words would have failed as stale, or changed them twice).
    const log = await page.evaluate(() => window.plainSend!.memory!.log);
    expect(log.filter((l) => l.startsWith('Word replaced'))).toHaveLength(1);
    expect(log.filter((l) => l.startsWith('replace '))).toEqual([]);
    expect(await page.isVisible('#alert')).toBe(false);
    // Checked again and underlined again, without "prior to".
    await expect
      .poll(async () =>
        (await shown())
          .filter((a) => !a.foreign)
          .map((a) =>
            (a.paragraph === 0 ? 'The SENCO will utilise the EHCP before the review.' : paragraphs[1]).slice(
              a.start,
              a.end,
            ),
          )
          .sort(),
      )
      .toEqual(['EHCP', 'SENCO', 'utilise']);

    await clickAndSettle(page, '#show-in-word');
    expect(await page.getAttribute('#show-in-word', 'aria-pressed')).toBe('false');
    expect((await shown()).map((a) => a.id)).toEqual(['theirs']);
  });

  it('can be used with the keyboard, and every control has a name', async () => {
    const page = await open();
    await load(page, ['The SENCO will utilise the EHCP.']);
    await page.focus('#check-document');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^Document checked/.test(document.getElementById('status')!.textContent ?? ''));
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, input')]
        .filter((e) => {
          const el = e as HTMLElement;
          const labelled =
            el.getAttribute('aria-label') ||
            el.textContent?.trim() ||
            (el.id && document.querySelector(`label[for="${el.id}"]`)) ||
            el.closest('label');
          return !labelled;
        })
        .map((e) => e.outerHTML),
    );
    expect(unnamed).toEqual([]);
    // Tab reaches the first finding's first action.
    const first = page.locator('li.finding button').first();
    await first.focus();
    expect(await first.evaluate((b) => b === document.activeElement)).toBe(true);
  });
});
