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
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { hostUrlFrom, paneConfig, root } from './vite.office.js';

/** The address the add-in is hosted at, from PLAIN_SEND_OUTLOOK_URL (https only), without a trailing slash. */
export const outlookHostUrl = (env: NodeJS.ProcessEnv = process.env): string =>
  hostUrlFrom('PLAIN_SEND_OUTLOOK_URL', env);

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

export default paneConfig({
  addIn: 'outlook',
  pages: ['index', 'commands', 'help'],
  outVariable: 'PLAIN_SEND_OUTLOOK_OUT',
  urlVariable: 'PLAIN_SEND_OUTLOOK_URL',
  manifest: 'outlook/manifest.xml',
  extra: (outDir) => buildLaunchEvent(join(outDir, 'launchevent.js')),
});
