/**
 * For the extension's end-to-end tests: build the extension with WXT into a temporary folder,
 * make a test copy whose content script also runs on http://127.0.0.1 (the only change), bundle
 * the real editors for the test pages with esbuild, serve the pages from 127.0.0.1 with
 * node:http, and launch Debian's Chromium with the extension loaded, aborting (and recording)
 * every request that is not to 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, cleanUp, requireChromium, serveStatic, type StaticServer } from './browser.js';

export { ROOT, cleanUp, requireChromium, type StaticServer };
export const PAGES = join(ROOT, 'test/e2e/pages');
export const SCREENSHOTS = join(ROOT, 'test/e2e/screenshots');

export interface Built {
  /** The production build (what the zips hold). */
  production: string;
  /** A copy whose content script also matches http://127.0.0.1/*. */
  testCopy: string;
  tmp: string;
}

const BUILD_LOCK = join(tmpdir(), 'plain-send-wxt-build.lock');

/**
 * Runs one WXT build at a time across the test files (they run in parallel workers): every build
 * rewrites WXT's generated files in .wxt/, and a Chrome and a Firefox build write different ones.
 */
function oneBuildAtATime<T>(build: () => T): T {
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // A lock left by a test run that was killed mid-build (a build takes well under a minute).
      try {
        if (Date.now() - statSync(BUILD_LOCK).mtimeMs > 180_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      } catch {
        // Gone already.
      }
      Atomics.wait(wait, 0, 0, 200);
    }
  }
  try {
    return build();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** Builds the Chrome extension once (WXT), then the test copy. */
export function buildExtension(): Built {
  const tmp = mkdtempSync(join(tmpdir(), 'plain-send-ext-'));
  const wxt = join(ROOT, 'node_modules/.bin/wxt');
  const r = oneBuildAtATime(() =>
    spawnSync(wxt, ['build'], {
      cwd: ROOT,
      env: { ...process.env, PLAIN_SEND_EXT_OUT: join(tmp, 'out') },
      encoding: 'utf8',
    }),
  );
  const production = join(tmp, 'out/chrome-mv3');
  if (r.status !== 0 || !existsSync(join(production, 'manifest.json')))
    throw new Error(`wxt build failed:\n${r.stdout}\n${r.stderr}`);
  const testCopy = join(tmp, 'test-ext');
  cpSync(production, testCopy, { recursive: true });
  const manifestPath = join(testCopy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.content_scripts[0].matches.push('http://127.0.0.1/*');
  manifest.host_permissions.push('http://127.0.0.1/*');
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { production, testCopy, tmp };
}

/** Builds the Firefox extension (WXT, `-b firefox`) into `dir` and returns its folder. */
export function buildFirefoxExtension(dir: string): string {
  const wxt = join(ROOT, 'node_modules/.bin/wxt');
  const r = oneBuildAtATime(() =>
    spawnSync(wxt, ['build', '-b', 'firefox'], {
      cwd: ROOT,
      env: { ...process.env, PLAIN_SEND_EXT_OUT: dir },
      encoding: 'utf8',
    }),
  );
  const out = join(dir, 'firefox-mv3');
  if (r.status !== 0 || !existsSync(join(out, 'manifest.json')))
    throw new Error(`wxt build -b firefox failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

/** Bundles the editors the pages use (CKEditor 5, ProseMirror, Lexical, Slate on React) into `dir`. */
export async function bundleEditors(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: {
      ckeditor: join(PAGES, 'ckeditor.entry.js'),
      prosemirror: join(PAGES, 'prosemirror.entry.js'),
      lexical: join(PAGES, 'lexical.entry.js'),
      slate: join(PAGES, 'slate.entry.js'),
    },
    bundle: true,
    format: 'iife',
    outdir: dir,
    minify: true,
    logLevel: 'silent',
    legalComments: 'none',
    // React's and Lexical's production builds, as a site would ship them.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
}

/** Serves /pages/ (test pages), /bundles/ (esbuild output) and a few editor folders of node_modules. */
export async function serve(bundles: string): Promise<StaticServer> {
  const mounts: [string, string][] = [
    ['/pages/', PAGES],
    ['/bundles/', bundles],
    ['/node_modules/quill/dist/', join(ROOT, 'node_modules/quill/dist')],
    ['/node_modules/tinymce/', join(ROOT, 'node_modules/tinymce')],
    ['/node_modules/ckeditor5/dist/', join(ROOT, 'node_modules/ckeditor5/dist')],
    ['/node_modules/prosemirror-view/style/', join(ROOT, 'node_modules/prosemirror-view/style')],
  ];
  return serveStatic(mounts);
}

export interface Session {
  context: BrowserContext;
  worker: Worker;
  /** Requests to anywhere but 127.0.0.1 (all aborted). */
  blocked: string[];
  problems: string[];
  userData: string;
}

export async function launchWithExtension(extensionDir: string): Promise<Session> {
  requireChromium();
  const userData = mkdtempSync(join(tmpdir(), 'plain-send-profile-'));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 720 },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const local = (host: string) => host === '127.0.0.1';
  const blocked: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (
      local(url.hostname) ||
      url.protocol === 'data:' ||
      url.protocol === 'blob:' ||
      url.protocol === 'chrome-extension:'
    )
      return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (
      !local(url.hostname) &&
      !['data:', 'blob:', 'chrome-extension:'].includes(url.protocol) &&
      !blocked.includes(url.href)
    )
      blocked.push(url.href);
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return { context, worker, blocked, problems, userData };
}
