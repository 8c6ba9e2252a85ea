/** Runs of capitals that are not in any glossary and that a reader may not know. */
import type { Explanation } from '../glossary/explanations.js';
import { isAcronymLike, isAcronymLikeToken } from '../glossary/glossary.js';
import type { TermMatch } from '../glossary/match.js';
import { isEverydayWord } from '../readability.js';
import { ROMAN_NUMERAL } from '../text/roman.js';
import type { Token } from '../text/tokens.js';
import type { Finding } from '../types.js';
import { makeFinding, type ParagraphRule } from './rule.js';

export const unknownAcronym: ParagraphRule = {
  id: 'unknown-acronym',
  category: 'acronym',
  description: 'Acronyms that are in no glossary and that the reader may not know.',
  examples: {
    flag: ['Please bring the form to the QRB meeting.', 'The LPRG shows rising need.'],
    pass: [
      'I saw the GP in the UK.',
      'Part II of the report is OK.',
      'PLEASE READ THIS LETTER CAREFULLY',
      'Your child is in Year 6.',
      'Write to us at 12 High Street, Belfast BT1 5GS.',
      'We met at the AJ Bell Stadium.',
    ],
  },
  check(context) {
    const out: Finding[] = [];
    const terms = context.terms();
    // Short forms the paragraph spells out: "SAFE (Supporting All Families Early)" is no word in capitals.
    const explanations = context.explanations();
    const spelledOut = explanations.length ? new Set(explanations.map((e) => e.acronym)) : undefined;
    let spelledAsTerm: Set<string> | undefined;
    let t = 0;
    const tokens = context.tokens();
    for (let n = 0; n < tokens.length; n++) {
      const token = tokens[n];
      while (t < terms.length && terms[t].end <= token.start) t++;
      if (t < terms.length && terms[t].start <= token.start) continue; // part of a glossary term
      if (!isAcronymLikeToken(token) || context.isShouting(token.start)) continue;
      const base = token.singularText && isAcronymLike(token.singularText) ? token.singularText : token.text;
      // An everyday short form that the text spells out as a SEND term ("Parent Partnership Service
      // (PPS)", not a postscript) is the text's own acronym for that term.
      if (
        (context.glossary.known.has(base.toUpperCase()) &&
          !(spelledAsTerm ??= spelledAsTerms(explanations, terms)).has(base)) ||
        ROMAN_NUMERAL.test(base)
      )
        continue;
      // Words in capitals for emphasis or as headings ("NOTE", "DATE", "POLICY"), not acronyms.
      if (
        (isEverydayWord(base.toLowerCase()) ||
          readsAsLongWord(base) ||
          (looksLikeWord(base) && (base.length >= 6 || context.hasNoSmallLetters(token.start)))) &&
        !spelledOut?.has(base)
      )
        continue;
      // A document's state in its title or file name ("FINAL EM EDIT.pdf"): the word, and initials
      // standing between two such words, are no acronyms.
      if (
        STATUS.has(base) ||
        HEADINGS.has(base) ||
        (base.length <= 3 && STATUS.has(tokens[n - 1]?.text ?? '') && STATUS.has(tokens[n + 1]?.text ?? ''))
      )
        continue;
      // With a digit it is a code: a postcode (BT1 5GS, CF10 3NQ), a reference or a room (A12B3, G14).
      if (hasDigit(base)) continue;
      // Part of a place's name that says it is a place ("the AJ Bell Stadium", "the ACC Arena").
      if (inPlaceName(context.text, tokens, n)) continue;
      out.push(
        makeFinding({
          category: 'acronym',
          rule: 'unknown-acronym',
          start: token.start,
          end: token.end,
          text: token.text,
          message: `"${token.text}" is an abbreviation the reader may not know. Spell it out the first time you use it.`,
          term: base,
          suggestions: [],
          replacements: [],
          explained: false,
        }),
      );
    }
    return out;
  },
};

/**
 * Short forms whose long form in the text holds a glossary term that is marked ("Parent Partnership
 * Service (PPS)"). One pass: explanations and terms both in text order.
 */
function spelledAsTerms(explanations: readonly Explanation[], terms: readonly TermMatch[]): Set<string> {
  const out = new Set<string>();
  const sorted = [...explanations].sort((a, b) => a.longStart - b.longStart);
  let t = 0;
  for (const e of sorted) {
    while (t < terms.length && terms[t].end <= e.longStart) t++;
    for (let k = t; k < terms.length && terms[k].start < e.longEnd; k++) {
      const m = terms[k];
      if (!m.form.silent && m.form.entry.kind !== 'plain-word') {
        out.add(e.acronym);
        break;
      }
    }
  }
  return out;
}

/** A document's own parts, as headings in capitals ("CONTENTS", "APPENDIX"): no acronyms. */
const HEADINGS = new Set([
  'CONTENTS',
  'FOREWORD',
  'PREFACE',
  'GLOSSARY',
  'APPENDIX',
  'APPENDICES',
  'ANNEX',
  'ANNEXE',
  'INDEX',
  'SUMMARY',
  'REFERENCES',
  'CONTACTS',
]);

/** Words in capitals that say which copy of a document it is ("DRAFT", "FINAL EDIT"). */
const STATUS = new Set(['FINAL', 'DRAFT', 'EDIT', 'COPY', 'AMENDED', 'REVISED', 'UPDATED', 'VERSION']);

/**
 * Pronounceable like an English word: four or more letters, vowels, no run of three consonants
 * ("POLICY", not "CAMHS"). Six letters or more, such words in capitals are headings or emphasis.
 */
export function looksLikeWord(word: string): boolean {
  return /^[A-Z]{4,}$/.test(word) && /[AEIOU]/.test(word) && !/[^AEIOUY]{3}/.test(word);
}

/**
 * Eight letters or more, a third of them vowels, no five consonants in a row: a word in capitals
 * ("INTRODUCTORY", "INSTRUCTIONS"), which an acronym that long hardly ever is.
 */
function readsAsLongWord(word: string): boolean {
  if (word.length < 8 || !/^[A-Z]+$/.test(word)) return false;
  const vowels = word.replace(/[^AEIOUY]/g, '').length;
  return vowels * 3 >= word.length && !/[^AEIOUY]{5}/.test(word);
}

/** Any digit makes a code, not an acronym ("A12B3", "BT1"). By character code: this runs per capitalised word. */
export function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c >= 128 && /\p{N}/u.test(String.fromCodePoint(word.codePointAt(i)!))) return true;
  }
  return false;
}

/** The last word of a place's name that says it is a place to go to. */
const PLACES = new Set([
  'airport',
  'arena',
  'avenue',
  'cathedral',
  'chapel',
  'church',
  'hotel',
  'lane',
  'library',
  'museum',
  'park',
  'road',
  'square',
  'stadium',
  'station',
  'street',
  'theatre',
]);

/** Within three capitalised words after token `n`, one space apart, a word that ends a place's name. */
function inPlaceName(text: string, tokens: readonly Token[], n: number): boolean {
  for (let k = n + 1; k <= n + 3 && k < tokens.length; k++) {
    const t = tokens[k];
    if (t.start - tokens[k - 1].end !== 1 || text.charCodeAt(tokens[k - 1].end) !== 32) return false;
    const c = t.text.charCodeAt(0);
    if (c < 65 || c > 90) return false;
    if (PLACES.has(t.lower)) return true;
  }
  return false;
}
