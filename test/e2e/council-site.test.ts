/**
 * A council's own site gets its glossary without the user doing anything, in both browsers
 * (Debian's Chromium and Firefox ESR, each with its own build, through drivers/): the same page
 * served as www.kent.gov.uk (the driver sends that name to 127.0.0.1: Chromium's
 * `--host-resolver-rules`, Firefox's proxy; every other request is still refused) and as
 * 127.0.0.1. Read mode is switched on as the shortcut does it (see read-helpers.ts). Only
 * there is Kent's glossary loaded, its words marked with their meaning, and the card says the
 * glossary is on for this website.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAnalyser } from '../../src/engine/index.js';
import { optionsFor, settingsForSite } from '../../src/browser/messages/engine-service.js';
import { serveStatic, type StaticServer } from './browser.js';
import { BROWSERS, buildFor, launch, type BuiltFor, type Driver, type TestPage } from './drivers/index.js';
import { cleanUp } from './extension-helpers.js';
import { SETTINGS, readMarks, readUi, setReadMode, tabIdOf, waitForValue } from './read-helpers.js';

const COUNCIL = 'www.kent.gov.uk';
const TEXT = [
  'Support for your child in a Kent school',
  'If your child needs more help, the school may ask the STLS for advice. A teacher from the service can visit.',
  'The school may also bring your child’s needs to the next LIFT meeting, before you ask for an EHCP.',
];

let server: StaticServer | undefined;
let generated: string;
let port: string;

beforeAll(async () => {
  generated = mkdtempSync(join(tmpdir(), 'plain-send-council-'));
  const [h1, ...paragraphs] = TEXT;
  writeFileSync(
    join(generated, 'send.html'),
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>SEND support</title></head>` +
      `<body><main><h1>${h1}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</main></body></html>`,
  );
  server = await serveStatic([['/gen/', generated]]);
  port = new URL(server.url).port;
});

afterAll(async () => {
  await server?.close();
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

describe.each(BROWSERS)('in %s', (browserName) => {
  let built: BuiltFor | undefined;
  let driver: Driver | undefined;

  beforeAll(async () => {
    built = buildFor(browserName);
    // As for 127.0.0.1: the test copy may run read mode on the council's site without a user gesture.
    const manifestPath = join(built.dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.host_permissions.push(`http://${COUNCIL}/*`);
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    driver = await launch(browserName, built.dir, { hosts: [COUNCIL] });
  }, 180_000);

  afterAll(async () => {
    await driver?.close();
    cleanUp(built?.tmp);
  });

  /** Opens the page under `host`, turns read mode on, and waits for its marks. */
  async function readOn(host: string): Promise<TestPage> {
    const page = await driver!.open(`http://${host}:${port}/gen/send.html`);
    expect(page.url()).toBe(`http://${host}:${port}/gen/send.html`);
    const tab = await tabIdOf(driver!, page);
    expect((await setReadMode(driver!, tab, true)).on).toBe(true);
    const want = expected(host);
    expect(await waitForValue(() => readMarks(page), want)).toEqual(want);
    return page;
  }

  /** Clicks the first mark on `word` and gives its card (titled with the glossary's term). */
  async function cardFor(page: TestPage, word: string, title = word) {
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
    await page.clickAt(at!.x, at!.y);
    await expect.poll(async () => (await readUi(page)).card?.title, { timeout: 5_000 }).toBe(title);
    const { card } = await readUi(page);
    await page.press('Escape');
    return card!;
  }

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
    expect(page.problems).toEqual([]);
    expect(driver!.blocked).toEqual([]);
    await page.close();
  });

  test('the same page on another site does not get it', async () => {
    const page = await readOn('127.0.0.1');
    const stls = await cardFor(page, 'STLS');
    expect(stls.expansion).toBeNull();
    expect(stls.definition).toBeNull();
    expect(stls.note).toMatch(/does not know this short form/);
    expect(JSON.stringify(stls)).not.toMatch(/Kent|Specialist Teaching/);
    expect(page.problems).toEqual([]);
    expect(driver!.blocked).toEqual([]);
    await page.close();
  });
});
