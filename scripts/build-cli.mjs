// Bundles the command line (src/cli/) into dist/: cli.mjs, the worker thread's worker.mjs, and
// chunks loaded only when a run needs them (the engine, each built-in pack on its own, the .docx and HTML readers,
// the YAML parser), so `plain-send --help` loads none of them.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const at = (path) => new URL(path, import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(at('../package.json'), 'utf8'));
// The packs' names, for the help text and option checks: written in here so they need no pack
// loaded. (If the generated data changes shape, the command finds them at run time instead.)
const define = { PLAIN_SEND_VERSION: JSON.stringify(version) };
try {
  const packs = JSON.parse(readFileSync(at('../src/generated/pack-index.json'), 'utf8'));
  define.PLAIN_SEND_PACK_IDS = JSON.stringify(packs.map((p) => p.id));
} catch {
  console.warn('build-cli: no pack names in src/generated/pack-index.json; --help will read the pack index.');
}
const dist = at('../dist');
const { metafile } = await build({
  entryPoints: { cli: at('../src/cli/main.ts'), worker: at('../src/cli/worker.ts') },
  outdir: at('../dist'),
  outExtension: { '.js': '.mjs' },
  absWorkingDir: at('..'),
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  define,
  // mammoth and its dependencies are CommonJS and call require().
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // pdf.js is loaded from node_modules when a PDF is met: bundled, its worker could not be found.
  external: ['pdfjs-dist'],
  metafile: true,
  logLevel: 'warning',
});
// Chunks of an earlier build are removed after this one is written (never before: a test may be running it).
const built = new Set(Object.keys(metafile.outputs).map((path) => at(`../${path}`)));
// Only our own .mjs files: dist/ also holds the Office add-ins (dist/word/, dist/outlook/).
for (const name of readdirSync(dist))
  if (name.endsWith('.mjs') && !built.has(join(dist, name))) rmSync(join(dist, name));
