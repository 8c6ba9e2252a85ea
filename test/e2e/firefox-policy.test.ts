/**
 * A school's policy in Firefox, end to end: Debian's Firefox ESR started with a policies.json
 * (Firefox's own enterprise policies; the extension's settings under "3rdparty" → "Extensions" →
 * its add-on id), the Firefox build of the extension installed. The extension reads the policy
 * from storage.managed, the options page shows the school's settings locked and names the
 * problems in them, and the school's terms are marked in a page with their source on the card.
 * The file is a temporary one given to this browser only (see drivers/firefox.ts): nothing on
 * the machine changes. Chromium's policy files are tested in options.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GECKO_ID } from '../../wxt.config.js';
import { serveStatic } from './browser.js';
import { buildFor, launch, until, type BuiltFor, type Driver, type TestPage } from './drivers/index.js';
import { PAGES, cleanUp, type StaticServer } from './extension-helpers.js';

const POLICY = {
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
  lockSettings: true,
};

let built: BuiltFor | undefined;
let server: StaticServer | undefined;
let driver: Driver | undefined;

beforeAll(async () => {
  built = buildFor('firefox');
  const policies = join(built.tmp, 'policies.json');
  writeFileSync(policies, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: POLICY } } } }));
  server = await serveStatic([['/pages/', PAGES]]);
  driver = await launch('firefox', built.dir, { policies });
}, 180_000);

afterAll(async () => {
  await driver?.close();
  await server?.close();
  cleanUp(built?.tmp);
});

type Probe = Record<string, (...args: unknown[]) => unknown>;
const probe = <T>(page: TestPage, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(
    ([f, a]) => (window as unknown as { plainSendProbe: Probe }).plainSendProbe[f as string](...(a as unknown[])) as T,
    [fn, args] as const,
  ) as Promise<T>;

describe("a school's policy in Firefox, from policies.json", () => {
  test('the extension reads it from storage.managed', async () => {
    const managed = await driver!.background(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { managed: { get(k: null): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.managed.get(null),
    );
    expect(managed).toEqual(POLICY);
  });

  test("the options page shows the school's settings, locked, and names the problems in them", async () => {
    const page = await driver!.openExtensionPage('options.html');
    const ready = await until(
      () => page.evaluate(() => document.documentElement.dataset.ready === 'true'),
      Boolean,
      10_000,
    );
    expect(ready).toBe(true);
    const shown = await page.evaluate(() => {
      const $ = <T extends Element>(s: string) => document.querySelector<T>(s)!;
      return {
        school: !$<HTMLElement>('#school').hidden,
        errors: $('#school-errors').textContent,
        audience: $<HTMLSelectElement>('#audience').value,
        audienceLocked: $<HTMLSelectElement>('#audience').disabled,
        audienceNote: $('#audience-note').textContent,
        devon: [
          $<HTMLInputElement>('#pack-builtin-devon').checked,
          $<HTMLInputElement>('#pack-builtin-devon').disabled,
        ],
        packs: $('#school-packs').textContent,
        terms: [...document.querySelectorAll('#school-terms li')].map((li) => [
          li.querySelector('strong')?.textContent,
          li.querySelector('.locked')?.textContent,
          li.querySelectorAll('button').length,
        ]),
      };
    });
    expect(shown).toEqual({
      school: true,
      errors: expect.stringContaining(
        'School term 2 ("TAF"): an acronym needs "expansion" (what the letters stand for).',
      ),
      audience: 'school-staff',
      audienceLocked: true,
      audienceNote: expect.stringContaining('Set by your school'),
      devon: [true, true],
      packs: 'Oak Trust glossary1 termSet by your school',
      terms: [['ELSA', 'Set by your school', 0]],
    });
    expect(page.problems).toEqual([]);
    await page.close();
  });

  test("the school's terms are marked in a page, each card naming where it came from, for the school's reader", async () => {
    const page = await driver!.open(`${server!.url}/pages/textarea.html`);
    await until(() => page.evaluate(() => (window as unknown as { __ready?: boolean }).__ready === true), Boolean);
    await page.evaluate(() => document.getElementById('field')!.focus());
    await page.type('The ELSA will meet Sam in the Oak Room.');
    const want = { acronym: ['ELSA'], jargon: ['Oak Room'] };
    const same = (a: unknown) => JSON.stringify(a) === JSON.stringify(want);
    expect(await until(() => probe(page, 'mirror'), same)).toEqual(want);
    const cards: Record<string, unknown>[] = [];
    for (const word of ['ELSA', 'Oak Room']) {
      await page.moveTo(2, 2);
      await until(
        () => probe(page, 'card'),
        (c) => c === null,
        5_000,
      );
      const at = await probe<{ x: number; y: number }>(page, 'pointAt', word);
      await page.moveTo(at.x, at.y);
      cards.push(
        (await until(
          () => probe<Record<string, unknown> | null>(page, 'card'),
          (c) => c?.title === word,
          5_000,
        ))!,
      );
    }
    expect(cards[0]).toMatchObject({
      title: 'ELSA',
      definition: 'A member of staff trained to help children with their feelings.',
      source: expect.stringContaining("Your school's terms"),
    });
    expect(cards[1]).toMatchObject({ title: 'Oak Room', source: expect.stringContaining('Oak Trust glossary') });
    const badge = await probe<{ label: string } | null>(page, 'badge');
    expect(badge?.label).toContain('school staff');
    expect(page.problems).toEqual([]);
    await page.close();
  });

  test('nothing left the machine', () => {
    expect(driver!.blocked).toEqual([]);
  });
});
