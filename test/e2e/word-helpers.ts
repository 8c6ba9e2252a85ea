/**
 * For the Word task pane's end-to-end tests: build the pane into a temporary folder, serve it
 * from 127.0.0.1 on a random port with node:http, and open it in Debian's Chromium with
 * Playwright, aborting (and recording) every request that is not to 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, cleanUp, requireChromium, serveStatic, type StaticServer } from './browser.js';

export { ROOT, cleanUp, type StaticServer };

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
  /** Requests to anywhere but 127.0.0.1 (all aborted). */
  blocked: string[];
  /** Console errors and page errors (not the browser's own CSP messages: see `violations`). */
  problems: string[];
  /** Content-Security-Policy violations: what was blocked, and which script tried. */
  violations: { directive: string; blocked: string; source: string }[];
}

/** Opens the pane with the memory port and waits until it is ready. */
export async function openPane(browser: Browser, base: string, query = 'port=memory'): Promise<PaneSession> {
  const context = await browser.newContext({ acceptDownloads: true });
  const blocked: string[] = [];
  const problems: string[] = [];
  const violations: PaneSession['violations'] = [];
  await context.exposeBinding(
    '__plainSendViolation',
    (_source, v: PaneSession['violations'][number]) => void violations.push(v),
  );
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
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
  await page.waitForSelector('html[data-ready]');
  return { page, blocked, problems, violations };
}
