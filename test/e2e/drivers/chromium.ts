/** The cross-browser driver for Debian's Chromium, through playwright-core, with the unpacked extension loaded. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, cleanUp, requireChromium } from '../browser.js';
import { isLocal, type Driver, type Key, type LaunchOptions, type TestPage } from './driver.js';

const CHORDS: Record<Key, string> = {
  Enter: 'Enter',
  Escape: 'Escape',
  End: 'End',
  Undo: 'Control+z',
  'Alt+Shift+P': 'Alt+Shift+P',
  'Alt+Shift+N': 'Alt+Shift+N',
  'Ctrl+Home': 'Control+Home',
};

function wrap(page: Page): TestPage {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  return {
    problems,
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    addScript: async (source) => {
      await page.evaluate(source);
    },
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(CHORDS[key]),
    moveTo: (x, y) => page.mouse.move(x, y),
    clickAt: (x, y) => page.mouse.click(x, y),
    screenshot: async (path) => {
      await page.screenshot({ path, caret: 'initial' });
    },
    close: () => page.close(),
  };
}

export async function launchChromium(extensionDir: string, options: LaunchOptions = {}): Promise<Driver> {
  const hosts = options.hosts ?? [];
  requireChromium();
  const userData = mkdtempSync(join(tmpdir(), 'plain-send-profile-'));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 720 },
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(hosts.length ? [`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`] : []),
    ],
  });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const href = route.request().url();
    if (isLocal(href, hosts)) return route.continue();
    blocked.push(href);
    return route.abort();
  });
  // Requests the router does not see (the service worker's own): recorded too.
  context.on('request', (r) => {
    if (!isLocal(r.url(), hosts) && !blocked.includes(r.url())) blocked.push(r.url());
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const id = new URL(worker.url()).host;
  const open = async (url: string) => {
    const page = await context.newPage();
    const wrapped = wrap(page);
    await page.goto(url);
    return wrapped;
  };
  return {
    name: 'chromium',
    blocked,
    open,
    openExtensionPage: (path) => open(`chrome-extension://${id}/${path}`),
    background: (fn, arg) => worker.evaluate(fn as never, arg) as never,
    close: async () => {
      await context.close();
      cleanUp(userData);
    },
  };
}
