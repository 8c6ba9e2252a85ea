/**
 * How far readers agree. Other readers' blind lists for some dev passages of the UK set
 * (test/fixtures/uk-eval/readers/*.yaml) are scored against the passages' own lists (reader A) the
 * way the engine is scored, each way round, against each other, and the engine against each reader.
 * What careful readers reach with each other is the most an engine can be held to on text none of
 * them has seen. Dev passages only. Usage: npm run agreement [-- --differences] [-- --json]
 *   --differences  each pair's differences: the first reader's jargon the second did not list as jargon
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createAnalyser } from '../src/engine/index.js';
import {
  goldMentions,
  goldOf,
  loadUkPassages,
  mergeRules,
  overlaps,
  packsFor,
  scoreMarks,
  termDecisions,
  type ReaderLists,
  type RuleTally,
  type UkPassage,
} from './evaluation.js';

export const READERS = new URL('../test/fixtures/uk-eval/readers/', import.meta.url).pathname;

export type ReaderPassage = ReaderLists & { id: string };

/** A reader: a name (its file's) and its lists, passage by passage. */
export interface Reader {
  name: string;
  passages: ReaderPassage[];
}

/** Every reader in the folder, by file name: reader-b.yaml is "B". */
export function loadReaders(folder = READERS): Reader[] {
  return readdirSync(folder)
    .filter((f) => /^reader-[a-z]+\.yaml$/.test(f))
    .sort()
    .map((f) => ({
      name: basename(f, '.yaml').slice('reader-'.length).toUpperCase(),
      passages: parse(readFileSync(join(folder, f), 'utf8')) as ReaderPassage[],
    }));
}

export interface Sum {
  recall: number;
  precision: number;
  gold: number;
  found: number;
  marks: number;
  correct: number;
}

/** Two readers on the passages both read: each scored against the other, the engine against each. */
export interface Agreement {
  passages: number;
  secondAgainstFirst: Sum;
  firstAgainstSecond: Sum;
  engineAgainstFirst: Sum;
  engineAgainstSecond: Sum;
  /** The engine's marks against the second reader, by the rule that made them. */
  engineRulesAgainstSecond: Map<string, RuleTally>;
  /** The first reader's jargon mentions the second did not list as jargon, by what the second did. */
  firstOnly: { neutral: number; plain: number; unlisted: number };
  /** The same mentions by form as written, with what the second did ("Stage 1 (unlisted)"). */
  firstOnlyForms: Map<string, number>;
}

function sum(): Sum {
  return { recall: 1, precision: 1, gold: 0, found: 0, marks: 0, correct: 0 };
}

function add(into: Sum, s: { gold: number; found: number; findings: number; correct: number }): void {
  into.gold += s.gold;
  into.found += s.found;
  into.marks += s.findings;
  into.correct += s.correct;
  into.recall = into.gold ? into.found / into.gold : 1;
  into.precision = into.marks ? into.correct / into.marks : 1;
}

/**
 * Scores `second` against `first` (by default the passages' own lists) on the dev passages `second`
 * names; a passage that is not in the dev split is an error, and one `first` lacks is skipped.
 */
export function agreement(
  second: readonly ReaderPassage[],
  passages: readonly UkPassage[] = loadUkPassages(),
  first?: readonly ReaderPassage[],
): Agreement {
  const decided = termDecisions();
  const byId = new Map(passages.map((p) => [p.id, p]));
  const firstById = first ? new Map(first.map((p) => [p.id, p])) : undefined;
  const out: Agreement = {
    passages: 0,
    secondAgainstFirst: sum(),
    firstAgainstSecond: sum(),
    engineAgainstFirst: sum(),
    engineAgainstSecond: sum(),
    engineRulesAgainstSecond: new Map(),
    firstOnly: { neutral: 0, plain: 0, unlisted: 0 },
    firstOnlyForms: new Map(),
  };
  for (const b of second) {
    const p = byId.get(b.id);
    if (!p || p.split !== 'dev') throw new Error(`${b.id}: not a dev passage of the UK set`);
    const a: ReaderLists | undefined = firstById ? firstById.get(b.id) : p;
    if (!a) continue;
    const marksOf = (gold: ReturnType<typeof goldOf>['gold']) =>
      gold.map((m) => ({ ...m, text: p.text.slice(m.start, m.end) }));
    const bLists = goldOf(p.text, b, decided);
    const aMarks = marksOf(goldOf(p.text, a, decided).gold);
    const bMarks = marksOf(bLists.gold);
    add(out.secondAgainstFirst, scoreMarks(p.text, a, bMarks, bMarks, decided));
    add(out.firstAgainstSecond, scoreMarks(p.text, b, aMarks, aMarks, decided));
    const all = createAnalyser({ packs: packsFor(p) }).analyse(p.text).findings;
    const engine = all.filter((f) => f.category === 'acronym' || f.category === 'jargon');
    const helpers = all.filter((f) => f.category !== 'sentence');
    add(out.engineAgainstFirst, scoreMarks(p.text, a, engine, helpers, decided));
    const engineOnB = scoreMarks(p.text, b, engine, helpers, decided);
    add(out.engineAgainstSecond, engineOnB);
    mergeRules(out.engineRulesAgainstSecond, engineOnB.byRule);
    const { open } = bLists;
    const plain = goldMentions(p.text, b.plain ?? []);
    for (const m of aMarks) {
      if (bMarks.some((x) => overlaps(x, m))) continue;
      const did = open.some((x) => overlaps(x, m))
        ? 'neutral'
        : plain.some((x) => overlaps(x, m))
          ? 'plain'
          : 'unlisted';
      out.firstOnly[did]++;
      const key = `${m.text} (${did})`;
      out.firstOnlyForms.set(key, (out.firstOnlyForms.get(key) ?? 0) + 1);
    }
    out.passages++;
  }
  return out;
}

/** Every reader against A (the set's own lists), and every pair of the other readers that read the same passages. */
export function allAgreements(readers: readonly Reader[] = loadReaders(), passages = loadUkPassages()) {
  const pairs: Array<{ first: string; second: string; agreement: Agreement }> = readers.map((r) => ({
    first: 'A',
    second: r.name,
    agreement: agreement(r.passages, passages),
  }));
  for (let i = 0; i < readers.length; i++)
    for (let j = i + 1; j < readers.length; j++) {
      const both = agreement(readers[j].passages, passages, readers[i].passages);
      // Readers of different samples have no passage in common: nothing to compare.
      if (both.passages) pairs.push({ first: readers[i].name, second: readers[j].name, agreement: both });
    }
  return pairs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pairs = allAgreements();
  if (process.argv.includes('--json'))
    console.log(
      JSON.stringify(pairs, (_, v: unknown) => (v instanceof Map ? Object.fromEntries(v as Map<string, number>) : v)),
    );
  else {
    const pc = (x: number) => `${(100 * x).toFixed(1)}%`;
    const row = (name: string, s: Sum) =>
      `  ${name.padEnd(34)} ${pc(s.recall).padStart(7)} ${pc(s.precision).padStart(7)}   ${s.found}/${s.gold}, ${s.correct}/${s.marks}`;
    console.log('Readers on the same dev passages (A: the set’s own lists; others: test/fixtures/uk-eval/readers/)');
    for (const { first, second, agreement: a } of pairs) {
      console.log(
        `${first} and ${second}, ${a.passages} passages${' '.repeat(14)}recall  prec.   found/gold, right/marks`,
      );
      console.log(row(`${second}, against ${first}`, a.secondAgainstFirst));
      console.log(row(`${first}, against ${second}`, a.firstAgainstSecond));
      console.log(row(`the engine, against ${first}${first === 'A' ? ' (tuned on A)' : ''}`, a.engineAgainstFirst));
      console.log(row(`the engine, against ${second}`, a.engineAgainstSecond));
      console.log(
        `  the engine's marks by rule, right/all against ${second}: ${[...a.engineRulesAgainstSecond]
          .sort((x, y) => x[0].localeCompare(y[0]))
          .map(([rule, t]) => `${rule} ${t.correct}/${t.marks}`)
          .join(', ')}`,
      );
      const f = a.firstOnly;
      console.log(
        `  ${first}'s jargon that ${second} did not list as jargon: ${f.neutral} neutral (explained in the text), ${f.plain} plain, ${f.unlisted} unlisted`,
      );
      if (process.argv.includes('--differences'))
        console.log(
          `    ${[...a.firstOnlyForms]
            .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
            .map(([form, n]) => `${form} ×${n}`)
            .join(', ')}`,
        );
    }
  }
}
