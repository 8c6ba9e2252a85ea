/**
 * Titles that say what they are: the title of an Act or Order ("the Education (Additional Support
 * for Learning) (Scotland) Act 2004") and the name of a body that ends or starts with what kind of
 * body it is ("Gloucestershire Dyslexia Association", "Royal College of Occupational Therapists").
 * A term inside such a title is part of its name: the reader sees a law or a body, not the term.
 */
import { capsOfToken, UPPER_FIRST, type Token } from './tokens.js';

/** The word a law's title ends in, before its year. */
const LAWS = new Set(['act', 'order', 'regulations']);
/** The last word of a body's name that says what kind of body it is. */
const BODIES = new Set([
  'agency',
  'alliance',
  'association',
  'charity',
  'commission',
  'federation',
  'foundation',
  'institute',
  'society',
  'university',
]);
/**
 * A body's name that starts with what kind of body it is, then "of" or "for" and what it is for
 * ("Royal College of Occupational Therapists", "Council for Disabled Children").
 */
const BODIES_OF = new Set([...BODIES, 'academy', 'college', 'confederation', 'council', 'faculty']);
/** How far past a term its title may go on. */
const REACH = 10;

/**
 * True when the term in tokens `first`..`last` is written with a capital and is a part of such a
 * title, which runs on past it in capitalised words, brackets and a year to the word that says what
 * it is, or that follows the start of a body's name saying what it is ("Royal College of …"). A term
 * that is the whole title ("Mental Capacity Act", "Public Health Agency") is not: the glossary names
 * that law or body itself. Looks at most {@link REACH} words ahead (and three back), so a pass over
 * a paragraph stays linear.
 */
export function inTitle(text: string, tokens: readonly Token[], first: number, last: number): boolean {
  if (!capitalised(tokens[first])) return false;
  if (namedAfter(text, tokens, first)) return true;
  const end = Math.min(tokens.length, last + 1 + REACH);
  for (let j = last + 1; j < end; j++) {
    const t = tokens[j];
    if (!bracketGap(text, tokens[j - 1].end, t.start)) return false;
    // Past the term a bracket holds one word of the title ("(Wales) Act"), not a citation after it
    // ("Code of Practice (Education (NI) Order 1996)" cites a law; the code is not the law).
    if (opens(text, tokens[j - 1].end, t.start) && text[t.end] !== ')') return false;
    // Past the term, only its title's own words: not "and" or "the", which would join another name
    // ("the Local Offer and the Children and Families Act").
    if (!(capitalised(t) || t.lower === 'of' || t.lower === 'for' || isYear(t.text))) return false;
    // "… Act", "… Act 2018", "… Order 1996"; not "a Care Order" (a court order is a term).
    if (t.lower === 'act' || (LAWS.has(t.lower) && isYear(tokens[j + 1]?.text ?? ''))) return true;
    if (BODIES.has(t.lower)) return true;
  }
  return false;
}

/**
 * The term follows "College of", "Association for" (…) in a body's name: the body is named for what
 * it works on ("the British Association of Occupational Therapists"), the words a space apart.
 */
function namedAfter(text: string, tokens: readonly Token[], first: number): boolean {
  let j = first - 1;
  if (j >= 1 && tokens[j].text === 'the') j--;
  if (j < 1 || (tokens[j].text !== 'of' && tokens[j].text !== 'for')) return false;
  const body = tokens[j - 1];
  return (
    capitalised(body) &&
    BODIES_OF.has(body.lower) &&
    bracketGap(text, body.end, tokens[j].start) &&
    bracketGap(text, tokens[j].end, tokens[j + 1].start)
  );
}

/** A word that ends a body's name and says what kind of body it is ("Association", "Foundation"). */
export function isBodyWord(lower: string): boolean {
  return BODIES.has(lower);
}

function capitalised(t: Token | undefined): boolean {
  return t !== undefined && (capsOfToken(t) & UPPER_FIRST) !== 0;
}

function isYear(word: string): boolean {
  return word.length === 4 && /^(?:1[89]|20)\d\d$/.test(word);
}

/** An opening bracket in the (short) gap between two words. */
function opens(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] === '(') return true;
  return false;
}

/** Between two words of a title: spaces and brackets only, a few characters ("Education (NI) Order"). */
function bracketGap(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '(' && c !== ')' && c !== '\u00a0') return false;
  }
  return true;
}

/** The first word of a job title "… of" a service ("Head of Education and Inclusion Services"); the chair of a body is no such title ("Chair of the Parent Carer Forum"). */
const ROLE_HEADS = new Set(['head', 'director', 'manager']);

/** How far back a job title's first word may stand: "Head of Education, Skills and Inclusion Services". */
const ROLE_REACH = 6;

/**
 * The words `first`… come after "Head of" (or "Director of", …) in one run of capitalised words and
 * joiners: the job title says what the person does ("the Head of Education and Inclusion Services").
 */
export function inJobTitle(tokens: readonly Token[], first: number): boolean {
  for (let j = first - 1; j >= 1 && first - j <= ROLE_REACH; j--) {
    const t = tokens[j];
    if (t.lower === 'of') return capitalised(tokens[j - 1]) && ROLE_HEADS.has(tokens[j - 1].lower);
    if (!(capitalised(t) || t.lower === 'and')) return false;
  }
  return false;
}
