/** Plain SEND's engine: pure TypeScript, no DOM, no browser or Office API. */
export { analyse, createAnalyser, loadAnalyser, type AnalyseOptions, type Analyser } from './analyser.js';
export { AUDIENCES, DEFAULT_AUDIENCE, audience } from './audiences.js';
export {
  DEFAULT_PACKS,
  PACK_INDEX,
  loadPacks,
  loadedPacks,
  packInfo,
  type PackInfo,
  type PackSource,
} from './dictionary/builtin.js';
export { parseDictionary, parseOwnDictionary, MAX_DICTIONARY_BYTES } from './dictionary/parse.js';
export { validateDictionary, mergeFiles, type ValidateOptions, type ValidationResult } from './dictionary/validate.js';
export type {
  ContextPattern,
  DictionaryEntry,
  DictionaryFile,
  EntryContext,
  Pack,
  Sense,
  EntryKind,
} from './dictionary/schema.js';
export { scores, countSentences } from './readability.js';
export { paragraphs, sentences, words, type LineBreakMode } from './text/segment.js';
export { PARAGRAPH_RULES, DOCUMENT_RULES } from './rules/index.js';
export type * from './types.js';
export { ignoreKey, isIgnored, meaningKey } from './identity.js';
export * from './review/index.js';
