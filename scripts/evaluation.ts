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
 * A finding that counts against precision is a "false mark": on a `plain` look-alike, or on text
 * that is not annotated at all. Text left out of both lists (`neutral`, per document or for every
 * document in test/fixtures/terms.yaml) counts neither way. The rules: test/fixtures/ANNOTATING.md.
 *
 * The same scoring runs on the UK set in test/fixtures/uk-eval/passages.yaml: passages quoted from
 * public pages across the four nations, each scored on its own and summed by nation, kind of
 * publisher and split (dev or held-back).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { createAnalyser, DEFAULT_PACKS, loadPacks, PACK_INDEX } from '../src/engine/index.js';
import { bundledPacks } from '../src/engine/dictionary/bundled.js';
import { isAcronymLike } from '../src/engine/glossary/glossary.js';

// Every pack, so that any passage may use its area's.
await loadPacks(
  PACK_INDEX.map((p) => p.id),
  bundledPacks,
);

export interface AnnotatedDocument {
  file: string;
  region: string;
  jargon: string[];
  plain?: string[];
  /** Left out of both lists in this document only (test/fixtures/ANNOTATING.md): neither a miss nor a false mark. */
  neutral?: string[];
}

/** The term-level decisions of test/fixtures/ANNOTATING.md, applied to every document of both sets. */
export interface TermDecisions {
  jargon: string[];
  plain: string[];
  neutral: string[];
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
  /** The false marks (in `wrong`) that fall on an annotated `plain` look-alike. */
  wrongPlain: Map<string, number>;
  /** Findings on neutral text (left out of both lists): counted neither way. */
  neutral: number;
  /** Per rule that made the marks (a finding's `rule`): marks counted, and how many were right. */
  byRule: Map<string, RuleTally>;
}

/** How one rule's marks fared: `marks` counted for precision, `correct` of them on an annotated term. */
export interface RuleTally {
  marks: number;
  correct: number;
}

/** The rule's tally in `m`, a new empty one the first time. */
function tallyOf(m: Map<string, RuleTally>, rule: string): RuleTally {
  let t = m.get(rule);
  if (!t) m.set(rule, (t = { marks: 0, correct: 0 }));
  return t;
}

export const SEED_DIR = new URL('../test/fixtures/seeds/', import.meta.url).pathname;
export const ANNOTATIONS = new URL('../test/fixtures/eval/annotations.yaml', import.meta.url).pathname;
export const TERM_DECISIONS = new URL('../test/fixtures/terms.yaml', import.meta.url).pathname;

export function loadTermDecisions(path = TERM_DECISIONS): TermDecisions {
  const d = parse(readFileSync(path, 'utf8')) as Partial<TermDecisions>;
  return { jargon: d.jargon ?? [], plain: d.plain ?? [], neutral: d.neutral ?? [] };
}

let decisions: TermDecisions | undefined;
/** The decisions in test/fixtures/terms.yaml, read once. */
export function termDecisions(): TermDecisions {
  return (decisions ??= loadTermDecisions());
}

/** A form's key for comparing decisions: any case, curly or straight apostrophe, hyphen or space, plural or possessive. */
export function formKey(form: string): string {
  return form
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/[-‐‑\s]+/g, ' ')
    .replace(/(?:'s|s'?|es)$/, '');
}

/**
 * Forms a document lists on one side that ANNOTATING.md decides for every document on another
 * ("ADHD" as plain, though the guide makes it jargon everywhere). Empty when they agree.
 */
export function conflictsWithDecisions(
  lists: { jargon?: readonly string[]; plain?: readonly string[]; neutral?: readonly string[] },
  d: TermDecisions = termDecisions(),
): string[] {
  const side = new Map<string, keyof TermDecisions>();
  for (const k of ['jargon', 'plain', 'neutral'] as const) for (const f of d[k]) side.set(formKey(f), k);
  const out: string[] = [];
  for (const k of ['jargon', 'plain', 'neutral'] as const) {
    for (const f of lists[k] ?? []) {
      const decided = side.get(formKey(f));
      if (decided && decided !== k) out.push(`${k} "${f}" is ${decided} for every document (test/fixtures/terms.yaml)`);
    }
  }
  return out;
}

export function loadAnnotations(path = ANNOTATIONS): AnnotatedDocument[] {
  return (parse(readFileSync(path, 'utf8')) as { documents: AnnotatedDocument[] }).documents;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every occurrence of the jargon forms, merged so that overlapping mentions count once. */
/** A web or email address: a run without spaces that starts with a scheme or "www.", or holds an "@" between letters. */
const isAddress = (run: string) => /^[("'<[]?(?:https?:\/\/|www\.)/i.test(run) || /\w@\w/u.test(run);

/**
 * A form listed in the plural ("Short Breaks", "Tribunals") stands for the term in either number, as
 * the guide lists a term once per document: its last word loses a plural "s" or "es", and the pattern
 * below takes the plural back. Left alone: a short form ("CAMHS", "SATs"), a word of three letters or
 * fewer ("bus"), and one in "ss" ("Access"), where taking the "s" off would not give the singular. A
 * word in "ies" ("awarding bodies") is {@link iesStem}'s.
 */
export function singularOfListed(form: string): string {
  const last = /(\p{L}+)$/u.exec(form);
  // A word in small letters (a capital first at most): "CAMHS", "DfES" and "SATs" are short forms.
  if (!last || last[1].length <= 3 || !/^\p{Lu}?\p{Ll}*[^s]s$/u.test(last[1]) || /ies$/.test(last[1])) return form;
  return form.slice(0, -1);
}

/**
 * A form whose last word is a plural in "ies" of five letters or more ("awarding bodies",
 * "Difficulties"), without its "ies": the pattern takes "y" or "ies" after it. Else undefined.
 */
export function iesStem(form: string): string | undefined {
  const last = /(\p{L}+)$/u.exec(form);
  return last && last[1].length >= 5 && /^\p{Lu}?\p{Ll}*ies$/u.test(last[1]) ? form.slice(0, -3) : undefined;
}

export function goldMentions(
  text: string,
  forms: readonly string[],
): Array<{ start: number; end: number; form: string }> {
  const spans: Array<{ start: number; end: number; form: string }> = [];
  for (const form of forms) {
    // A word before a space or hyphen may be plural too ("requests for assistance" for "request for assistance").
    const stem = iesStem(form);
    const body =
      escape(stem ?? singularOfListed(form))
        .replace(/(\p{L})?\\?[-‐‑ ]/gu, (_, letter?: string) => `${letter ? `${letter}(?:s|es)?` : ''}[\\s\\-‐‑]+`)
        .replace(/['’]/g, "['’]") + (stem === undefined ? '' : '(?:y|ies)');
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${body}(?:s|es|['’]s?)?(?![\\p{L}\\p{N}])`,
      isAcronymLike(form) ? 'gu' : 'giu',
    );
    for (const m of text.matchAll(pattern)) spans.push({ start: m.index, end: m.index + m[0].length, form });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Web and email addresses are plain (ANNOTATING.md, rule 6): "send-local-offer" in a link is no mention.
  const addresses = [...text.matchAll(/\S+/gu)]
    .filter((m) => isAddress(m[0]))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const merged: typeof spans = [];
  for (const s of spans) {
    if (addresses.some((a) => s.start >= a.start && s.end <= a.end)) continue;
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
  const packs = doc.region && doc.region !== 'national' ? [...DEFAULT_PACKS, doc.region] : undefined;
  return { file: doc.file, ...scoreText(text, doc.jargon, doc.plain ?? [], packs, doc.neutral ?? []) };
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * Scores one annotated text; `packs` as for createAnalyser (the defaults when left out). The term
 * decisions of ANNOTATING.md (`decided`) are added to the text's own lists. Neutral text (left out of
 * both lists) counts neither way: a mention there is not gold, a finding there is not counted. Where
 * a neutral span and a listed one overlap, the longer wins ("parent carer" inside "parent carer forum"),
 * the listed one when they are as long.
 */
export function scoreText(
  text: string,
  jargon: readonly string[],
  plain: readonly string[] = [],
  packs?: readonly string[],
  neutral: readonly string[] = [],
  decided: TermDecisions = termDecisions(),
): Omit<DocumentScore, 'file'> {
  const all = createAnalyser(packs ? { packs } : {}).analyse(text).findings;
  // Precision is judged on what is flagged as jargon; a plain-word finding on an annotated term
  // ("signposted") still helps the reader, so it counts towards recall.
  const marks = all.filter((f) => f.category === 'acronym' || f.category === 'jargon');
  const helpers = all.filter((f) => f.category !== 'sentence');
  return scoreMarks(text, { jargon, plain, neutral }, marks, helpers, decided);
}

/** One reader's lists for a text (test/fixtures/ANNOTATING.md). */
export interface ReaderLists {
  jargon: readonly string[];
  plain?: readonly string[];
  neutral?: readonly string[];
}

/** A text's gold mentions under one reader's lists and the term decisions, and its neutral spans. */
export function goldOf(
  text: string,
  lists: ReaderLists,
  decided: TermDecisions = termDecisions(),
): { gold: Mention[]; open: Mention[]; lookalikes: Mention[] } {
  const lookalikes = goldMentions(text, [...(lists.plain ?? []), ...decided.plain]);
  const listed = goldMentions(text, [...lists.jargon, ...decided.jargon]);
  const longer = (a: Span, b: Span) => a.end - a.start > b.end - b.start;
  const open = goldMentions(text, [...(lists.neutral ?? []), ...decided.neutral]).filter(
    (n) => ![...listed, ...lookalikes].some((m) => overlaps(m, n) && !longer(n, m)),
  );
  const gold = listed.filter((m) => !open.some((n) => overlaps(m, n) && longer(n, m)));
  return { gold, open, lookalikes };
}

/**
 * Scores marks on a text (the engine's acronym and jargon findings, or another reader's jargon)
 * against one reader's lists: `marks` count for precision, `helpers` (every mark that helps a
 * reader, plain words too) for recall. Both sorted by place.
 */
export function scoreMarks(
  text: string,
  lists: ReaderLists,
  marks: readonly Mark[],
  helpers: readonly Span[],
  decided: TermDecisions = termDecisions(),
): Omit<DocumentScore, 'file'> {
  const { gold, open, lookalikes } = goldOf(text, lists, decided);
  const counted = marks.filter((f) => gold.some((m) => overlaps(f, m)) || !open.some((n) => overlaps(f, n)));
  const wrong = new Map<string, number>();
  const wrongPlain = new Map<string, number>();
  const missed = new Map<string, number>();
  const byRule = new Map<string, RuleTally>();
  let correct = 0;
  let g = 0;
  for (const f of counted) {
    while (g < gold.length && gold[g].end <= f.start) g++;
    const right = g < gold.length && overlaps(f, gold[g]);
    const rule = f.rule ?? 'reader';
    const tally = tallyOf(byRule, rule);
    tally.marks++;
    if (right) {
      tally.correct++;
      correct++;
    } else {
      bump(wrong, f.text);
      if (lookalikes.some((m) => overlaps(f, m))) bump(wrongPlain, f.text);
    }
  }
  let found = 0;
  let i = 0;
  for (const m of gold) {
    while (i < helpers.length && helpers[i].end <= m.start) i++;
    if (i < helpers.length && overlaps(helpers[i], m)) found++;
    else bump(missed, m.form);
  }
  return {
    findings: counted.length,
    correct,
    gold: gold.length,
    found,
    precision: counted.length ? correct / counted.length : 1,
    recall: gold.length ? found / gold.length : 1,
    missed,
    wrong,
    wrongPlain,
    neutral: marks.length - counted.length,
    byRule,
  };
}

type Span = { start: number; end: number };
/** A mark to score: a finding (with the rule that made it) or another reader's listed term. */
type Mark = Span & { text: string; rule?: string };
type Mention = Span & { form: string };

export function totals(scores: DocumentScore[]) {
  const sum = (k: 'findings' | 'correct' | 'gold' | 'found' | 'neutral') => scores.reduce((n, s) => n + s[k], 0);
  return {
    precision: sum('correct') / Math.max(1, sum('findings')),
    recall: sum('found') / Math.max(1, sum('gold')),
    findings: sum('findings'),
    gold: sum('gold'),
    neutral: sum('neutral'),
  };
}

// ---------------------------------------------------------------------------------------------
// The UK set

export const UK_PASSAGES = new URL('../test/fixtures/uk-eval/passages.yaml', import.meta.url).pathname;
export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const;
export const KINDS = ['council', 'nhs', 'sendiass', 'parent-carer-forum', 'school', 'national-body'] as const;
export const SPLITS = ['dev', 'held-back'] as const;
export const ENGLISH_REGIONS = [
  'north-east',
  'north-west',
  'yorkshire-and-the-humber',
  'east-midlands',
  'west-midlands',
  'east-of-england',
  'london',
  'south-east',
  'south-west',
  'national',
] as const;
const FIELDS = [
  'id',
  'url',
  'publisher',
  'kind',
  'nation',
  'region',
  'local_authority',
  'date',
  'licence',
  'split',
  'text',
] as const;

export interface UkPassage {
  id: string;
  url: string;
  publisher: string;
  kind: (typeof KINDS)[number];
  nation: (typeof NATIONS)[number];
  /** The English region, or the nation's name outside England. */
  region: string;
  /** The area served; "none (...)" for a body that covers a whole nation. */
  local_authority: string;
  date: string;
  licence: string;
  split: (typeof SPLITS)[number];
  text: string;
  jargon: string[];
  plain: string[];
  /** Left out of both lists in this passage only. */
  neutral?: string[];
  /** The file it came from (set on loading): each batch holds back its own third. */
  batch?: string;
}

export interface PassageScore extends DocumentScore {
  id: string;
  nation: string;
  kind: string;
  split: string;
  batch: string;
}

/**
 * The set: `passages.yaml` and each later batch `passages-<name>.yaml` beside it. A batch added later
 * holds back a third of its own, so adding one never moves a passage someone has tuned on into the
 * held-back split.
 */
export function loadUkPassages(path = UK_PASSAGES): UkPassage[] {
  const folder = dirname(path);
  const first = basename(path);
  const later = readdirSync(folder)
    .filter((f) => /^passages-[a-z0-9-]+\.yaml$/.test(f) && f !== first)
    .sort();
  return [first, ...later].flatMap((file) =>
    (parse(readFileSync(join(folder, file), 'utf8')) as { passages: UkPassage[] }).passages.map((p) => ({
      ...p,
      batch: file,
    })),
  );
}

/** Areas with a local authority of their own (whole-nation bodies left out). */
export function localAuthorities(passages: readonly UkPassage[]): Set<string> {
  return new Set(passages.map((p) => p.local_authority).filter((a) => a && !a.startsWith('none')));
}

/**
 * The held-back passages, by a fixed rule: within each batch and nation, passages in order of kind
 * and then id; every third one, starting with the second, is held back. This keeps about a third
 * of every nation back and spreads it over the kinds of publisher.
 */
export function heldBackByRule(passages: readonly UkPassage[]): Set<string> {
  const held = new Set<string>();
  const batches = new Set(passages.map((p) => p.batch));
  for (const batch of batches)
    for (const nation of NATIONS) {
      const group = passages
        .filter((p) => p.batch === batch && p.nation === nation)
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
      group.forEach((p, i) => {
        if (i % 3 === 1) held.add(p.id);
      });
    }
  return held;
}

/** Everything wrong with the set, one message each; empty when it is sound. */
export function checkUkPassages(passages: readonly UkPassage[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const held = heldBackByRule(passages);
  for (const [n, p] of passages.entries()) {
    const name = typeof p.id === 'string' && p.id ? p.id : `passage ${n + 1}`;
    for (const f of FIELDS) {
      if (typeof p[f] !== 'string' || !p[f].trim()) problems.push(`${name}: ${f} is missing or empty`);
    }
    if (seen.has(p.id)) problems.push(`${name}: id used twice`);
    seen.add(p.id);
    if (!(NATIONS as readonly string[]).includes(p.nation)) problems.push(`${name}: unknown nation "${p.nation}"`);
    if (!(KINDS as readonly string[]).includes(p.kind)) problems.push(`${name}: unknown kind "${p.kind}"`);
    if (!(SPLITS as readonly string[]).includes(p.split)) problems.push(`${name}: unknown split "${p.split}"`);
    else if ((p.split === 'held-back') !== held.has(p.id))
      problems.push(`${name}: split should be ${held.has(p.id) ? 'held-back' : 'dev'} by the rule`);
    if (p.nation === 'england' && !(ENGLISH_REGIONS as readonly string[]).includes(p.region))
      problems.push(`${name}: unknown English region "${p.region}"`);
    if (typeof p.url === 'string' && !/^https?:\/\/\S+$/.test(p.url)) problems.push(`${name}: url is not an address`);
    const words = typeof p.text === 'string' ? p.text.trim().split(/\s+/).length : 0;
    if (words < 80 || words > 250) problems.push(`${name}: ${words} words, want a paragraph or two`);
    if (!Array.isArray(p.jargon) || !p.jargon.length) problems.push(`${name}: no jargon annotated`);
    for (const key of ['jargon', 'plain', 'neutral'] as const) {
      if (key === 'neutral' && p[key] === undefined) continue;
      const forms: unknown[] = Array.isArray(p[key]) ? p[key] : [];
      if (!Array.isArray(p[key])) problems.push(`${name}: ${key} is not a list`);
      const once = new Set<unknown>();
      for (const form of forms) {
        if (typeof form !== 'string') problems.push(`${name}: ${key} entry ${JSON.stringify(form)} is not text`);
        else if (typeof p.text === 'string' && !p.text.includes(form))
          problems.push(`${name}: ${key} "${form}" does not occur in the text`);
        if (once.has(form)) problems.push(`${name}: ${key} "${String(form)}" listed twice`);
        once.add(form);
      }
    }
    for (const c of conflictsWithDecisions(p)) problems.push(`${name}: ${c}`);
  }
  return problems;
}

/** Default packs, plus a local pack when one is named after the passage's area (as the seeds' region). */
export function packsFor(p: Pick<UkPassage, 'local_authority'>): readonly string[] | undefined {
  const slug = p.local_authority.toLowerCase().replace(/[^a-z]+/g, '-');
  const local = PACK_INDEX.find((pack) => pack.id === slug && !DEFAULT_PACKS.includes(pack.id));
  return local ? [...DEFAULT_PACKS, local.id] : undefined;
}

export function scorePassage(p: UkPassage): PassageScore {
  return {
    file: p.id,
    id: p.id,
    nation: p.nation,
    kind: p.kind,
    split: p.split,
    batch: p.batch ?? basename(UK_PASSAGES),
    ...scoreText(p.text, p.jargon, p.plain ?? [], packsFor(p), p.neutral ?? []),
  };
}

export interface GroupTotals {
  passages: number;
  precision: number;
  recall: number;
  findings: number;
  correct: number;
  gold: number;
  found: number;
  /** Findings on neutral text, counted neither way. */
  neutral: number;
  missed: Map<string, number>;
  wrong: Map<string, number>;
  wrongPlain: Map<string, number>;
  byRule: Map<string, RuleTally>;
}

/** Adds each rule's tally in `from` to `into`. */
export function mergeRules(into: Map<string, RuleTally>, from: ReadonlyMap<string, RuleTally>): void {
  for (const [rule, t] of from) {
    const sum = tallyOf(into, rule);
    sum.marks += t.marks;
    sum.correct += t.correct;
  }
}

const merge = (into: Map<string, number>, from: Map<string, number>) => {
  for (const [k, n] of from) into.set(k, (into.get(k) ?? 0) + n);
};

/** Sums of the scores that fall in each group, groups in the order first met. */
export function groupTotals<S extends DocumentScore>(
  scores: readonly S[],
  key: (s: S) => string,
): Map<string, GroupTotals> {
  const groups = new Map<string, GroupTotals>();
  for (const s of scores) {
    const k = key(s);
    let g = groups.get(k);
    if (!g) {
      g = {
        passages: 0,
        precision: 1,
        recall: 1,
        findings: 0,
        correct: 0,
        gold: 0,
        found: 0,
        neutral: 0,
        missed: new Map(),
        wrong: new Map(),
        wrongPlain: new Map(),
        byRule: new Map(),
      };
      groups.set(k, g);
    }
    g.passages++;
    g.findings += s.findings;
    g.correct += s.correct;
    g.gold += s.gold;
    g.found += s.found;
    g.neutral += s.neutral;
    merge(g.missed, s.missed);
    merge(g.wrong, s.wrong);
    merge(g.wrongPlain, s.wrongPlain);
    mergeRules(g.byRule, s.byRule);
  }
  for (const g of groups.values()) {
    g.precision = g.findings ? g.correct / g.findings : 1;
    g.recall = g.gold ? g.found / g.gold : 1;
  }
  return groups;
}
