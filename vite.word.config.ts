/**
 * Builds the Word task pane to static files in dist/word/, ready to host over https:
 * index.html (the pane, which loads Office.js from Microsoft's CDN as Microsoft requires),
 * help.html, icons/ and manifest.xml with every https://localhost:3000 replaced by
 * PLAIN_SEND_WORD_URL when that is set. No file of the @microsoft/office-js npm package is
 * copied: that package is an old snapshot (the end-to-end tests use it as a stand-in for the CDN).
 *
 *   npm run build:word
 *   PLAIN_SEND_WORD_URL=https://apps.example.sch.uk/plain-send npm run build:word
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
/** PLAIN_SEND_WORD_OUT builds elsewhere (the end-to-end tests build into a temporary folder). */
const outDir = process.env.PLAIN_SEND_WORD_OUT ? resolve(process.env.PLAIN_SEND_WORD_OUT) : resolve(root, 'dist/word');
export const DEV_URL = 'https://localhost:3000';

/** The address the pane is hosted at, from PLAIN_SEND_WORD_URL (https only), without a trailing slash. */
export function hostUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.PLAIN_SEND_WORD_URL?.trim();
  if (!raw) return DEV_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PLAIN_SEND_WORD_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`PLAIN_SEND_WORD_URL must start with https:// (Office loads add-ins over https only): ${raw}`);
  if (url.search || url.hash) throw new Error(`PLAIN_SEND_WORD_URL must not have a query or fragment: ${raw}`);
  return url.href.replace(/\/+$/, '');
}

/** The manifest with every URL in an attribute moved from the development address to `url`. */
export function hostManifest(manifest: string, url: string): string {
  return manifest.replace(/="https:\/\/localhost:3000(?=[/"])/g, `="${url}`);
}

function wordExtras(): Plugin {
  return {
    name: 'plain-send-word',
    apply: 'build',
    closeBundle() {
      const manifest = readFileSync(resolve(root, 'manifest.xml'), 'utf8');
      writeFileSync(join(outDir, 'manifest.xml'), hostManifest(manifest, HOST));
    },
  };
}

const HOST = hostUrl(); // fails fast on a bad PLAIN_SEND_WORD_URL

export default defineConfig({
  root: resolve(root, 'src/word/taskpane'),
  publicDir: resolve(root, 'src/public'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        index: resolve(root, 'src/word/taskpane/index.html'),
        help: resolve(root, 'src/word/taskpane/help.html'),
      },
    },
  },
  plugins: [wordExtras()],
});
