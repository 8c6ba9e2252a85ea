/**
 * Scores the engine against the hand annotation in test/fixtures/eval/annotations.yaml.
 *
 * The annotation lists, per seed document, the surface forms a parent carer new to SEND would
 * stumble on (`jargon`) and look-alikes that are not jargon (`plain`). Every occurrence of a
 * jargon form in the document is a gold mention (acronyms matched with their capitals, other
 * forms in any case; plurals and possessives included; overlapping ones merged, longest kept).
 * A finding of category acronym or jargon is correct if it overlaps a gold mention.
 *   precision = correct acronym and jargon findings / acronym and jargon findings;
 *   recall = gold mentions overlapped by any term finding (plain words too) / gold mentions.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createAnalyser, DEFAULT_PACKS } from '../src/engine/index.js';
import { isAcronymLike } from '../src/engine/glossary/glossary.js';

export interface AnnotatedDocument {
  file: string;
  region: string;
  jargon: string[];
  plain?: string[];
}

export interface DocumentScore {
  file: string;
  findings: number;
  correct: number;
  gold: number;
  found: number;
  precision: number;
  recall: number;
  missed: Map<string, number>;
  wrong: Map<string, number>;
}

export const SEED_DIR = new URL('../test/fixtures/seeds/', import.meta.url).pathname;
export const ANNOTATIONS = new URL('../test/fixtures/eval/annotations.yaml', import.meta.url).pathname;

export function loadAnnotations(path = ANNOTATIONS): AnnotatedDocument[] {
  return (parse(readFileSync(path, 'utf8')) as { documents: AnnotatedDocument[] }).documents;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every occurrence of the jargon forms, merged so that overlapping mentions count once. */
export function goldMentions(
  text: string,
  forms: readonly string[],
): Array<{ start: number; end: number; form: string }> {
  const spans: Array<{ start: number; end: number; form: string }> = [];
  for (const form of forms) {
    const body = escape(form)
      .replace(/\\?[-‐‑ ]/g, '[\\s\\-‐‑]+')
      .replace(/['’]/g, "['’]");
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${body}(?:s|es|['’]s?)?(?![\\p{L}\\p{N}])`,
      isAcronymLike(form) ? 'gu' : 'giu',
    );
    for (const m of text.matchAll(pattern)) spans.push({ start: m.index, end: m.index + m[0].length, form });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof spans = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end) last.end = s.end;
      continue;
    }
    merged.push({ ...s });
  }
  return merged;
}

export function scoreDocument(doc: AnnotatedDocument, seedDir = SEED_DIR): DocumentScore {
  const text = readFileSync(seedDir + doc.file, 'utf8');
  const packs = doc.region && doc.region !== 'national' ? { packs: [...DEFAULT_PACKS, doc.region] } : {};
  const all = createAnalyser(packs).analyse(text).findings;
  // Precision is judged on what is flagged as jargon; a plain-word finding on an annotated term
  // ("signposted") still helps the reader, so it counts towards recall.
  const findings = all.filter((f) => f.category === 'acronym' || f.category === 'jargon');
  const helpers = all.filter((f) => f.category !== 'sentence');
  const gold = goldMentions(text, doc.jargon);
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end;
  const wrong = new Map<string, number>();
  const missed = new Map<string, number>();
  let correct = 0;
  let g = 0;
  for (const f of findings) {
    while (g < gold.length && gold[g].end <= f.start) g++;
    if (g < gold.length && overlaps(f, gold[g])) correct++;
    else wrong.set(f.text, (wrong.get(f.text) ?? 0) + 1);
  }
  let found = 0;
  let i = 0;
  for (const m of gold) {
    while (i < helpers.length && helpers[i].end <= m.start) i++;
    if (i < helpers.length && overlaps(helpers[i], m)) found++;
    else missed.set(m.form, (missed.get(m.form) ?? 0) + 1);
  }
  return {
    file: doc.file,
    findings: findings.length,
    correct,
    gold: gold.length,
    found,
    precision: findings.length ? correct / findings.length : 1,
    recall: gold.length ? found / gold.length : 1,
    missed,
    wrong,
  };
}

export function totals(scores: DocumentScore[]) {
  const sum = (k: 'findings' | 'correct' | 'gold' | 'found') => scores.reduce((n, s) => n + s[k], 0);
  return {
    precision: sum('correct') / Math.max(1, sum('findings')),
    recall: sum('found') / Math.max(1, sum('gold')),
    findings: sum('findings'),
    gold: sum('gold'),
  };
}
