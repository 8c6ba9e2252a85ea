/**
 * How the engine's time grows with hostile text: for each shape in test/engine/pathological.ts,
 * a fresh analyser's whole analysis of 10 KB, 100 KB and 1 MB of it, as milliseconds per KB, and
 * the ratio time(1 MB) / time(10 KB): about 100 when the time is linear in the text, about
 * 10,000 when it is quadratic. `-- --quick` stops at 100 KB (ratio against 10 KB: linear ≈ 10).
 * The complexity suite (`npm test`) checks the same shapes at 5 KB and 50 KB.
 */
import { cpus } from 'node:os';
import './lib/packs.js';
import { createAnalyser } from '../src/engine/index.js';
import { everyCharacter, GENERATORS, type Generator } from '../test/engine/pathological.js';
import { collectGarbage } from './lib/stats.js';

const QUICK = process.argv.includes('--quick');
const SIZES = QUICK ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const log = (s: string) => process.stderr.write(`${s}\n`);

/** Best of `runs` (fewer for big inputs): a busy machine only ever makes a run slower. */
function time(g: Generator, size: number): number {
  const text = g.make(size);
  const runs = size >= 1_000_000 ? 2 : 4;
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const analyser = createAnalyser(g.options);
    collectGarbage();
    const t = performance.now();
    analyser.analyse(text);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

// Runs of one mark or space stand for their kind here; the suite checks every one of them.
const characters = everyCharacter().filter((g) => /"[.!&+(]"|U\+(?:0020|0009|00A0|2028|3000)/.test(g.name));
const rows: string[][] = [];
const started = performance.now();
for (const g of [...GENERATORS, ...characters]) {
  const ms = SIZES.map((size) => time(g, size));
  const perKb = ms.map((m, i) => (m / (SIZES[i] / 1000)).toFixed(3));
  const ratio = ms[ms.length - 1] / ms[0];
  rows.push([g.name, ...perKb, ratio.toFixed(0)]);
  log(`  ${g.name}: ${ms.map((m) => m.toFixed(1)).join(' / ')} ms`);
}

const head = [
  'shape',
  ...SIZES.map((s) => `ms/KB at ${s >= 1e6 ? `${s / 1e6} MB` : `${s / 1e3} KB`}`),
  `${SIZES.length === 3 ? '1 MB' : '100 KB'}/10 KB`,
];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(
  `\nPlain SEND engine: time against text size, hostile shapes — Node ${process.version}, ${cpus()[0]?.model.split(' ')[0] ?? ''} × ${cpus().length}${QUICK ? ' — QUICK RUN' : ''}`,
);
console.log(
  `Fresh analyser per run, best of 2–4 runs. Linear: the ratio is about ${SIZES.length === 3 ? 100 : 10}; quadratic: about ${SIZES.length === 3 ? '10,000' : 100}.\n`,
);
console.log(line(head));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
const worst = rows.reduce((m, r) => Math.max(m, Number(r[r.length - 1])), 0);
console.log(
  `\nHighest ratio: ${worst} (${rows.length} shapes, ${((performance.now() - started) / 1000).toFixed(0)} s).`,
);
