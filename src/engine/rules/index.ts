/** The rule registry: every rule the engine runs, in order. A meta-test checks each is documented and tested. */
import { acronymFirstUse } from './acronym-first-use.js';
import { dottedShortForm } from './dotted-short-form.js';
import { glossaryTerm } from './glossary-term.js';
import { localName } from './local-name.js';
import { longSentence } from './long-sentence.js';
import { plainWord } from './plain-word.js';
import type { DocumentRule, ParagraphRule } from './rule.js';
import { unknownAcronym } from './unknown-acronym.js';

export const PARAGRAPH_RULES: readonly ParagraphRule[] = [
  glossaryTerm,
  dottedShortForm,
  unknownAcronym,
  localName,
  plainWord,
  longSentence,
];
export const DOCUMENT_RULES: readonly DocumentRule[] = [acronymFirstUse];
export type { DocumentRule, ParagraphRule } from './rule.js';
