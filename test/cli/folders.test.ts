/**
 * check FOLDER: every file plain-send reads under it, in the walk's order; what cannot be opened
 * is reported like a file's problem (exit 2) and the rest is still checked; a large batch spread
 * over worker threads prints byte for byte what one thread prints.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { docx } from './docx.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/plain-send.mjs');
const work = mkdtempSync(join(tmpdir(), 'plain-send-folders-'));

function proc(args: string[], binary = bin) {
  const r = spawnSync(process.execPath, [binary, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The command in this process, with standard error a terminal when `progress` is given. */
async function inProcess(args: string[], progress?: (s: string) => void) {
  let out = '';
  let err = '';
  const code = await run(args, {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readStdin: async () => new Uint8Array(),
    colour: false,
    progress: progress && { write: progress, columns: 80 },
  });
  return { code, out, err };
}

function put(path: string, content: string | Uint8Array) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

const SENTENCES = [
  'The SENCo will utilise the EHCP.',
  'We will meet on Monday.',
  'Your child has SEN support and a one-page profile.',
  'Contact SENDIASS for advice about the annual review.',
  'In accordance with the graduated approach, the LA will commence an assessment.',
];

/** A folder of `n` mixed files (.txt, .md, .html, .docx), some nested, one broken, one a dangling link. */
async function mixedFolder(name: string, n: number): Promise<string> {
  const dir = join(work, name);
  for (let i = 0; i < n; i++) {
    const text = `${SENTENCES[i % SENTENCES.length]} File ${i}.`;
    const sub = i % 3 === 0 ? `part-${i % 4}/` : '';
    const base = join(dir, `${sub}f${String(i).padStart(3, '0')}`);
    if (i % 4 === 0) put(`${base}.txt`, `${text}\n`);
    else if (i % 4 === 1) put(`${base}.md`, `# Letter\n\n${text}\nA second line.\n`);
    else if (i % 4 === 2) put(`${base}.html`, `<html><body><h1>Letter</h1><p>${text}</p></body></html>`);
    else put(`${base}.docx`, await docx([[text], ['Ask the SENCo.']]));
  }
  put(join(dir, 'part-1/broken.docx'), 'not a zip');
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'part-2/dangling.txt'));
  return dir;
}

let tree: string;
beforeAll(async () => {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
  tree = join(work, 'tree');
  put(join(tree, 'b.txt'), 'The EHCP.');
  put(join(tree, 'a.md'), 'We will meet on Monday.');
  put(join(tree, 'notes.pdf'), '%PDF');
  put(join(tree, 'sub/deeper/d.docx'), await docx([['The SENCo.']]));
  put(join(tree, 'sub/c.html'), '<p>Ask the SENDIASS.</p>');
  put(join(tree, '.hidden/x.txt'), 'The EHCP.');
  put(join(tree, 'node_modules/y.txt'), 'The EHCP.');
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const paths = (json: string) => JSON.parse(json).files.map((f: { path: string }) => f.path);

describe('check FOLDER', () => {
  it('checks every file it reads under the folder, each folder’s own files first, in name order', () => {
    const r = proc(['check', '--json', tree]);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(paths(r.out)).toEqual(['a.md', 'b.txt', 'sub/c.html', 'sub/deeper/d.docx'].map((p) => join(tree, p)));
  });

  it('keeps the order of the command line around a folder, and its human output names each file', () => {
    const one = join(work, 'one.txt');
    put(one, 'The EHCP.');
    const r = proc(['check', '--json', one, join(tree, 'sub'), one]);
    expect(paths(r.out)).toEqual([one, join(tree, 'sub/c.html'), join(tree, 'sub/deeper/d.docx'), one]);
    const human = proc(['check', join(tree, 'sub')]);
    expect(human.out).toContain(`${join(tree, 'sub/c.html')}:1:9  acronym`);
    expect(human.out).toContain(`${join(tree, 'sub/deeper/d.docx')}:1:5  acronym`);
  });

  it('exits 0 for a folder with nothing to change', () => {
    const clean = join(work, 'clean');
    put(join(clean, 'a.txt'), 'We will meet on Monday.');
    put(join(clean, 'b/c.md'), 'We will meet on Monday.');
    expect(proc(['check', clean])).toMatchObject({ code: 0, err: '' });
  });

  it('reports what it cannot open in the walk’s order, checks the rest, and exits 2', () => {
    const odd = join(work, 'odd');
    put(join(odd, 'a.txt'), 'We will meet on Monday.');
    put(join(odd, 'z.txt'), 'We will meet on Monday.');
    symlinkSync(join(odd, 'gone'), join(odd, 'm.txt'));
    symlinkSync(join(odd, 'loop-b'), join(odd, 'loop-a'));
    symlinkSync(join(odd, 'loop-a'), join(odd, 'loop-b'));
    const r = proc(['check', '--json', odd]);
    expect(r.code).toBe(2);
    expect(paths(r.out)).toEqual([join(odd, 'a.txt'), join(odd, 'z.txt')]);
    expect(r.err.split('\n').filter(Boolean)).toEqual([
      `plain-send: ${join(odd, 'loop-a')} cannot be read: its links go round in a loop.`,
      `plain-send: ${join(odd, 'loop-b')} cannot be read: its links go round in a loop.`,
      `plain-send: ${join(odd, 'm.txt')} cannot be read: no such file.`,
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a subfolder it may not open, and checks the rest', () => {
    const locked = join(work, 'locked');
    put(join(locked, 'a.txt'), 'The EHCP.');
    put(join(locked, 'secret/b.txt'), 'The EHCP.');
    chmodSync(join(locked, 'secret'), 0);
    try {
      const r = proc(['check', locked]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${join(locked, 'secret')} cannot be read: permission denied.`);
      expect(r.out).toContain('a.txt:1:5');
    } finally {
      chmodSync(join(locked, 'secret'), 0o755);
    }
  });

  it('says so when a folder has no files it reads (exit 2)', () => {
    const empty = join(work, 'empty');
    put(join(empty, 'picture.png'), 'png');
    const r = proc(['check', empty]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${empty} is a folder with no files plain-send reads in it`);
  });

  it('shows a progress bar on a terminal for a long batch, and none for a short one', async () => {
    const big = await mixedFolder('progress', 52);
    let bar = '';
    const r = await inProcess(['check', '--json', big], (s) => void (bar += s));
    expect(r.code).toBe(2); // the broken file and the dangling link
    expect(bar).toContain(`\r\x1b[2K[${'#'.repeat(24)}] 54/54 `); // 52 files, a broken one and a dangling link
    expect(bar.endsWith('\r\x1b[2K')).toBe(true); // cleared when done
    expect(r.out).not.toContain('\x1b');
    let none = '';
    await inProcess(['check', tree], (s) => void (none += s));
    expect(none).toBe('');
  });
});

describe('a large batch over worker threads', () => {
  let mixed: string;
  beforeAll(async () => {
    mixed = await mixedFolder('mixed', 120);
  }, 60_000);

  it('prints byte for byte what one thread prints, with the same exit code, as JSON and for people', () => {
    for (const format of [['--json'], []]) {
      const one = proc(['check', ...format, '--jobs', '1', mixed]);
      expect(one.code).toBe(2);
      expect(one.err).toContain('broken.docx is not a Word .docx file');
      expect(one.err).toContain('dangling.txt cannot be read: no such file.');
      for (const jobs of [['--jobs', '2'], ['--jobs', '3'], []]) {
        const many = proc(['check', ...format, ...jobs, mixed]);
        expect(many.code).toBe(one.code);
        expect(many.err).toBe(one.err);
        expect(many.out).toBe(one.out);
      }
      if (format.length) expect(paths(one.out)).toHaveLength(120);
    }
  }, 120_000);

  it('really uses the worker threads for a large batch and for --jobs, not for a small batch', () => {
    // A copy of the build whose worker fails at once: any run that uses workers stops with a fault.
    const copy = mkdtempSync(join(tmpdir(), 'plain-send-noworker-'));
    try {
      mkdirSync(join(copy, 'bin'));
      cpSync(bin, join(copy, 'bin/plain-send.mjs'));
      cpSync(join(root, 'dist'), join(copy, 'dist'), { recursive: true });
      writeFileSync(join(copy, 'dist/worker.mjs'), 'throw new Error("worker used");\n');
      const copyBin = join(copy, 'bin/plain-send.mjs');
      expect(proc(['check', mixed], copyBin)).toMatchObject({ code: 2, err: expect.stringContaining('worker used') });
      expect(proc(['check', '--jobs', '2', tree], copyBin)).toMatchObject({
        code: 2,
        err: expect.stringContaining('worker used'),
      });
      expect(proc(['check', tree], copyBin)).toMatchObject({ code: 1, err: '' });
      expect(proc(['check', '--jobs', '1', mixed], copyBin).err).not.toContain('worker used');
    } finally {
      rmSync(copy, { recursive: true });
    }
  }, 60_000);

  it('rejects a --jobs that is not a whole number from 1 to 256', () => {
    for (const bad of ['0', 'many', '1.5', '999', ''])
      expect(proc(['check', `--jobs=${bad}`, tree])).toMatchObject({
        code: 2,
        err: expect.stringMatching(/--jobs takes a whole number/),
      });
  });
});
