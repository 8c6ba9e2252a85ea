/**
 * A council's own site gets its glossary without the user doing anything, in Debian's Chromium
 * with the built extension: the same page served as www.kent.gov.uk (Chromium sends that name
 * to 127.0.0.1, `--host-resolver-rules`; every other request is still refused) and as
 * 127.0.0.1. Read mode is switched on as the shortcut does it (see read-helpers.ts). Only
 * there is Kent's glossary loaded, its words marked with their meaning, and the card says the
 * glossary is on for this website.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAnalyser } from '../../src/engine/index.js';
import { optionsFor, settingsForSite } from '../../src/browser/messages/engine-service.js';
import { serveStatic } from './browser.js';
import {
  buildExtension,
  cleanUp,
  launchWithExtension,
  requireChromium,
  type Built,
  type Session,
  type StaticServer,
} from './extension-helpers.js';
import { SETTINGS, allowTestHost, readMarks, readUi, setReadMode, tabIdOf, waitForValue } from './read-helpers.js';

const COUNCIL = 'www.kent.gov.uk';
const TEXT = [
  'Support for your child in a Kent school',
  'If your child needs more help, the school may ask the STLS for advice. A teacher from the service can visit.',
  'The school may also bring your child’s needs to the next LIFT meeting, before you ask for an EHCP.',
];

let built: Built | undefined;
let server: StaticServer | undefined;
let session: Session | undefined;
let generated: string;
let port: string;

beforeAll(async () => {
  requireChromium();
  built = buildExtension();
  allowTestHost(built.testCopy);
  // As for 127.0.0.1: the test copy may run read mode on the council's site without a user gesture.
  const manifestPath = join(built.testCopy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions.push(`http://${COUNCIL}/*`);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  generated = mkdtempSync(join(tmpdir(), 'plain-send-council-'));
  const [h1, ...paragraphs] = TEXT;
  writeFileSync(
    join(generated, 'send.html'),
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>SEND support</title></head>` +
      `<body><main><h1>${h1}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</main></body></html>`,
  );
  server = await serveStatic([['/gen/', generated]]);
  port = new URL(server.url).port;
  session = await launchWithExtension(built.testCopy, { hosts: [COUNCIL] });
}, 180_000);

afterAll(async () => {
  await session?.context.close();
  await server?.close();
  cleanUp(session?.userData);
  cleanUp(built?.tmp);
  cleanUp(generated);
});

/** What the engine marks in read mode with these settings, per kind, in order. */
function expected(host: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const settings = settingsForSite(SETTINGS, host);
  for (const f of createAnalyser(optionsFor(settings, 'read')).analyse(TEXT.join('\n')).findings)
    (out[f.category] ??= []).push(f.text);
  return out;
}

/** Opens the page under `host`, turns read mode on, and waits for its marks. */
async function readOn(host: string): Promise<Page> {
  const page = await session!.context.newPage();
  await page.goto(`http://${host}:${port}/gen/send.html`);
  await page.waitForLoadState('load');
  const tab = await tabIdOf(session!.worker, page);
  expect((await setReadMode(session!.worker, tab, true)).on).toBe(true);
  const want = expected(host);
  expect(await waitForValue(() => readMarks(page), want)).toEqual(want);
  return page;
}

/** Clicks the first mark on `word` and gives its card (titled with the glossary's term). */
async function cardFor(page: Page, word: string, title = word) {
  const at = await page.evaluate((w) => {
    for (const kind of ['jargon', 'acronym']) {
      for (const r of (CSS.highlights.get(`plain-send-read-${kind}`) ?? []) as unknown as Set<Range>) {
        if (r.toString() !== w) continue;
        const box = r.getClientRects()[0];
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
    }
    return null;
  }, word);
  expect(at, `${word} is marked`).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
  await expect.poll(async () => (await readUi(page)).card?.title, { timeout: 5_000 }).toBe(title);
  const { card } = await readUi(page);
  await page.keyboard.press('Escape');
  return card!;
}

describe('a council’s own website', () => {
  test('the council’s site gets its glossary: its words marked, the card says it is on for this website', async () => {
    const page = await readOn(COUNCIL);
    // The engine's own answer (checked above) has Kent's words as glossary terms.
    expect(expected(COUNCIL).acronym).toEqual(expect.arrayContaining(['STLS', 'LIFT meeting', 'EHCP']));
    const stls = await cardFor(page, 'STLS');
    expect(stls.expansion).toMatch(/Specialist Teaching and Learning Service/);
    expect(stls.definition).toBeTruthy();
    expect(stls.source).toBe('Meaning from: Kent (on for this website)');
    expect((await cardFor(page, 'LIFT meeting', 'LIFT')).source).toBe('Meaning from: Kent (on for this website)');
    // The UK-wide glossaries are on as ever.
    expect((await cardFor(page, 'EHCP')).source).not.toMatch(/Kent/);
    expect(session!.blocked).toEqual([]);
    await page.close();
  });

  test('the same page on another site does not get it', async () => {
    const page = await readOn('127.0.0.1');
    const stls = await cardFor(page, 'STLS');
    expect(stls.expansion).toBeNull();
    expect(stls.definition).toBeNull();
    expect(stls.note).toMatch(/does not know this short form/);
    expect(JSON.stringify(stls)).not.toMatch(/Kent|Specialist Teaching/);
    expect(session!.blocked).toEqual([]);
    await page.close();
  });
});
