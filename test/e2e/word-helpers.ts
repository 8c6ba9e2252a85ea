/**
 * For the Word task pane's end-to-end tests: build the pane into a temporary folder, serve it
 * from 127.0.0.1 on a random port with node:http, and open it in Debian's Chromium with
 * Playwright, aborting (and recording) every request that is not to 127.0.0.1 or to Microsoft's
 * Office.js address. The test machine has no internet, so that address is answered from the
 * @microsoft/office-js npm package (an old copy of the same files), or refused when a test asks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, cleanUp, requireChromium, serveStatic, type StaticServer } from './browser.js';

export { ROOT, cleanUp, type StaticServer };

/** Where the pane loads Office.js from (Microsoft's CDN), and the folder of files served for it in the tests. */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
export const OFFICE_JS_STAND_IN = join(ROOT, 'node_modules/@microsoft/office-js/dist');

/** The stand-in's file for a CDN address (Office.js asks for some folders in other cases), or undefined. */
function standIn(url: string): string | undefined {
  const rest = decodeURIComponent(new URL(url).pathname.slice(new URL(OFFICE_JS_CDN).pathname.length));
  if (rest.split('/').includes('..')) return undefined;
  for (const candidate of [rest, rest.toLowerCase()]) {
    const file = join(OFFICE_JS_STAND_IN, candidate);
    if (existsSync(file) && !file.endsWith('/')) return file;
  }
  return undefined;
}

/** Builds the pane (vite, vite.word.config.ts) into a new temporary folder and returns it. */
export function buildPane(): string {
  const out = mkdtempSync(join(tmpdir(), 'plain-send-word-'));
  const vite = join(ROOT, 'node_modules/.bin/vite');
  const r = spawnSync(vite, ['build', '--config', 'vite.word.config.ts'], {
    cwd: ROOT,
    env: { ...process.env, PLAIN_SEND_WORD_OUT: out, PLAIN_SEND_WORD_URL: '' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  if (!existsSync(join(out, 'index.html'))) throw new Error(`vite build wrote no index.html in ${out}`);
  return out;
}

/** Serves the built pane from 127.0.0.1 (`/` is its index.html). */
export function serve(dir: string): Promise<StaticServer> {
  return serveStatic([['/', dir]]);
}

export async function launch(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface PaneSession {
  page: Page;
  /** Requests to anywhere but 127.0.0.1 and the Office.js CDN (all aborted). */
  blocked: string[];
  /** Requests to the Office.js CDN (answered from the stand-in, or aborted with `office: 'offline'`). */
  office: string[];
  /** Console errors and page errors (not the browser's own CSP messages: see `violations`). */
  problems: string[];
  /** Content-Security-Policy violations: what was blocked, and which script tried. */
  violations: { directive: string; blocked: string; source: string }[];
}

export interface OpenOptions {
  /** The query string: the memory port unless told otherwise. */
  query?: string;
  /** `stand-in` answers the Office.js CDN from the npm package; `offline` refuses it (no internet). */
  office?: 'stand-in' | 'offline';
  /** Waits for html[data-ready] (the pane started with a port); otherwise for the page's load event. */
  waitReady?: boolean;
}

/** Opens the pane (with the memory port unless told otherwise) and waits until it is ready. */
export async function openPane(browser: Browser, base: string, options: OpenOptions = {}): Promise<PaneSession> {
  const { query = 'port=memory', office: officeMode = 'stand-in', waitReady = true } = options;
  const context = await browser.newContext({ acceptDownloads: true });
  const blocked: string[] = [];
  const office: string[] = [];
  const problems: string[] = [];
  const violations: PaneSession['violations'] = [];
  await context.exposeBinding(
    '__plainSendViolation',
    (_source, v: PaneSession['violations'][number]) => void violations.push(v),
  );
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    if (url.href.startsWith(OFFICE_JS_CDN)) {
      office.push(url.href);
      const file = officeMode === 'stand-in' ? standIn(url.href) : undefined;
      if (!file) return route.abort('internetdisconnected');
      const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.css') ? 'text/css' : 'text/javascript';
      return route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
    }
    blocked.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Content Security Policy/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __plainSendViolation: (v: unknown) => void }).__plainSendViolation({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
      });
    });
  });
  await page.goto(`${base}/index.html?${query}`);
  if (waitReady) await page.waitForSelector('html[data-ready]');
  return { page, blocked, office, problems, violations };
}
