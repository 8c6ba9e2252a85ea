/**
 * The cross-browser driver for Debian's Firefox ESR, through puppeteer-core over WebDriver BiDi,
 * with the unpacked Firefox build installed as a temporary add-on. Playwright cannot drive it
 * (it needs its own patched Firefox).
 *
 * Nothing leaves the machine: every connection Firefox makes to anywhere but this machine (a
 * page's, the extension's, Firefox's own) goes through a proxy here that records and refuses it.
 */
import { existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../wxt.config.js';
import { isLocal, type Driver, type Key, type LaunchOptions, type TestPage } from './driver.js';

export const FIREFOX = '/usr/bin/firefox-esr';
/** The extension's internal host (moz-extension://<uuid>/), fixed by a pref so its pages can be opened. */
const UUID = '5e4d0c1a-7b1f-4c7e-9a51-0d5e11a7e5e0';

export function requireFirefox(): void {
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `${FIREFOX} is missing: the Firefox end-to-end tests need Debian's Firefox ESR (apt-get install -y firefox-esr). Never download a browser.`,
    );
  }
}

/**
 * A forward proxy that refuses everything, recording what was asked for (http://… or host:port
 * for HTTPS), except plain HTTP to the names in `hosts`, which it passes to the same port on
 * 127.0.0.1 (what Chromium's `--host-resolver-rules` does).
 */
async function guardProxy(blocked: string[], hosts: readonly string[]): Promise<{ port: number; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://invalid');
    if (url.protocol === 'http:' && hosts.includes(url.hostname)) {
      const onward = request(
        {
          host: '127.0.0.1',
          port: url.port || 80,
          path: url.pathname + url.search,
          method: req.method,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      onward.on('error', () => res.writeHead(502).end());
      req.pipe(onward);
      return;
    }
    blocked.push(req.url ?? '?');
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    blocked.push(`https://${req.url ?? '?'}`);
    socket.destroy();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no address');
  return { port: address.port, server };
}

async function press(page: Page, key: Key): Promise<void> {
  const chord: Record<Key, string[]> = {
    Enter: ['Enter'],
    Escape: ['Escape'],
    End: ['End'],
    Undo: ['Control', 'z'],
    'Alt+Shift+P': ['Alt', 'Shift', 'P'],
    'Alt+Shift+N': ['Alt', 'Shift', 'N'],
    'Ctrl+Home': ['Control', 'Home'],
  };
  const keys = chord[key] as Parameters<Page['keyboard']['press']>[0][];
  for (const k of keys.slice(0, -1)) await page.keyboard.down(k);
  await page.keyboard.press(keys[keys.length - 1]);
  for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k);
}

async function wrap(page: Page): Promise<TestPage> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e instanceof Error ? e.message : String(e)));
  await page.setViewport({ width: 1000, height: 720 });
  return {
    problems,
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    addScript: async (source) => {
      await page.evaluate(source);
    },
    type: (text) => page.keyboard.type(text),
    press: (key) => press(page, key),
    moveTo: (x, y) => page.mouse.move(x, y),
    clickAt: (x, y) => page.mouse.click(x, y),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
}

/**
 * `options.policies`: Firefox reads `browser.policies.alternatePath` only under automation, which
 * also needs non-local connections turned off: both are set for this browser only; nothing on the
 * machine changes.
 */
export async function launchFirefox(extensionDir: string, options: LaunchOptions = {}): Promise<Driver> {
  requireFirefox();
  const blocked: string[] = [];
  const proxy = await guardProxy(blocked, options.hosts ?? []);
  const prefs: Record<string, unknown> = {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxy.port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxy.port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    // Firefox's own Remote Settings sync (blocklists and the like) would be refused and recorded
    // above; it is not ours, so it is pointed nowhere, as Mozilla's own test profiles do.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
  };
  // Without this Firefox ignores the Remote Settings server pref above.
  const env: Record<string, string | undefined> = { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' };
  if (options.policies) {
    prefs['browser.policies.alternatePath'] = options.policies;
    prefs['security.turn_off_all_security_so_that_viruses_can_take_over_this_computer'] = true;
    env.MOZ_DISABLE_NONLOCAL_CONNECTIONS = '1';
  }
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      // Lets the tests open the extension's own pages (moz-extension://).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: prefs,
      env,
    });
    await browser.installExtension(extensionDir);
  } catch (e) {
    proxy.server.close();
    throw e;
  }

  const open = async (url: string) => {
    const page = await browser.newPage();
    const wrapped = await wrap(page);
    if (url.startsWith('moz-extension:')) {
      // Puppeteer's goto waits for navigation events that BiDi does not send for extension pages.
      await (
        page.mainFrame() as unknown as { browsingContext: { navigate(u: string, wait: string): Promise<void> } }
      ).browsingContext.navigate(url, 'complete');
      await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', {}, url);
    } else await page.goto(url);
    return wrapped;
  };
  let extensionPage: TestPage | undefined;
  return {
    name: 'firefox',
    blocked,
    open,
    openExtensionPage: (path) => open(`moz-extension://${UUID}/${path}`),
    // In an extension page, with the background page's globals it needs (its own `chrome` is the same extension's).
    background: async (fn, arg) => {
      extensionPage ??= await open(`moz-extension://${UUID}/glossary.html`);
      await extensionPage.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } })
          .browser;
        const bg = (await api.runtime.getBackgroundPage()) as unknown as Record<string, unknown>;
        (globalThis as unknown as Record<string, unknown>).plainSendRead = bg.plainSendRead;
      });
      return extensionPage.evaluate(fn, arg) as never;
    },
    close: async () => {
      await browser.close();
      await new Promise<void>((ok) => proxy.server.close(() => ok()));
    },
  };
}

export { isLocal };
