/**
 * Long forms a text gives for acronyms the glossary knows, written otherwise than the glossary
 * writes them: "Educational Psychology Team (EPS)" where the glossary has EPS as "educational
 * psychology service". The long form is the term, with the glossary's meaning.
 */
import type { Explanation } from './explanations.js';
import type { Glossary, GlossaryEntry } from './glossary.js';
import type { TermMatch } from './match.js';

export interface LongForm {
  start: number;
  end: number;
  /** The acronym as the text writes it. */
  acronym: string;
  entry: GlossaryEntry;
  /** False when the glossary would not report this acronym spelled out (several senses, a plain long form). */
  report: boolean;
}

const SMALL = new Set(['and', 'of', 'the', 'for', 'in', 'to', 'a', 'an', 'with', 'on', 'at', 'by']);

/**
 * Each explained acronym that the glossary has (and flags spelled out), whose long form in the text
 * is not already a glossary term, and shares at least half of its words with the glossary's long
 * form (so a chance match of letters, "Early Years Partnership (EYP)" for another EYP, is left alone).
 * `terms` sorted by start, as matchTerms gives them. Linear: one pass over explanations and terms.
 */
export function knownLongForms(
  text: string,
  explanations: readonly Explanation[],
  glossary: Glossary,
  terms: readonly TermMatch[],
): LongForm[] {
  const out: LongForm[] = [];
  if (explanations.length === 0) return out; // most paragraphs explain nothing
  const sorted = [...explanations].sort((a, b) => a.longStart - b.longStart);
  let t = 0;
  for (const e of sorted) {
    const entry = glossary.acronyms.get(e.acronym) ?? glossary.acronyms.get(e.acronym.toUpperCase());
    if (!entry) continue;
    while (t < terms.length && terms[t].end <= e.longStart) t++;
    let covered = false;
    for (let k = t; k < terms.length && terms[k].start < e.longEnd; k++) {
      const m = terms[k];
      if (m.form.entry.id === entry.id || (m.start <= e.longStart && m.end >= e.longEnd && !m.form.silent)) {
        covered = true;
        break;
      }
    }
    if (covered) continue;
    // An acronym of several senses, or whose long form is plain, is not reported spelled out (as
    // the glossary's own long forms are not: "overtime" for OT); it is still a name the glossary knows.
    const report = !entry.common && entry.flagExpansion !== false && !entry.senses && !!entry.expansion;
    if (report) {
      const words = contentWords(e.expansion);
      const theirs = contentWords(entry.expansion ?? '');
      let shared = 0;
      for (const w of theirs) if (words.has(w)) shared++;
      if (shared === 0 || shared < theirs.size / 2) continue;
    }
    // Quotes or brackets round the long form ("the term ‘learning difficulties’ (LDD)") are not part of it.
    let start = e.longStart;
    let end = e.longEnd;
    while (start < end && !isWordChar(text, start)) start++;
    while (end > start && !isWordChar(text, end - 1)) end--;
    out.push({ start, end, acronym: e.acronym, entry, report });
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
function isWordChar(text: string, i: number): boolean {
  return WORD_CHAR.test(text[i]);
}

/** Lower-case words without small joining words or a plural `s`: "Services for Children" → service, children. */
function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!w || SMALL.has(w)) continue;
    out.add(w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return out;
}
