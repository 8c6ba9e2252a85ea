/** Reviewing a whole message at once: the same text from the extension's panel and the Office panes. */
export { applyEdits, orderedEdits, type ReviewFinding, type TextEdit } from './edits.js';
export { shortFormEdits, unexplainedShortForms, EXPLAIN_AT_FIRST_USE } from './short-forms.js';
export { plainWordEdits } from './plain-words.js';
export {
  findMeaningsBlock,
  meaningLine,
  meaningsOf,
  planMeanings,
  signOffStart,
  MEANINGS_HEADING,
  type Meaning,
  type MeaningsPlan,
} from './meanings.js';
export * from './word-list.js';
