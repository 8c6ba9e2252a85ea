/**
 * The engine's entry point. An analyser holds one configuration and a cache of paragraph
 * results, so re-analysing a document after one keystroke redoes only the changed paragraph;
 * the document-level pass that follows sees findings, not text.
 */
import { audience as audienceFor } from './audiences.js';
import { ParagraphContext } from './context.js';
import { isIgnored } from './identity.js';
import { DEFAULT_PACKS, PACK_INDEX, loadedPacks, loadPacks, packInfo, type PackSource } from './dictionary/builtin.js';
import type { Pack } from './dictionary/schema.js';
import type { Explanation } from './glossary/explanations.js';
import { loadGlossary } from './glossary/compiled.js';
import type { Glossary } from './glossary/glossary.js';
import { addCounts, countSentences, emptyCounts, scores } from './readability.js';
import { glossaryTerm, outOfSenseFindings } from './rules/glossary-term.js';
import { DOCUMENT_RULES, PARAGRAPH_RULES } from './rules/index.js';
import { shiftedFinding, sortByPlace } from './rules/rule.js';
import { paragraphs, type LineBreakMode } from './text/segment.js';
import type { Analysis, AudienceId, Category, Finding, ParagraphReport, Readability, TextCounts } from './types.js';

export interface AnalyseOptions {
  /** Who will read the text (default `parent-carer`). */
  audience?: AudienceId;
  /** Built-in packs to use, by id (default: the national packs, everyday acronyms and plain words). */
  packs?: readonly string[];
  /** A school's shared packs and the user's own terms, in rising priority. */
  extraPacks?: readonly Pack[];
  /** Terms (any case) or entry ids never to flag. */
  ignore?: readonly string[];
  /** Categories to report (default: all). */
  categories?: readonly Category[];
  /** `'hard'` (default): every line break ends a sentence. `'soft'` for Markdown and hard-wrapped text. */
  lineBreaks?: LineBreakMode;
  /** Packs to choose from (default: the built-in ones loaded so far, see `loadPacks`). */
  available?: readonly Pack[];
  /** Also report entries marked `common` (words most readers know), as when a reader asks about a selection. */
  includeCommon?: boolean;
  /** `false` to skip the readability counts (a reader's page wants its words only): the scores are then all zero. */
  readability?: boolean;
}

interface ParagraphResult {
  findings: Finding[];
  /** Terms out of their SEND sense here, reported when the document shows that sense elsewhere (one sense per text). */
  outOfSense: Finding[];
  counts: TextCounts;
  longest: number;
  explanations: Explanation[];
  readability: Readability;
}

const CACHE_LIMIT = 20_000;

export interface Analyser {
  analyse(text: string): Analysis;
  readonly glossary: Glossary;
}

export function createAnalyser(options: AnalyseOptions = {}): Analyser {
  return analyserWith(options, loadGlossary(choosePacks(options), { includeCommon: options.includeCommon }));
}

/** An analyser over a glossary made elsewhere (the tests compare glossary builders through it). */
export function analyserWith(options: AnalyseOptions, glossary: Glossary): Analyser {
  const audience = audienceFor(options.audience);
  const mode = options.lineBreaks ?? 'hard';
  const ignored = new Set((options.ignore ?? []).map((t) => t.toLowerCase()));
  const categories = options.categories ? new Set(options.categories) : undefined;
  const cache = new Map<string, ParagraphResult>();
  // Rules that cannot report a wanted category are not run at all.
  const rules = categories
    ? PARAGRAPH_RULES.filter((r) => (r.emits ?? [r.category]).some((c) => categories.has(c)))
    : PARAGRAPH_RULES;
  const counting = options.readability !== false;
  const senses = rules.includes(glossaryTerm);

  const keepAll = !categories && ignored.size === 0;
  const keep = (f: Finding) =>
    (!categories || categories.has(f.category)) && (ignored.size === 0 || !isIgnored(f, ignored));

  /**
   * The last document's paragraphs and their results, in order. After a keystroke every other
   * paragraph is the same text at the same index, or at the same index from the end: comparing
   * with it costs a length check or a memory compare, where the cache's lookup hashes the text.
   */
  let previous: { bodies: string[]; results: ParagraphResult[] } = { bodies: [], results: [] };
  let current: { bodies: string[]; results: ParagraphResult[] } = { bodies: [], results: [] };

  /** Paragraph `k` of `count` in the document (see `previous`). */
  function paragraph(text: string, k: number, count: number): ParagraphResult {
    const result = reused(text, k, count) ?? analysed(text);
    current.bodies.push(text);
    current.results.push(result);
    return result;
  }

  function reused(text: string, k: number, count: number): ParagraphResult | undefined {
    const { bodies, results } = previous;
    if (bodies[k] === text) return results[k];
    const j = k + bodies.length - count;
    return j >= 0 && j !== k && bodies[j] === text ? results[j] : undefined;
  }

  function analysed(slice: string): ParagraphResult {
    // Copied first (a cheap copy) and looked up by the copy, which keeps the hash its lookup works
    // out: looked up by the slice, the paragraph was hashed twice, once more when kept.
    const text = ownCopy(slice);
    const hit = cache.get(text);
    if (hit) return hit;
    const context = new ParagraphContext(text, glossary, audience);
    const findings: Finding[] = [];
    for (const rule of rules) {
      const found = rule.check(context);
      for (let i = 0; i < found.length; i++) if (keepAll || keep(found[i])) findings.push(found[i]);
    }
    sortByPlace(findings);
    const outOfSense = senses ? apartFromFindings(outOfSenseFindings(context), findings) : NO_FINDINGS;
    const sentences = counting ? context.sentences() : [];
    const counts = counting ? countSentences(sentences) : emptyCounts();
    const longest = sentences.reduce((m, s) => Math.max(m, s.words.length), 0);
    const result = {
      findings,
      outOfSense: keepAll || outOfSense.length === 0 ? outOfSense : outOfSense.filter(keep),
      counts,
      longest,
      explanations: context.explanations(),
      readability: scores(counts, longest),
    };
    if (cache.size >= CACHE_LIMIT) {
      let drop = CACHE_LIMIT / 2;
      for (const key of cache.keys()) {
        cache.delete(key);
        if (--drop === 0) break;
      }
    }
    cache.set(text, result);
    return result;
  }

  /**
   * The entry for a short form the text explains, kept per analyser (its glossary does not change):
   * every analysis asks it of every explanation in the document, a keystroke's too.
   */
  const entryIds = new Map<string, string | undefined>();
  function entryIdFor(acronym: string): string | undefined {
    if (entryIds.has(acronym)) return entryIds.get(acronym);
    const id = glossary.acronyms.get(acronym)?.id ?? glossary.acronyms.get(acronym.toUpperCase())?.id;
    if (entryIds.size >= CACHE_LIMIT) entryIds.clear();
    entryIds.set(acronym, id);
    return id;
  }

  function analyse(text: string): Analysis {
    if (typeof text !== 'string') throw new TypeError('analyse() needs text (a string).');
    const findings: Finding[] = [];
    const explanations: Explanation[] = [];
    const reports: ParagraphReport[] = [];
    const total = emptyCounts();
    let longest = 0;
    const spans = paragraphs(text, mode);
    current = { bodies: [], results: [] };
    for (let k = 0; k < spans.length; k++) {
      const span = spans[k];
      let body = text.slice(span.start, span.end);
      // In soft mode a line break inside a paragraph is a space (same length, so offsets hold).
      if (mode === 'soft') body = body.replace(/[\r\n]/g, ' ');
      paragraph(body, k, spans.length);
    }
    const results = current.results;
    const shown = sensesShown(results);
    for (let k = 0; k < spans.length; k++) {
      const span = spans[k];
      const r = results[k];
      const shift = span.start;
      const place = (f: Finding) =>
        findings.push(shiftedFinding(f, shift, mode === 'soft' ? text.slice(f.start + shift, f.end + shift) : f.text));
      if (shown && r.outOfSense.length) mergeInSense(r.findings, r.outOfSense, shown, place);
      else for (const f of r.findings) place(f);
      for (const e of r.explanations)
        explanations.push({
          acronym: e.acronym,
          expansion: e.expansion,
          start: e.start + shift,
          end: e.end + shift,
          longStart: e.longStart,
          longEnd: e.longEnd,
        });
      addCounts(total, r.counts);
      longest = Math.max(longest, r.longest);
      reports.push({ start: span.start, end: span.end, readability: r.readability });
    }
    const facts = { explanations, entryIdFor };
    previous = current;
    for (const rule of DOCUMENT_RULES) rule.apply(findings, facts);
    const readability = scores(total, longest);
    return {
      findings,
      readability,
      paragraphs: reports,
      audience,
      withinAudience: readability.words === 0 || readability.readingAge <= audience.maxReadingAge,
    };
  }

  return { analyse, glossary };
}

const NO_FINDINGS: Finding[] = [];

/**
 * `extra` (in text order, none overlapping) without those that overlap a finding of `findings` (in text
 * order) on the same words. A long sentence's finding holds terms rather than taking their words, so it
 * keeps none out.
 */
function apartFromFindings(extra: readonly Finding[], findings: readonly Finding[]): Finding[] {
  if (extra.length === 0) return NO_FINDINGS;
  const out: Finding[] = [];
  // One sweep: the furthest end of the findings that start before `e` ends (one finding may reach past the next).
  let j = 0;
  let furthest = -1;
  for (const e of extra) {
    for (; j < findings.length && findings[j].start < e.end; j++)
      if (findings[j].category !== 'sentence') furthest = Math.max(furthest, findings[j].end);
    if (furthest <= e.start) out.push(e);
  }
  return out;
}

/**
 * The entries the document's terms show in their SEND sense somewhere, when some paragraph has a
 * word of such an entry out of that sense; else undefined (the usual case, at no cost).
 */
function sensesShown(results: readonly ParagraphResult[]): Set<string> | undefined {
  if (!results.some((r) => r.outOfSense.length > 0)) return undefined;
  const doubted = new Set<string>();
  for (const r of results) for (const f of r.outOfSense) doubted.add(f.entryId!);
  const shown = new Set<string>();
  for (const r of results)
    for (const f of r.findings) if (f.rule === 'glossary-term' && doubted.has(f.entryId!)) shown.add(f.entryId!);
  return shown.size ? shown : undefined;
}

/** Calls `push` on the findings, and on the terms out of sense whose sense the document shows, in text order. */
function mergeInSense(
  findings: readonly Finding[],
  outOfSense: readonly Finding[],
  shown: ReadonlySet<string>,
  push: (f: Finding) => void,
): void {
  let i = 0;
  for (const o of outOfSense) {
    if (!shown.has(o.entryId!)) continue;
    while (i < findings.length && findings[i].start <= o.start) push(findings[i++]);
    push(o);
  }
  while (i < findings.length) push(findings[i++]);
}

/**
 * `text` in a string of its own. A slice of a document (a paragraph, and every slice of it a finding
 * keeps) holds the whole document in memory, and a cached paragraph outlives its document: typing
 * into a long document kept a copy of all of it per keystroke. Flattening a joined string copies it.
 */
function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}

/**
 * Loads the built-in packs the options ask for (the defaults unless `packs` says), then makes
 * the analyser: what a surface calls when it does not load packs itself.
 */
export async function loadAnalyser(options: AnalyseOptions, source: PackSource): Promise<Analyser> {
  if (!options.available) await loadPacks(options.packs ?? DEFAULT_PACKS, source);
  return createAnalyser(options);
}

/** The packs an analyser with these options uses, in rising priority. */
export function choosePacks(options: AnalyseOptions): Pack[] {
  const available = options.available ?? loadedPacks();
  const wanted = options.packs ?? DEFAULT_PACKS;
  const byId = new Map(available.map((p) => [p.id, p]));
  for (const id of wanted) {
    if (byId.has(id)) continue;
    if (!options.available && packInfo(id))
      throw new Error(`The pack "${id}" is not loaded yet: load it first (loadPacks or loadAnalyser).`);
    const names = options.available ? [...byId.keys()] : PACK_INDEX.map((p) => p.id);
    throw new RangeError(`Unknown pack "${id}". Packs: ${names.join(', ')}.`);
  }
  // Built-in order, so that a region (later) wins over its nation, whatever order was asked for.
  const chosen = available.filter((p) => wanted.includes(p.id));
  return [...chosen, ...(options.extraPacks ?? [])];
}

/** One-off analysis. Analysers are cached by options, so repeated calls stay incremental. */
const analysers = new Map<string, Analyser>();
export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  const simple = !options.extraPacks && !options.available;
  if (!simple) return createAnalyser(options).analyse(text);
  const key = JSON.stringify(options);
  let analyser = analysers.get(key);
  if (!analyser) {
    if (analysers.size > 16) analysers.clear();
    analysers.set(key, (analyser = createAnalyser(options)));
  }
  return analyser.analyse(text);
}
