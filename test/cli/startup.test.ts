/**
 * The built command loads only what a run needs: --help and --version need no engine, a .txt
 * file needs no .docx or HTML reader and no YAML parser. Proven by running copies of the build
 * with the other chunks taken away, so a stray static import fails here.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheName } from '../../src/cli/code-cache.js';
import { loadGlossarySnapshot, loadWordFacts } from '../../src/cli/engine-data.js';
import { DEFAULT_PACKS } from '../../src/engine/dictionary/builtin.js';
import { decodeGlossarySnapshot } from '../../src/engine/glossary/snapshot.js';
import { decodeWordFacts } from '../../src/engine/text/word-facts.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
}, 60_000);

/** The files a built module imports statically (import ... from "./x", import "./x"), and theirs. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const code = readFileSync(join(dist, name), 'utf8');
    for (const [, dep] of code.matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)) visit(dep);
  };
  visit(entry);
  return seen;
}

/** A copy of the command with only the built files `keep` says to keep (dist/ also holds the Office add-ins' folders). */
function copyWith(keep: (name: string) => boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'plain-send-startup-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  cpSync(join(root, 'bin/plain-send.mjs'), join(dir, 'bin/plain-send.mjs'));
  for (const name of readdirSync(dist))
    if (/\.(?:mjs|cjs)$|^(?:packs|cache|word-facts\.bin|glossary\.bin)$/.test(name) && keep(name))
      cpSync(join(dist, name), join(dir, 'dist', name), { recursive: true });
  return dir;
}

const run = (dir: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(dir, 'bin/plain-send.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });

describe('the built command', () => {
  it('answers --help and --version from a small start-up set that holds no engine, reader or dictionary', () => {
    const startup = staticClosure('cli.mjs');
    const bytes = [...startup].reduce((sum, name) => sum + statSync(join(dist, name)).size, 0);
    expect(bytes).toBeLessThan(100_000);
    for (const name of startup) {
      const code = readFileSync(join(dist, name), 'utf8');
      expect(code).not.toContain('function compileGlossary');
      expect(code).not.toMatch(/mammoth|htmlparser2|YAMLParseError/);
    }
    const dir = copyWith((name) => startup.has(name));
    try {
      const help = run(dir, ['--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/--pack P .*devon/);
      expect(run(dir, ['check', '--help']).status).toBe(0);
      expect(run(dir, ['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
      // A check needs the engine, which this copy lacks: a real check would fail (so the test can fail).
      writeFileSync(join(dir, 'a.txt'), 'The EHCP.');
      expect(run(dir, ['check', join(dir, 'a.txt')]).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('checks text and Markdown without the .docx and HTML readers or the YAML parser', () => {
    const readers = /^(?:docx|html|parse)-/;
    expect(readdirSync(dist).filter((n) => readers.test(n))).toHaveLength(3);
    const dir = copyWith((name) => !readers.test(name));
    try {
      writeFileSync(join(dir, 'a.txt'), 'The EHCP.');
      writeFileSync(join(dir, 'b.md'), 'The SENCo.');
      const r = run(dir, ['check', join(dir, 'a.txt'), join(dir, 'b.md')]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('a.txt:1:5');
      expect(r.stdout).toContain('b.md:1:5');
      // Without its reader, an HTML file cannot be read: the readers really are loaded on demand.
      writeFileSync(join(dir, 'c.html'), '<p>The EHCP.</p>');
      expect(run(dir, ['check', join(dir, 'c.html')]).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("checks with the engine's code cache, a damaged one, or none it can write, and prints the same", () => {
    const dir = copyWith(() => true);
    try {
      const cache = join(dir, 'dist/cache');
      const names = readdirSync(cache);
      // The build leaves one cache, for this build's engine script, named by the hash of its text
      // that the build wrote as its last line.
      const source = readFileSync(join(dir, 'dist/engine.cjs'), 'utf8');
      const said = /\/\/# sha256=([0-9a-f]{64})\n$/.exec(source)?.[1];
      expect(said).toBe(
        createHash('sha256')
          .update(source.slice(0, source.lastIndexOf('//# sha256=')))
          .digest('hex'),
      );
      expect(names).toEqual([cacheName(join(dir, 'dist/engine.cjs'), source)]);
      const made = readFileSync(join(cache, names[0]));
      const file = join(dir, 'a.txt');
      writeFileSync(file, 'The EHCP says the SENCo will ascertain what support is needed.\n\n');
      const good = run(dir, ['check', '--json', file]);
      expect(good.stderr).toBe('');
      expect(good.status).toBe(1);
      expect(good.stdout).toContain('"term": "EHCP"');
      // V8 took the build's cache: a refused one would have been written again.
      expect(readFileSync(join(cache, names[0])).equals(made)).toBe(true);

      writeFileSync(join(cache, names[0]), Buffer.alloc(made.length, 7));
      const damaged = run(dir, ['check', '--json', file]);
      expect([damaged.stdout, damaged.stderr, damaged.status]).toEqual([good.stdout, '', 1]);
      expect(readFileSync(join(cache, names[0])).every((b) => b === 7)).toBe(false);

      // Nowhere to keep a cache: the folder beside the script and the user's cache folder are files.
      rmSync(cache, { recursive: true });
      writeFileSync(cache, 'not a folder');
      writeFileSync(join(dir, 'user-cache'), 'not a folder either');
      const nowhere = run(dir, ['check', '--json', file], { XDG_CACHE_HOME: join(dir, 'user-cache') });
      expect([nowhere.stdout, nowhere.stderr, nowhere.status]).toEqual([good.stdout, '', 1]);
      const human = run(dir, ['check', file], { XDG_CACHE_HOME: join(dir, 'user-cache') });
      expect(human.stderr).toBe('');
      expect(human.stdout).toContain('a.txt:1:5');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("reads the build's word facts and glossary, and prints the same without them or with damaged ones", () => {
    const table = readFileSync(join(dist, 'word-facts.bin'));
    const snapshot = readFileSync(join(dist, 'glossary.bin'));
    expect(decodeWordFacts(table).words.length).toBeGreaterThan(100_000);
    expect(decodeGlossarySnapshot(snapshot).packs.map((p) => p.id)).toEqual(DEFAULT_PACKS);
    expect(readFileSync(join(dist, 'word-facts.LICENCE.txt'), 'utf8')).toContain('Kevin Atkinson');
    // What the built engine does with them (built-engine.ts), and with none.
    const used: unknown[] = [];
    const engine = {
      decodeWordFacts,
      useWordFacts: (t: unknown) => used.push(t),
      decodeGlossarySnapshot,
      useGlossarySnapshot: (s: unknown) => used.push(s),
    };
    expect(loadWordFacts(engine, pathToFileURL(join(dist, 'word-facts.bin')))).toBe(true);
    expect(loadGlossarySnapshot(engine, pathToFileURL(join(dist, 'glossary.bin')))).toBe(true);
    expect(loadWordFacts(engine, pathToFileURL(join(dist, 'no-such-file.bin')))).toBe(false);
    expect(loadWordFacts(engine, pathToFileURL(join(dist, 'word-facts.LICENCE.txt')))).toBe(false);
    expect(loadGlossarySnapshot(engine, pathToFileURL(join(dist, 'word-facts.bin')))).toBe(false);
    expect(used).toHaveLength(2);
    const dir = copyWith(() => true);
    try {
      const file = join(dir, 'a.txt');
      writeFileSync(file, readFileSync(join(root, 'test/fixtures/seeds/000_95d401ac5bf36870.txt'), 'utf8'));
      const good = run(dir, ['check', '--json', file]);
      expect(good.stderr).toBe('');
      expect(JSON.parse(good.stdout).files[0].readability.words).toBeGreaterThan(1000);
      for (const name of ['word-facts.bin', 'glossary.bin']) rmSync(join(dir, 'dist', name));
      const without = run(dir, ['check', '--json', file]);
      expect([without.stdout, without.stderr, without.status]).toEqual([good.stdout, '', good.status]);
      writeFileSync(join(dir, 'dist/word-facts.bin'), table.subarray(0, table.length - 3));
      writeFileSync(join(dir, 'dist/glossary.bin'), snapshot.subarray(0, snapshot.length - 4));
      const damaged = run(dir, ['check', '--json', file]);
      expect([damaged.stdout, damaged.stderr, damaged.status]).toEqual([good.stdout, '', good.status]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
