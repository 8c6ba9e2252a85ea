/**
 * The engine benchmark's keystroke case alone (`bench/engine.bench.ts`, "Per keystroke"), for a
 * quick look after a change: ~200 characters typed into paragraph 6 of the 1,000-word email, the
 * whole email re-analysed by a warm analyser after each keystroke, and the two "of which" rows.
 * `npx tsx bench/keystroke.bench.ts [rounds]`.
 */
import './lib/packs.js';
import { createAnalyser } from '../src/engine/index.js';
import { EDITED_PARAGRAPH, EMAIL, keystrokeTexts } from './lib/email.js';
import { collectGarbage, median, p95 } from './lib/stats.js';

const rounds = Number(process.argv[2] ?? 8);
const warmRounds = 3;
const { before, states } = keystrokeTexts();
const times: number[] = [];
let sink = 0;
for (let round = 0; round < warmRounds + rounds; round++) {
  collectGarbage();
  const a = createAnalyser();
  a.analyse(before);
  for (const s of states) {
    const t = process.hrtime.bigint();
    sink += a.analyse(s).findings.length;
    const dt = Number(process.hrtime.bigint() - t) / 1e6;
    if (round >= warmRounds) times.push(dt);
  }
}
const edited = states.map((s) => s.split('\n')[EDITED_PARAGRAPH]);
const alone: number[] = [];
{
  const a = createAnalyser();
  for (const p of edited) a.analyse(p + ' warm-up');
  for (const p of edited) {
    const t = process.hrtime.bigint();
    sink += a.analyse(p).findings.length;
    alone.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}
const cached: number[] = [];
{
  const b = createAnalyser();
  b.analyse(EMAIL);
  for (let i = 0; i < 2000; i++) {
    const t = process.hrtime.bigint();
    sink += b.analyse(EMAIL).findings.length;
    if (i >= 200) cached.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}
const f = (x: number) => x.toFixed(4);
console.log(
  `per keystroke (warm analyser, whole email): median ${f(median(times))} ms, p95 ${f(p95(times))} ms, ${times.length} keystrokes`,
);
console.log(`  of which the edited paragraph alone: median ${f(median(alone))} ms`);
console.log(`  of which the whole email, all paragraphs cached: median ${f(median(cached))} ms`);
if (sink < 0) console.log(sink);
