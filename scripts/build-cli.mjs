// Bundles the command line (src/cli/main.ts) into dist/cli.mjs, one file with the engine and glossary.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  outfile: new URL('../dist/cli.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  define: { PLAIN_SEND_VERSION: JSON.stringify(version) },
  // mammoth and its dependencies are CommonJS and call require().
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // pdf.js is loaded from node_modules when a PDF is met: bundled, its worker could not be found.
  external: ['pdfjs-dist'],
  logLevel: 'warning',
});
