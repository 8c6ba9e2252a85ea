/**
 * What the Word and Outlook add-ins' builds share: where they are hosted, the manifest moved to that
 * address, and one vite configuration for a task pane (static files, ready to host over https).
 * Office.js is loaded from Microsoft's CDN by the pages themselves, as Microsoft requires.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

export const root = dirname(fileURLToPath(import.meta.url));
export const DEV_URL = 'https://localhost:3000';

/** The address an add-in is hosted at, from the variable `name` (https only), without a trailing slash. */
export function hostUrlFrom(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const raw = env[name]?.trim();
  if (!raw) return DEV_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`${name} must start with https:// (Office loads add-ins over https only): ${raw}`);
  if (url.search || url.hash) throw new Error(`${name} must not have a query or fragment: ${raw}`);
  return url.href.replace(/\/+$/, '');
}

/** The manifest with every URL in an attribute moved from the development address to `url`. */
export function hostManifest(manifest: string, url: string): string {
  return manifest.replace(/="https:\/\/localhost:3000(?=[/"])/g, `="${url}`);
}

export interface PaneBuild {
  /** The pane's folder under src (`word`, `outlook`): its taskpane/ holds the pages. */
  addIn: string;
  /** The pages of taskpane/, without `.html`. */
  pages: readonly string[];
  /** The environment variable that builds elsewhere (the end-to-end tests build into a temporary folder). */
  outVariable: string;
  /** The environment variable with the hosting address. */
  urlVariable: string;
  /** The manifest, from the project root. */
  manifest: string;
  /** More to write into the output folder once the pages are built. */
  extra?: (outDir: string) => Promise<void> | void;
}

/** The vite configuration of one add-in's pane; fails fast on a bad hosting address. */
export function paneConfig(pane: PaneBuild, env: NodeJS.ProcessEnv = process.env): UserConfig {
  const outDir = env[pane.outVariable] ? resolve(env[pane.outVariable]!) : resolve(root, 'dist', pane.addIn);
  const host = hostUrlFrom(pane.urlVariable, env);
  const folder = resolve(root, 'src', pane.addIn, 'taskpane');
  const finish: Plugin = {
    name: `plain-send-${pane.addIn}`,
    apply: 'build',
    async closeBundle() {
      await pane.extra?.(outDir);
      const manifest = readFileSync(resolve(root, pane.manifest), 'utf8');
      writeFileSync(join(outDir, 'manifest.xml'), hostManifest(manifest, host));
    },
  };
  return defineConfig({
    root: folder,
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
      rollupOptions: { input: Object.fromEntries(pane.pages.map((p) => [p, join(folder, `${p}.html`)])) },
    },
    plugins: [finish],
  });
}
