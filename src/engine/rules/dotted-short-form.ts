/**
 * Short forms written with full stops ("A.L.N.", "E.H.C.P."): found as the short form itself, with
 * its glossary meaning when the glossary has it, else as an unknown short form. Everyday ones ("U.K.",
 * "a.m.", "e.g.") and people's initials ("J.R. Smith", "Dr A.B. Jones") are left alone.
 */
import type { ParagraphContext } from '../context.js';
import type { Form } from '../glossary/glossary.js';
import type { Token } from '../text/tokens.js';
import type { Finding } from '../types.js';
import { termFinding } from './glossary-term.js';
import { makeFinding, type ParagraphRule } from './rule.js';

const DOT = 46;
const MAX_LETTERS = 8;

/** Words before a person's initials ("Dr A.B. Jones"). */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'rev',
  'cllr',
  'lord',
  'lady',
]);

export const dottedShortForm: ParagraphRule = {
  id: 'dotted-short-form',
  category: 'acronym',
  description: 'Short forms written with full stops ("E.H.C.P."), found as the short form itself.',
  examples: {
    flag: ['The E.H.C.P. will list the help your child gets.', 'Please bring the form to the Q.R.B. meeting.'],
    pass: [
      'Come at 9 a.m., e.g. before school, i.e. early.',
      'She lived in the U.S. and the U.K. for years.',
      'Write to J.R.R. Smith or Dr A.B. Jones.',
      'Your child is in Year 6.',
    ],
  },
  check(context) {
    const out: Finding[] = [];
    const text = context.text;
    // Nothing to find without a letter and a full stop, then a letter: "A.L" (most paragraphs have none).
    if (!hasDottedLetters(text)) return out;
    const tokens = context.tokens();
    let i = 0;
    while (i < tokens.length) {
      const first = i;
      if (!isInitial(tokens[i]) || text.charCodeAt(tokens[i].end) !== DOT || isWordOrDot(text, tokens[i].start - 1)) {
        i++;
        continue;
      }
      // Capital letters each followed by a full stop, nothing between them: "A.L.N." (the last stop may be missing).
      let last = i;
      let letters = tokens[i].text;
      while (
        last + 1 < tokens.length &&
        text.charCodeAt(tokens[last].end) === DOT &&
        tokens[last + 1].start === tokens[last].end + 1 &&
        isInitial(tokens[last + 1])
      ) {
        last++;
        letters += tokens[last].text;
      }
      i = last + 1;
      if (last === first || letters.length > MAX_LETTERS) continue;
      const end = tokens[last].end + (text.charCodeAt(tokens[last].end) === DOT ? 1 : 0);
      // "A.L.N.s", "A.B.Smith": not a short form standing alone.
      if (isWordChar(text, end)) continue;
      if (context.glossary.known.has(letters)) continue; // U.K., U.S.A., P.S., a.m. in capitals
      if (first > 0 && TITLES.has(tokens[first - 1].lower) && tokens[first].start - tokens[first - 1].end <= 2)
        continue;
      // Initials before a name: "J.R.R. Tolkien", "A.B. Jones".
      const beforeName = last + 1 < tokens.length && tokens[last + 1].start === end + 1 && isName(tokens[last + 1]);
      const form = acronymForm(context, letters);
      if (form) {
        if (form.silent || (beforeName && letters.length < 3)) continue;
        const start = tokens[first].start;
        out.push(termFinding(context, { form, first, last, start, end }, 'dotted-short-form'));
        continue;
      }
      // Unknown: two letters are most often initials or an everyday abbreviation ("I.E.", "A.D.").
      if (letters.length < 3 || beforeName) continue;
      const start = tokens[first].start;
      const written = text.slice(start, end);
      out.push(
        makeFinding({
          category: 'acronym',
          rule: 'dotted-short-form',
          start,
          end,
          text: written,
          message: `"${written}" is an abbreviation the reader may not know. Spell it out the first time you use it.`,
          term: letters,
          suggestions: [],
          replacements: [],
          explained: false,
        }),
      );
    }
    return out;
  },
};

/** The glossary's one-word short form written with these capitals ("ALN"), as matching would find it. */
function acronymForm(context: ParagraphContext, letters: string): Form | undefined {
  const node = context.glossary.root.next.get(letters.toLowerCase());
  if (!node) return undefined;
  for (const form of node.forms) {
    if (!form.short || form.before || form.after || form.cases.length !== 1) continue;
    if (form.cases[0] === null || form.cases[0] === letters) return form;
  }
  return undefined;
}

/** One capital letter ("A", "Ł"). */
function isInitial(token: Token): boolean {
  if (token.text.length !== 1) return false;
  const c = token.text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && token.text !== token.text.toLowerCase());
}

/** A capital and then small letters: a surname or first name after initials. */
function isName(token: Token): boolean {
  const c = token.text.charCodeAt(0);
  return c >= 65 && c <= 90 && token.text.length > 1 && token.text.slice(1) === token.text.slice(1).toLowerCase();
}

function isWordChar(text: string, i: number): boolean {
  return i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text[i]);
}

/** A letter, digit or full stop just before: "www.B.B.C", "3.A.B" are not short forms. */
function isWordOrDot(text: string, i: number): boolean {
  return isWordChar(text, i) || text.charCodeAt(i) === DOT;
}

/** Somewhere a letter or digit, a full stop, and a letter or digit: where a dotted short form could be. By `indexOf`, stop to stop. */
function hasDottedLetters(text: string): boolean {
  for (let i = text.indexOf('.', 1); i >= 0 && i + 1 < text.length; i = text.indexOf('.', i + 1))
    if (isWordCharFast(text, i + 1) && isWordCharFast(text, i - 1)) return true;
  return false;
}

/** {@link isWordChar} by code for ASCII (a space after a full stop is most of what this sees). */
function isWordCharFast(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? ((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10 : isWordChar(text, i);
}
