/**
 * One batch's figures by nation and kind, for its README section: recall / precision and passages,
 * all, dev and held-back. Prints figures only, never text or lists. Usage:
 *   npx tsx scripts/batch-figures.ts passages-8.yaml
 */
import { groupTotals, loadUkPassages, scorePassage, type GroupTotals } from './evaluation.js';

const batch = process.argv[2] ?? 'passages-8.yaml';
const uk = loadUkPassages()
  .filter((p) => p.batch === batch)
  .map((p) => scorePassage(p));
const pct = (x: number) => (100 * x).toFixed(1);
const cell = (g: GroupTotals | undefined) => (g ? `${pct(g.recall)} / ${pct(g.precision)} (${g.passages})` : '');
const rows = (key: (s: (typeof uk)[number]) => string) => {
  const all = groupTotals(uk, key);
  const split = groupTotals(uk, (s) => `${key(s)}/${s.split}`);
  for (const k of [...all.keys()].sort())
    console.log(
      `| ${k} | ${cell(all.get(k))} | ${cell(split.get(`${k}/dev`))} | ${cell(split.get(`${k}/held-back`))} |`,
    );
};
console.log(`| ${batch} | all | dev | held-back |\n| --- | ---: | ---: | ---: |`);
rows(() => 'all');
rows((s) => s.nation);
rows((s) => s.kind);
