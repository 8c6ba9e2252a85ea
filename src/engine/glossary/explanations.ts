/**
 * Acronyms the text explains itself: "Education, Health and Care Plan (EHCP)",
 * "EHCP (Education, Health and Care Plan)", and glossary lines such as "SENCO – Special
 * Educational Needs Coordinator". The long form is checked letter by letter against the
 * short form (Schwartz and Hearst, 2003), so "(see page 4)" or "(PDF)" after an unrelated
 * phrase is not taken for an explanation.
 */
import { isAcronymLike } from './glossary.js';

export interface Explanation {
  /** The short form as written, without a plural `s`. */
  acronym: string;
  expansion: string;
  /** The whole pattern, long form and short form together. */
  start: number;
  end: number;
}

const PARENS = /\(([^()\n]{1,200})\)/g;
const GLOSSARY_LINE = /^([\p{L}\p{N}]{2,12})[ \t]*(?:[-–—:=][ \t]*|\t)([^\n]{3,200})$/u;
const CLAUSE_BREAK = /[.!?:;()\n\u2028]/;

export function findExplanations(text: string): Explanation[] {
  const out: Explanation[] = [];
  for (const m of text.matchAll(PARENS)) {
    const open = m.index;
    const close = open + m[0].length;
    const inner = m[1].trim();
    const shortInside = shortForm(inner);
    if (shortInside) {
      // "long form (SF)": look back over at most min(|SF| + 5, 2|SF|) words in the same clause.
      const before = clauseBefore(text, open);
      const long = longFormFor(
        shortInside,
        lastWords(before.text, Math.min(shortInside.length + 5, shortInside.length * 2)),
      );
      if (long)
        out.push({
          acronym: shortInside,
          expansion: long.text,
          start: before.start + before.text.length - long.fromEnd,
          end: close,
        });
      continue;
    }
    // "SF (long form)"
    // eslint-disable-next-line regexp/no-super-linear-move -- reads at most 20 characters
    const prev = /([\p{L}\p{N}]+)\s*$/u.exec(text.slice(Math.max(0, open - 20), open));
    const shortBefore = prev ? shortForm(prev[1]) : undefined;
    if (shortBefore && /\s/.test(inner)) {
      const long = longFormFor(shortBefore, inner);
      if (long && long.fromEnd >= inner.length - 4) {
        out.push({ acronym: shortBefore, expansion: inner, start: open - prev![0].length, end: close });
      }
    }
  }
  const line = GLOSSARY_LINE.exec(text);
  if (line) {
    const sf = shortForm(line[1]);
    const rest = line[2].split(/[.;(]/)[0].trim();
    const long = sf ? longFormFor(sf, rest) : undefined;
    if (sf && long && long.fromEnd >= rest.length - 4)
      out.push({ acronym: sf, expansion: rest, start: 0, end: text.length });
  }
  return out;
}

/** The short form if `word` is one (`EHCP`, `SaLT`, `EHCPs` → `EHCP`). */
function shortForm(word: string): string | undefined {
  if (!isAcronymLike(word) || word.length > 12) return undefined;
  return word.length > 2 && word.endsWith('s') && /\p{Lu}/u.test(word[word.length - 2]) ? word.slice(0, -1) : word;
}

function clauseBefore(text: string, end: number): { start: number; text: string } {
  let start = end;
  while (start > 0 && end - start < 300 && !CLAUSE_BREAK.test(text[start - 1])) start--;
  // eslint-disable-next-line regexp/no-super-linear-move -- reads at most 300 characters
  return { start, text: text.slice(start, end).replace(/\s+$/, '') };
}

function lastWords(text: string, n: number): string {
  const parts = text.split(/(?<=\s)(?=\S)/);
  return parts.slice(Math.max(0, parts.length - n)).join('');
}

/**
 * Schwartz and Hearst's long-form search: each character of the short form, right to left,
 * must appear in the long form, the first one at the start of a word. Returns the long form
 * and how far back it starts from the end of `candidate`.
 */
export function longFormFor(short: string, candidate: string): { text: string; fromEnd: number } | undefined {
  const sf = short.toLowerCase();
  const lf = candidate.toLowerCase();
  let s = sf.length - 1;
  let l = lf.length - 1;
  while (s >= 0) {
    const c = sf[s];
    if (!/[\p{L}\p{N}]/u.test(c)) {
      s--;
      continue;
    }
    while (l >= 0 && (lf[l] !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(lf[l - 1])))) l--;
    if (l < 0) return undefined;
    l--;
    s--;
  }
  const start = lf.lastIndexOf(' ', l) + 1;
  const text = candidate.slice(start).trim();
  const wordCount = text.split(/\s+/).length;
  if (wordCount < 2 && text.length <= short.length + 1) return undefined;
  if (text.toLowerCase() === sf) return undefined;
  return { text, fromEnd: candidate.length - start };
}
