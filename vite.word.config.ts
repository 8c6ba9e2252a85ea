/**
 * Builds the Word task pane to static files in dist/word/, ready to host over https:
 * index.html (the pane), help.html, icons/, office-js/ (Office.js from @microsoft/office-js,
 * served from the same place as the pane instead of Microsoft's CDN) and manifest.xml with
 * every https://localhost:3000 replaced by PLAIN_SEND_WORD_URL when that is set.
 *
 *   npm run build:word
 *   PLAIN_SEND_WORD_URL=https://apps.example.sch.uk/plain-send npm run build:word
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, defineConfig, type Plugin } from 'vite';

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

/** Office.js files the pane needs: the loader, Word's host files, strings for each language, the error page. */
function copyOfficeJs(to: string): void {
  const from = resolve(root, 'node_modules/@microsoft/office-js/dist');
  if (!existsSync(join(from, 'office.js')))
    throw new Error('node_modules/@microsoft/office-js is missing: run npm ci.');
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const name = entry.name;
    if (entry.isFile()) {
      if (name.endsWith('.debug.js') || !name.endsWith('.js')) continue;
      if (
        name === 'office.js' ||
        /^word/.test(name) ||
        name === 'o15apptofilemappingtable.js' ||
        name === 'es6-promise.js'
      )
        cpSync(join(from, name), join(to, name));
    } else if (entry.isDirectory()) {
      if (name === 'telemetry' || name === 'ariatelemetry') {
        // Office.js loads these; the pane's Content-Security-Policy (connect-src 'none') stops them sending anything.
        cpSync(join(from, name), join(to, name), { recursive: true, filter: (src) => !src.endsWith('.debug.js') });
      } else if (name === 'agaveerrorux') {
        // Office.js asks for "AgaveErrorUX/"; hosts may be case-sensitive, so both spellings.
        cpSync(join(from, name), join(to, name), { recursive: true });
        cpSync(join(from, name), join(to, 'AgaveErrorUX'), { recursive: true });
      } else if (existsSync(join(from, name, 'office_strings.js'))) {
        mkdirSync(join(to, name), { recursive: true });
        cpSync(join(from, name, 'office_strings.js'), join(to, name, 'office_strings.js'));
      }
    }
  }
  cpSync(resolve(root, 'node_modules/@microsoft/office-js/LICENSE.md'), join(to, 'LICENSE.md'));
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
      copyOfficeJs(join(outDir, 'office-js'));
      const manifest = readFileSync(resolve(root, 'manifest.xml'), 'utf8');
      writeFileSync(join(outDir, 'manifest.xml'), hostManifest(manifest, HOST));
    },
  };
}

/** Vite warns that office.js is a classic script it does not bundle: that is the point, so not a warning. */
function quietLogger() {
  const logger = createLogger('warn');
  const warn = logger.warn.bind(logger);
  logger.warn = (message, options) => {
    if (message.includes('office-js/office.js') && message.includes("can't be bundled")) return;
    warn(message, options);
  };
  return logger;
}

const HOST = hostUrl(); // fails fast on a bad PLAIN_SEND_WORD_URL

export default defineConfig({
  root: resolve(root, 'src/word/taskpane'),
  publicDir: resolve(root, 'src/public'),
  base: './',
  logLevel: 'warn',
  customLogger: quietLogger(),
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
