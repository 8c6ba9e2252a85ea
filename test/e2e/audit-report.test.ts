/**
 * The audit's HTML report in Debian's Chromium: it loads nothing from anywhere (no script, no
 * font, no picture), axe-core finds no WCAG 2.2 A or AA problems, and it is screenshotted into
 * test/e2e/screenshots/ (git-ignored) for people to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit/command.js';
import { schoolSite, serve, type TestServer } from '../cli/audit/site.js';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, cleanUp, requireChromium } from './browser.js';

const SCREENSHOTS = join(ROOT, 'test/e2e/screenshots');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'plain-send-audit-e2e-'));
const reportPath = join(work, 'report.html');

let browser: Browser;
let site: TestServer;
let elsewhere: TestServer;

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

beforeAll(async () => {
  requireChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
  elsewhere = await serve({});
  site = await schoolSite(elsewhere.url, { slowMs: 3000 });
  const code = await runAudit([`${site.url}/`, '--delay', '0', '--timeout', '1', '--out', reportPath], {
    stdout: () => {},
    stderr: () => {},
    version: 'test',
  });
  expect(code).toBe(0);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await elsewhere?.close();
  cleanUp(work);
});

describe('the audit report in Chromium', () => {
  it('asks for nothing but itself, has no WCAG 2.2 A or AA problems, and is screenshotted', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } });
    const asked: string[] = [];
    await page.route('**/*', (route) => {
      asked.push(route.request().url());
      return route.request().url().startsWith('file://') ? route.continue() : route.abort();
    });
    await page.goto(`file://${reportPath}`);
    expect(asked).toEqual([`file://${reportPath}`]);
    expect(await page.locator('script').count()).toBe(0);

    // What a reader sees: headings for each part, the chart named, the checklist's one gap.
    expect(await page.locator('h2').allTextContents()).toEqual([
      'Summary',
      'Reading age by page',
      'Terms to explain',
      'SEN Information Report checklist',
      'Long sentences',
      'Each page',
      'Could not be read',
    ]);
    await expect.poll(() => page.getByRole('img', { name: 'Reading age by page' }).count()).toBe(1);
    const notFound = page.locator('section[aria-labelledby="checklist"] tbody tr', { hasText: 'Not found' });
    expect(await notFound.count()).toBe(1);
    expect(await notFound.locator('th').textContent()).toBe('Paragraph 13');
    expect(await page.locator('section[aria-labelledby="terms"] tbody tr').first().locator('th').textContent()).toBe(
      'EHCP',
    );
    expect(await page.locator('section[aria-labelledby="unread"] tbody tr').count()).toBe(6);

    await page.evaluate(AXE);
    const result = await page.evaluate(() =>
      (window as unknown as { axe: { run(c: Document, o: unknown): Promise<AxeResult> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
      }),
    );
    expect(
      result.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
      ),
    ).toEqual([]);

    await page.screenshot({ path: join(SCREENSHOTS, 'audit-report.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-report-full.png'), fullPage: true });
    await page.close();
  });

  it('keeps its light colours, with no contrast problems, for a reader who prefers dark', async () => {
    const page = await browser.newPage({ colorScheme: 'dark' });
    await page.goto(`file://${reportPath}`);
    await page.evaluate(AXE);
    const result = await page.evaluate(() =>
      (window as unknown as { axe: { run(c: Document, o: unknown): Promise<AxeResult> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2aa'] },
        resultTypes: ['violations'],
      }),
    );
    expect(
      result.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ') + ' ' + JSON.stringify(n)).join('; ')}`,
      ),
    ).toEqual([]);
    await page.close();
  });
});
