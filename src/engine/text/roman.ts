/** Roman numerals ("Part VI", "Appendix II"), which look like acronyms but are not. */
export const ROMAN_NUMERAL = /^(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;

/** Words that are followed by a number in a document's structure. */
const NUMBERED = new Set([
  'part',
  'parts',
  'section',
  'sections',
  'chapter',
  'chapters',
  'appendix',
  'annex',
  'volume',
  'book',
  'article',
  'schedule',
  'paragraph',
  'phase',
  'stage',
  'level',
  'standard',
  'unit',
  'module',
  'page',
  'table',
  'figure',
  'step',
  'tier',
  'wave',
  'class',
  'form',
  'henry',
  'george',
  'edward',
  'elizabeth',
  'charles',
  'james',
  'william',
  'pope',
  'pius',
  'louis',
]);

/** True when `word` reads as a Roman numeral here: after "Part", "Chapter", ... or alone as a list number. */
export function isRomanNumeralAfter(word: string, previousWord: string | undefined): boolean {
  return ROMAN_NUMERAL.test(word) && previousWord !== undefined && NUMBERED.has(previousWord.toLowerCase());
}
