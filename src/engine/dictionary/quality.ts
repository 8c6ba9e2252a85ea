/**
 * Checks that an entry is fit to ship: its definition is plain enough for a reader aged 9 to
 * 11, and its examples behave (each `flag` sentence finds the entry, no `pass` sentence does).
 * Used by the dictionary tests and by `scripts/check-dictionary.ts`; surfaces can use it to
 * warn about a user's own definitions.
 */
import { createAnalyser } from '../analyser.js';
import { countSentences, scores } from '../readability.js';
import { sentences } from '../text/segment.js';
import type { DictionaryEntry, Pack } from './schema.js';

export const MAX_DEFINITION_WORDS = 30;
export const MAX_DEFINITION_SENTENCE_WORDS = 20;
export const MAX_DEFINITION_READING_AGE = 11;

export function definitionProblems(definition: string): string[] {
  const s = sentences(definition);
  // A reduce, not Math.max(...): spreading 100,000 sentences into arguments overflows the stack.
  const r = scores(
    countSentences(s),
    s.reduce((m, x) => Math.max(m, x.words.length), 0),
  );
  const p: string[] = [];
  if (r.words > MAX_DEFINITION_WORDS)
    p.push(`the definition has ${r.words} words; keep it to ${MAX_DEFINITION_WORDS} or fewer.`);
  if (r.longestSentence > MAX_DEFINITION_SENTENCE_WORDS) {
    p.push(
      `a sentence in the definition has ${r.longestSentence} words; keep sentences to ${MAX_DEFINITION_SENTENCE_WORDS} or fewer.`,
    );
  }
  if (r.readingAge > MAX_DEFINITION_READING_AGE) {
    p.push(
      `the definition has a reading age of ${r.readingAge}; aim for ${MAX_DEFINITION_READING_AGE} or below (shorter sentences, shorter words).`,
    );
  }
  return p;
}

/** Definitions of an entry, including each sense's. */
export function definitionsOf(entry: DictionaryEntry): string[] {
  return entry.senses ? entry.senses.map((s) => s.definition) : entry.definition ? [entry.definition] : [];
}

/** Runs an entry's examples against its own pack (plus `context` packs, e.g. everyday acronyms). */
export function exampleProblems(pack: Pack, context: readonly Pack[] = []): Map<DictionaryEntry, string[]> {
  const analyser = createAnalyser({
    available: [...context, pack],
    packs: [...context.map((p) => p.id), pack.id],
    includeCommon: true,
  });
  const problems = new Map<DictionaryEntry, string[]>();
  for (const entry of pack.entries) {
    const id = `${pack.id}:${entry.term}`;
    const p: string[] = [];
    for (const sentence of entry.examples.flag) {
      const found = analyser.analyse(sentence).findings.some((f) => f.entryId === id);
      if (!found) p.push(`the example "${sentence}" should find the term but does not.`);
    }
    for (const sentence of entry.examples.pass ?? []) {
      const found = analyser.analyse(sentence).findings.some((f) => f.entryId === id);
      if (found) p.push(`the example "${sentence}" should not find the term but does.`);
    }
    if (p.length) problems.set(entry, p);
  }
  return problems;
}
