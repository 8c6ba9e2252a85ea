/**
 * Officialese written with a capital in the middle of a sentence is a name, not the word: "contact
 * Enquire for advice" names Scotland's advice service; "please enquire at the office" is the verb.
 * The matcher asks this of each plain-word match it finds (`MatchOptions.rejects`), so a glossary
 * entry for the name, where there is one, takes the words instead.
 */
import type { Token } from '../text/tokens.js';
import type { Form } from './glossary.js';

type Word = Pick<Token, 'start' | 'end' | 'text'>;

/**
 * True for a plain-word form whose first word has a capital, after a word in small letters in the
 * same sentence and before one (or the sentence's end): a name of its own. Inside a run of capitalised
 * words ("What is Additional Support?") it is left to be read as part of that title.
 */
export function namedNotMeant(text: string, tokens: readonly Word[], form: Form, first: number, last: number): boolean {
  if (form.entry.kind !== 'plain-word' || first === 0) return false;
  const c = tokens[first].text.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  const next = tokens[last + 1]?.text.charCodeAt(0) ?? 0;
  if (next >= 65 && next <= 90) return false;
  const before = tokens[first - 1];
  const b = before.text.charCodeAt(0);
  if (b < 97 || b > 122) return false;
  // Only spaces, commas, quotes and brackets between: no sentence or line ends there.
  for (let i = before.end; i < tokens[first].start; i++) {
    const g = text.charCodeAt(i);
    if (g === 46 || g === 33 || g === 63 || g === 58 || g === 59 || g === 10 || g === 13) return false;
  }
  return true;
}
