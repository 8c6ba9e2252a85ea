/**
 * Prints recall and precision on the annotated seed documents, then on the UK set (per nation, kind
 * of publisher and split). Usage: npm run evaluate [-- --verbose] [-- --misses] [-- --json]
 *   --verbose  longer lists for the seeds
 *   --misses   every dev miss and false mark of the UK set, with counts
 *   --json     the figures and the dev lists as JSON, for other tools
 *   --context FORM...  each line of a dev passage that holds a form (any case), with the engine's
 *              marks on it and the passage's lists that hold the form; nothing else is printed
 * Lists and text of the held-back split are never printed: glossary work may look at dev passages only.
 */
import { createAnalyser } from '../src/engine/index.js';
import {
  checkUkPassages,
  conflictsWithDecisions,
  groupTotals,
  KINDS,
  loadAnnotations,
  loadUkPassages,
  localAuthorities,
  mergeRules,
  NATIONS,
  packsFor,
  scoreDocument,
  scorePassage,
  SPLITS,
  totals,
  type GroupTotals,
  type RuleTally,
} from './evaluation.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const allMisses = args.includes('--misses');
const json = args.includes('--json');

const contextAt = args.indexOf('--context');
if (contextAt >= 0) {
  printContext(args.slice(contextAt + 1).filter((a) => !a.startsWith('--')));
  process.exit(0);
}

/**
 * Dev passages only: each line that holds a form, the engine's marks on it (the passage read whole,
 * as it is scored), and how the passage lists the form.
 */
function printContext(forms: readonly string[]): void {
  const dev = loadUkPassages().filter((p) => p.split === 'dev');
  for (const form of forms) {
    const want = form.toLowerCase();
    console.log(`== ${form}`);
    for (const p of dev) {
      if (!p.text.toLowerCase().includes(want)) continue;
      const findings = createAnalyser({ packs: packsFor(p) })
        .analyse(p.text)
        .findings.filter((f) => f.category === 'jargon' || f.category === 'acronym');
      const lists = (['jargon', 'plain', 'neutral'] as const)
        .flatMap((k) => (p[k] ?? []).filter((f) => f.toLowerCase().includes(want)).map((f) => `${k} "${f}"`))
        .join(', ');
      let start = 0;
      for (const line of p.text.split('\n')) {
        const end = start + line.length;
        if (line.toLowerCase().includes(want)) {
          const marks = findings.filter((f) => f.start < end && f.end > start).map((f) => `${f.text} (${f.rule})`);
          console.log(
            `[${p.id}, ${p.kind}] ${line}\n    marked: ${marks.join('; ') || 'nothing'}\n    listed: ${lists || 'not listed'}`,
          );
        }
        start = end + 1;
      }
    }
  }
}

const scores = loadAnnotations().map((d) => scoreDocument(d));
const passages = loadUkPassages();
const problems = [
  ...checkUkPassages(passages),
  ...loadAnnotations().flatMap((d) => conflictsWithDecisions(d).map((c) => `${d.file}: ${c}`)),
];
if (problems.length) {
  console.error(`The evaluation sets in test/fixtures/ are not sound:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const uk = passages.map((p) => scorePassage(p));
const dev = uk.filter((s) => s.split === 'dev');

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const top = (m: Map<string, number>, n: number) =>
  sorted(m)
    .slice(0, n)
    .map(([k, c]) => `${k} ×${c}`)
    .join(', ');
const seedTotals = totals(scores);
const one = <T>(m: Map<string, T>): T => [...m.values()][0];
const all = one(groupTotals(uk, () => 'all'));
const devAll = one(groupTotals(dev, () => 'dev'));
const bySplit = groupTotals(uk, (s) => s.split);
const byNation = groupTotals(uk, (s) => s.nation);
const byKind = groupTotals(uk, (s) => s.kind);
const byNationSplit = groupTotals(uk, (s) => `${s.nation}/${s.split}`);
const byKindSplit = groupTotals(uk, (s) => `${s.kind}/${s.split}`);
const BATCHES = [...new Set(uk.map((s) => s.batch))];
const byBatch = groupTotals(uk, (s) => s.batch);
const byBatchSplit = groupTotals(uk, (s) => `${s.batch}/${s.split}`);
const unannotated = new Map([...devAll.wrong].filter(([k]) => !devAll.wrongPlain.has(k)));
for (const [k, n] of devAll.wrong) {
  const onPlain = devAll.wrongPlain.get(k) ?? 0;
  if (onPlain && n > onPlain) unannotated.set(k, n - onPlain);
}

// Each rule's marks and how many were right: a rule that does well on dev but not on held-back text
// was shaped to the dev passages.
const seedRules = new Map<string, RuleTally>();
for (const d of scores) mergeRules(seedRules, d.byRule);
const ruleSets = [seedRules, bySplit.get('dev')?.byRule, bySplit.get('held-back')?.byRule];
const ruleNames = [...new Set(ruleSets.flatMap((m) => [...(m?.keys() ?? [])]))].sort();

if (json) {
  const figures = (g: GroupTotals | undefined) =>
    g && {
      passages: g.passages,
      precision: g.precision,
      recall: g.recall,
      findings: g.findings,
      correct: g.correct,
      mentions: g.gold,
      found: g.found,
      neutral: g.neutral,
    };
  const table = (keys: readonly string[], one: Map<string, GroupTotals>, split: Map<string, GroupTotals>) =>
    Object.fromEntries(
      keys.map((k) => [
        k,
        { all: figures(one.get(k)), ...Object.fromEntries(SPLITS.map((s) => [s, figures(split.get(`${k}/${s}`))])) },
      ]),
    );
  const list = (m: Map<string, number>) => sorted(m).map(([term, count]) => ({ term, count }));
  console.log(
    JSON.stringify(
      {
        seeds: {
          documents: scores.map((s) => ({ file: s.file, precision: s.precision, recall: s.recall })),
          precision: seedTotals.precision,
          recall: seedTotals.recall,
          findings: seedTotals.findings,
          mentions: seedTotals.gold,
          neutral: seedTotals.neutral,
          byRule: Object.fromEntries(seedRules),
        },
        uk: {
          passages: passages.length,
          localAuthorities: localAuthorities(passages).size,
          all: figures(all),
          bySplit: Object.fromEntries(SPLITS.map((s) => [s, figures(bySplit.get(s))])),
          byNation: table(NATIONS, byNation, byNationSplit),
          byKind: table(KINDS, byKind, byKindSplit),
          byBatch: table(BATCHES, byBatch, byBatchSplit),
          byRule: Object.fromEntries(SPLITS.map((s) => [s, Object.fromEntries(bySplit.get(s)?.byRule ?? [])])),
          dev: {
            misses: list(devAll.missed),
            falseMarksOnPlain: list(devAll.wrongPlain),
            falseMarksUnannotated: list(unannotated),
          },
        },
      },
      null,
      2,
    ),
  );
  process.exit(0);
}

for (const s of scores) {
  console.log(
    `${s.file}: precision ${pct(s.precision)} (${s.correct}/${s.findings}), recall ${pct(s.recall)} (${s.found}/${s.gold})`,
  );
  if (s.missed.size) console.log(`  missed: ${top(s.missed, verbose ? 100 : 12)}`);
  if (s.wrong.size) console.log(`  not jargon: ${top(s.wrong, verbose ? 100 : 12)}`);
}
console.log(
  `\nAll documents: precision ${pct(seedTotals.precision)}, recall ${pct(seedTotals.recall)} (${seedTotals.findings} findings, ${seedTotals.gold} annotated mentions; ${seedTotals.neutral} findings on neutral text, not counted)`,
);

const cell = (g: GroupTotals | undefined) =>
  g
    ? `${pct(g.recall).padStart(6)} ${pct(g.precision).padStart(6)} ${String(g.passages).padStart(3)}`
    : '     –      –   –';
const row = (label: string, g: GroupTotals | undefined, d: GroupTotals | undefined, h: GroupTotals | undefined) =>
  `${label.padEnd(22)} ${cell(g)}   ${cell(d)}   ${cell(h)}`;
console.log(
  `\nUK set: ${passages.length} passages from ${localAuthorities(passages).size} local areas (test/fixtures/uk-eval/)`,
);
console.log(`${''.padEnd(22)} ${'all'.padEnd(17)}   ${'dev'.padEnd(17)}   held-back`);
console.log(`${''.padEnd(22)} ${'recall  prec.   n'}   ${'recall  prec.   n'}   recall  prec.   n`);
console.log(row('all passages', all, bySplit.get('dev'), bySplit.get('held-back')));
for (const n of NATIONS)
  console.log(row(n, byNation.get(n), byNationSplit.get(`${n}/dev`), byNationSplit.get(`${n}/held-back`)));
for (const k of KINDS)
  console.log(row(k, byKind.get(k), byKindSplit.get(`${k}/dev`), byKindSplit.get(`${k}/held-back`)));
if (BATCHES.length > 1)
  for (const b of BATCHES)
    console.log(row(b, byBatch.get(b), byBatchSplit.get(`${b}/dev`), byBatchSplit.get(`${b}/held-back`)));
console.log(
  `(${all.gold} annotated mentions, ${all.findings} acronym and jargon findings; recall ${all.found}/${all.gold}, precision ${all.correct}/${all.findings}; ${all.neutral} findings on neutral text, not counted: test/fixtures/ANNOTATING.md)`,
);

const ruleCell = (t: RuleTally | undefined) =>
  t
    ? `${String(t.correct).padStart(5)}/${String(t.marks).padEnd(5)} ${pct(t.marks ? t.correct / t.marks : 1).padStart(6)}`
    : ''.padEnd(18);
console.log(`\nMarks by rule, right / all and precision:`);
console.log(`${''.padEnd(22)} ${'seeds'.padEnd(18)}   ${'UK dev'.padEnd(18)}   UK held-back`);
for (const r of ruleNames) console.log(`${r.padEnd(22)} ${ruleSets.map((m) => ruleCell(m?.get(r))).join('   ')}`);

const limit = allMisses ? Infinity : 25;
const say = (label: string, m: Map<string, number>) =>
  console.log(`\nDev ${label} (${[...m.values()].reduce((a, b) => a + b, 0)}): ${top(m, limit) || 'none'}`);
say('misses, annotated but not found', devAll.missed);
say('false marks on plain look-alikes', devAll.wrongPlain);
say('false marks on text not annotated', unannotated);
if (!allMisses) console.log('\n(`npm run evaluate -- --misses` lists them all; held-back lists are never shown.)');
