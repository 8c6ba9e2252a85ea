/**
 * Builds the Outlook add-in to static files in dist/outlook/, ready to host over https:
 * index.html (the pane), commands.html and launchevent.js (the check at Send: launchevent.js is
 * one classic script with no imports, as classic Outlook on Windows needs), help.html, icons/ and
 * manifest.xml with every https://localhost:3000 replaced by PLAIN_SEND_OUTLOOK_URL when that is
 * set. Office.js is loaded from Microsoft's CDN, as for Word.
 *
 *   npm run build:outlook
 *   PLAIN_SEND_OUTLOOK_URL=https://apps.example.sch.uk/plain-send-outlook npm run build:outlook
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import { hostManifest, hostUrl } from './vite.word.config.js';

const root = dirname(fileURLToPath(import.meta.url));
/** PLAIN_SEND_OUTLOOK_OUT builds elsewhere (the end-to-end tests build into a temporary folder). */
const outDir = process.env.PLAIN_SEND_OUTLOOK_OUT
  ? resolve(process.env.PLAIN_SEND_OUTLOOK_OUT)
  : resolve(root, 'dist/outlook');

/** The address the add-in is hosted at, from PLAIN_SEND_OUTLOOK_URL (https only), without a trailing slash. */
export function outlookHostUrl(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return hostUrl({ PLAIN_SEND_WORD_URL: env.PLAIN_SEND_OUTLOOK_URL });
  } catch (error) {
    throw new Error((error as Error).message.replace(/PLAIN_SEND_WORD_URL/g, 'PLAIN_SEND_OUTLOOK_URL'));
  }
}

/** The check at Send as one classic script: no imports (classic Outlook's JavaScript-only runtime has none). */
export async function buildLaunchEvent(outfile: string): Promise<void> {
  await build({
    entryPoints: [resolve(root, 'src/outlook/send/launch-event.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    outfile,
    logLevel: 'warning',
  });
}

function outlookExtras(): Plugin {
  return {
    name: 'plain-send-outlook',
    apply: 'build',
    async closeBundle() {
      await buildLaunchEvent(join(outDir, 'launchevent.js'));
      const manifest = readFileSync(resolve(root, 'outlook/manifest.xml'), 'utf8');
      writeFileSync(join(outDir, 'manifest.xml'), hostManifest(manifest, HOST));
    },
  };
}

const HOST = outlookHostUrl(); // fails fast on a bad PLAIN_SEND_OUTLOOK_URL

export default defineConfig({
  root: resolve(root, 'src/outlook/taskpane'),
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
        index: resolve(root, 'src/outlook/taskpane/index.html'),
        commands: resolve(root, 'src/outlook/taskpane/commands.html'),
        help: resolve(root, 'src/outlook/taskpane/help.html'),
      },
    },
  },
  plugins: [outlookExtras()],
});
