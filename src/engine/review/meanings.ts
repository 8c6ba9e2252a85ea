/**
 * "Add the meanings at the end": a short list of the terms a message uses, each with its plain
 * meaning, A to Z. Made again, it replaces the list already there instead of adding a second.
 * Pure text here; a rich editor's surface draws the same items as a heading and a list.
 */
import type { ReviewFinding, TextEdit } from './edits.js';
import { listWords } from './word-list.js';

export const MEANINGS_HEADING = 'Words in this email';

export interface Meaning {
  /** The headword, e.g. `EHCP`. */
  term: string;
  /** What a short form stands for, when it does not just repeat the term. */
  expansion?: string;
  /** The plain meaning (for a short form known only by its letters: what it stands for). */
  meaning: string;
}

/** The terms with a meaning, once per meaning, A to Z; names and short forms no glossary knows are left out. */
export function meaningsOf(findings: Iterable<ReviewFinding>): Meaning[] {
  const wanted = [...findings].filter(
    (f) => (f.category === 'acronym' || f.category === 'jargon') && (f.definition || f.expansion),
  );
  const items = listWords(wanted).map((w): Meaning => {
    const expansion = w.expansion && w.expansion.toLowerCase() !== w.term.toLowerCase() ? w.expansion : undefined;
    return { term: w.term, expansion, meaning: w.definition ?? `${expansion ?? w.expansion}.` };
  });
  // "LA" and "local authority" share one meaning: listed once, under the short form with its long one.
  const byMeaning = new Map<string, Meaning>();
  for (const m of items) {
    const had = byMeaning.get(m.meaning);
    if (!had || (!had.expansion && m.expansion)) byMeaning.set(m.meaning, m);
  }
  return items.filter((m) => byMeaning.get(m.meaning) === m);
}

/** One line of the list: `EHCP (Education, Health and Care plan): A plan that …`. */
export function meaningLine(m: Meaning): string {
  return `${m.expansion ? `${m.term} (${m.expansion})` : m.term}: ${m.meaning}`;
}

/** Where a list made before is: its heading on a line of its own, and the lines under it up to a blank line. */
export function findMeaningsBlock(
  text: string,
  heading = MEANINGS_HEADING,
): { start: number; end: number } | undefined {
  let block: { start: number; end: number } | undefined;
  // One pass over the lines: a long text with the heading's words in many sentences stays linear.
  for (let start = 0; start <= text.length;) {
    const n = text.indexOf('\n', start);
    const end = n < 0 ? text.length : n;
    const line = text.slice(start, end).trim();
    if (block) {
      if (line === '') return block;
      block.end = end;
    } else if (line === heading || line === `${heading}:`) block = { start, end };
    start = end + 1;
  }
  return block;
}

export interface MeaningsPlan {
  heading: string;
  items: Meaning[];
  /** The list as plain lines: the heading, then one line per term. */
  lines: string[];
  /** The list already in the text, to be replaced; absent: the list goes at the end. */
  replaces?: { start: number; end: number };
  /** The change to the plain text (absent when there is nothing to add and no list to take out). */
  edit?: TextEdit;
}

/**
 * The list for `text`, from its findings, as an edit: replacing the list made before (whose own
 * words are not counted), else added after the last words of the text with a blank line between.
 */
export function planMeanings(
  text: string,
  findings: Iterable<ReviewFinding>,
  heading = MEANINGS_HEADING,
): MeaningsPlan {
  const replaces = findMeaningsBlock(text, heading);
  const outside = [...findings].filter((f) => !replaces || f.end <= replaces.start || f.start >= replaces.end);
  const items = meaningsOf(outside);
  const lines = [heading, ...items.map(meaningLine)];
  const plan: MeaningsPlan = { heading, items, lines, replaces };
  if (replaces) {
    if (items.length) plan.edit = { ...replaces, text: lines.join('\n') };
    else {
      // Nothing to list any more: the old list goes, with the blank lines before it.
      let start = replaces.start;
      while (start > 0 && /\s/.test(text[start - 1])) start--;
      plan.edit = { start, end: replaces.end, text: '' };
    }
  } else if (items.length) {
    const closing = signOffStart(text);
    if (closing !== undefined) plan.edit = { start: closing, end: closing, text: `${lines.join('\n')}\n\n` };
    else {
      let end = text.length;
      while (end > 0 && /\s/.test(text[end - 1])) end--;
      plan.edit = { start: end, end, text: `${end > 0 ? '\n\n' : ''}${lines.join('\n')}` };
    }
  }
  return plan;
}

/** How letters and emails close, at the start of a line. */
const SIGN_OFF =
  /^(?:(?:with )?(?:kind|best|warm|many)(?:est)? (?:regards|wishes|thanks)|regards|thanks|thank you|yours (?:sincerely|faithfully|truly)|all the best|best)\b/i;

/**
 * Where the sign-off starts ("Kind regards," and the name under it), when it is among the last
 * six lines, after a blank line and not the whole text: the list goes above it, as a person would.
 */
export function signOffStart(text: string): number | undefined {
  let end = text.length;
  for (let lines = 0; lines < 6 && end > 0; lines++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (start > 0 && SIGN_OFF.test(line) && line.length <= 40 && blankLineBefore(text, start)) return start;
    if (start === 0) break;
    end = start - 1;
  }
  return undefined;
}

function blankLineBefore(text: string, lineStart: number): boolean {
  const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  return text.slice(previousStart, lineStart - 1).trim() === '';
}
