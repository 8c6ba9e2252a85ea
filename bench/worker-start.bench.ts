/**
 * What the extension's background worker costs to start, from the built files: the bytes it
 * loads and the time to compile and run its script (with a stand-in for the browser's API,
 * so only the script's own work counts), then to read the default packs and make read mode's
 * glossary. Pass other build folders to compare (`npx tsx bench/worker-start.bench.ts DIR...`);
 * by default .output/chrome-mv3 (npm run build:ext first).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { DEFAULT_PACKS, loadPacks } from '../src/engine/dictionary/builtin.js';
import { bundledPacks } from '../src/engine/dictionary/bundled.js';
import { loadGlossary } from '../src/engine/glossary/compiled.js';
import { compileGlossary } from '../src/engine/glossary/glossary.js';
import type { Pack } from '../src/engine/dictionary/schema.js';
import { median } from './lib/stats.js';

/** Anything the script asks of the browser: callable, with every property, never settling. */
function standIn(): unknown {
  const f = function () {};
  const proxy: unknown = new Proxy(f, {
    get: (_, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : proxy),
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}

/** For a build with the packs inside its script (before): the glossary built from the entries at start-up. */
const inside = await loadPacks(DEFAULT_PACKS, bundledPacks);

const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['.output/chrome-mv3'];
for (const dir of dirs) {
  const script = readFileSync(join(dir, 'background.js'), 'utf8');
  const packFiles = DEFAULT_PACKS.map((id) => join(dir, 'packs', `${id}.json`)).filter(existsSync);
  const packBytes = packFiles.reduce((n, f) => n + statSync(f).size, 0);
  const evalMs: number[] = [];
  const packsMs: number[] = [];
  for (let run = 0; run < 12; run++) {
    const g = standIn();
    let t = performance.now();
    runInNewContext(script, {
      chrome: g,
      browser: g,
      self: { location: { origin: 'chrome-extension://x' } },
      location: { origin: 'chrome-extension://x' },
      setTimeout,
      clearTimeout,
      console,
      TextEncoder,
      TextDecoder,
      URL,
      performance,
      queueMicrotask,
      navigator: g,
    });
    evalMs.push(performance.now() - t);
    // Then the worker makes read mode's glossary: reading the default packs first if they are apart.
    t = performance.now();
    if (packFiles.length) loadGlossary(packFiles.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Pack));
    else compileGlossary(inside);
    packsMs.push(performance.now() - t);
  }
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `${dir}: background.js ${kb(script.length)}, default packs ${packFiles.length ? kb(packBytes) : 'inside the script'}; ` +
      `script compile + run ${median(evalMs.slice(2)).toFixed(1)} ms, glossary (packs read if apart) ${median(packsMs.slice(2)).toFixed(1)} ms`,
  );
}
