/**
 * The engine script's code cache (src/cli/code-cache.ts): used when good, rebuilt when missing or
 * stale, keyed by the script's text (V8 itself checks only its length), and never a reason for a
 * run to fail, wherever it cannot be written. Each run is its own process, as a command's is
 * (within one process V8 would reuse its first compile and never read the cache).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cacheDirs, cacheName } from '../../src/cli/code-cache.js';

const tools = mkdtempSync(join(tmpdir(), 'plain-send-code-cache-tools-'));
const runner = join(tools, 'runner.mjs');
beforeAll(() => {
  buildSync({
    entryPoints: [new URL('../../src/cli/code-cache.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(tools, 'code-cache.mjs'),
    logLevel: 'error',
  });
  // Runs the script, says how it was compiled and what it gives, then saves the cache as the command does.
  writeFileSync(
    runner,
    `import { runScript, saveCodeCaches } from './code-cache.mjs';
const { exports, cache } = runScript(process.argv[2]);
console.log(JSON.stringify({ cache, said: exports.say(1) }));
saveCodeCaches();
`,
  );
});
afterAll(() => rmSync(tools, { recursive: true, force: true }));

let dir: string;
let userCache: string;
const savedXdg = process.env.XDG_CACHE_HOME;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plain-send-code-cache-'));
  userCache = join(dir, 'user-cache');
  process.env.XDG_CACHE_HOME = userCache;
});
afterEach(() => {
  if (savedXdg === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = savedXdg;
  rmSync(dir, { recursive: true, force: true });
});

/** One run of the script in its own process: how it was compiled, and what it said. */
function run(file: string): { cache: string; said: string } {
  const r = spawnSync(process.execPath, [runner, file], { encoding: 'utf8', env: { ...process.env } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { cache: string; said: string };
}

/** A script with some functions worth caching; `word` changes what it gives without changing its length. */
function script(word: string, name = 'engine.cjs'): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    `const shout = (s) => s.toUpperCase() + '!';\nexports.say = (n) => Array.from({ length: n }, () => shout('${word}')).join(' ');\n`,
  );
  return file;
}

const cachesIn = (folder: string) => {
  try {
    return readdirSync(folder).filter((n) => n.endsWith('.v8cache'));
  } catch {
    return [];
  }
};

describe('the code cache', () => {
  it('is written after a first run, beside the script, and used by the next', () => {
    const file = script('hello');
    expect(run(file)).toEqual({ cache: 'missing', said: 'HELLO!' });
    expect(cachesIn(join(dir, 'cache'))).toEqual([cacheName(file, readFileSync(file, 'utf8'))]);
    const written = statSync(join(dir, 'cache', cachesIn(join(dir, 'cache'))[0])).mtimeMs;
    expect(run(file)).toEqual({ cache: 'used', said: 'HELLO!' });
    // A good cache is left as it is.
    expect(statSync(join(dir, 'cache', cachesIn(join(dir, 'cache'))[0])).mtimeMs).toBe(written);
  });

  it('refuses a damaged cache, still runs the script, and replaces the cache with a good one', () => {
    const file = script('hello');
    const at = join(dir, 'cache', cacheName(file, readFileSync(file, 'utf8')));
    run(file);
    writeFileSync(at, Buffer.alloc(statSync(at).size, 7));
    expect(run(file)).toEqual({ cache: 'rejected', said: 'HELLO!' });
    expect(readFileSync(at).every((b) => b === 7)).toBe(false);
    expect(run(file)).toEqual({ cache: 'used', said: 'HELLO!' });
  });

  it('never uses the cache of an earlier script of the same length, and keeps only the newest', () => {
    const file = script('hello');
    run(file);
    const old = cachesIn(join(dir, 'cache'));
    script('howdy'); // same length, other text: V8's own check would take the old cache
    expect(run(file)).toEqual({ cache: 'missing', said: 'HOWDY!' });
    const now = cachesIn(join(dir, 'cache'));
    expect(now).toHaveLength(1);
    expect(now).not.toEqual(old);
    expect(run(file)).toEqual({ cache: 'used', said: 'HOWDY!' });
  });

  it("names a built script's cache by the hash the build wrote in its last line, and the Node version", () => {
    const built = (word: string) => {
      const text = readFileSync(script(word), 'utf8');
      const hash = createHash('sha256').update(text).digest('hex');
      writeFileSync(join(dir, 'engine.cjs'), `${text}//# sha256=${hash}\n`);
      return hash;
    };
    const file = join(dir, 'engine.cjs');
    const hash = built('hello');
    expect(cacheName(file, readFileSync(file, 'utf8'))).toBe(
      `engine.cjs-${hash.slice(0, 24)}-${process.version}-${process.arch}.v8cache`,
    );
    expect(run(file)).toEqual({ cache: 'missing', said: 'HELLO!' });
    expect(run(file)).toEqual({ cache: 'used', said: 'HELLO!' });
    // Built again with other text of the same length: another hash, so never the old cache.
    built('howdy');
    expect(run(file)).toEqual({ cache: 'missing', said: 'HOWDY!' });
    expect(cachesIn(join(dir, 'cache'))).toHaveLength(1);
  });

  it.runIf(process.platform === 'linux')(
    'falls back to the user cache folder when the script folder cannot take it',
    () => {
      const file = script('hello');
      writeFileSync(join(dir, 'cache'), 'a file where the cache folder would be');
      expect(cacheDirs(file)).toEqual([join(dir, 'cache'), join(userCache, 'plain-send')]);
      expect(run(file)).toEqual({ cache: 'missing', said: 'HELLO!' });
      expect(cachesIn(join(userCache, 'plain-send'))).toHaveLength(1);
      expect(run(file)).toEqual({ cache: 'used', said: 'HELLO!' });
    },
  );

  it.runIf(process.platform === 'linux')('runs as usual, and says nothing, when no place can take a cache', () => {
    const file = script('hello');
    writeFileSync(join(dir, 'cache'), 'a file');
    writeFileSync(userCache, 'a file too');
    for (let i = 0; i < 2; i++) expect(run(file)).toEqual({ cache: 'missing', said: 'HELLO!' });
    expect(readdirSync(dir).sort()).toEqual(['cache', 'engine.cjs', 'user-cache']);
  });
});
