import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesIn, type WalkProblem } from '../../src/cli/files.js';
import { NO_PROGRESS, progressBar, progressLine } from '../../src/cli/progress.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plain-send-files-'));
  const put = async (path: string, text = 'x') => {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  };
  await put('b.txt');
  await put('a.md');
  await put('picture.png');
  await put('policies/Send Policy.DOCX');
  await put('policies/old/report.htm');
  await put('policies/zz.html');
  await put('.git/config.txt');
  await put('.hidden.txt');
  await put('node_modules/pkg/readme.md');
  await symlink(root, join(root, 'policies', 'loop'));
  await symlink(join(root, 'nowhere'), join(root, 'broken.txt'));
});

afterAll(() => rm(root, { recursive: true, force: true }));

async function list(options?: Parameters<typeof filesIn>[1]) {
  const out: string[] = [];
  for await (const path of filesIn(root, options)) out.push(relative(root, path));
  return out;
}

describe('filesIn', () => {
  it('lists the readable files of each folder in name order, then its subfolders, leaving out hidden, tool and other files', async () => {
    const problems: WalkProblem[] = [];
    expect(await list({ onProblem: (p) => problems.push(p) })).toEqual([
      'a.md',
      'b.txt',
      'policies/Send Policy.DOCX',
      'policies/zz.html',
      'policies/old/report.htm',
    ]);
    // The link back to the top is followed once only; the broken link is reported, not fatal.
    expect(problems.map((p) => [relative(root, p.path), p.error.code])).toEqual([['broken.txt', 'ENOENT']]);
  });

  it('takes other extensions when asked', async () => {
    expect(await list({ extensions: new Set(['png']) })).toEqual(['picture.png']);
  });

  it('reports a folder that cannot be opened and yields nothing', async () => {
    const problems: WalkProblem[] = [];
    const out: string[] = [];
    for await (const path of filesIn(join(root, 'missing'), { onProblem: (p) => problems.push(p) })) out.push(path);
    expect(out).toEqual([]);
    expect(problems[0].error.code).toBe('ENOENT');
  });

  it('walks a tree far deeper than the call stack allows', async () => {
    let deep = join(root, 'deep');
    for (let i = 0; i < 300; i++) deep = join(deep, 'd');
    await mkdir(deep, { recursive: true });
    await writeFile(join(deep, 'bottom.txt'), 'x');
    const found = (await list()).filter((p) => p.endsWith('bottom.txt'));
    expect(found).toHaveLength(1);
  });
});

describe('progressBar', () => {
  it('draws nothing without a terminal', () => {
    expect(progressBar(undefined)).toBe(NO_PROGRESS);
  });

  it('redraws at most every 100 ms but always shows the end, then clears its line', () => {
    const writes: string[] = [];
    let t = 0;
    const bar = progressBar({ write: (s) => writes.push(s), columns: 60 }, () => t);
    bar.update(1, 4, 'a.txt');
    t = 50;
    bar.update(2, 4, 'b.txt');
    t = 150;
    bar.update(3, 4, 'c.txt');
    t = 160;
    bar.update(4, 4, 'd.txt');
    bar.clear();
    expect(writes).toHaveLength(4);
    expect(writes[0]).toContain('1/4 a.txt');
    expect(writes[1]).toContain('3/4 c.txt');
    expect(writes[2]).toContain(`[${'#'.repeat(24)}] 4/4 d.txt`);
    expect(writes[3]).toBe('\r\x1b[2K');
  });

  it('fits the terminal, shortens long names from the left and hides control characters', () => {
    const line = progressLine(5, 10, `${'folder/'.repeat(20)}last\x1b[31m.txt`, 70);
    expect(line.length).toBeLessThanOrEqual(69);
    expect(line).toMatch(/^\[#{12}-{12}\] 5\/10 …/);
    expect(line.endsWith('last [31m.txt')).toBe(true);
    expect(progressLine(3, 0, 'x.txt', 80)).toBe('3 x.txt');
  });
});
