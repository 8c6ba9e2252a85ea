/**
 * The Outlook task pane end to end: the built pane (vite, vite.outlook.config.ts, into a
 * temporary folder) served from 127.0.0.1, in Debian's Chromium, over a message in memory
 * (index.html?port=memory). Every request not to 127.0.0.1 is aborted, and we assert none was
 * made. Expectations come from the engine and the body functions run here in Node.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyEdits,
  createAnalyser,
  planMeanings,
  plainWordEdits,
  shortFormEdits,
  type TextEdit,
} from '../../src/engine/index.js';
import { bodyModel, type BodyType } from '../../src/outlook/body/body-text.js';
import type { Body } from '../../src/outlook/mail-body.js';
import { OUTLOOK_WEB_HTML, PLAIN_REPLY } from '../outlook/messages.js';
import {
  OFFICE_JS_CDN,
  ROOT,
  cleanUp,
  launch,
  openPane,
  serve,
  type PaneSession,
  type StaticServer,
} from './word-helpers.js';

let dir: string | undefined;
let server: StaticServer;
let browser: Browser;
const sessions: PaneSession[] = [];

function buildOutlookPane(): string {
  const out = mkdtempSync(join(tmpdir(), 'plain-send-outlook-'));
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'vite.outlook.config.ts'], {
    cwd: ROOT,
    env: { ...process.env, PLAIN_SEND_OUTLOOK_OUT: out, PLAIN_SEND_OUTLOOK_URL: '' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  for (const f of ['index.html', 'commands.html', 'launchevent.js', 'manifest.xml'])
    if (!existsSync(join(out, f))) throw new Error(`vite build wrote no ${f} in ${out}`);
  return out;
}

beforeAll(async () => {
  dir = buildOutlookPane();
  server = await serve(dir);
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  cleanUp(dir);
  for (const s of sessions) {
    expect(s.blocked).toEqual([]);
    for (const url of s.office) expect(url.startsWith(OFFICE_JS_CDN)).toBe(true);
    expect(s.problems).toEqual([]);
  }
});

async function open(body: Body): Promise<Page> {
  const session = await openPane(browser, server.url);
  sessions.push(session);
  await session.page.evaluate((b) => (window.plainSendMail!.mail.body = b), body);
  return session.page;
}

const bodyNow = (page: Page) => page.evaluate(() => window.plainSendMail!.mail.body);
const status = async (page: Page) => (await page.textContent('#status')) ?? '';

async function click(page: Page, selector: string): Promise<void> {
  await page.click(selector);
  await page.waitForFunction(() => !(document.getElementById('check-document') as HTMLButtonElement).disabled);
}

async function checkEmail(page: Page): Promise<void> {
  await page.click('#check-document');
  await page.waitForFunction(() => /^Email checked/.test(document.getElementById('status')!.textContent ?? ''));
}

/** The text the pane should leave, from the same engine functions, and the writer's text now. */
function expectedAfter(content: string, type: BodyType, make: (text: string) => TextEdit[]) {
  const text = bodyModel(content, type).text;
  return applyEdits(text, make(text));
}
const findings = (text: string) => createAnalyser().analyse(text).findings;

/** The signature and the quoted reply, exactly as they were. */
const tailOf = (html: string) => html.slice(html.indexOf('<div id="Signature">'));

describe('the Outlook task pane, outside Outlook, with a message in memory', () => {
  it('checks the writer’s part only: one card per term with its lines, no Select (Outlook cannot select), no glossary table', async () => {
    const page = await open({ type: 'html', content: OUTLOOK_WEB_HTML });
    await checkEmail(page);
    const found = await page.$$eval('#findings li.finding .found', (els) => els.map((e) => e.textContent));
    expect(found).toEqual(expect.arrayContaining(['EHCP', 'SaLT']));
    for (const word of ['LA', 'CAMHS', 'OT', 'TAC']) expect(found).not.toContain(word); // the signature, the reply
    const ehcp = page.locator('li.finding', { has: page.locator('.found', { hasText: /^EHCP$/ }) });
    expect(await ehcp.locator('.where').textContent()).toBe('line 3');
    expect(await page.locator('button[data-action="select"]').count()).toBe(0);
    expect(await page.locator('button[data-action="comment"]').count()).toBe(0);
    expect(await page.isHidden('#glossary-section')).toBe(true);
    expect(await page.isHidden('#mark-all')).toBe(true);
    expect(await page.textContent('#readability-document h3')).toBe('Whole email');
    // Checking changed nothing.
    expect((await bodyNow(page)).content).toBe(OUTLOOK_WEB_HTML);
  });

  it('explains every short form at first use, in the HTML, leaving the signature and the reply byte for byte', async () => {
    const page = await open({ type: 'html', content: OUTLOOK_WEB_HTML });
    await click(page, '#explain-all');
    const after = await bodyNow(page);
    expect(after.type).toBe('html');
    expect(bodyModel(after.content, 'html').text).toBe(
      expectedAfter(OUTLOOK_WEB_HTML, 'html', (t) => shortFormEdits(findings(t))),
    );
    expect(after.content).toContain('<b>Education, Health and Care plan (EHCP)</b>');
    expect(after.content.endsWith(tailOf(OUTLOOK_WEB_HTML))).toBe(true);
    expect(await status(page)).toMatch(/^Explained 2 short forms at first use\. Email checked: /);
    // Again: nothing left to explain, nothing changed.
    await click(page, '#explain-all');
    expect(await status(page)).toBe('There are no short forms to explain.');
    expect((await bodyNow(page)).content).toBe(after.content);
  });

  it('adds the meanings above the sign-off, and updates that list when asked again instead of adding a second', async () => {
    const page = await open({ type: 'html', content: OUTLOOK_WEB_HTML });
    await click(page, '#add-meanings');
    const once = (await bodyNow(page)).content;
    const expected = expectedAfter(OUTLOOK_WEB_HTML, 'html', (t) => [planMeanings(t, findings(t)).edit!]);
    expect(bodyModel(once, 'html').text).toBe(expected);
    expect(expected).toMatch(
      /\n\nWords in this email\nEHCP \(Education, Health and Care plan\): [^\n]+\nSaLT [^\n]+\n\nKind regards,/,
    );
    expect(await status(page)).toMatch(/^Added the meanings at the end: 2 words\./);
    // The writer adds a word, then asks again: one list, updated, A to Z.
    const edited = once.replace('SaLT will join us.', 'SaLT will join us. The SENCO too.');
    await page.evaluate((c) => (window.plainSendMail!.mail.body = { type: 'html', content: c }), edited);
    await click(page, '#add-meanings');
    const twice = bodyModel((await bodyNow(page)).content, 'html').text;
    expect(twice.split('Words in this email')).toHaveLength(2);
    expect(twice).toBe(expectedAfter(edited, 'html', (t) => [planMeanings(t, findings(t)).edit!]));
    expect(twice).toMatch(/\nSENCO[^\n]*\n\nKind regards,/);
    expect(await status(page)).toMatch(/^Updated the meanings at the end: 3 words\./);
    expect((await bodyNow(page)).content.endsWith(tailOf(OUTLOOK_WEB_HTML))).toBe(true);
  });

  it('uses every plainer word in one go', async () => {
    const content = '<p>We will endeavour to commence the meeting at 9.</p><p>Kind regards,<br>Ms Jones</p>';
    const page = await open({ type: 'html', content });
    await click(page, '#plain-all');
    const text = bodyModel((await bodyNow(page)).content, 'html').text;
    expect(text).toBe(expectedAfter(content, 'html', (t) => plainWordEdits(findings(t))));
    expect(text).not.toBe(bodyModel(content, 'html').text);
  });

  it('works on a plain-text email: text stays text, Windows line ends stay, the quoted message is untouched', async () => {
    const page = await open({ type: 'text', content: PLAIN_REPLY });
    await click(page, '#explain-all');
    const after = await bodyNow(page);
    expect(after.type).toBe('text');
    expect(after.content).toBe(
      PLAIN_REPLY.replace('the EHCP meeting', 'the Education, Health and Care plan (EHCP) meeting'),
    );
  });

  it('says so, and changes nothing, when the email changed since the check', async () => {
    const page = await open({ type: 'html', content: '<p>The EHCP is ready.</p>' });
    await checkEmail(page);
    await page.evaluate(
      () => (window.plainSendMail!.mail.body = { type: 'html', content: '<p>Hello. The EHCP is ready.</p>' }),
    );
    await click(page, 'li.finding button[data-action="replace"]');
    expect(await page.textContent('#alert')).toMatch(/changed since it was checked/);
    expect((await bodyNow(page)).content).toBe('<p>Hello. The EHCP is ready.</p>');
  });

  it('works from the keyboard, and axe-core finds no WCAG 2.2 A or AA problem after a check', async () => {
    const page = await open({ type: 'html', content: OUTLOOK_WEB_HTML });
    await page.focus('#check-document');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^Email checked/.test(document.getElementById('status')!.textContent ?? ''));
    await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(c: Document, o: unknown): Promise<{ violations: { id: string; help: string }[] }> };
        }
      ).axe;
      const r = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => `${v.id}: ${v.help}`);
    });
    expect(violations).toEqual([]);
    // Focus goes back to the email's findings after a fix: the first card's first action can be reached.
    const first = page.locator('li.finding button').first();
    await first.focus();
    expect(await first.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it('builds commands.html for the check at Send: Office.js from the CDN, then launchevent.js, and nothing else', () => {
    const html = readFileSync(join(dir!, 'commands.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([`${OFFICE_JS_CDN}office.js`, './launchevent.js']);
    expect(html).toMatch(/connect-src 'none'/);
  });
});
