/** What a rule is: a small pure function from one paragraph to findings, plus its documentation. */
import type { Category, Finding } from '../types.js';
import type { ParagraphContext } from '../context.js';
import type { Explanation } from '../glossary/explanations.js';

export interface RuleExamples {
  /** Text in which the rule must find something. */
  flag: string[];
  /** Text in which it must find nothing. */
  pass: string[];
}

export interface ParagraphRule {
  id: string;
  category: Category;
  /** Every category it may report, when more than `category` (glossary-term: jargon and acronym). */
  emits?: readonly Category[];
  /** One line, for documentation and settings. */
  description: string;
  examples: RuleExamples;
  /** Findings with offsets into `context.text` (the paragraph). */
  check(context: ParagraphContext): Finding[];
}

/** A rule over the whole document, run after the paragraphs (cheap: it only sees findings). */
export interface DocumentRule {
  id: string;
  description: string;
  examples: RuleExamples;
  /** Adjusts findings in place; offsets are document offsets. */
  apply(findings: Finding[], document: DocumentFacts): void;
}

export interface DocumentFacts {
  /** Acronyms the text explains, in document order, document offsets. */
  explanations: readonly Explanation[];
  /** The glossary entry id for a short form, if the glossary has it. */
  entryIdFor(acronym: string): string | undefined;
}

/**
 * A finding with every field, in one order, `undefined` where the rule has none. Every rule makes
 * its findings through this, so they all share one shape: the analyser copies each finding into
 * every document it lands in, and a copy of one shape is cheap where a copy of many is not. The
 * fields keep the order each rule wrote them in, so JSON (which leaves out `undefined`) is unchanged.
 */
export function makeFinding(f: Finding): Finding {
  return {
    category: f.category,
    rule: f.rule,
    start: f.start,
    end: f.end,
    text: f.text,
    message: f.message,
    term: f.term,
    expansion: f.expansion,
    definition: f.definition,
    suggestions: f.suggestions,
    replacements: f.replacements,
    explained: f.explained,
    entryId: f.entryId,
    source: f.source,
  };
}

/** A copy of a paragraph's finding for a document: `shift` added to its offsets, its own `text` and replacements. */
export function shiftedFinding(f: Finding, shift: number, text: string): Finding {
  return {
    category: f.category,
    rule: f.rule,
    start: f.start + shift,
    end: f.end + shift,
    text,
    message: f.message,
    term: f.term,
    expansion: f.expansion,
    definition: f.definition,
    suggestions: f.suggestions,
    replacements: f.replacements.length === 0 ? [] : f.replacements.slice(),
    explained: f.explained,
    entryId: f.entryId,
    source: f.source,
  };
}

/**
 * Sorts findings by start, the longer first where they start together; stable, like `Array.sort`.
 * A paragraph has a few findings, most often in order already: checked first, and sorted by
 * insertion when short (no copy, where `Array.sort` makes one every call).
 */
export function sortByPlace<T extends { start: number; end: number }>(findings: T[]): T[] {
  const n = findings.length;
  let k = 1;
  while (k < n && !after(findings[k - 1], findings[k])) k++;
  if (k >= n) return findings;
  if (n > 32) return findings.sort((a, b) => a.start - b.start || b.end - a.end);
  for (; k < n; k++) {
    const f = findings[k];
    let j = k - 1;
    for (; j >= 0 && after(findings[j], f); j--) findings[j + 1] = findings[j];
    findings[j + 1] = f;
  }
  return findings;
}

/** `a` goes after `b`. */
function after(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start > b.start || (a.start === b.start && a.end < b.end);
}
