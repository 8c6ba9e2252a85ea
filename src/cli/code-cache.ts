/**
 * Runs a CommonJS script (dist/engine.cjs) compiled from V8's code cache when there is one, so a
 * short run does not spend its time compiling the engine. Node 20 keeps no code cache for ES
 * modules (module.enableCompileCache came in Node 22), so the engine is built as a script for this.
 *
 * A cache is found by a hash of the script's text and the Node version, beside the script
 * (dist/cache/, made by the build) or else in the user's cache folder. A cache that is missing,
 * stale or refused by V8 costs only time: the script is compiled as usual, and a fresh cache is
 * written when the run ends (`saveCodeCaches`). No problem with a cache ever stops a run.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

interface Unsaved {
  script: Script;
  name: string;
  prefix: string;
  dirs: string[];
}
const unsaved: Unsaved[] = [];

/** Where caches are looked for and written, in order: beside the script, then the user's cache folder. */
export function cacheDirs(file: string): string[] {
  const dirs = [join(dirname(file), 'cache')];
  try {
    const env = process.env;
    if (process.platform === 'win32') {
      if (env.LOCALAPPDATA) dirs.push(join(env.LOCALAPPDATA, 'plain-send', 'cache'));
    } else if (process.platform === 'darwin') dirs.push(join(homedir(), 'Library', 'Caches', 'plain-send'));
    else dirs.push(join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'plain-send'));
  } catch {
    // No home folder: the cache beside the script only.
  }
  return dirs;
}

/** The hash the build writes as a script's last line (scripts/build-cli.mjs): SHA-256 of the text before it. */
const BUILT_HASH = /\/\/# sha256=([0-9a-f]{64})\n$/;

/**
 * The cache file's name: V8 checks only the script's length, so a changed script of the same length
 * needs a new name. A built script says its hash in its last line (hashing it here would load
 * node:crypto, which costs more than a short check's glossary); any other script is hashed.
 */
export function cacheName(file: string, source: string): string {
  const built = BUILT_HASH.exec(source.slice(-80));
  if (built) return `${basename(file)}-${built[1].slice(0, 24)}-${process.version}-${process.arch}.v8cache`;
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const hash = createHash('sha256').update(`${process.version} ${process.arch}\n`).update(source).digest('hex');
  return `${basename(file)}-${hash.slice(0, 24)}.v8cache`;
}

/** How a script was compiled: from its cache, or afresh because the cache was missing or refused. */
export type CacheUse = 'used' | 'missing' | 'rejected';

/** Runs the CommonJS script `file` and gives its exports. */
export function runScript(file: string): { exports: Record<string, unknown>; cache: CacheUse } {
  const source = readFileSync(file, 'utf8');
  const name = cacheName(file, source);
  const dirs = cacheDirs(file);
  let cachedData: Buffer | undefined;
  for (const dir of dirs) {
    try {
      cachedData = readFileSync(join(dir, name));
      break;
    } catch {
      // Not there: look in the next place.
    }
  }
  // The wrapper keeps the script's own line numbers in stack traces.
  const script = new Script(`(function (exports, require, module) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (e: object, r: NodeJS.Require, m: object) => void)(
    module.exports,
    createRequire(file),
    module,
  );
  const cache: CacheUse = cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  if (cache !== 'used') unsaved.push({ script, name, prefix: `${basename(file)}-`, dirs });
  return { exports: module.exports, cache };
}

/**
 * Writes a cache for each script run without a good one, holding the code compiled so far (so the
 * end of a run, when the engine has analysed text, is the time). The first place that takes it
 * keeps it, in place of that script's older caches there.
 */
export function saveCodeCaches(): void {
  for (const { script, name, prefix, dirs } of unsaved.splice(0)) {
    let data: Buffer;
    try {
      data = script.createCachedData();
    } catch {
      continue;
    }
    for (const dir of dirs) {
      const temporary = join(dir, `${name}.${process.pid}.tmp`);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(temporary, data);
        // Renamed into place, so a run at the same time never reads half a cache.
        renameSync(temporary, join(dir, name));
      } catch {
        quietly(() => rmSync(temporary, { force: true }));
        continue;
      }
      // Old caches left behind would take room, nothing more.
      quietly(() => {
        for (const old of readdirSync(dir))
          if (old.startsWith(prefix) && old.endsWith('.v8cache') && old !== name)
            rmSync(join(dir, old), { force: true });
      });
      break;
    }
  }
}

function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // Only tidying.
  }
}
