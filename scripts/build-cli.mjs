// Bundles the command line (src/cli/) into dist/: cli.mjs, the worker thread's worker.mjs, and
// chunks loaded only when a run needs them (the .docx and HTML readers, the YAML parser, the audit),
// so `plain-send --help` loads none of them. `check` runs the engine from engine.cjs, one script
// compiled from V8's code cache (made here by a first run, in dist/cache/), with the packs on read
// from dist/packs/<id>.jsonl.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const at = (path) => new URL(path, import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(at('../package.json'), 'utf8'));
// The packs' names, for the help text and option checks: written in here so they need no pack
// loaded. (If the generated data changes shape, the command finds them at run time instead.)
const define = { PLAIN_SEND_VERSION: JSON.stringify(version) };
try {
  const packs = JSON.parse(readFileSync(at('../src/generated/pack-index.json'), 'utf8'));
  // One string, not an array: esbuild makes an array a module that every chunk imports and runs.
  define.PLAIN_SEND_PACK_IDS = JSON.stringify(packs.map((p) => p.id).join(' '));
} catch {
  console.warn('build-cli: no pack names in src/generated/pack-index.json; --help will read the pack index.');
}
const dist = at('../dist');
// ES2023, not node20: for a Node target esbuild rewrites every \p{...} regular expression as new RegExp(...),
// which a hot function then makes on every call. Node 20 has all of ES2023.
const target = 'es2023';
// mammoth and its dependencies are CommonJS and call require(): each chunk that names require
// makes one (not every chunk: making it costs start-up time).
const REQUIRE =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);\n";
/** Written beside and renamed into place, so a run at the same time (a test's) never reads half a file. */
function writeWhole(file, text) {
  writeFileSync(`${file}.${process.pid}`, text);
  renameSync(`${file}.${process.pid}`, file);
}
const { metafile, outputFiles } = await build({
  entryPoints: { cli: at('../src/cli/main.ts'), worker: at('../src/cli/worker.ts') },
  outdir: at('../dist'),
  outExtension: { '.js': '.mjs' },
  absWorkingDir: at('..'),
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target,
  define,
  // pdf.js is loaded from node_modules when a PDF is met: bundled, its worker could not be found.
  external: ['pdfjs-dist'],
  metafile: true,
  write: false,
  logLevel: 'warning',
});
mkdirSync(dist, { recursive: true });
for (const { path, text } of outputFiles)
  writeWhole(path, /(?<![\w$.])require(?![\w$])/.test(text) ? REQUIRE + text : text);
// The engine as one CommonJS script: src/cli/code-cache.ts runs it with V8's code cache. Its last
// line is the SHA-256 of the text before it, which names its cache: a run need not load node:crypto
// to hash half a megabyte (see cacheName).
const engine = await build({
  entryPoints: { engine: at('../src/cli/engine-script.ts') },
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  absWorkingDir: at('..'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target,
  write: false,
  logLevel: 'warning',
});
for (const { path, text } of engine.outputFiles)
  writeWhole(path, `${text}//# sha256=${createHash('sha256').update(text).digest('hex')}\n`);
// Each pack as lines (src/cli/pack-files.ts): the pack without its entries, then an entry a line.
// Written in ASCII (other characters as \u escapes): one curly quote would make V8 hold the whole
// file, and every string parsed from it, two bytes a character, and read it 1.5 times slower.
mkdirSync(join(dist, 'packs'), { recursive: true });
const packsFrom = at('../src/generated/packs');
const ascii = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
for (const name of readdirSync(packsFrom).filter((n) => n.endsWith('.json'))) {
  const { entries, ...pack } = JSON.parse(readFileSync(join(packsFrom, name), 'utf8'));
  const lines = [pack, ...entries].map((x) => JSON.stringify(x).replace(/[\u0080-\uffff]/g, ascii));
  writeWhole(join(dist, 'packs', name.replace(/\.json$/, '.jsonl')), `${lines.join('\n')}\n`);
}
// Common words' readability facts (scripts/word-facts.ts) with the word lists' permission notice, and
// the default packs' glossary (src/engine/glossary/snapshot.ts).
for (const name of ['word-facts.bin', 'word-facts.LICENCE.txt', 'glossary.bin'])
  writeWhole(join(dist, name), readFileSync(join(at('../src/generated/'), name)));
// Chunks of an earlier build are removed after this one is written (never before: a test may be running it).
const built = new Set(Object.keys(metafile.outputs).map((path) => at(`../${path}`)));
// Only our own .mjs files: dist/ also holds the Office add-ins (dist/word/, dist/outlook/).
for (const name of readdirSync(dist))
  if (name.endsWith('.mjs') && !built.has(join(dist, name))) rmSync(join(dist, name));

// A first check, of the glossary's warm-up sentences, leaves the engine's code cache in dist/cache/
// (and removes an earlier build's). If it cannot, the first real run makes one.
const work = mkdtempSync(join(tmpdir(), 'plain-send-build-'));
try {
  const sample = join(work, 'warm-up.txt');
  writeFileSync(sample, JSON.parse(readFileSync(at('../src/generated/warm-up.json'), 'utf8')).join('\n'));
  const first = spawnSync(process.execPath, [at('../bin/plain-send.mjs'), 'check', '--json', sample], {
    encoding: 'utf8',
  });
  if (first.status !== 0 && first.status !== 1) console.warn(`build-cli: the first check failed:\n${first.stderr}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
