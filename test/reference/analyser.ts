/**
 * The engine as it was before the single scan over each paragraph (issue 13): its tokeniser,
 * sentence splitter, readability counts, glossary matcher and paragraph context, kept here
 * unchanged as the reference the tests hold the shipped engine to (test/engine/reference.test.ts),
 * the way compileGlossary is kept for the compiled glossary. Never shipped. The rules run from
 * src, on this context (they read it through the methods both have).
 */
import { choosePacks, type AnalyseOptions } from '../../src/engine/analyser.js';
import { audience as audienceFor } from '../../src/engine/audiences.js';
import type { ParagraphContext as ShippedContext } from '../../src/engine/context.js';
import type { Explanation } from '../../src/engine/glossary/explanations.js';
import { compileGlossary, type Glossary } from '../../src/engine/glossary/glossary.js';
import { isIgnored } from '../../src/engine/identity.js';
import { glossaryTerm, outOfSenseFindings } from '../../src/engine/rules/glossary-term.js';
import { DOCUMENT_RULES, PARAGRAPH_RULES } from '../../src/engine/rules/index.js';
import type { Analysis, Finding, ParagraphReport, Readability, TextCounts } from '../../src/engine/types.js';
import { ParagraphContext } from './context.js';
import { addCounts, countSentences, emptyCounts, scores } from './readability.js';
import { paragraphs } from './segment.js';

interface ParagraphResult {
  findings: Finding[];
  outOfSense: Finding[];
  counts: TextCounts;
  longest: number;
  explanations: Explanation[];
  readability: Readability;
}

/** The reference analyser, over the glossary built from the entries (compileGlossary). No paragraph cache. */
export function referenceAnalyser(options: AnalyseOptions = {}): {
  analyse(text: string): Analysis;
  glossary: Glossary;
} {
  const glossary = compileGlossary(choosePacks(options), { includeCommon: options.includeCommon });
  const audience = audienceFor(options.audience);
  const mode = options.lineBreaks ?? 'hard';
  const ignored = new Set((options.ignore ?? []).map((t) => t.toLowerCase()));
  const categories = options.categories ? new Set(options.categories) : undefined;
  const senses = !categories || (glossaryTerm.emits ?? []).some((c) => categories.has(c));
  const rules = (
    categories
      ? PARAGRAPH_RULES.filter((r) => (r.emits ?? [r.category]).some((c) => categories.has(c)))
      : PARAGRAPH_RULES
  ).map((r) => ({ check: (c: ParagraphContext) => r.check(c as unknown as ShippedContext) }));
  const counting = options.readability !== false;
  const keep = (f: Finding) => (!categories || categories.has(f.category)) && !isIgnored(f, ignored);

  function paragraph(text: string): ParagraphResult {
    const context = new ParagraphContext(text, glossary, audience);
    const findings: Finding[] = [];
    for (const rule of rules) for (const f of rule.check(context)) if (keep(f)) findings.push(f);
    findings.sort((a, b) => a.start - b.start || b.end - a.end);
    const outOfSense = senses
      ? outOfSenseFindings(context as unknown as ShippedContext).filter(
          (o) => keep(o) && !findings.some((f) => f.category !== 'sentence' && f.start < o.end && o.start < f.end),
        )
      : [];
    const sentences = counting ? context.sentences() : [];
    const counts = counting ? countSentences(sentences) : emptyCounts();
    const longest = sentences.reduce((m, s) => Math.max(m, s.words.length), 0);
    return {
      findings,
      outOfSense,
      counts,
      longest,
      explanations: context.explanations(),
      readability: scores(counts, longest),
    };
  }

  function analyse(text: string): Analysis {
    const findings: Finding[] = [];
    const explanations: Explanation[] = [];
    const reports: ParagraphReport[] = [];
    const total = emptyCounts();
    let longest = 0;
    const spans = paragraphs(text, mode);
    const results = spans.map((span) => {
      let body = text.slice(span.start, span.end);
      if (mode === 'soft') body = body.replace(/[\r\n]/g, ' ');
      return paragraph(body);
    });
    // One sense a text: a word out of its SEND sense counts where the text shows that sense elsewhere.
    const shown = new Set(
      results.flatMap((r) => r.findings.filter((f) => f.rule === 'glossary-term').map((f) => f.entryId)),
    );
    for (const [k, span] of spans.entries()) {
      const r = results[k];
      const inSense = [...r.findings, ...r.outOfSense.filter((o) => shown.has(o.entryId))].sort(
        (a, b) => a.start - b.start || b.end - a.end,
      );
      for (const f of inSense) {
        const start = f.start + span.start;
        const end = f.end + span.start;
        findings.push({
          ...f,
          start,
          end,
          text: mode === 'soft' ? text.slice(start, end) : f.text,
          replacements: [...f.replacements],
        });
      }
      for (const e of r.explanations) explanations.push({ ...e, start: e.start + span.start, end: e.end + span.start });
      addCounts(total, r.counts);
      longest = Math.max(longest, r.longest);
      reports.push({ start: span.start, end: span.end, readability: r.readability });
    }
    const facts = {
      explanations,
      entryIdFor: (a: string) => glossary.acronyms.get(a)?.id ?? glossary.acronyms.get(a.toUpperCase())?.id,
    };
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
