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
