/**
 * The command line as a user runs it: whole processes, timed from spawn to exit, every task
 * measured in turn within each round (so a busy machine slows them all alike), medians and ratios.
 *
 * - `node -e 0`: the floor for any Node.js command.
 * - `plain-send --help`, and `check --json` on an empty file (target: ≤ 2× `node -e 0`).
 * - `check --json` on the 180 KB seed corpus, against write-good's command line on the same
 *   file (target: ≤ 0.4× write-good).
 * - A folder of 1,000 mixed files (.txt, .md, .html, .docx, made from the seeds), with
 *   `--jobs 1` (one thread) and by default (one worker thread per core): files/s and MB/s.
 *
 * Each ratio is shown two ways: of the medians, and the middle half of the ratios round by round
 * (both tasks of a round ran back to back, so a busy machine slows both: the steadier figure).
 *
 * `-- --json` prints the results as one line of JSON at the end; `-- --quick` is a short smoke run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docx } from '../test/cli/docx.js';
import { loadCorpus } from './lib/corpus.js';
import { median, quantile } from './lib/stats.js';

const args = new Set(process.argv.slice(2));
const JSON_OUT = args.has('--json');
const QUICK = args.has('--quick');
const log = (s: string) => process.stderr.write(`${s}\n`);

const root = resolve(fileURLToPath(import.meta.url), '../..');
const bin = join(root, 'bin/plain-send.mjs');
const writeGood = join(root, 'node_modules/write-good/bin/write-good.js');
const FOLDER_FILES = 1000;

// ---- inputs ---------------------------------------------------------------------------------------

const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { encoding: 'utf8' });
if (built.status !== 0) {
  console.error(`Building the command line failed:\n${built.stderr}`);
  process.exit(1);
}
const { text: corpus } = loadCorpus();
const work = mkdtempSync(join(tmpdir(), 'plain-send-cli-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const empty = join(work, 'empty.txt');
writeFileSync(empty, '');
const corpusFile = join(work, 'corpus.txt');
writeFileSync(corpusFile, corpus);

/** 1,000 files in 10 folders, each a run of the seeds' paragraphs, in turn .txt, .md, .html and .docx. */
async function mixedFolder(): Promise<{ dir: string; bytes: number }> {
  const dir = join(work, 'folder');
  const paras = corpus.split(/\n\s*\n/).filter((p) => p.trim());
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let bytes = 0;
  let at = 0;
  for (let i = 0; i < FOLDER_FILES; i++) {
    const take = 6 + (i % 10);
    const part = Array.from({ length: take }, (_, k) => paras[(at + k) % paras.length]);
    at += take;
    const sub = join(dir, `part-${String(i % 10).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    const name = join(sub, `file-${String(i).padStart(4, '0')}`);
    let path: string;
    let content: string | Uint8Array;
    switch (i % 4) {
      case 0:
        [path, content] = [`${name}.txt`, part.join('\n\n')];
        break;
      case 1:
        [path, content] = [`${name}.md`, `# Letter ${i}\n\n${part.join('\n\n')}\n`];
        break;
      case 2:
        [path, content] = [
          `${name}.html`,
          `<!doctype html><html><head><title>Letter ${i}</title></head><body><main>${part.map((p) => `<p>${escape(p)}</p>`).join('\n')}</main></body></html>`,
        ];
        break;
      default:
        [path, content] = [`${name}.docx`, await docx(part.map((p) => [escape(p)]))];
    }
    writeFileSync(path, content);
    bytes += statSync(path).size;
  }
  return { dir, bytes };
}
const folder = await mixedFolder();

// ---- tasks ----------------------------------------------------------------------------------------

interface Task {
  id: string;
  label: string;
  argv: string[];
  /** Exit codes that mean it ran as meant (plain-send exits 1 when it finds something); undefined: any. */
  ok?: number[];
  /** Measured only every `every` rounds (the folder runs take seconds). */
  every: number;
}

const cores = availableParallelism();
const TASKS: Task[] = [
  { id: 'node', label: 'node -e 0', argv: ['-e', '0'], ok: [0], every: 1 },
  { id: 'help', label: 'plain-send --help', argv: [bin, '--help'], ok: [0], every: 1 },
  {
    id: 'empty',
    label: 'plain-send check --json, empty file',
    argv: [bin, 'check', '--json', empty],
    ok: [0],
    every: 1,
  },
  {
    id: 'corpus',
    label: `plain-send check --json, corpus (${(corpus.length / 1024).toFixed(0)} KB)`,
    argv: [bin, 'check', '--json', corpusFile],
    ok: [1],
    every: 1,
  },
  { id: 'write-good', label: 'write-good, corpus', argv: [writeGood, corpusFile], every: 1 },
  {
    id: 'folder-1',
    label: `plain-send check --json, ${FOLDER_FILES} files, --jobs 1`,
    argv: [bin, 'check', '--json', '--jobs', '1', folder.dir],
    ok: [1],
    every: 3,
  },
  {
    id: 'folder-all',
    label: `plain-send check --json, ${FOLDER_FILES} files, ${cores} worker threads`,
    argv: [bin, 'check', '--json', folder.dir],
    ok: [1],
    every: 3,
  },
];

function time(task: Task): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, task.argv, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status === null || (task.ok && !task.ok.includes(r.status)))
    throw new Error(`${task.label} exited ${r.status ?? r.signal}: ${r.stderr.slice(0, 500)}`);
  return ms;
}

const ROUNDS = QUICK ? 3 : 15;
const times = new Map<string, number[]>(TASKS.map((t) => [t.id, []]));
log(
  `Command line: ${ROUNDS} rounds, each task in turn (folder: ${FOLDER_FILES} files, ${(folder.bytes / 1048576).toFixed(1)} MB, every 3rd round)…`,
);
for (const task of TASKS) time(task); // once each, untimed: the disk cache warm for all alike
for (let round = 0; round < ROUNDS; round++) {
  for (const task of TASKS) if (round % task.every === 0) times.get(task.id)!.push(time(task));
  log(`  round ${round + 1}/${ROUNDS}`);
}

// ---- results --------------------------------------------------------------------------------------

const med = (id: string) => median(times.get(id)!);
const ratio = (a: string, b: string) => med(a) / med(b);
/** The ratios of a to b within each round, as [25th percentile, 75th] (both are timed every round). */
const roundRatios = (a: string, b: string): [number, number] => {
  const bs = times.get(b)!;
  const each = times.get(a)!.map((t, i) => t / bs[i]);
  return [quantile(each, 0.25), quantile(each, 0.75)];
};
const ratioNote = (a: string, b: string) => {
  const [lo, hi] = roundRatios(a, b);
  return `${ratio(a, b).toFixed(2)}× ${TASKS.find((t) => t.id === b)!.label.replace(/, corpus$/, '')} (rounds ${lo.toFixed(2)}–${hi.toFixed(2)}×)`;
};
const throughput = (id: string) => ({
  filesPerSecond: FOLDER_FILES / (med(id) / 1000),
  mbPerSecond: folder.bytes / 1048576 / (med(id) / 1000),
});

const rows: [string, string, string][] = TASKS.map((t) => {
  const m = med(t.id);
  let note = '';
  if (t.id === 'empty' || t.id === 'help') note = ratioNote(t.id, 'node');
  if (t.id === 'empty') note += ', target ≤ 2×';
  if (t.id === 'corpus') note = `${ratioNote('corpus', 'write-good')}, target ≤ 0.4×`;
  if (t.id.startsWith('folder')) {
    const { filesPerSecond, mbPerSecond } = throughput(t.id);
    note = `${filesPerSecond.toFixed(0)} files/s, ${mbPerSecond.toFixed(2)} MB/s`;
    if (t.id === 'folder-all') note += `; ${ratio('folder-1', 'folder-all').toFixed(2)}× the speed of one thread`;
  }
  return [t.label, `${m.toFixed(0)} ms`, note];
});
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['task', 'median', ''][i].length));
const line = (r: string[]) => `${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2]}`.trimEnd();
console.log(`\nCommand line, whole process (median of ${ROUNDS} rounds; folder runs ${times.get('folder-1')!.length})`);
console.log(line(['task', 'median', '']));
for (const r of rows) console.log(line(r));

if (JSON_OUT)
  console.log(
    JSON.stringify({
      cores,
      medians: Object.fromEntries(TASKS.map((t) => [t.id, med(t.id)])),
      emptyVsNode: ratio('empty', 'node'),
      corpusVsWriteGood: ratio('corpus', 'write-good'),
      roundRatios: {
        helpVsNode: roundRatios('help', 'node'),
        emptyVsNode: roundRatios('empty', 'node'),
        corpusVsWriteGood: roundRatios('corpus', 'write-good'),
      },
      folder: {
        files: FOLDER_FILES,
        bytes: folder.bytes,
        oneThread: throughput('folder-1'),
        all: throughput('folder-all'),
      },
    }),
  );
