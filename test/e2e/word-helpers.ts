/**
 * For the Word task pane's end-to-end tests: build the pane into a temporary folder, serve it
 * from 127.0.0.1 on a random port with node:http, and open it in Debian's Chromium with
 * Playwright, aborting (and recording) every request that is not to 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const CHROMIUM = '/usr/bin/chromium';

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

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.md': 'text/markdown',
};

export interface StaticServer {
  url: string;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function serve(dir: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(path);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (never download a browser).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
  await context.exposeBinding('__plainSendViolation', (_source, v: PaneSession['violations'][number]) => void violations.push(v));
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

export function cleanUp(dir: string | undefined): void {
  if (dir && dir.startsWith(tmpdir())) rmSync(dir, { recursive: true, force: true });
}
