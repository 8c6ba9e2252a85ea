/** Prints recall and precision on the annotated seed documents. Usage: npm run evaluate [-- --verbose] */
import { loadAnnotations, scoreDocument, totals } from './evaluation.js';

const verbose = process.argv.includes('--verbose');
const scores = loadAnnotations().map((d) => scoreDocument(d));
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, verbose ? 100 : 12)
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ');
for (const s of scores) {
  console.log(
    `${s.file}: precision ${pct(s.precision)} (${s.correct}/${s.findings}), recall ${pct(s.recall)} (${s.found}/${s.gold})`,
  );
  if (s.missed.size) console.log(`  missed: ${top(s.missed)}`);
  if (s.wrong.size) console.log(`  not jargon: ${top(s.wrong)}`);
}
const t = totals(scores);
console.log(
  `\nAll documents: precision ${pct(t.precision)}, recall ${pct(t.recall)} (${t.findings} findings, ${t.gold} annotated mentions)`,
);
