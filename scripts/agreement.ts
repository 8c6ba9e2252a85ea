/**
 * How far two readers agree. A second reader's blind lists for some dev passages of the UK set
 * (test/fixtures/uk-eval/second-reader.yaml) are scored against the passages' own lists the way the
 * engine is scored, each way round, and the engine against each reader. What two careful readers
 * reach with each other is the most an engine can be held to on text neither has seen.
 * Usage: npx tsx scripts/agreement.ts [--json]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createAnalyser } from '../src/engine/index.js';
import {
  goldMentions,
  goldOf,
  loadUkPassages,
  packsFor,
  scoreMarks,
  termDecisions,
  type ReaderLists,
  type UkPassage,
} from './evaluation.js';

export const SECOND_READER = new URL('../test/fixtures/uk-eval/second-reader.yaml', import.meta.url).pathname;

export type SecondReader = ReaderLists & { id: string };

export function loadSecondReader(path = SECOND_READER): SecondReader[] {
  return parse(readFileSync(path, 'utf8')) as SecondReader[];
}

interface Sum {
  recall: number;
  precision: number;
  gold: number;
  found: number;
  marks: number;
  correct: number;
}

/** The four scores, summed over the passages both readers read, and where the readers part. */
export interface Agreement {
  passages: number;
  secondAgainstFirst: Sum;
  firstAgainstSecond: Sum;
  engineAgainstFirst: Sum;
  engineAgainstSecond: Sum;
  /** The first reader's jargon mentions the second did not list as jargon, by what the second did. */
  firstOnly: { neutral: number; plain: number; unlisted: number };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

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

/** Scores `second` against the dev passages it names (an id that is not a dev passage is an error). */
export function agreement(
  second: readonly SecondReader[],
  passages: readonly UkPassage[] = loadUkPassages(),
): Agreement {
  const decided = termDecisions();
  const byId = new Map(passages.map((p) => [p.id, p]));
  const out: Agreement = {
    passages: 0,
    secondAgainstFirst: sum(),
    firstAgainstSecond: sum(),
    engineAgainstFirst: sum(),
    engineAgainstSecond: sum(),
    firstOnly: { neutral: 0, plain: 0, unlisted: 0 },
  };
  for (const b of second) {
    const p = byId.get(b.id);
    if (!p || p.split !== 'dev') throw new Error(`${b.id}: not a dev passage of the UK set`);
    const first: ReaderLists = p;
    const marksOf = (lists: ReaderLists) =>
      goldOf(p.text, lists, decided).gold.map((m) => ({ ...m, text: p.text.slice(m.start, m.end) }));
    const aMarks = marksOf(first);
    const bMarks = marksOf(b);
    add(out.secondAgainstFirst, scoreMarks(p.text, first, bMarks, bMarks, decided));
    add(out.firstAgainstSecond, scoreMarks(p.text, b, aMarks, aMarks, decided));
    const all = createAnalyser({ packs: packsFor(p) }).analyse(p.text).findings;
    const engine = all.filter((f) => f.category === 'acronym' || f.category === 'jargon');
    const helpers = all.filter((f) => f.category !== 'sentence');
    add(out.engineAgainstFirst, scoreMarks(p.text, first, engine, helpers, decided));
    add(out.engineAgainstSecond, scoreMarks(p.text, b, engine, helpers, decided));
    const { open } = goldOf(p.text, b, decided);
    const plain = goldMentions(p.text, b.plain ?? []);
    for (const m of aMarks) {
      if (bMarks.some((x) => overlaps(x, m))) continue;
      if (open.some((x) => overlaps(x, m))) out.firstOnly.neutral++;
      else if (plain.some((x) => overlaps(x, m))) out.firstOnly.plain++;
      else out.firstOnly.unlisted++;
    }
    out.passages++;
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const a = agreement(loadSecondReader());
  if (process.argv.includes('--json')) console.log(JSON.stringify(a));
  else {
    const pc = (x: number) => `${(100 * x).toFixed(1)}%`;
    const row = (name: string, s: Sum) =>
      `${name.padEnd(44)} ${pc(s.recall).padStart(7)} ${pc(s.precision).padStart(7)}   ${s.found}/${s.gold}, ${s.correct}/${s.marks}`;
    console.log(`Two readers on the same ${a.passages} dev passages (test/fixtures/uk-eval/second-reader.yaml)`);
    console.log(`${'scored'.padEnd(44)}  recall  prec.   found/gold, right/marks`);
    console.log(row('the second reader, against the first', a.secondAgainstFirst));
    console.log(row('the first reader, against the second', a.firstAgainstSecond));
    console.log(row('the engine, against the first (tuned on it)', a.engineAgainstFirst));
    console.log(row('the engine, against the second', a.engineAgainstSecond));
    const f = a.firstOnly;
    console.log(
      `The first reader's jargon the second did not list as jargon: ${f.neutral} neutral (explained in the text), ${f.plain} plain, ${f.unlisted} unlisted.`,
    );
  }
}
