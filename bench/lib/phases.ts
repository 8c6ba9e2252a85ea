/**
 * Where Plain SEND's time goes: mirrors `createAnalyser().analyse(text)` (default options, fresh
 * analyser) with each phase timed on its own, using the engine's internal modules. The analyser
 * computes these pieces lazily inside the rules; here they are forced in order so each is billed once.
 */
import { audience as audienceFor } from '../../src/engine/audiences.js';
import { ParagraphContext } from '../../src/engine/context.js';
import { DEFAULT_PACKS, loadedPacks } from '../../src/engine/dictionary/builtin.js';
import type { Explanation } from '../../src/engine/glossary/explanations.js';
import { loadGlossary } from '../../src/engine/glossary/compiled.js';
import { addCounts, countSentences, emptyCounts, scores } from '../../src/engine/readability.js';
import { DOCUMENT_RULES, PARAGRAPH_RULES } from '../../src/engine/rules/index.js';
import { paragraphs } from '../../src/engine/text/segment.js';
import type { Finding, TextCounts } from '../../src/engine/types.js';
import { collectGarbage, median } from './stats.js';

/** Median milliseconds per phase over `runs` runs, after `warmup` untimed ones. */
export function phaseBreakdown(text: string, runs: number, warmup = 1): Array<{ phase: string; ms: number }> {
  const names = [
    'createAnalyser (load compiled glossary)',
    'split into paragraphs',
    'sentences + words',
    'tokens',
    'glossary matching (trie walk)',
    'explanations "Xyz (XYZ)"',
    ...PARAGRAPH_RULES.map((r) => `rule ${r.id}`),
    'sort findings',
    'readability counts (syllables…)',
    'assemble document (offsets, copies)',
    ...DOCUMENT_RULES.map((r) => `document rule ${r.id}`),
    'document scores',
  ];
  const per: number[][] = names.map(() => []);
  for (let run = 0; run < warmup + runs; run++) {
    collectGarbage();
    const acc = new Map<string, number>();
    let t = performance.now();
    const lap = (name: string) => {
      const n = performance.now();
      acc.set(name, (acc.get(name) ?? 0) + n - t);
      t = n;
    };
    // Mirrors createAnalyser().analyse(text) with default options, pieces timed separately.
    // The trie below each first word is built as the text first has it: billed to glossary matching.
    const glossary = loadGlossary(loadedPacks().filter((p) => DEFAULT_PACKS.includes(p.id)));
    const audience = audienceFor(undefined);
    lap(names[0]);
    const spans = paragraphs(text);
    lap(names[1]);
    const all: Array<{ start: number; findings: Finding[]; explanations: Explanation[]; counts: TextCounts }> = [];
    for (const span of spans) {
      const body = text.slice(span.start, span.end);
      const c = new ParagraphContext(body, glossary, audience);
      t = performance.now();
      const ss = c.sentences();
      lap('sentences + words');
      c.tokens();
      lap('tokens');
      c.terms();
      lap('glossary matching (trie walk)');
      const explanations = c.explanations();
      lap('explanations "Xyz (XYZ)"');
      const found: Finding[] = [];
      for (const rule of PARAGRAPH_RULES) {
        found.push(...rule.check(c));
        lap(`rule ${rule.id}`);
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      lap('sort findings');
      const counts = countSentences(ss);
      scores(counts, 0);
      lap('readability counts (syllables…)');
      all.push({ start: span.start, findings: found, explanations, counts });
    }
    const docFindings: Finding[] = [];
    const docExplanations: Explanation[] = [];
    const total = emptyCounts();
    for (const p of all) {
      for (const f of p.findings)
        docFindings.push({ ...f, start: f.start + p.start, end: f.end + p.start, replacements: [...f.replacements] });
      for (const e of p.explanations) docExplanations.push({ ...e, start: e.start + p.start, end: e.end + p.start });
      addCounts(total, p.counts);
    }
    lap('assemble document (offsets, copies)');
    const facts = {
      explanations: docExplanations,
      entryIdFor: (a: string) => glossary.acronyms.get(a)?.id ?? glossary.acronyms.get(a.toUpperCase())?.id,
    };
    for (const rule of DOCUMENT_RULES) {
      rule.apply(docFindings, facts);
      lap(`document rule ${rule.id}`);
    }
    scores(total);
    lap('document scores');
    if (run >= warmup) names.forEach((n, i) => per[i].push(acc.get(n) ?? 0));
  }
  return names.map((phase, i) => ({ phase, ms: median(per[i]) }));
}

/** What the timer calls of one `phaseBreakdown` run cost (they are spread over the phases). */
export function timerOverheadMs(text: string): number {
  const calls = paragraphs(text).length * (6 + PARAGRAPH_RULES.length) + 8;
  let sink = 0;
  const t = performance.now();
  for (let i = 0; i < calls; i++) sink += performance.now();
  return sink > 0 ? performance.now() - t : 0;
}
