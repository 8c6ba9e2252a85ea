// Bundles the command line (src/cli/main.ts) into dist/cli.mjs, with each built-in pack in its own
// chunk in dist/chunks/, read only when the pack is on.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outdir = new URL('../dist/', import.meta.url).pathname;
rmSync(`${outdir}chunks`, { recursive: true, force: true });
await build({
  entryPoints: { cli: new URL('../src/cli/main.ts', import.meta.url).pathname },
  outdir,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  define: { PLAIN_SEND_VERSION: JSON.stringify(version) },
  // mammoth and its dependencies are CommonJS and call require().
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
