/**
 * Settings end to end, in Debian's Chromium with the built extension: the options page loads;
 * a term added there is marked by the content script in a page, and its card names "Your
 * terms"; a broken file is refused with the line and the reason, and the terms stay; CSV goes
 * out and back in; the user's terms are split across storage.sync items within Chromium's own
 * quotas, and a list too big is refused plainly; the popup turns glossaries on and off; a
 * school policy set through Chromium's real policy files (/etc/chromium/policies/managed, for
 * a copy of the extension with a fixed key, so a known id) shows up locked in the options page
 * and its terms are marked in a page; axe-core finds no WCAG 2.2 A/AA problems in the options
 * page or the popup, light or dark or in forced colours; bigger browser text makes bigger
 * page text without sideways scrolling. No request leaves 127.0.0.1.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACK_INDEX } from '../../src/engine/dictionary/builtin.js';
import { ROOT, serveStatic } from './browser.js';
import { readMarks } from './read-helpers.js';
import {
  PAGES,
  buildExtension,
  cleanUp,
  launchWithExtension,
  requireChromium,
  type Built,
  type Session,
  type StaticServer,
} from './extension-helpers.js';

const POLICY_DIR = '/etc/chromium/policies/managed';
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

let built: Built | undefined;
let server: StaticServer | undefined;
let session: Session | undefined;
let policyFile: string | undefined;

/** A copy of the test extension with a fixed public key, so its id is known before it loads. */
function keyedCopy(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const manifestPath = join(to, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.key = der.toString('base64');
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  // Chromium's extension id: the first 16 bytes of the key's SHA-256, in hex, with 0-f written a-p.
  return [...createHash('sha256').update(der).digest('hex').slice(0, 32)]
    .map((c) => String.fromCharCode(97 + parseInt(c, 16)))
    .join('');
}

beforeAll(async () => {
  requireChromium();
  built = buildExtension();
  server = await serveStatic([['/pages/', PAGES]]);
}, 180_000);

afterAll(async () => {
  await session?.context.close();
  await server?.close();
  if (policyFile) rmSync(policyFile, { force: true });
  cleanUp(session?.userData);
  cleanUp(built?.tmp);
});

const idOf = (s: Session) => new URL(s.worker.url()).host;

interface ChromeApi {
  storage: {
    sync: {
      get(k: null | string): Promise<Record<string, unknown>>;
      clear(): Promise<void>;
      set(v: Record<string, unknown>): Promise<void>;
    };
    local: { get(k: null | string): Promise<Record<string, unknown>>; clear(): Promise<void> };
    managed: { get(k: null | string): Promise<Record<string, unknown>> };
  };
}
const worker = <T>(s: Session, fn: (chrome: ChromeApi) => Promise<T>): Promise<T> =>
  s.worker.evaluate(`(${fn.toString()})(globalThis.chrome)`) as Promise<T>;

async function openOptions(s: Session): Promise<Page> {
  const page = await s.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(`chrome-extension://${idOf(s)}/options.html`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 10_000 });
  return page;
}

async function openPopup(s: Session): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${idOf(s)}/popup.html`);
  await page.waitForFunction(() => (document.getElementById('packs')?.children.length ?? 0) > 0, undefined, {
    timeout: 10_000,
  });
  return page;
}

/** The terms in the options table, as shown: [term, kind, meaning]. */
const termRows = (page: Page) =>
  page.$$eval('#terms-body tr', (rows) =>
    rows.map((r) =>
      [...r.querySelectorAll('td')]
        .slice(0, 3)
        .map((td) => td.querySelector('strong')?.textContent ?? td.textContent ?? ''),
    ),
  );

async function addTerm(
  page: Page,
  fields: { term: string; kind?: string; expansion?: string; definition?: string; suggestions?: string },
): Promise<void> {
  await page.fill('#term-term', fields.term);
  if (fields.kind) await page.selectOption('#term-kind', fields.kind);
  if (fields.expansion) await page.fill('#term-expansion', fields.expansion);
  if (fields.definition) await page.fill('#term-definition', fields.definition);
  if (fields.suggestions) await page.fill('#term-suggestions', fields.suggestions);
  await page.click('#term-save');
}

type Probe = Record<string, (...args: unknown[]) => unknown>;
const probe = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(
    ([f, a]) => (window as unknown as { plainSendProbe: Probe }).plainSendProbe[f as string](...(a as unknown[])) as T,
    [fn, args] as const,
  );

async function writeInTextarea(s: Session, text: string): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`${server!.url}/pages/textarea.html`);
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
  await page.click('#field');
  await page.keyboard.type(text);
  return page;
}

async function waitForMarks(page: Page, want: Record<string, string[]>): Promise<void> {
  await expect.poll(() => probe<Record<string, string[]>>(page, 'mirror'), { timeout: 8_000 }).toEqual(want);
}

/** Opens a word's card by pointing at it; gives its title, meaning and where the meaning came from. */
async function cardFor(
  page: Page,
  word: string,
): Promise<{ title: string; definition: string | null; source: string | null }> {
  // The page in front, as when someone looks at it (a tab behind others draws nothing new).
  await page.bringToFront();
  // Away first, until any open card has closed, so the card is drawn afresh.
  await page.mouse.move(2, 2);
  await expect.poll(() => probe(page, 'card'), { timeout: 5_000 }).toBeNull();
  const at = await probe<{ x: number; y: number } | null>(page, 'pointAt', word);
  expect(at, word).not.toBeNull();
  await page.mouse.move(at!.x, at!.y);
  await expect
    .poll(async () => (await probe<{ title: string } | null>(page, 'card'))?.title, { timeout: 5_000 })
    .toBe(word);
  const card = (await probe<{ title: string; definition: string | null; source: string | null }>(page, 'card'))!;
  return { title: card.title, definition: card.definition, source: card.source };
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[];
  passes: unknown[];
}

/** axe-core in the page (evaluated, as the extension's CSP allows no injected script tags): WCAG 2.0-2.2 A and AA. */
async function axe(page: Page): Promise<AxeResult> {
  await page.evaluate(AXE);
  return page.evaluate(() =>
    (window as unknown as { axe: { run(c: Document, o: unknown): Promise<AxeResult> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
}

const summary = (r: AxeResult) =>
  r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);

describe('settings without a school policy', () => {
  beforeAll(async () => {
    session = await launchWithExtension(built!.testCopy);
  }, 60_000);

  afterAll(async () => {
    await session?.context.close();
    cleanUp(session?.userData);
    session = undefined;
  });

  test('the options page loads with every section, and the manifest names it and the policy schema', async () => {
    const manifest = JSON.parse(readFileSync(join(built!.production, 'manifest.json'), 'utf8'));
    expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(JSON.parse(readFileSync(join(built!.production, 'managed_schema.json'), 'utf8')).type).toBe('object');
    const page = await openOptions(session!);
    expect(await page.title()).toBe('Plain SEND settings');
    expect(await page.$$eval('h2', (hs) => hs.filter((h) => !h.closest('[hidden]')).map((h) => h.textContent))).toEqual(
      ['Who will read it?', 'What to mark while you write', 'Glossaries', 'Your terms', 'Words you ignore'],
    );
    // Regional glossaries are off at first, the national ones on.
    expect(await page.isChecked('#pack-builtin-england')).toBe(true);
    expect(await page.isChecked('#pack-builtin-devon')).toBe(false);
    expect(await page.isChecked('#cat-sentence')).toBe(true);
    expect(await page.isHidden('#school')).toBe(true);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  test('a term added in options is marked in a page, and its card says it came from "Your terms"', async () => {
    const options = await openOptions(session!);
    await addTerm(options, {
      term: 'Rainbow Room',
      definition: 'Our quiet room, where a child can have a calm break.',
    });
    await expect
      .poll(() => termRows(options))
      .toEqual([['Rainbow Room', 'SEND word or phrase', 'Our quiet room, where a child can have a calm break.']]);
    await expect.poll(() => options.textContent('#status')).toBe('Added “Rainbow Room” to your terms.');
    const stored = await worker(session!, (c) => c.storage.sync.get(null));
    expect(stored.ownTerms).toEqual({ chunks: 1 });
    expect(stored['ownTerms.0']).toEqual([
      { term: 'Rainbow Room', kind: 'jargon', definition: 'Our quiet room, where a child can have a calm break.' },
    ]);

    const page = await writeInTextarea(session!, 'Sam can go to the Rainbow Room with the SENCO.');
    await waitForMarks(page, { jargon: ['Rainbow Room'], acronym: ['SENCO'] });
    const card = await cardFor(page, 'Rainbow Room');
    expect(card.definition).toBe('Our quiet room, where a child can have a calm break.');
    expect(card.source).toContain('Your terms');
    // A built-in term's card names its own glossary.
    expect((await cardFor(page, 'SENCO')).source).toContain('SEND in England');

    // Your term wins over the built-in one; remove it and the built-in meaning is back.
    await addTerm(options, {
      term: 'SENCO',
      kind: 'acronym',
      expansion: 'special educational needs co-ordinator',
      definition: 'Mrs Khan, who plans extra help at our school.',
    });
    await expect
      .poll(async () => (await cardFor(page, 'SENCO')).definition, { timeout: 8_000 })
      .toBe('Mrs Khan, who plans extra help at our school.');
    expect((await cardFor(page, 'SENCO')).source).toContain('Your terms');
    await options.click('button[aria-label="Remove SENCO"]');
    await expect
      .poll(async () => (await cardFor(page, 'SENCO')).source, { timeout: 8_000 })
      .toContain('SEND in England');
    await page.close();
    await options.close();
  });

  test('everything works from the keyboard: add, change and remove a term, with focus where you expect', async () => {
    const page = await openOptions(session!);
    await page.focus('#term-term');
    await page.keyboard.type('ELSA');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('term-kind');
    await page.keyboard.press('Tab');
    await page.keyboard.type('emotional literacy support assistant');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Someone at school who helps children with feelings.');
    // Enter in a text box sends the form; the kind is still "SEND word or phrase": fine for the validator.
    await page.focus('#term-variants');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => termRows(page))
      .toContainEqual([
        'ELSA',
        'SEND word or phrase',
        'emotional literacy support assistant. Someone at school who helps children with feelings.',
      ]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('term-term');

    // Change it: the Change button is reached with Tab and pressed with Enter; the form fills in.
    await page.focus('button[aria-label="Change ELSA"]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('term-term');
    expect(await page.textContent('#term-form-h')).toBe('Change “ELSA”');
    expect(await page.inputValue('#term-expansion')).toBe('emotional literacy support assistant');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // SEND word or phrase → Short form
    expect(await page.inputValue('#term-kind')).toBe('acronym');
    await page.focus('#term-save');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => termRows(page))
      .toContainEqual([
        'ELSA',
        'Short form',
        'emotional literacy support assistant. Someone at school who helps children with feelings.',
      ]);
    expect((await termRows(page)).filter((r) => r[0] === 'ELSA')).toHaveLength(1);

    // A bad term: the problem is announced and focus goes to the field to fix.
    await page.fill('#term-term', 'FSM');
    await page.selectOption('#term-kind', 'acronym');
    await page.fill('#term-definition', 'Lunch the school pays for.');
    await page.focus('#term-save');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#term-error:not([hidden])');
    expect(await page.textContent('#term-error')).toContain(
      'An acronym needs "expansion" (what the letters stand for).',
    );
    expect(await page.getAttribute('#term-error', 'role')).toBe('alert');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('term-expansion');
    expect(await page.getAttribute('#term-expansion', 'aria-invalid')).toBe('true');
    await page.keyboard.type('free school meals');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => termRows(page))
      .toContainEqual(['FSM', 'Short form', 'free school meals. Lunch the school pays for.']);

    // Remove with the keyboard; focus goes to the section's heading, not lost.
    await page.focus('button[aria-label="Remove ELSA"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => termRows(page)).not.toContainEqual(expect.arrayContaining(['ELSA']));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('terms-h');
    await page.close();
  });

  test('a broken file is refused with where and what is wrong, and the terms stay as they were', async () => {
    const page = await openOptions(session!);
    const before = await termRows(page);
    const storedBefore = await worker(session!, (c) => c.storage.sync.get(null));
    expect(before.length).toBeGreaterThan(0);

    const csv = 'term,kind,definition\nOak Room,jargon,The calm room.\nTAF,acronym,A meeting about a family.\n';
    await page.setInputFiles('#terms-file', { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForSelector('#terms-error:not([hidden])');
    expect(await page.textContent('#terms-error')).toBe(
      'broken.csv was not imported. Your terms have not changed.broken.csv, line 3 ("TAF"): An acronym needs "expansion" (what the letters stand for).',
    );
    await page.setInputFiles('#terms-file', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"pack": "x", "name": "X", "entries": [{"term": "Oak Room"}, '),
    });
    await expect
      .poll(() => page.textContent('#terms-error'))
      .toMatch(
        /^broken\.json was not imported\. Your terms have not changed\.broken\.json, line \d+: this is not valid YAML or JSON/,
      );
    await page.setInputFiles('#terms-file', {
      name: 'wrong.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"pack": "x", "name": "X", "entries": [{"term": "Oak Room", "kind": "room"}]}'),
    });
    await expect
      .poll(() => page.textContent('#terms-error'))
      .toContain('wrong.json: Entry 1 ("Oak Room"): "kind" must be one of acronym, jargon, plain-word.');
    expect(await termRows(page)).toEqual(before);
    expect(await worker(session!, (c) => c.storage.sync.get(null))).toEqual(storedBefore);
    await page.close();
  });

  test('CSV round trip: export, clear, import the same file, and the terms are back', async () => {
    const page = await openOptions(session!);
    await addTerm(page, { term: 'commence', kind: 'plain-word', suggestions: 'start, begin' });
    await addTerm(page, { term: 'Café club', definition: 'Lunch club, in the hall; "bring a friend".' });
    await expect.poll(async () => (await termRows(page)).length).toBe(4);
    const before = await termRows(page);
    const storedBefore = await worker(session!, (c) => c.storage.sync.get('ownTerms.0'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    expect(download.suggestedFilename()).toBe('plain-send-my-terms.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeffterm,kind,expansion,definition,suggestions,variants');
    expect(csv).toContain('commence,plain-word,,,start; begin,');

    await worker(session!, (c) => c.storage.sync.clear());
    await expect.poll(() => termRows(page)).toEqual([]);
    await page.setInputFiles('#terms-file', {
      name: 'plain-send-my-terms.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expect.poll(() => termRows(page)).toEqual(before);
    expect(await page.isHidden('#terms-error')).toBe(true);
    await expect.poll(() => page.textContent('#status')).toBe('Imported 4 terms from plain-send-my-terms.csv: 4 new.');
    expect(await worker(session!, (c) => c.storage.sync.get('ownTerms.0'))).toEqual(storedBefore);

    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const data = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(
      data.entries.map((e: { term: string }) => e.term).sort((a: string, b: string) => a.localeCompare(b, 'en-GB')),
    ).toEqual(['Café club', 'commence', 'FSM', 'Rainbow Room']);
    await page.close();
  });

  test("many terms are split across storage.sync items within Chromium's own quotas; too many are refused plainly", async () => {
    const page = await openOptions(session!);
    const before = await termRows(page);
    const storedBefore = await worker(session!, (c) => c.storage.sync.get(null));
    const row = (i: number) =>
      `Term ${i},jargon,"The meaning of term ${i}, written out at some length so that the list needs several storage items."`;
    const many = ['term,kind,definition', ...Array.from({ length: 250 }, (_, i) => row(i))].join('\n');
    await page.setInputFiles('#terms-file', { name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(many) });
    await expect
      .poll(() => page.textContent('#status'), { timeout: 8_000 })
      .toBe('Imported 250 terms from many.csv: 250 new.');
    const stored = await worker(session!, (c) => c.storage.sync.get(null));
    const chunks = (stored.ownTerms as { chunks: number }).chunks;
    // 250 terms of ~150 bytes: about 37 KB, far over one 8 KB item, so Chromium took several.
    expect(chunks).toBeGreaterThanOrEqual(5);
    const sizes = Array.from(
      { length: chunks },
      (_, i) => `ownTerms.${i}`.length + Buffer.byteLength(JSON.stringify(stored[`ownTerms.${i}`])),
    );
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8192);
    expect(await page.textContent('#terms-usage')).toMatch(
      /^254 terms, using \d+ KB of the 80 KB your terms can use\.$/,
    );

    const tooMany = ['term,kind,definition', ...Array.from({ length: 400 }, (_, i) => row(1000 + i))].join('\n');
    await page.setInputFiles('#terms-file', {
      name: 'too-many.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(tooMany),
    });
    await page.waitForSelector('#terms-error:not([hidden])');
    expect(await page.textContent('#terms-error')).toMatch(
      /^too-many\.csv was not imported\. Your terms have not changed\.There is no room for these terms: your terms can use up to 80 KB of your browser's synced settings, and these need \d+ KB\./,
    );
    expect((await termRows(page)).length).toBe(before.length + 250);
    // Back to the terms of the tests before.
    await session!.worker.evaluate(async (data) => {
      const sync = (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.sync;
      await sync.clear();
      await sync.set(data);
    }, storedBefore);
    await expect.poll(() => termRows(page)).toEqual(before);
    await page.close();
  });

  test('an imported glossary is kept on this computer, can be turned off, and its terms are marked while on', async () => {
    const page = await openOptions(session!);
    expect(await page.textContent('#imported-h + p')).toContain('kept on this computer only');
    const yaml =
      'pack: oak-trust-local\nname: Oak Trust words\nentries:\n  - term: Acorn base\n    kind: jargon\n    definition: Our small group room for Year 1 and 2.\n';
    await page.setInputFiles('#pack-file', { name: 'oak.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
    await page.waitForSelector('#pack-imported-oak-trust-local');
    await expect.poll(() => page.textContent('#status')).toBe('Imported Oak Trust words: 1 term. It is on.');
    const local = await worker(session!, (c) => c.storage.local.get('importedPacks'));
    expect((local.importedPacks as { file: { name: string } }[])[0].file.name).toBe('Oak Trust words');
    expect(Object.keys(await worker(session!, (c) => c.storage.sync.get(null)))).not.toContain('importedPacks');

    const text = 'Sam will be in the Acorn base.';
    const writing = await writeInTextarea(session!, text);
    await waitForMarks(writing, { jargon: ['Acorn base'] });
    expect((await cardFor(writing, 'Acorn base')).source).toContain('Oak Trust words');
    await page.bringToFront();
    await page.uncheck('#pack-imported-oak-trust-local');
    await waitForMarks(writing, {});

    await page.setInputFiles('#pack-file', {
      name: 'bad.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('pack: oak\nname: Oak\nentries:\n  - term: X\n    kind: jargon\n'),
    });
    await page.waitForSelector('#pack-error:not([hidden])');
    expect(await page.textContent('#pack-error')).toBe(
      'bad.yaml was not imported. Your glossaries have not changed.bad.yaml: Entry 1 ("X"): "definition" is missing.',
    );
    await page.click('button[aria-label="Remove Oak Trust words"]');
    await expect
      .poll(() => worker(session!, (c) => c.storage.local.get('importedPacks')))
      .toEqual({ importedPacks: [] });
    await writing.close();
    await page.close();
  });

  test('the popup turns glossaries on and off, and links to the options page', { timeout: 90_000 }, async () => {
    const writing = await writeInTextarea(session!, 'We will utilise the Devon SEND Local Offer.');
    const popup = await openPopup(session!);
    await popup.click('#packs-summary');
    const packs = PACK_INDEX.length;
    expect(await popup.textContent('#packs-summary')).toBe(`Glossaries: 6 of ${packs} on`);
    expect(await popup.isChecked('#popup-pack-builtin-plain-words')).toBe(true);
    // About fifty local glossaries are in the options page; the popup lists a local one only while it is on.
    expect(await popup.locator('#popup-pack-builtin-kent').count()).toBe(0);
    await expect
      .poll(() => probe<Record<string, string[]>>(writing, 'mirror'), { timeout: 8_000 })
      .toHaveProperty('plain-word', ['utilise']);
    await popup.uncheck('#popup-pack-builtin-plain-words');
    await expect
      .poll(() => probe<Record<string, string[]>>(writing, 'mirror'), { timeout: 8_000 })
      .not.toHaveProperty('plain-word');
    expect(await popup.textContent('#packs-summary')).toBe(`Glossaries: 5 of ${packs} on`);
    await popup.check('#popup-pack-builtin-plain-words');
    await expect
      .poll(() => probe<Record<string, string[]>>(writing, 'mirror'), { timeout: 8_000 })
      .toHaveProperty('plain-word', ['utilise']);
    // The options page shows the same switch in the same state, and follows the popup.
    const options = await openOptions(session!);
    expect(await options.isChecked('#pack-builtin-plain-words')).toBe(true);
    await popup.uncheck('#popup-pack-builtin-plain-words');
    await expect.poll(() => options.isChecked('#pack-builtin-plain-words')).toBe(false);
    await popup.check('#popup-pack-builtin-plain-words');
    // The link opens the options page (the browser would switch to one already open, so close it first).
    await options.close();
    const [opened] = await Promise.all([session!.context.waitForEvent('page'), popup.click('#options-link')]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`chrome-extension://${idOf(session!)}/options.html`);
    for (const p of [opened, popup, writing]) await p.close();
  });

  test('what to mark and the words you ignore: switched in options, followed in the page', async () => {
    const text = 'The SENCO will utilise the EHCP.';
    const writing = await writeInTextarea(session!, text);
    await session!.worker.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.sync.set({ ignored: ['england:EHCP'] }),
    );
    await waitForMarks(writing, { acronym: ['SENCO'], 'plain-word': ['utilise'] });
    const page = await openOptions(session!);
    expect(await page.$$eval('#ignored-list li span', (s) => s.map((x) => x.textContent))).toEqual(['EHCP']);
    await page.click('button[aria-label="Stop ignoring EHCP"]');
    await waitForMarks(writing, { acronym: ['SENCO', 'EHCP'], 'plain-word': ['utilise'] });
    expect(await page.isVisible('#ignored-empty')).toBe(true);
    await page.uncheck('#cat-plain-word');
    await waitForMarks(writing, { acronym: ['SENCO', 'EHCP'] });
    expect(await worker(session!, (c) => c.storage.sync.get('offCategories'))).toEqual({
      offCategories: ['plain-word'],
    });
    await page.check('#cat-plain-word');
    await waitForMarks(writing, { acronym: ['SENCO', 'EHCP'], 'plain-word': ['utilise'] });
    await page.selectOption('#audience', 'school-staff');
    await expect
      .poll(async () => (await probe<{ label: string } | null>(writing, 'badge'))?.label ?? '', { timeout: 5_000 })
      .toContain('school staff');
    await page.selectOption('#audience', 'parent-carer');
    await writing.close();
    await page.close();
  });

  test('the options page and the popup have no WCAG 2.2 A or AA problems (axe-core), light, dark or in forced colours', async () => {
    const options = await openOptions(session!);
    // Show what is hidden at first: an error, an imported glossary, an edit in progress.
    await options.setInputFiles('#terms-file', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('term,kind\nX,thing\n'),
    });
    await options.waitForSelector('#terms-error:not([hidden])');
    await options.click('button[aria-label^="Change"]');
    const popup = await openPopup(session!);
    await popup.click('#packs-summary');
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const page of [options, popup]) {
        await page.emulateMedia({ colorScheme, forcedColors: 'none' });
        const r = await axe(page);
        expect(summary(r), `${page.url()} ${colorScheme}`).toEqual([]);
      }
    }
    // The dark scheme really is dark.
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await options.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 22, 22)');
    for (const page of [options, popup]) {
      await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
      expect(summary(await axe(page)), `${page.url()} forced colours`).toEqual([]);
    }
    await options.close();
    await popup.close();
  });

  test("bigger text in the browser makes the page's text bigger, with no sideways scrolling", async () => {
    const page = await openOptions(session!);
    const sizes = () =>
      page.evaluate(() =>
        [document.querySelector('h1')!, document.querySelector('#term-term')!, document.querySelector('.hint')!].map(
          (e) => parseFloat(getComputedStyle(e).fontSize),
        ),
      );
    const normal = await sizes();
    const cdp = await session!.context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await expect.poll(async () => (await sizes())[0]).toBeGreaterThan(normal[0] * 1.5);
    const big = await sizes();
    big.forEach((b, i) => expect(b).toBeCloseTo(normal[i] * 2, 0));
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((e) => e.id || e.tagName),
    );
    expect(wide).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    await cdp.detach();
    await page.close();
  });

  test('nothing left the machine', () => {
    expect(session!.blocked).toEqual([]);
  });
});

describe("a school's policy, through Chromium's own policy files", () => {
  let id: string;

  beforeAll(async () => {
    const dir = join(built!.tmp, 'keyed-ext');
    id = keyedCopy(built!.testCopy, dir);
    mkdirSync(POLICY_DIR, { recursive: true });
    policyFile = join(POLICY_DIR, `plain-send-e2e-${id}.json`);
    const policy = {
      packs: [
        {
          pack: 'oak-trust',
          name: 'Oak Trust glossary',
          entries: [{ term: 'Oak Room', kind: 'jargon', definition: 'The calm room at every Oak Trust school.' }],
        },
      ],
      extraTerms: [
        {
          term: 'ELSA',
          kind: 'acronym',
          expansion: 'emotional literacy support assistant',
          definition: 'A member of staff trained to help children with their feelings.',
        },
        { term: 'TAF', kind: 'acronym', definition: 'No expansion given.' },
      ],
      defaultAudience: 'school-staff',
      builtinPacks: ['devon'],
      readModeSites: ['portal.example.sch.uk', '127.0.0.1'],
      lockSettings: true,
    };
    // Only this copy's id: no other extension or browser on the machine is touched.
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 2));
    session = await launchWithExtension(dir);
  }, 60_000);

  afterAll(async () => {
    await session?.context.close();
    cleanUp(session?.userData);
    session = undefined;
    if (policyFile) rmSync(policyFile, { force: true });
  });

  test('the extension loads with its schema, under the id its key gives, and reads the policy from storage.managed', async () => {
    expect(idOf(session!)).toBe(id);
    const managed = await worker(session!, (c) => c.storage.managed.get(null));
    expect(managed).toMatchObject({
      defaultAudience: 'school-staff',
      builtinPacks: ['devon'],
      readModeSites: ['portal.example.sch.uk', '127.0.0.1'],
      lockSettings: true,
    });
    expect((managed.packs as { name: string }[])[0].name).toBe('Oak Trust glossary');
  });

  test("the school's settings show up locked in the options page, with its problems named", async () => {
    const page = await openOptions(session!);
    expect(await page.isVisible('#school')).toBe(true);
    expect(await page.textContent('#school-errors')).toContain(
      'School term 2 ("TAF"): an acronym needs "expansion" (what the letters stand for).',
    );
    expect(await page.inputValue('#audience')).toBe('school-staff');
    expect(await page.isDisabled('#audience')).toBe(true);
    expect(await page.textContent('#audience-note')).toContain('Set by your school');
    expect(await page.isChecked('#pack-builtin-devon')).toBe(true);
    expect(await page.isDisabled('#pack-builtin-devon')).toBe(true);
    expect(await page.textContent('#school-packs')).toBe('Oak Trust glossary1 termSet by your school');
    const schoolTerms = await page.$$eval('#school-terms li', (lis) =>
      lis.map((li) => [
        li.querySelector('strong')?.textContent,
        li.querySelector('.locked')?.textContent,
        li.querySelectorAll('button').length,
      ]),
    );
    expect(schoolTerms).toEqual([['ELSA', 'Set by your school', 0]]);
    const r = await axe(page);
    expect(summary(r)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(summary(await axe(page))).toEqual([]);
    const popup = await openPopup(session!);
    expect(await popup.isDisabled('#audience')).toBe(true);
    expect(await popup.isDisabled('#popup-pack-school-oak-trust')).toBe(true);
    expect(await popup.isChecked('#popup-pack-school-oak-trust')).toBe(true);
    await popup.click('#packs-summary');
    expect(summary(await axe(popup))).toEqual([]);
    await popup.close();
    await page.close();
  });

  test("the school's terms are marked in a page, each card naming where it came from; your own term still wins", async () => {
    const page = await writeInTextarea(session!, 'The ELSA will meet Sam in the Oak Room.');
    await waitForMarks(page, { acronym: ['ELSA'], jargon: ['Oak Room'] });
    expect(await cardFor(page, 'ELSA')).toMatchObject({
      definition: 'A member of staff trained to help children with their feelings.',
      source: expect.stringContaining("Your school's terms"),
    });
    expect((await cardFor(page, 'Oak Room')).source).toContain('Oak Trust glossary');
    // The badge follows the school's reader: school staff, reading age 14.
    await expect
      .poll(async () => (await probe<{ label: string } | null>(page, 'badge'))?.label ?? '', { timeout: 5_000 })
      .toContain('school staff');

    const options = await openOptions(session!);
    await addTerm(options, { term: 'Oak Room', definition: 'Room 4, next to the hall.' });
    await expect
      .poll(async () => (await cardFor(page, 'Oak Room')).definition, { timeout: 8_000 })
      .toBe('Room 4, next to the hall.');
    expect((await cardFor(page, 'Oak Room')).source).toContain('Your terms');
    await options.close();
    await page.close();
    expect(session!.blocked).toEqual([]);
  });
  // The policy names 127.0.0.1, so read mode has been on in every page of this browser since
  // launch: the writing tests above ran beside it, as on a school's own site.
  test("read mode starts on by itself on a site the school's policy names (readModeSites), once the site is allowed", async () => {
    // The test copy of the extension is allowed on 127.0.0.1 (its host_permissions), as a user would allow the school's site.
    await expect
      .poll(
        () =>
          session!.worker.evaluate(async () => {
            const api = (
              globalThis as unknown as {
                chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } };
              }
            ).chrome;
            return (await api.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches }));
          }),
        { timeout: 8_000 },
      )
      .toContainEqual({ id: 'plain-send-read-sites', matches: ['http://127.0.0.1/*'] });
    const page = await session!.context.newPage();
    await page.goto(`${server!.url}/pages/read/letter.html`);
    await expect
      .poll(() => readMarks(page), { timeout: 10_000 })
      .toMatchObject({ acronym: expect.arrayContaining(['SENCO']) });
    await page.close();
  });
});
